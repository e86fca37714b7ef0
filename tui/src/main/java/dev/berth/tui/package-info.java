/**
 * The console: what {@code berth} with no arguments opens.
 *
 * <h2>The main screen</h2>
 * <pre>
 *  berth  host  up 2d 02:07  load 0.52 0.40 0.33  berth 1.2% 85M      READ-ONLY 03:00:00   title row
 * CPU[|||||||||              23.4%] Mem[||||||||||||||     1.2G/4.0G]                        meter rows
 * Swp[                     0B/1.0G] Ctr    4 running 3 frozen 1 other 0                      (1 or 2 columns,
 * IO  read  1.5M/s  write  300K/s   Net rx   12K/s  tx  3.0K/s                                by width)
 *   0[||||||||           30.0%]       1[||||         16.8%]           panel c  (per core)
 * Mem total 4.0G used 1.2G buffers 50M cache 900M avail 2.0G          panel m  (memory)
 * DISK  READ/s WRITE/s  |  IFACE RX/s TX/s  |  PID CPU% RSS COMMAND   panels d, n, t
 * NAME        RUNTIME STATE   CPU%v CPULIM  MEM MEMLIM MEM% IOR/s IOW/s RX/s TX/s PIDS      table header
 * db          runc    running  80.1   max  900M   max  22.0  5.0M    0B 1.0K 512B    3      table body
 * web         berth   running  45.5   max  120M  512M  23.4  2.0K    0B 1.0K 512B    3      (selected row
 * 4/4 containers, sort CPU%  | or the last action's result / error                          status line
 * ?Help EnterDetail /Filter >Sort TTree eLimits fFreeze sStop xKill lLaunch qQuit            footer
 * </pre>
 * Columns that do not fit a narrow terminal are dropped by priority ({@link dev.berth.tui.screen.Column});
 * panels that do not fit are left out; below 30x8 the screen says "terminal too small".
 *
 * <h2>The detail view (Enter)</h2>
 * <pre>
 *  db   runc  running  /berth/db                                            title
 * CPU       80.1%  |         ▂▃▅▆█                                          history graphs, 1..3 rows each
 * MEM        900M  |      ▅▅▅▅▅▅▅▅▅                                         (newest at the right)
 * IO       5.0M/s  ...    NET  1.5K/s ...
 * Limits                              Memory  working set 900M of max       scrollable body,
 *  cpu quota  max  memory max 512M     anon 100M  file 20M                  two columns when wide
 * Pressure  cpu/memory/io some/full   Block IO per device, Network per interface
 *     PID  CPU%   RSS  COMMAND                                              processes
 * </pre>
 * Overlays drawn on top: help ({@code ?}, generated from the key table), the limit and launch
 * forms, confirmations of destructive actions, the signal chooser.
 *
 * <h2>Calling flow</h2>
 * <pre>
 *  sampler thread            UI thread (ConsoleApp.loop)                 input thread
 *  SnapshotSource.sample --&gt; queue --&gt; ConsoleController.onSnapshot   screen.readInput
 *                                     ConsoleController.handle(key) &lt;-- queue
 *                                       KeyBindings -&gt; Action -&gt; Result (never draws)
 *                                       ActionHandler -&gt; background worker -&gt; ContainerActions
 *                                     ScreenRenderer.render(state)   (every cell, each frame)
 *                                     Screen.refresh(DELTA)          (sends only changed cells)
 * </pre>
 * Packages: {@code view} (immutable view-model records), {@code sample} (sampler thread and the
 * adapter from the collectors' models), {@code screen} (state, controller, layout and renderers),
 * {@code meter} (meter values and their drawing), {@code keys} (actions and the key table),
 * {@code action} (what the console does to containers), {@code style} (themes and glyphs),
 * {@code format} (fixed-width numbers). The resize listener only enqueues a wake-up; the UI thread
 * applies the new size. The terminal is restored in {@code finally} and by a shutdown hook
 * (SIGINT, SIGTERM, SIGHUP).
 */
package dev.berth.tui;

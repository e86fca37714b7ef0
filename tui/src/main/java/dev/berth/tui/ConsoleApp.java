package dev.berth.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ExtendedTerminal;
import com.googlecode.lanterna.terminal.MouseCaptureMode;
import com.googlecode.lanterna.terminal.Terminal;
import dev.berth.tui.action.ContainerActions;
import dev.berth.tui.keys.KeyBindings;
import dev.berth.tui.keys.Result;
import dev.berth.tui.sample.SampleRequest;
import dev.berth.tui.sample.Sampler;
import dev.berth.tui.sample.SnapshotSource;
import dev.berth.tui.screen.ConsoleController;
import dev.berth.tui.screen.ConsoleState;
import dev.berth.tui.screen.Effects;
import dev.berth.tui.screen.RecordedHistory;
import dev.berth.tui.screen.Replay;
import dev.berth.tui.screen.ScreenRenderer;
import dev.berth.tui.style.Glyphs;
import dev.berth.tui.style.Theme;
import dev.berth.tui.terminal.FrameGate;
import dev.berth.tui.terminal.InputWait;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs the console on a terminal: owns the lanterna {@link Screen}, the UI thread's event loop,
 * the sampler thread, the input thread and the action worker, and restores the terminal however
 * the console ends (quit, exception, SIGINT/SIGTERM/SIGHUP via a shutdown hook).
 *
 * <p>Threads: only the UI thread (the caller of {@link #run()}) touches {@link ConsoleState} and
 * draws. The others post {@link Runnable}s to one queue: the input thread posts key strokes, the
 * sampler posts immutable snapshots, SIGWINCH and the resize listener post {@link #windowChanged}
 * (the size is asked for and applied on the UI thread), the action worker posts results.
 */
public final class ConsoleApp {
    /**
     * How to run.
     *
     * @param interval time between samples
     * @param color colours, or monochrome
     * @param unicode Unicode glyphs, or plain ASCII
     * @param mouse capture the mouse (click, wheel)
     * @param allCgroups start by listing every cgroup, not only containers
     */
    public record Options(Duration interval, boolean color, boolean unicode, boolean mouse, boolean allCgroups) {
    }

    private final Terminal terminal;
    private final SnapshotSource source;
    private final ContainerActions actions;
    private final Options options;
    private final InstantSource clock;
    private final BlockingQueue<Runnable> events = new LinkedBlockingQueue<>();
    private final AtomicBoolean restored = new AtomicBoolean();
    /** Frames and the restore of the terminal, kept apart; shared with the terminal where it has a gate. */
    private final FrameGate frames;
    /** How often the input thread looks for keys while typing goes on: short enough not to be felt. */
    private static final java.time.Duration INPUT_POLL = java.time.Duration.ofMillis(15);
    /** How long after the last input it keeps looking that often (lanterna resolves a lone ESC by its timeout). */
    private static final java.time.Duration INPUT_ACTIVE = java.time.Duration.ofSeconds(1);
    /** The longest wait for input when idle, where only a sleep can wait: the key latency then. */
    private static final java.time.Duration INPUT_IDLE_WAIT = java.time.Duration.ofMillis(500);
    /**
     * The longest wait for input when idle where the wait ends on input ({@code poll(2)}): how late the input thread
     * notices that the console has ended (it then reads nothing and ends). Each wake-up costs ~0.2 ms of CPU, so
     * twice a second was 0.4 ms/s of an idle console's ~6 (bench/RESULTS.md).
     */
    private static final java.time.Duration INPUT_IDLE_POLL_WAIT = java.time.Duration.ofSeconds(10);
    private Supplier<InputWait> inputWait = () -> InputWait.SLEEP;
    private final AtomicReference<SampleRequest> request = new AtomicReference<>(SampleRequest.DEFAULT);
    private TerminalScreen screen;
    private ConsoleController controllerRef;
    private Optional<Replay> replay = Optional.empty();
    private Optional<RecordedHistory> recorded = Optional.empty();
    private sun.misc.SignalHandler previousWinch;

    /** A console on {@code terminal} (not yet started). */
    public ConsoleApp(Terminal terminal, SnapshotSource source, ContainerActions actions, Options options,
            InstantSource clock) {
        this.terminal = terminal;
        this.source = source;
        this.actions = actions;
        this.options = options;
        this.clock = clock;
        this.frames = terminal instanceof FrameGate.Gated g ? g.frames() : new FrameGate();
    }

    /** Lets the detail graphs start with what a recorder stored before the console opened. */
    public ConsoleApp recordedHistory(RecordedHistory r) {
        this.recorded = Optional.of(r);
        return this;
    }

    /**
     * Makes the input thread wait for keys with the wait {@code wait} gives
     * ({@link dev.berth.tui.terminal.PollInputWait}
     * on a real terminal) when idle, rather than look every 15 ms. {@code wait} is called on the input thread after
     * the first second without input, so that binding it (jnr-ffi) costs the first frame nothing.
     */
    public ConsoleApp waitingForInputWith(Supplier<InputWait> wait) {
        this.inputWait = wait;
        return this;
    }

    /** Makes this console a replay of recorded history ({@code berth replay}): its keys and header banner. */
    public ConsoleApp replaying(Replay r) {
        this.replay = Optional.of(r);
        return this;
    }

    /** Runs until the user quits; returns the exit code. The terminal is restored before returning. */
    public int run() throws IOException {
        Thread hook = new Thread(this::restore, "berth-restore-terminal");
        Runtime.getRuntime().addShutdownHook(hook);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "berth-actions");
            t.setDaemon(true);
            return t;
        });
        ConsoleState state = new ConsoleState(options.color() ? Theme.color() : Theme.monochrome(),
                options.unicode() ? Glyphs.unicodeSet() : Glyphs.asciiSet(), actions.unavailableReason());
        state.setShowAll(options.allCgroups());
        KeyBindings keys = KeyBindings.defaults();
        AtomicReference<Sampler> samplerRef = new AtomicReference<>();
        Effects effects = new Effects() {
            @Override
            public void background(Runnable work) {
                worker.execute(work);
            }

            @Override
            public void onUiThread(Runnable work) {
                events.add(work);
            }

            @Override
            public void sampleNow() {
                // Wake the sampler from the UI thread, after publishing what the UI now asks for: woken at once, the
                // early sample could read the request of before the key (the loop publishes it only after handling
                // the key), e.g. the detail view opening would get a sample without its detail (and, in replay, a
                // step). Posted, since this is also called from the action worker.
                events.add(() -> {
                    request.set(controllerRef.sampleRequest());
                    Sampler sm = samplerRef.get();
                    if (sm != null) {
                        sm.sampleNow();
                    }
                });
            }
        };
        ConsoleController controller = new ConsoleController(state, keys, actions, effects, clock);
        controllerRef = controller;
        replay.ifPresent(controller::setReplay);
        recorded.ifPresent(r -> controller.setRecordedHistory(r, options.interval()));
        request.set(controller.sampleRequest());
        ScreenRenderer renderer = new ScreenRenderer(keys);
        Sampler sampler = new Sampler(source, options.interval(), request::get,
                snap -> events.add(() -> controller.onSnapshot(snap)),
                e -> events.add(() -> controller.onSampleError(String.valueOf(e.getMessage()))));
        samplerRef.set(sampler);
        try {
            screen = new TerminalScreen(terminal);
            screen.startScreen();
            screen.setCursorPosition(null);
            if (options.mouse() && terminal instanceof ExtendedTerminal ext) {
                ext.setMouseCaptureMode(MouseCaptureMode.CLICK_RELEASE);
            }
            terminal.addResizeListener((t, size) -> windowChanged());
            previousWinch = takeOverWindowChangeSignal();
            startInputThread();
            sampler.start();
            loop(controller, renderer, state);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            if (previousWinch != null) {
                sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), previousWinch);
            }
            sampler.close();
            worker.shutdownNow();
            restore();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or ran: the terminal is restored either way
            }
        }
    }

    /**
     * The terminal window changed (SIGWINCH, or a virtual terminal's resize): the UI thread asks
     * the terminal for its size and redraws everything, whether or not the size differs. Safe from
     * any thread; public for tests, which stand in for the signal.
     */
    public void windowChanged() {
        events.add(WINDOW_CHANGED);
    }

    private static final Runnable WINDOW_CHANGED = () -> { };

    /**
     * Replaces lanterna's SIGWINCH handler on a real terminal with one that only posts
     * {@link #windowChanged}. Lanterna's handler asks for the size on a new thread per signal: with
     * its own size query (a cursor position report) those writes interleaved with the UI thread's
     * refresh, and with any query the threads of a burst of resizes report their sizes in any order,
     * so the last size applied need not be the last size; and lanterna drops a window change whose
     * size equals the last one it saw, though the terminal may have reflowed or cleared meanwhile.
     * Either way lanterna's front buffer holds cells the terminal does not show, and delta refreshes
     * never repaint them: issue 10 defect 7, rows 6-40 blank after ~50 rapid resizes while the
     * header, which changes every tick, kept updating; Ctrl-L (a complete refresh) restored them.
     * Now the size is asked for on the UI thread, in order, and every window change ends in a
     * complete refresh.
     *
     * @return the handler replaced, to restore on exit; null on a terminal that is not a tty
     */
    private sun.misc.SignalHandler takeOverWindowChangeSignal() {
        if (!(terminal instanceof com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal)) {
            return null;
        }
        try {
            return sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), sig -> windowChanged());
        } catch (IllegalArgumentException e) {
            return null; // no SIGWINCH on this platform: lanterna's listener remains
        }
    }

    private void loop(ConsoleController controller, ScreenRenderer renderer, ConsoleState state)
            throws IOException, InterruptedException {
        boolean complete = true;
        boolean actionsPrepared = false;
        draw(renderer, state, true);
        while (true) {
            Runnable first = events.poll(1, TimeUnit.SECONDS);
            if (restored.get()) {
                return; // a signal's hook gave the terminal back: nothing more is drawn, the JVM is ending
            }
            boolean dirty = first != null;
            boolean windowChanged = false;
            Runnable r = first;
            while (r != null) {
                r.run();
                if (r instanceof KeyEvent k) {
                    Result res = k.result;
                    if (res == Result.QUIT) {
                        return;
                    }
                    complete |= res == Result.REPAINT;
                }
                windowChanged |= r == WINDOW_CHANGED;
                r = events.poll();
            }
            if (windowChanged && !restored.get()) {
                // asks the terminal (a cursor position report on a tty) and, when the size differs,
                // posts it to the screen through lanterna's resize listener, here on the UI thread
                terminal.getTerminalSize();
                complete = true;
            }
            request.set(controller.sampleRequest());
            // a resize taken here must still give a complete refresh: draw() would not see it again, and a
            // delta refresh after a resize left rows that the terminal had dropped blank
            boolean resized = screen.doResizeIfNecessary() != null;
            if (dirty || resized) {
                draw(renderer, state, complete || resized);
                complete = false;
                if (!actionsPrepared && state.snapshot().isPresent()) {
                    // after the first sampled frame, not before: the verbs' set-up would take CPU from it
                    actions.prepare();
                    actionsPrepared = true;
                }
            }
        }
    }

    private void draw(ScreenRenderer renderer, ConsoleState state, boolean complete) throws IOException {
        // once a signal's hook (ours or lanterna's) has given the terminal back, nothing more is drawn; a hook that
        // comes during a frame waits for its end, so the frame's last write (which hides the cursor) comes first
        frames.draw(() -> {
            TerminalSize resized = screen.doResizeIfNecessary();
            Optional<TerminalPosition> cursor = renderer.render(screen.newTextGraphics(), screen.getTerminalSize(),
                    state);
            screen.setCursorPosition(cursor.orElse(null));
            screen.refresh(complete || resized != null ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        });
    }

    /** A key stroke to handle on the UI thread, remembering the handler's result for the loop. */
    private static final class KeyEvent implements Runnable {
        private final KeyStroke key;
        private final ConsoleController controller;
        private Result result = Result.IGNORED;

        KeyEvent(KeyStroke key, ConsoleController controller) {
            this.key = key;
            this.controller = controller;
        }

        @Override
        public void run() {
            result = controller.handle(key);
        }
    }

    private void startInputThread() {
        // The input thread polls (available() is FIONREAD: it takes nothing from the tty) and never sits in a
        // blocking read(2). A blocked read would outlive the console: once the screen is restored, the keys typed
        // before the JVM exits (or, inside `berth shell`, the whole next line) would be read by this thread and
        // lost. Polling, it stops reading the moment the terminal is given back.
        // Between looks it sleeps 15 ms while keys come, and waits for input (poll(2): a wake-up only when a key
        // arrives, or every 10 s) after a second without any: an idle console costs no wake-ups.
        Thread t = new Thread(() -> {
            long lastInput = System.nanoTime();
            InputWait idleWait = null;
            while (!restored.get()) {
                KeyStroke k;
                try {
                    k = screen.pollInput();
                    if (k != null) {
                        lastInput = System.nanoTime();
                    } else if (System.nanoTime() - lastInput < INPUT_ACTIVE.toNanos()) {
                        Thread.sleep(INPUT_POLL.toMillis());
                    } else {
                        if (idleWait == null) {
                            idleWait = inputWait.get();
                        }
                        if (idleWait.await(idleWait.wakesOnInput() ? INPUT_IDLE_POLL_WAIT : INPUT_IDLE_WAIT)) {
                            lastInput = System.nanoTime();
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    k = new KeyStroke(KeyType.EOF);
                } catch (InterruptedException e) {
                    return;
                }
                if (k == null) {
                    continue;
                }
                events.add(new KeyEvent(k, controllerRef));
                if (k.getKeyType() == KeyType.EOF) {
                    return;
                }
            }
        }, "berth-input");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Leaves the alternate screen, shows the cursor, resets attributes and the tty mode; idempotent. Runs on the UI
     * thread when the console ends, or on the shutdown hook's thread on a signal: then after the frame being drawn.
     * Package-private for tests, which stand in for the hook.
     */
    void restore() {
        if (!restored.compareAndSet(false, true)) {
            return;
        }
        try {
            frames.close(this::giveBackTerminal);
        } catch (IOException | RuntimeException ignored) {
            // giveBackTerminal does its best step by step
        }
    }

    private void giveBackTerminal() {
        try {
            if (terminal instanceof ExtendedTerminal ext && options.mouse()) {
                ext.setMouseCaptureMode(null);
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort: the next steps still restore the screen
        }
        try {
            if (screen != null) {
                screen.stopScreen();
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort (lanterna's own hook may have left private mode already)
        }
        try {
            terminal.setCursorVisible(true);
            terminal.resetColorAndSGR();
            terminal.flush();
            terminal.close();
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }
}

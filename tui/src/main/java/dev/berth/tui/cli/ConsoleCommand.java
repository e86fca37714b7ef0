package dev.berth.tui.cli;

import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.collectors.Collector;
import dev.berth.tui.ConsoleApp;
import dev.berth.tui.action.CgroupActions;
import dev.berth.tui.action.CgroupLimitsReader;
import dev.berth.tui.action.DeferredActions;
import dev.berth.tui.action.LimitsChangeNotifying;
import dev.berth.tui.action.RuntimeLauncher;
import dev.berth.tui.sample.CollectorSource;
import dev.berth.tui.sample.LazySource;
import dev.berth.tui.sample.SystemFacts;
import dev.berth.tui.style.Glyphs;
import dev.berth.tui.terminal.WinsizeTerminal;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code berth console} (and {@code berth} with no subcommand): the live console. Wires the
 * collectors, the runtime's control objects and the terminal, then hands over to {@link ConsoleApp}.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Open the live console (what 'berth' with no arguments does): host meters, every "
                + "container's CPU, memory, IO, network and pids, and keys to change limits, freeze, stop, kill "
                + "and launch. Press ? inside for every key.")
public final class ConsoleCommand implements Runnable {
    @ParentCommand
    BerthCommand root;
    @Mixin
    ConsoleOptions options;
    @Mixin
    RuntimeOptions runtime;

    @Override
    public void run() {
        open(root, options, runtime);
    }

    /** Opens the console with {@code options}; returns when the user quits. */
    static void open(BerthCommand root, ConsoleOptions options, RuntimeOptions runtime) {
        if (System.console() == null) {
            throw new UserDataException("the console needs a terminal, but stdin or stdout is not a tty "
                    + "(use 'berth ps' or 'berth stat' for plain output)");
        }
        Map<String, String> env = System.getenv();
        boolean color = !options.noColor && (env.get("NO_COLOR") == null || env.get("NO_COLOR").isEmpty());
        boolean unicode = !options.ascii && Glyphs.localeIsUtf8(env);
        InstantSource clock = InstantSource.system();
        Optional<String> readOnly = notRootReason();
        // Both are built off the UI thread: the console opens and draws at once, the collectors probe
        // the host on the sampler thread, and the runtime (native signalling) loads in the background.
        // A limit changed from the console is read again at the next tick, not up to one slow-cadence period later.
        AtomicReference<Collector> sampled = new AtomicReference<>();
        DeferredActions actions = new DeferredActions(() -> {
            RuntimeContext ctx;
            CgroupActions.Launcher launcher;
            try {
                LaunchContext launch = LaunchContext.open(root, runtime);
                ctx = launch.runtime;
                launcher = new RuntimeLauncher(launch.launcher, ctx.limits);
            } catch (UserDataException noHelper) {
                ctx = RuntimeContext.open(root, runtime);
                launcher = CgroupActions.Launcher.unavailable(noHelper.getMessage());
            }
            return new LimitsChangeNotifying(new CgroupActions(ctx.fs, ctx.control, ctx.lifecycle, ctx.limits,
                    launcher, readOnly, ctx.config), cgroup -> {
                        Collector c = sampled.get();
                        if (c != null) {
                            c.invalidateLimits(cgroup);
                        }
                    });
        }, readOnly);
        LazySource source = new LazySource(() -> {
            Collector collector;
            try {
                collector = Collector.forHost(root.procfs, root.sysfs, Path.of("/"), clock);
                sampled.set(collector);
            } catch (CgroupException e) {
                throw new UserDataException("no usable cgroup filesystem: " + e.getMessage(), e);
            }
            CgroupLimitsReader limits = new CgroupLimitsReader(CgroupFs.open(
                    new CgroupFsProber(root.procfs, root.sysfs).probe()));
            return new CollectorSource(collector, new SystemFacts(root.procfs, clock), limits::read);
        });
        Charset charset = unicode ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII;
        try {
            // System.out is a PrintStream that flushes on every write: lanterna then makes ~50 write(2)s per
            // frame, and sshd sends each as its own packet. Buffered, lanterna's flush at the end of each refresh
            // makes one write per frame: bench/ssh-bytes measured 1080 -> 440 SSH bytes per refresh at 80x24.
            OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
            UnixTerminal terminal = new WinsizeTerminal(System.in, out, charset,
                    UnixLikeTerminal.CtrlCBehaviour.TRAP);
            ConsoleApp app = new ConsoleApp(terminal, source, actions,
                    new ConsoleApp.Options(options.interval, color, unicode, !options.noMouse, options.all), clock);
            app.run();
        } catch (IOException e) {
            throw new UserDataException("cannot use the terminal: " + e.getMessage(), e);
        }
    }

    /** Why cgroup writes will fail, when berth does not run as root ({@code Uid:} of {@code /proc/self/status}). */
    static Optional<String> notRootReason() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    String euid = line.substring(4).strip().split("\\s+")[1];
                    return euid.equals("0") ? Optional.empty()
                            : Optional.of("berth runs as uid " + euid + ", not root; changing containers needs root");
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot tell whether berth runs as root: " + e.getMessage());
        }
        return Optional.empty();
    }
}

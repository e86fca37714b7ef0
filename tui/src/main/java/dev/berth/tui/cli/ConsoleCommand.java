package dev.berth.tui.cli;

import dev.berth.collectors.Collector;
import dev.berth.ops.Containers;
import dev.berth.ops.Host;
import dev.berth.ops.HostUser;
import dev.berth.ops.LimitsReader;
import dev.berth.tui.ConsoleApp;
import dev.berth.tui.action.CgroupActions;
import dev.berth.tui.action.ContainerActions;
import dev.berth.tui.action.DeferredActions;
import dev.berth.tui.action.LimitsChangeNotifying;
import dev.berth.tui.action.RuntimeLauncher;
import dev.berth.tui.sample.CollectorSource;
import dev.berth.tui.sample.LazySource;
import dev.berth.tui.sample.SnapshotSource;
import dev.berth.tui.sample.StoreHistory;
import dev.berth.tui.sample.SystemFacts;
import dev.berth.tui.style.Glyphs;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
        open(root, options.orOuter(root.console), runtime);
    }

    /** Opens the console with {@code options}; returns when the user quits. */
    static void open(RootOptions root, ConsoleOptions options, RuntimeOptions runtime) {
        if (System.console() == null) {
            throw new UserDataException("the console needs a terminal, but stdin or stdout is not a tty "
                    + "(use 'berth ps' or 'berth stat' for plain output)");
        }
        Map<String, String> env = System.getenv();
        boolean color = !options.noColor && (env.get("NO_COLOR") == null || env.get("NO_COLOR").isEmpty());
        boolean unicode = !options.ascii && Glyphs.localeIsUtf8(env);
        Optional<String> readOnly = HostUser.notRootReason();
        Host host = Wiring.host(root, runtime);
        Parts parts = parts(host, readOnly);
        InstantSource clock = host.clock();
        Charset charset = unicode ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII;
        try {
            // The detail graphs reach back into the store a recorder writes (--store, $BERTH_HISTORY_STORE or the
            // default).
            StdioConsole.run(charset, terminal -> new ConsoleApp(terminal, parts.source(), parts.actions(),
                    new ConsoleApp.Options(options.interval, color, unicode, !options.noMouse, options.all), clock)
                    .recordedHistory(new StoreHistory(historyStore(options, env))));
        } catch (IOException e) {
            throw new UserDataException("cannot use the terminal: " + e.getMessage(), e);
        }
    }

    /** The store the detail graphs read: {@code --store}, else {@link HistoryOptions#defaultDir}. */
    static Path historyStore(ConsoleOptions options, Map<String, String> env) {
        return HistoryOptions.dir(options.store, env);
    }

    /** What the console samples and acts through. */
    record Parts(SnapshotSource source, ContainerActions actions) {
    }

    /**
     * The console's source and actions over one {@link Host}: both are built off the UI thread (the console opens
     * and draws at once; the sampler thread asks for the collector, a background thread for the verbs, which
     * load native signalling) and share the host's one cgroup probe. Package-private for testing.
     */
    static Parts parts(Host host, Optional<String> readOnly) {
        // A limit changed from the console is read again at the next tick, not up to one slow-cadence period later.
        AtomicReference<Collector> sampled = new AtomicReference<>();
        DeferredActions actions = new DeferredActions(() -> {
            Containers containers = Wiring.containers(host);
            CgroupActions.Launcher launcher = containers.launchUnavailableReason()
                    .map(CgroupActions.Launcher::unavailable)
                    .orElseGet(() -> new RuntimeLauncher(containers));
            return new LimitsChangeNotifying(new CgroupActions(containers, launcher, readOnly), cgroup -> {
                Collector c = sampled.get();
                if (c != null) {
                    c.invalidateLimits(cgroup);
                }
            });
        }, readOnly);
        LazySource source = LazySource.buildingNow(() -> {
            Collector collector = Wiring.map(host::newCollector);
            sampled.set(collector);
            LimitsReader limits = Wiring.map(host::limitsReader);
            return new CollectorSource(collector, new SystemFacts(host.config().procfs(), host.clock()), limits::read);
        });
        return new Parts(source, actions);
    }
}

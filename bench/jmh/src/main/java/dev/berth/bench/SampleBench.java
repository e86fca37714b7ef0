package dev.berth.bench;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.collectors.Collector;
import dev.berth.collectors.ContainerIdentity;
import dev.berth.collectors.ContainerModel;
import dev.berth.collectors.ContainerSample;
import dev.berth.collectors.ContainerSampler;
import dev.berth.collectors.TickOptions;
import dev.berth.collectors.discovery.RuntimeNames;
import dev.berth.collectors.proc.BlockDevices;
import dev.berth.collectors.testing.FakeClock;
import dev.berth.collectors.testing.FakeHost;
import dev.berth.tui.action.RefusingActions;
import dev.berth.tui.keys.KeyBindings;
import dev.berth.tui.sample.CollectorSource;
import dev.berth.tui.sample.SampleRequest;
import dev.berth.tui.sample.SystemFacts;
import dev.berth.tui.screen.ConsoleController;
import dev.berth.tui.screen.ConsoleState;
import dev.berth.tui.screen.Effects;
import dev.berth.tui.screen.ScreenRenderer;
import dev.berth.tui.style.Glyphs;
import dev.berth.tui.style.Theme;
import dev.berth.ops.CurrentLimits;
import dev.berth.tui.view.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One container sample, rate derivation and one console frame, over a fixture tree of 100 containers
 * ({@code FakeHost}, the tree the collectors' tests use) on the layout given by {@code layout}. The sample reads
 * real files of a tmpfs or disk directory, not kernfs: it measures berth's own work per container (open cgroup
 * lookup, pread, parse, records), not the kernel's; bench/RESULTS.md has the kernel's cost per file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SampleBench {
    @Param({"V1", "V2"})
    public String layout;

    Path dir;
    Collector collector;
    ContainerSampler sampler;
    ContainerIdentity one;
    ContainerSample before;
    ContainerSample after;
    FakeClock clock;
    ConsoleState state;
    ConsoleController controller;
    ScreenRenderer renderer;
    TerminalScreen screen;
    Snapshot view;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("berth-jmh");
        FakeHost host = FakeHost.of(FakeHost.Layout.valueOf(layout), dir);
        for (int i = 0; i < 100; i++) {
            host.container(String.format("/docker/%064x", i + 1)).pids(1000 + i);
        }
        host.write();
        clock = new FakeClock(Instant.parse("2026-11-30T12:00:00Z"));
        CgroupFs fs = CgroupFs.open(new CgroupFsProber(host.procfs(), host.sysfs()).probe());
        collector = new Collector(fs, host.procfs(), host.sysfs(), new RuntimeNames(host.root()), clock, 100, 4096);
        dev.berth.collectors.Snapshot s = collector.tick(TickOptions.CONTAINERS);
        one = s.containers().get(0).identity();
        sampler = new ContainerSampler(fs, host.procfs(), new BlockDevices(host.sysfs()), clock);
        sampler.beginTick();
        before = sampler.sample(one, w -> { }).orElseThrow();
        clock.advance(Duration.ofSeconds(1));
        after = sampler.sample(one, w -> { }).orElseThrow();

        CollectorSource source = new CollectorSource(collector, new SystemFacts(host.procfs(), clock),
                cgroup -> CurrentLimits.none());
        source.sample(new SampleRequest(Optional.empty(), false, false));
        clock.advance(Duration.ofSeconds(1));
        view = source.sample(new SampleRequest(Optional.empty(), false, false));
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(120, 40));
        screen = new TerminalScreen(terminal);
        screen.startScreen();
        state = new ConsoleState(Theme.color(), Glyphs.unicodeSet(), Optional.of("benchmark"));
        renderer = new ScreenRenderer(KeyBindings.defaults());
        controller = new ConsoleController(state, KeyBindings.defaults(), new RefusingActions("benchmark"), Effects.inline(), clock);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        collector.close();
        sampler.close();
        screen.stopScreen();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One container's raw sample through its open cgroup (files kept open, parsed in place). */
    @Benchmark
    public Object sampleOneContainer() {
        sampler.beginTick();
        return sampler.sample(one, w -> { });
    }

    /** A whole tick of the collector over 100 containers: discovery, 100 samples, rates, host. */
    @Benchmark
    public Object tick100Containers() {
        clock.advance(Duration.ofSeconds(1));
        return collector.tick(TickOptions.CONTAINERS);
    }

    /** Rates and percentages from two samples of one container. */
    @Benchmark
    public Object deriveRates() {
        return ContainerModel.derive(Optional.of(before), after);
    }

    /** One console frame of the 100 rows at 120x40: view-model update, render, diff to the terminal. */
    @Benchmark
    public Object renderOneFrame() throws IOException {
        controller.onSnapshot(view);
        renderer.render(screen.newTextGraphics(), screen.getTerminalSize(), state);
        screen.refresh(Screen.RefreshType.DELTA);
        return screen;
    }
}

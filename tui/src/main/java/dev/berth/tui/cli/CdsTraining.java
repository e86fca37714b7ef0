package dev.berth.tui.cli;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.berth.collectors.Collector;
import dev.berth.ops.CurrentLimits;
import dev.berth.tui.ConsoleApp;
import dev.berth.tui.action.RefusingActions;
import dev.berth.tui.sample.CollectorSource;
import dev.berth.tui.sample.SystemFacts;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

/**
 * The training run of the build's class-data-sharing archive ({@code tui/target/berth.jsa}, made with
 * {@code -XX:ArchiveClassesAtExit} and used by {@code bin/berth}): loads the classes that {@code berth ps},
 * {@code berth stat} and the console's first frames need, reading this host, with all output discarded. Not a
 * berth command; run only by the Maven build. Classes it does not load are loaded from the jar as usual.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    /**
     * @param args ignored
     * @throws Exception whatever the run throws; the build then goes on without an archive
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(nowhere);
        System.setErr(nowhere);
        try {
            Main.run("ps", "--all", "--json");
            Main.run("ps", "--all");
            Main.run("stat", "0.1", "1");
            Main.run("--help");
            console();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        System.exit(0);
    }

    /** Two frames of the console over this host on a virtual terminal, then q. */
    private static void console() throws Exception {
        InstantSource clock = InstantSource.system();
        Collector collector = Collector.forHost(Path.of("/proc"), Path.of("/sys"), Path.of("/"), clock);
        CollectorSource source = new CollectorSource(collector, new SystemFacts(Path.of("/proc"), clock),
                cgroup -> CurrentLimits.none());
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(120, 40));
        ConsoleApp app = new ConsoleApp(terminal, source, new RefusingActions("training run"),
                new ConsoleApp.Options(Duration.ofMillis(200), true, true, false, true), clock);
        Thread quit = new Thread(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                return;
            }
            terminal.addInput(new KeyStroke('q', false, false));
        });
        quit.setDaemon(true);
        quit.start();
        app.run();
        collector.close();
    }
}

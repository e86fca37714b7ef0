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
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

/**
 * The training run of the build's class-data-sharing archive ({@code tui/target/berth.jsa}, used by
 * {@code bin/berth}): loads the classes that {@code berth ps}, {@code berth stat} and the console's first frames
 * need, reading this host, with all output discarded, while the JVM lists them ({@code -XX:DumpLoadedClassList});
 * the build then dumps a static archive of that list ({@code -Xshare:dump}). A static archive, not a dynamic one
 * ({@code -XX:ArchiveClassesAtExit}): JDK 17 leaves classes older than Java 6 out of a dynamic archive, and
 * picocli's ~190 classes are Java 5 (version 49), so they were parsed and verified from the jar at every start.
 * The static archive replaces the JDK's default one, so the JDK's own list ({@code lib/classlist}) is loaded too.
 * Not a berth command; run only by the Maven build. Classes it does not load are loaded from the jar as usual.
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
            loadJdkClassList();
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

    /**
     * Loads (without initialising) the classes of the JDK's default archive, which berth's archive replaces: the
     * JDK's list, less its lambda-form lines ({@code @...}). A class this JDK does not have is passed over.
     */
    private static void loadJdkClassList() throws IOException {
        Path list = Path.of(System.getProperty("java.home"), "lib", "classlist");
        if (!Files.isReadable(list)) {
            return;
        }
        for (String line : Files.readAllLines(list)) {
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("@")) {
                continue;
            }
            try {
                Class.forName(line.replace('/', '.'), false, null);
            } catch (ClassNotFoundException | LinkageError e) {
                // not in this JDK's base modules: nothing to archive
            }
        }
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

package dev.berth.tui.cli;

import dev.berth.collectors.Collector;
import dev.berth.collectors.ProcessSampler;
import dev.berth.collectors.proc.Auxv;
import dev.berth.export.ExportException;
import dev.berth.export.Exporter;
import dev.berth.export.ListenAddress;
import dev.berth.history.event.EventJournal;
import dev.berth.history.record.Recorder;
import dev.berth.history.record.SelfCost;
import dev.berth.history.store.Retention;
import dev.berth.history.store.StoreException;
import dev.berth.history.store.StoreLock;
import dev.berth.history.store.StoreOptions;
import dev.berth.history.store.StoreWriter;
import dev.berth.ops.ContainerImages;
import dev.berth.ops.Host;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code berth record}: the recorder daemon, a thin adapter over {@link Recorder}. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Record the host and every cgroup (as ps --all sees them) into the history store every "
                + "INTERVAL, until stopped (SIGTERM or ^C): raw counters, limits, names and states, containers "
                + "appearing and disappearing, and the control actions of every berth front end.",
            "One recorder per store: a second one exits 1 naming the first one's pid. If the disk fills, the "
                + "recorder says so, keeps sampling and writes again when there is space. See berth history and "
                + "berth replay; contrib/berth-record.service runs it under systemd.",
            "With --listen, the same daemon also serves each sample it records to Prometheus, as berth serve "
                + "does: one sample per interval feeds both the store and the scrapes."})
final class RecordCommand implements Callable<Integer> {
    /** Below this much free space the recorder refuses to start. */
    static final long MIN_FREE_BYTES = 1 << 20;

    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    HistoryOptions history;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "10s",
            converter = HistoryOptions.DurationConverter.class,
            description = "time between samples, 10ms to 1h (default: ${DEFAULT-VALUE})")
    Duration interval;

    @Option(names = "--retain", paramLabel = "DURATION", defaultValue = "14d",
            converter = HistoryOptions.DurationConverter.class,
            description = "delete history older than this, a whole file (an hour) at a time (default: ${DEFAULT-VALUE})")
    Duration retain;

    @Option(names = "--max-size", paramLabel = "SIZE", defaultValue = "2G",
            converter = HistoryOptions.SizeConverter.class,
            description = "delete the oldest history while the store is larger than this (default: ${DEFAULT-VALUE})")
    long maxSize;

    @Option(names = "--listen", paramLabel = "HOST:PORT", converter = ServeCommand.ListenConverter.class,
            description = "also serve every sample on /metrics at this address, as berth serve does: HOST:PORT, "
                    + "[IPv6]:PORT, or :PORT for every address (berth serve's default is 127.0.0.1:9756)")
    ListenAddress listen;

    @Option(names = "--web.config", paramLabel = "FILE",
            description = "with --listen: TLS and basic authentication from a file in the format of Prometheus's "
                    + "exporter-toolkit, as berth serve --web.config")
    Path webConfig;

    @Override
    public Integer call() throws IOException {
        if (interval.compareTo(Duration.ofMillis(10)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0) {
            throw new ParameterException(spec.commandLine(), "invalid --interval " + interval.toMillis()
                    + "ms: expected 10ms to 1h");
        }
        if (retain.compareTo(Duration.ofHours(1)) < 0) {
            throw new ParameterException(spec.commandLine(), "invalid --retain: expected at least 1h");
        }
        if (webConfig != null && listen == null) {
            throw new ParameterException(spec.commandLine(), "--web.config needs --listen");
        }
        if (maxSize < 16L << 20) {
            throw new ParameterException(spec.commandLine(), "invalid --max-size " + maxSize
                    + ": expected at least 16M");
        }
        Path dir = history.dir(root.env);
        // Bound before the store is touched: a taken port leaves nothing behind.
        Optional<Exporter> exporter = Optional.empty();
        if (listen != null) {
            try {
                exporter = Optional.of(Exporter.start(listen, ServeCommand.web(webConfig)));
            } catch (ExportException e) {
                throw new UserDataException(e.getMessage(), e);
            }
        }
        try {
            record(dir, exporter);
        } finally {
            exporter.ifPresent(Exporter::close);
        }
        return 0;
    }

    private void record(Path dir, Optional<Exporter> exporter) throws IOException {
        prepare(dir);
        PrintWriter err = spec.commandLine().getErr();
        String prefix = spec.qualifiedName() + ": ";
        try (StoreLock lock = StoreLock.acquire(dir)) {
            Host host = Wiring.host(root, root.runtime);
            Collector collector = Wiring.map(() -> host.newCollector(Recorder.LIMITS_PERIOD));
            ContainerImages images = host.newImages();
            long pid = ProcessHandle.current().pid();
            Path self = Path.of("/proc");
            SelfCost cost = new SelfCost(new ProcessSampler(self,
                    Auxv.read(self.resolve("self/auxv"), Auxv.AT_CLKTCK).orElse(100),
                    Auxv.read(self.resolve("self/auxv"), Auxv.AT_PAGESZ).orElse(4096)), pid);
            CountDownLatch stop = new CountDownLatch(1);
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                stop.countDown();
                try {
                    stopped.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "berth-record-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try (StoreWriter writer = new StoreWriter(dir, StoreOptions.DEFAULT)) {
                Recorder recorder = new Recorder(collector, writer, StoreOptions.DEFAULT, new EventJournal(dir),
                        new Retention(retain, maxSize), cost, ZoneId.systemDefault(), line -> {
                            err.println(prefix + line);
                            err.flush();
                        });
                err.println(prefix + "recording every " + HistoryOptions.text(interval) + " into " + dir + " (pid "
                        + pid + ")");
                exporter.ifPresent(e -> err.println(prefix + ServeCommand.serving(listen, e)));
                err.flush();
                if (exporter.isPresent()) {
                    Exporter e = exporter.get();
                    recorder.run(interval, stop, (snapshot, took) -> e.publish(collector, snapshot, took,
                            images::image));
                } else {
                    recorder.run(interval, stop);   // samples only: no rates derived that nothing would read
                }
                err.println(prefix + "stopped after " + recorder.frames() + " samples");
                err.flush();
            } finally {
                stopped.countDown();
            }
        } catch (StoreLock.HeldException e) {
            throw new UserDataException("store " + dir + " is in use by another berth record"
                    + (e.pid().isPresent() ? " (pid " + e.pid().getAsLong() + ")" : ""), e);
        } catch (StoreException e) {
            throw new UserDataException(e.getMessage(), e);
        }
    }

    /** The store's start-time checks: one line and exit 1 for a file, an unwritable directory, a full disk. */
    private static void prepare(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserDataException("store " + dir + " is not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (FileSystemException e) {
            throw new UserDataException("cannot create store " + dir + ": " + reason(e), e);
        } catch (IOException e) {
            throw new UserDataException("cannot create store " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir)) {
            throw new UserDataException("cannot write to store " + dir + ": permission denied");
        }
        try {
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < MIN_FREE_BYTES) {
                throw new UserDataException("no space left for store " + dir + " (" + free + " bytes free)");
            }
        } catch (IOException e) {
            throw new UserDataException("cannot read the free space of store " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String reason(FileSystemException e) {
        return e.getReason() == null ? e.getClass().getSimpleName() : e.getReason().toLowerCase(java.util.Locale.ROOT);
    }
}

package dev.berth.tui.cli;

import dev.berth.collectors.Collector;
import dev.berth.collectors.ContainerIdentity;
import dev.berth.collectors.ContainerModel;
import dev.berth.collectors.Snapshot;
import dev.berth.collectors.TickOptions;
import dev.berth.collectors.format.Printable;
import dev.berth.collectors.format.StatTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code berth stat}: dstat-style streaming of host and container figures, one line per interval. */
@Command(name = "stat", mixinStandardHelpOptions = true,
        description = {"Print host figures (and those of the containers named with -c) every INTERVAL seconds, "
                + "COUNT times (default: until interrupted), like dstat.",
            "Without --cpu/--mem/--io/--net all four groups are shown. Bytes are scaled B, k, M, G (powers of "
                + "1024); '-' is a value that could not be read. The header repeats every screenful.",
            "A host file that could not be read (a --procfs tree with garbage or a FIFO for meminfo) is named on "
                + "stderr once; every line is still printed, and the exit status is then 1."})
final class StatCommand implements Callable<Integer> {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    /** {@code --cgroup-parent}: where berth's own containers are recognised. */
    @picocli.CommandLine.Mixin
    RuntimeOptions runtime;

    @Option(names = "--cpu", description = "CPU: host usr/sys/idl/wai/stl %%; container CPU %% (100 = one core) "
            + "and throttled seconds per second")
    boolean cpu;

    @Option(names = "--mem", description = "memory: host used/free/buffers/cache; container working set")
    boolean mem;

    @Option(names = "--io", description = "block IO read/write bytes per second, whole disks only")
    boolean io;

    @Option(names = "--net", description = "network receive/send bytes per second, without lo")
    boolean net;

    @Option(names = {"-c", "--container"}, paramLabel = "NAME",
            description = "add columns for this container (name, id, id prefix or cgroup path); repeatable")
    List<String> containers = new ArrayList<>();

    @Option(names = "--csv", paramLabel = "FILE", description = "also write every raw (unscaled) value to FILE")
    Path csv;

    @Parameters(index = "0", arity = "0..1", paramLabel = "INTERVAL", defaultValue = "1",
            converter = IntervalConverter.class, description = "seconds between lines, at least 0.1 (default: 1)")
    Duration interval;

    @Parameters(index = "1", arity = "0..1", paramLabel = "COUNT", converter = CountConverter.class,
            description = "number of lines (default: until interrupted)")
    Long count;

    /** Lines per screen; 0 = never repeat the header. Set from the terminal; package-private for tests. */
    int rows = -1;

    @Override
    public Integer call() throws IOException {
        Collector collector = Wiring.map(() -> Wiring.host(root, runtime).newCollector());
        // Without -c only host figures are printed: no cgroup and no process is read.
        TickOptions options = containers.isEmpty() ? TickOptions.HOST_ONLY : new TickOptions(true, false, Set.of());
        Snapshot first = collector.tick(options);
        List<String> cgroups = new ArrayList<>();
        for (String wanted : containers) {
            cgroups.add(resolve(first, wanted));
        }
        Set<StatTable.Group> groups = EnumSet.noneOf(StatTable.Group.class);
        if (cpu) {
            groups.add(StatTable.Group.CPU);
        }
        if (mem) {
            groups.add(StatTable.Group.MEM);
        }
        if (io) {
            groups.add(StatTable.Group.IO);
        }
        if (net) {
            groups.add(StatTable.Group.NET);
        }
        StatTable table = new StatTable(groups, containers);
        PrintWriter out = spec.commandLine().getOut();
        int screen = rows >= 0 ? rows : terminalRows();
        Writer csvOut = csv == null ? null : openCsv(csv);
        try {
            if (csvOut != null) {
                writeCsv(csvOut, table.csvHeader());
            }
            // what could not be read is '-' in its column; why is said on stderr, once per problem, not every line
            Set<String> warned = new HashSet<>();
            long deadline = System.nanoTime();
            for (long line = 0; count == null || line < count; line++) {
                if (line == 0 || (screen > 2 && line % (screen - 2) == 0)) {
                    out.println(table.titleLine());
                    out.println(table.headerLine());
                }
                // Sleep to a fixed schedule so that lines do not drift by the cost of each tick.
                deadline += interval.toNanos();
                if (!Wiring.sleep(Duration.ofNanos(deadline - System.nanoTime()))) {
                    break;
                }
                Snapshot s = collector.tick(options);
                List<Optional<ContainerModel>> chosen = new ArrayList<>();
                for (String cg : cgroups) {
                    chosen.add(s.containers().stream().filter(c -> c.identity().cgroup().equals(cg)).findFirst());
                }
                out.println(table.dataLine(s.host(), chosen));
                out.flush();
                warnOnce(s.warnings(), warned);
                if (csvOut != null) {
                    writeCsv(csvOut, table.csvLine(s.at(), s.host(), chosen));
                }
            }
        } finally {
            if (csvOut != null) {
                closeCsv(csvOut);
            }
        }
        // Everything that could be read was printed; a host file that could not be (named on stderr) is an error in
        // the data given (a --procfs tree with a FIFO or garbage for a kernel file), as ls exits 1 for what it could
        // not read.
        return collector.hostFilesUnreadable() ? ErrorHandler.EXIT_DATA : 0;
    }

    private void warnOnce(List<String> warnings, Set<String> warned) {
        PrintWriter err = spec.commandLine().getErr();
        boolean any = false;
        if (warned.size() > 1000) {
            warned.clear();   // an endless stat on a host whose problems keep changing: bounded, may repeat one
        }
        for (String w : warnings) {
            if (warned.add(w)) {
                err.println(spec.qualifiedName() + ": warning: " + Printable.escape(w));
                any = true;
            }
        }
        if (any) {
            err.flush();
        }
    }

    /**
     * Opens {@code --csv FILE} before the first sample, so that a directory that does not exist or
     * a file that cannot be written is reported at once, as one line (issue 10 defect 6: it was a
     * 21-29 line Java trace and exit 70).
     */
    private Writer openCsv(Path file) {
        try {
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw csvError(file, e);
        }
    }

    private void writeCsv(Writer w, String line) {
        try {
            w.write(line + "\n");
            w.flush();
        } catch (IOException e) {
            throw csvError(csv, e);
        }
    }

    private void closeCsv(Writer w) {
        try {
            w.close();
        } catch (IOException e) {
            throw csvError(csv, e); // the last buffered line did not fit (a full filesystem)
        }
    }

    private static UserDataException csvError(Path file, IOException e) {
        String reason;
        if (e instanceof java.nio.file.NoSuchFileException) {
            reason = "no such directory: " + file.toAbsolutePath().getParent();
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            reason = f.getReason();
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new UserDataException("cannot write --csv " + file + ": " + reason, e);
    }

    /** Finds the container {@code wanted} names: exact name, id or cgroup path first, then a unique id prefix. */
    private static String resolve(Snapshot s, String wanted) {
        List<ContainerIdentity> ids = s.containers().stream().map(ContainerModel::identity).toList();
        List<ContainerIdentity> exact = ids.stream()
                .filter(i -> i.name().equals(wanted) || i.id().equals(wanted) || i.cgroup().equals(wanted)).toList();
        if (exact.size() == 1) {
            return exact.get(0).cgroup();
        }
        if (exact.size() > 1) {
            throw new UserDataException("'" + wanted + "' names " + exact.size() + " containers ("
                    + exact.stream().map(i -> i.runtime().label() + " " + i.cgroup()).collect(Collectors.joining(", "))
                    + "): give the id or the cgroup path");
        }
        List<ContainerIdentity> prefixed = ids.stream().filter(i -> i.id().startsWith(wanted)).toList();
        if (prefixed.size() == 1) {
            return prefixed.get(0).cgroup();
        }
        if (prefixed.size() > 1) {
            throw new UserDataException("container id prefix '" + wanted + "' is ambiguous: it matches "
                    + prefixed.size() + " containers");
        }
        throw new UserDataException("no container named '" + wanted + "' (see berth ps --all)");
    }

    private static int terminalRows() {
        if (System.console() == null) {
            return 0;   // not a terminal: a pipe or file gets the header once, like a CSV
        }
        try (org.jline.terminal.Terminal t = org.jline.terminal.TerminalBuilder.builder().system(true).dumb(true)
                .build()) {
            return t.getHeight();
        } catch (IOException | RuntimeException e) {
            return 24;
        }
    }

    /** INTERVAL: seconds, decimal allowed, at least 0.1. */
    static final class IntervalConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                double s = Double.parseDouble(value);
                if (s >= 0.1 && s <= 86_400) {
                    return Duration.ofNanos(Math.round(s * 1e9));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("invalid interval '" + value
                    + "': expected seconds from 0.1 to 86400, e.g. 1 or 0.5");
        }
    }

    /** COUNT: a positive whole number. */
    static final class CountConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                long n = Long.parseLong(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("invalid count '" + value + "': expected a positive whole number");
        }
    }
}

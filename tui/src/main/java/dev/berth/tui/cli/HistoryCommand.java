package dev.berth.tui.cli;

import dev.berth.history.event.Event;
import dev.berth.history.event.EventJournal;
import dev.berth.history.report.Column;
import dev.berth.history.report.ContainerQuery;
import dev.berth.history.report.IntervalScanner;
import dev.berth.history.report.Report;
import dev.berth.history.report.ReportException;
import dev.berth.history.report.ReportFormat;
import dev.berth.history.report.TimeSpec;
import dev.berth.history.report.TopRanking;
import dev.berth.history.store.StoreException;
import dev.berth.history.store.StoreReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code berth history}: reports on what {@code berth record} stored; a thin adapter over the history module. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Report what the host and its containers used in a past period, from the store berth record "
                + "writes: one row per INTERVAL (tsar's layout), then the MAX, MEAN, MIN and P95 of each column. "
                + "Rates are derived from the recorded counters with the live view's code.",
            "T is an ISO-8601 time (2026-11-30T03:10, 2026-11-30T03:10:00Z), HH:MM today, or a duration before now "
                + "(-30m). Times are shown in the local zone, with the UTC offset when it changes within the "
                + "period. Without --from, --date or --last: today. A period without samples prints "
                + "'no samples between ... and ...' and exits 0."})
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    HistoryOptions history;

    @ArgGroup(exclusive = true)
    PeriodOptions period = new PeriodOptions();

    static final class PeriodOptions {
        @ArgGroup(exclusive = false)
        FromTo range;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "that whole day (local time)")
        String date;

        @Option(names = "--last", paramLabel = "DURATION", converter = HistoryOptions.DurationConverter.class,
                description = "the last DURATION up to now, e.g. 2h")
        Duration last;
    }

    static final class FromTo {
        @Option(names = "--from", paramLabel = "T", description = "start of the period")
        String from;

        @Option(names = "--to", paramLabel = "T", description = "end of the period (default: now)")
        String to;
    }

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5m",
            converter = HistoryOptions.DurationConverter.class,
            description = "row length, at least 1s (default: ${DEFAULT-VALUE})")
    Duration interval;

    @Option(names = {"-c", "--container"}, paramLabel = "NAME",
            description = "add columns for this container: a name, id, id prefix or cgroup path, including containers "
                    + "that no longer exist; repeatable")
    List<String> containers = new ArrayList<>();

    @Option(names = "--cpu", description = "CPU: host util/user/sys/wait %%; container CPU %% (100 = one core) "
            + "and throttled seconds per second")
    boolean cpu;

    @Option(names = "--mem", description = "memory: host used and cache; container working set and %% of its limit")
    boolean mem;

    @Option(names = "--io", description = "block IO read/write bytes per second, whole disks only")
    boolean io;

    @Option(names = "--net", description = "network receive/send bytes per second, without lo")
    boolean net;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--csv", description = "CSV: raw unscaled values, empty when unavailable")
        boolean csv;

        @Option(names = "--json", description = "one JSON object (with --events, a JSON array)")
        boolean json;
    }

    @Option(names = "--top", paramLabel = "cpu|mem|io|net",
            description = "rank containers over the period instead: mean CPU %%, highest working set, mean IO or "
                    + "network bytes per second")
    String top;

    @Option(names = "-n", paramLabel = "N", defaultValue = "10", description = "with --top: how many (default: 10)")
    int count;

    @Option(names = "--events", description = "list the events of the period instead: containers appearing and "
            + "disappearing, and every control action (who changed what, and the outcome)")
    boolean events;

    @Option(names = "--live", description = "after the report, follow the store as the recorder writes: one row per "
            + "completed interval, until interrupted")
    boolean live;

    /** The clock and zone; package-private for tests. */
    Clock clock = Clock.systemDefaultZone();

    @Override
    public Integer call() throws IOException {
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ParameterException(spec.commandLine(), "invalid --interval: expected at least 1s");
        }
        if (count < 1) {
            throw new ParameterException(spec.commandLine(), "invalid -n " + count + ": expected at least 1");
        }
        Column.Group topBy = top == null ? null : topGroup(top);
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        Instant from;
        Instant to;
        try {
            if (period.date != null) {
                LocalDate d = TimeSpec.date(period.date);
                from = d.atStartOfDay(zone).toInstant();
                to = d.plusDays(1).atStartOfDay(zone).toInstant();
            } else if (period.last != null) {
                from = now.minus(period.last);
                to = now.plusNanos(1);
            } else if (period.range != null) {
                from = period.range.from == null ? LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant()
                        : TimeSpec.instant(period.range.from, now, zone);
                to = period.range.to == null ? now.plusNanos(1) : TimeSpec.instant(period.range.to, now, zone);
            } else {
                from = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
                to = now.plusNanos(1);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!to.isAfter(from)) {
            throw new ParameterException(spec.commandLine(), "the period ends (" + to + ") before it starts (" + from
                    + ")");
        }
        Path dir = history.dir(root.env);
        if (!Files.isDirectory(dir)) {
            throw new UserDataException("no history store at " + dir + " (start berth record, or give --store)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StoreReader reader = new StoreReader(dir, w -> {
            err.println(spec.qualifiedName() + ": warning: " + w);
            err.flush();
        });
        ReportFormat fmt = new ReportFormat(zone);
        List<ContainerQuery> queries = containers.stream().map(ContainerQuery::new).toList();
        try {
            if (events) {
                printEvents(reader, dir, from, to, queries, fmt, out, err);
            } else if (topBy != null) {
                List<TopRanking.Entry> ranked = TopRanking.rank(reader, from, to, topBy, count);
                if (ranked.isEmpty()) {
                    out.println(fmt.noSamples(from, to));
                } else {
                    fmt.top(ranked, topBy).forEach(out::println);
                }
            } else {
                Report r = Report.build(reader, from, to, interval, groups(), queries);
                if (format.json) {
                    out.println(fmt.json(r));
                } else if (format.csv) {
                    fmt.csv(r).forEach(out::println);
                } else {
                    fmt.text(r).forEach(out::println);
                }
                out.flush();
                if (live) {
                    follow(reader, r, queries, fmt, out);
                }
            }
        } catch (ReportException e) {
            throw new UserDataException(e.getMessage(), e);
        } catch (StoreException e) {
            throw new UserDataException(e.getMessage(), e);
        }
        out.flush();
        return 0;
    }

    private Set<Column.Group> groups() {
        Set<Column.Group> g = EnumSet.noneOf(Column.Group.class);
        if (cpu) {
            g.add(Column.Group.CPU);
        }
        if (mem) {
            g.add(Column.Group.MEM);
        }
        if (io) {
            g.add(Column.Group.IO);
        }
        if (net) {
            g.add(Column.Group.NET);
        }
        return g;
    }

    private Column.Group topGroup(String text) {
        try {
            return Column.Group.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid --top '" + ReportFormat.safe(text)
                    + "': expected cpu, mem, io or net");
        }
    }

    private void printEvents(StoreReader reader, Path dir, Instant from, Instant to, List<ContainerQuery> queries,
            ReportFormat fmt, PrintWriter out, PrintWriter err) throws IOException {
        List<Event> all = new ArrayList<>(reader.events(from, to));
        for (Event e : new EventJournal(dir).read(w -> err.println(spec.qualifiedName() + ": warning: " + w))) {
            if (!e.at().isBefore(from) && e.at().isBefore(to)) {
                all.add(e);
            }
        }
        all.sort(java.util.Comparator.comparing(Event::at));
        List<Event> shown = EventJournal.distinct(all).stream()
                .filter(e -> queries.isEmpty() || queries.stream().anyMatch(q -> q.text().equals(e.container())
                        || e.cgroup().map(q.text()::equals).orElse(false)))
                .toList();
        if (format.json) {
            out.println(fmt.eventsJson(shown));
        } else if (shown.isEmpty()) {
            out.println("no events between " + fmt.noSamples(from, to).substring("no samples between ".length()));
        } else {
            fmt.events(shown).forEach(out::println);
        }
    }

    /** Follows the store: every second, feeds the frames recorded since the last one into a live scanner. */
    private void follow(StoreReader reader, Report first, List<ContainerQuery> queries, ReportFormat fmt,
            PrintWriter out) throws IOException {
        Instant since = first.rows().isEmpty() ? first.from() : first.rows().get(first.rows().size() - 1).end()
                .plusNanos(1);
        Instant[] printed = {first.rows().isEmpty() ? Instant.MIN : first.rows().get(first.rows().size() - 1).start()};
        IntervalScanner scanner = new IntervalScanner(interval, queries, first.columns(), row -> {
            // The seed frame's interval was printed with the report (possibly partial): print the rows after it.
            if (row.start().isAfter(printed[0])) {
                printed[0] = row.start();
                out.println(fmt.line(row, first.columns()));
                out.flush();
            }
        });
        // Seed the scanner with the last sample, so the first live row has a rate.
        if (!first.rows().isEmpty()) {
            reader.frames(first.rows().get(first.rows().size() - 1).end(), since, scanner);
        }
        while (!Thread.currentThread().isInterrupted()) {
            if (!Wiring.sleep(Duration.ofSeconds(1))) {
                break;
            }
            Instant now = clock.instant();
            long[] last = {since.getEpochSecond(), since.getNano()};
            reader.frames(since, now.plusNanos(1), f -> {
                scanner.accept(f);
                last[0] = f.at().getEpochSecond();
                last[1] = f.at().getNano();
            });
            since = Instant.ofEpochSecond(last[0], last[1]).plusNanos(1);
        }
    }
}

package dev.berth.history.report;

import dev.berth.history.store.StoreReader;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A tsar-style history report: one {@link Row} per interval of the period, and the MAX, MEAN, MIN and P95 of each
 * column over those rows. Immutable.
 *
 * @param from     the period's start (inclusive)
 * @param to       its end (exclusive)
 * @param interval the row length
 * @param columns  host columns first, then those of each chosen container
 * @param rows     in time order; empty when the period has no samples
 */
public record Report(Instant from, Instant to, Duration interval, List<Column> columns, List<Row> rows) {

    public Report {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A summary row. */
    public enum Stat {
        MAX, MEAN, MIN,
        /** The 95th percentile, nearest-rank (tsar's and most monitoring tools' definition). */
        P95
    }

    /**
     * The columns of a report on {@code groups} (all four when empty) for the host and each query.
     */
    public static List<Column> columns(Set<Column.Group> groups, List<ContainerQuery> queries) {
        Set<Column.Group> gs = groups.isEmpty() ? EnumSet.allOf(Column.Group.class) : EnumSet.copyOf(groups);
        List<Column> out = new ArrayList<>();
        for (Column.Group g : gs) {
            out.addAll(Column.host(g));
        }
        for (int i = 0; i < queries.size(); i++) {
            for (Column.Group g : gs) {
                out.addAll(Column.container(queries.get(i).text(), i, g));
            }
        }
        return out;
    }

    /**
     * Reads the period from the store and builds the report.
     *
     * @throws ReportException a query matches no container in the period, or several at once
     * @throws IOException     the store cannot be read (a newer format, an unreadable directory)
     */
    public static Report build(StoreReader reader, Instant from, Instant to, Duration interval,
            Set<Column.Group> groups, List<ContainerQuery> queries) throws IOException {
        List<Column> columns = columns(groups, queries);
        List<Row> rows = new ArrayList<>();
        IntervalScanner scanner = new IntervalScanner(interval, queries, columns, rows::add);
        if (queries.isEmpty()) {
            reader.hostFrames(from, to, scanner);
        } else {
            reader.frames(from, to, id -> queries.stream().anyMatch(q -> q.couldMatch(id)), scanner);
        }
        scanner.finish();
        if (scanner.frames() > 0) {
            for (int i = 0; i < queries.size(); i++) {
                if (!scanner.matched(i)) {
                    throw new ReportException("no container named '" + queries.get(i).text() + "' was recorded between "
                            + from + " and " + to);
                }
            }
        }
        return new Report(from, to, interval, columns, rows);
    }

    /** The statistic of each column over the rows; empty for a column with no value in any row. */
    public List<OptionalDouble> summary(Stat stat) {
        List<OptionalDouble> out = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            double[] v = new double[rows.size()];
            int n = 0;
            for (Row r : rows) {
                OptionalDouble x = r.values().get(c);
                if (x.isPresent()) {
                    v[n++] = x.getAsDouble();
                }
            }
            out.add(n == 0 ? OptionalDouble.empty() : OptionalDouble.of(of(stat, Arrays.copyOf(v, n))));
        }
        return out;
    }

    static double of(Stat stat, double[] v) {
        switch (stat) {
            case MAX:
                return Arrays.stream(v).max().orElseThrow();
            case MIN:
                return Arrays.stream(v).min().orElseThrow();
            case MEAN:
                return Arrays.stream(v).sum() / v.length;
            default:
                double[] sorted = v.clone();
                Arrays.sort(sorted);
                int rank = (int) Math.ceil(0.95 * sorted.length);
                return sorted[Math.max(0, rank - 1)];
        }
    }
}

package dev.berth.history.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.collectors.format.Units;
import dev.berth.history.event.Event;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders reports, rankings and events as text (tsar's layout), CSV and JSON. Times are shown in {@code zone}
 * (the reader's local zone), with the UTC offset after each time when the offset changes within the period.
 * Immutable; thread-safe.
 */
public final class ReportFormat {
    private static final int WIDTH = 7;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ZoneId zone;

    /** @param zone the zone times are shown in */
    public ReportFormat(ZoneId zone) {
        this.zone = zone;
    }

    /** The line printed for a period without samples. */
    public String noSamples(Instant from, Instant to) {
        return "no samples between " + ZonedDateTime.ofInstant(from, zone).truncatedTo(ChronoUnit.SECONDS)
                .toOffsetDateTime() + " and " + ZonedDateTime.ofInstant(to, zone).truncatedTo(ChronoUnit.SECONDS)
                .toOffsetDateTime();
    }

    /** tsar's layout: a group line, a column line, one line per row, a blank line, MAX, MEAN, MIN and P95. */
    public List<String> text(Report r) {
        if (r.rows().isEmpty()) {
            return List.of(noSamples(r.from(), r.to()));
        }
        TimeLabel label = timeLabel(r.rows().stream().map(Row::start).toList(), r.interval().getSeconds() < 60);
        List<String> out = new ArrayList<>();
        StringBuilder groups = new StringBuilder(pad("Time", label.width()));
        StringBuilder names = new StringBuilder(pad("Time", label.width()));
        int i = 0;
        while (i < r.columns().size()) {
            Column c = r.columns().get(i);
            int j = i;
            while (j < r.columns().size() && r.columns().get(j).owner().equals(c.owner())
                    && r.columns().get(j).group() == c.group()) {
                j++;
            }
            groups.append(' ').append(dashed(safe(c.owner()) + " " + c.group().name().toLowerCase(Locale.ROOT),
                    (j - i) * (WIDTH + 1) - 1));
            for (int k = i; k < j; k++) {
                names.append(' ').append(left(r.columns().get(k).name(), WIDTH));
            }
            i = j;
        }
        out.add(groups.toString());
        out.add(names.toString());
        for (Row row : r.rows()) {
            out.add(line(label.format(row.start()), label.width(), r.columns(), row.values()));
        }
        out.add("");
        for (Report.Stat s : Report.Stat.values()) {
            out.add(line(s.name(), label.width(), r.columns(), r.summary(s)));
        }
        return out;
    }

    /** One row as a text line, for following the store live (times with seconds, no date). */
    public String line(Row row, List<Column> columns) {
        TimeLabel label = timeLabel(List.of(row.start()), true);
        return line(label.format(row.start()), label.width(), columns, row.values());
    }

    /** CSV: a header, one line per row, then the four summary lines; raw unscaled values, empty when absent. */
    public List<String> csv(Report r) {
        List<String> out = new ArrayList<>();
        out.add("time," + r.columns().stream().map(c -> csvName(c)).collect(Collectors.joining(",")));
        for (Row row : r.rows()) {
            out.add(ZonedDateTime.ofInstant(row.start(), zone).toOffsetDateTime() + "," + csvValues(row.values()));
        }
        if (!r.rows().isEmpty()) {
            for (Report.Stat s : Report.Stat.values()) {
                out.add(s.name() + "," + csvValues(r.summary(s)));
            }
        }
        return out;
    }

    /** One JSON object: the period, the columns, the rows and the summary. */
    public String json(Report r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("from", ZonedDateTime.ofInstant(r.from(), zone).toOffsetDateTime().toString());
        o.put("to", ZonedDateTime.ofInstant(r.to(), zone).toOffsetDateTime().toString());
        o.put("interval_seconds", r.interval().getSeconds());
        ArrayNode cols = o.putArray("columns");
        for (Column c : r.columns()) {
            cols.addObject().put("owner", c.owner()).put("group", c.group().name().toLowerCase(Locale.ROOT))
                    .put("name", c.name()).put("unit", c.unit().name().toLowerCase(Locale.ROOT));
        }
        ArrayNode rows = o.putArray("rows");
        for (Row row : r.rows()) {
            ObjectNode n = rows.addObject();
            n.put("time", ZonedDateTime.ofInstant(row.start(), zone).toOffsetDateTime().toString());
            n.put("last_sample", row.end().toString());
            n.put("recorder_offset", row.recorder().getId());
            values(n.putArray("values"), row.values());
        }
        ObjectNode summary = o.putObject("summary");
        for (Report.Stat s : Report.Stat.values()) {
            values(summary.putArray(s.name().toLowerCase(Locale.ROOT)), r.rows().isEmpty() ? List.of() : r.summary(s));
        }
        return o.toString();
    }

    /** The ranking as a table: rank, value, name, runtime, cgroup. */
    public List<String> top(List<TopRanking.Entry> entries, Column.Group by) {
        List<String> out = new ArrayList<>();
        String what = switch (by) {
            case CPU -> "CPU%";
            case MEM -> "MAXWSET";
            case IO -> "IO/s";
            case NET -> "NET/s";
        };
        out.add(String.format(Locale.ROOT, "%4s %8s  %-24s %-10s %s", "#", what, "NAME", "RUNTIME", "CGROUP"));
        int rank = 1;
        for (TopRanking.Entry e : entries) {
            String v = by == Column.Group.CPU ? Units.percent(e.value()) : Units.bytes(e.value());
            out.add(String.format(Locale.ROOT, "%4d %8s  %-24s %-10s %s", rank++, v, safe(e.name()), e.runtime(), safe(e.cgroup())));
        }
        return out;
    }

    /** One line per event: time, who, what, the changes, the outcome. */
    public List<String> events(List<Event> events) {
        TimeLabel label = timeLabel(events.stream().map(Event::at).toList(), true);
        List<String> out = new ArrayList<>();
        for (Event e : events) {
            StringBuilder b = new StringBuilder(label.format(e.at())).append("  ").append(e.kind().label())
                    .append(' ').append(safe(e.container()));
            for (Event.Change c : e.changes()) {
                b.append(' ').append(safe(c.what())).append(' ');
                c.before().ifPresent(x -> b.append(safe(x)).append(" -> "));
                b.append(safe(c.after()));
            }
            if (e.kind().isControl()) {
                b.append("  by ").append(e.uid().isPresent() ? "uid " + e.uid().getAsLong() : "unknown user")
                        .append(" (").append(e.source()).append(")");
                b.append(e.outcome().ok() ? "  ok" : "  failed: " + safe(e.outcome().error().orElse("unknown reason")));
            }
            out.add(b.toString());
        }
        return out;
    }

    /** Events as a JSON array, each in the journal's encoding. */
    public String eventsJson(List<Event> events) {
        return "[" + events.stream().map(dev.berth.history.event.EventCodec::encode).collect(Collectors.joining(","))
                + "]";
    }

    // ---- helpers

    /** How row times are written: with the date when the period spans days, with the offset when it changes. */
    private record TimeLabel(DateTimeFormatter format, boolean withOffset, ZoneId zone) {
        String format(Instant t) {
            ZonedDateTime z = ZonedDateTime.ofInstant(t, zone);
            return format.format(z) + (withOffset ? z.getOffset().getId().replace("Z", "+00:00") : "");
        }

        int width() {
            return format(Instant.EPOCH).length();
        }
    }

    private TimeLabel timeLabel(List<Instant> times, boolean seconds) {
        Set<LocalDate> days = new HashSet<>();
        Set<ZoneOffset> offsets = new HashSet<>();
        for (Instant t : times) {
            ZonedDateTime z = ZonedDateTime.ofInstant(t, zone);
            days.add(z.toLocalDate());
            offsets.add(z.getOffset());
        }
        String pattern = (days.size() > 1 ? "yyyy-MM-dd " : "") + (seconds ? "HH:mm:ss" : "HH:mm");
        return new TimeLabel(DateTimeFormatter.ofPattern(pattern, Locale.ROOT), offsets.size() > 1, zone);
    }

    private static String line(String label, int width, List<Column> columns, List<OptionalDouble> values) {
        StringBuilder b = new StringBuilder(pad(label, width));
        for (int i = 0; i < columns.size(); i++) {
            b.append(' ').append(left(value(columns.get(i).unit(), values.get(i)), WIDTH));
        }
        return b.toString();
    }

    static String value(Column.Unit unit, OptionalDouble v) {
        if (v.isEmpty()) {
            return Units.UNAVAILABLE;
        }
        return switch (unit) {
            case PERCENT -> Units.percent(v);
            case BYTES, BYTES_PER_SECOND -> Units.bytes(v);
            case RATIO -> String.format(Locale.ROOT, "%.2f", v.getAsDouble());
        };
    }

    private static String csvName(Column c) {
        String name = c.owner() + "." + c.group().name().toLowerCase(Locale.ROOT) + "." + c.name();
        return name.contains(",") || name.contains("\"") ? "\"" + name.replace("\"", "\"\"") + "\"" : name;
    }

    /** A recorded name as printable text: control characters become {@code ?}, never reach the terminal. */
    public static String safe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return b.toString();
    }

    private static String csvValues(List<OptionalDouble> values) {
        return values.stream().map(v -> v.isPresent() ? number(v.getAsDouble()) : "").collect(Collectors.joining(","));
    }

    private static void values(ArrayNode a, List<OptionalDouble> values) {
        for (OptionalDouble v : values) {
            if (v.isPresent()) {
                a.add(Math.round(v.getAsDouble() * 1000) / 1000.0);
            } else {
                a.addNull();
            }
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String left(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private static String dashed(String title, int width) {
        if (title.length() >= width) {
            return title.substring(0, width);
        }
        int left = (width - title.length()) / 2;
        return "-".repeat(left) + title + "-".repeat(width - title.length() - left);
    }
}

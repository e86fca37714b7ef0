package dev.berth.collectors.format;

import dev.berth.collectors.ContainerModel;
import dev.berth.collectors.HostMemory;
import dev.berth.collectors.HostModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code berth stat} lines, in dstat's layout: a title line of dashed group names, a column header with
 * groups separated by {@code |}, then one line per interval. Host groups come first, then one group per chosen
 * container and resource. Byte columns use {@link Units#bytes} (B, k, M, G), percentages are whole numbers,
 * unavailable values are {@code -}. The CSV form carries the same figures unscaled, every group whatever was
 * chosen for display, empty cells for unavailable values. Immutable; thread-safe.
 */
public final class StatTable {

    /** A resource group; the command-line flag is {@code --<word>}. */
    public enum Group {
        /** CPU states (host) or CPU % and throttling (container). */
        CPU,
        /** Memory use. */
        MEM,
        /** Block IO, whole disks. */
        IO,
        /** Network, without lo. */
        NET
    }

    private record Column(String header, int width, Function<Row, String> text) {
    }

    /** One line's data: the host and the chosen containers, empty where a container is not (or no longer) there. */
    private record Row(HostModel host, List<Optional<ContainerModel>> containers) {
    }

    private record Section(String title, List<Column> columns) {
    }

    private final List<Section> sections = new ArrayList<>();
    private final List<String> containerNames;

    /**
     * @param groups         groups to show; all four when empty, as dstat shows its defaults without flags
     * @param containerNames the chosen containers, in display order
     */
    public StatTable(Set<Group> groups, List<String> containerNames) {
        Set<Group> g = groups.isEmpty() ? EnumSet.allOf(Group.class) : EnumSet.copyOf(groups);
        this.containerNames = List.copyOf(containerNames);
        if (g.contains(Group.CPU)) {
            sections.add(new Section("total-cpu-usage", List.of(
                    new Column("usr", 3, r -> Units.wholePercent(cpu(r, s -> s.user() + s.nice()))),
                    new Column("sys", 3, r -> Units.wholePercent(cpu(r, s -> s.system() + s.irq() + s.softirq()))),
                    new Column("idl", 3, r -> Units.wholePercent(cpu(r, HostModel.CpuShare::idle))),
                    new Column("wai", 3, r -> Units.wholePercent(cpu(r, HostModel.CpuShare::iowait))),
                    new Column("stl", 3, r -> Units.wholePercent(cpu(r, HostModel.CpuShare::steal))))));
        }
        if (g.contains(Group.MEM)) {
            sections.add(new Section("memory-usage", List.of(
                    new Column("used", 5, r -> Units.bytes(mem(r, HostMemory::usedBytes))),
                    new Column("free", 5, r -> Units.bytes(mem(r, m -> OptionalLong.of(m.freeBytes())))),
                    new Column("buff", 5, r -> Units.bytes(mem(r, m -> OptionalLong.of(m.buffersBytes())))),
                    new Column("cach", 5, r -> Units.bytes(mem(r, m -> OptionalLong.of(m.cachedBytes())))))));
        }
        if (g.contains(Group.IO)) {
            sections.add(new Section("dsk/total", List.of(
                    new Column("read", 5, r -> Units.bytes(r.host().diskTotal().map(d -> d.readBytesPerSecond())
                            .orElse(OptionalDouble.empty()))),
                    new Column("writ", 5, r -> Units.bytes(r.host().diskTotal().map(d -> d.writeBytesPerSecond())
                            .orElse(OptionalDouble.empty()))))));
        }
        if (g.contains(Group.NET)) {
            sections.add(new Section("net/total", List.of(
                    new Column("recv", 5, r -> Units.bytes(r.host().netTotal().map(n -> n.rxBytesPerSecond())
                            .orElse(OptionalDouble.empty()))),
                    new Column("send", 5, r -> Units.bytes(r.host().netTotal().map(n -> n.txBytesPerSecond())
                            .orElse(OptionalDouble.empty()))))));
        }
        for (int i = 0; i < containerNames.size(); i++) {
            int idx = i;
            String n = Printable.escape(containerNames.get(i));
            if (g.contains(Group.CPU)) {
                sections.add(new Section(n + "-cpu", List.of(
                        new Column("cpu%", 4, r -> Units.wholePercent(c(r, idx).map(m -> m.cpu().percent())
                                .orElse(OptionalDouble.empty()))),
                        new Column("thrt", 4, r -> String.format(java.util.Locale.ROOT, "%s",
                                throttle(c(r, idx).map(m -> m.cpu().throttledPerSecond())
                                        .orElse(OptionalDouble.empty())))))));
            }
            if (g.contains(Group.MEM)) {
                sections.add(new Section(n + "-mem", List.of(
                        new Column("used", 5, r -> Units.bytes(c(r, idx).map(m -> m.memory().workingSetBytes())
                                .orElse(OptionalLong.empty()))))));
            }
            if (g.contains(Group.IO)) {
                sections.add(new Section(n + "-dsk", List.of(
                        new Column("read", 5, r -> Units.bytes(c(r, idx).map(m -> m.io().readBytesPerSecond())
                                .orElse(OptionalDouble.empty()))),
                        new Column("writ", 5, r -> Units.bytes(c(r, idx).map(m -> m.io().writeBytesPerSecond())
                                .orElse(OptionalDouble.empty()))))));
            }
            if (g.contains(Group.NET)) {
                sections.add(new Section(n + "-net", List.of(
                        new Column("recv", 5, r -> net(c(r, idx), true)),
                        new Column("send", 5, r -> net(c(r, idx), false)))));
            }
        }
    }

    /** The title line: each group's name centred in dashes over its columns. */
    public String titleLine() {
        List<String> parts = new ArrayList<>();
        for (Section s : sections) {
            int width = s.columns().stream().mapToInt(c -> c.width() + 1).sum() - 1;
            String t = s.title().length() > width - 2 ? s.title().substring(0, Math.max(0, width - 2)) : s.title();
            int left = (width - t.length()) / 2;
            parts.add("-".repeat(left) + t + "-".repeat(width - t.length() - left));
        }
        return String.join(" ", parts);
    }

    /** The column header line. */
    public String headerLine() {
        List<String> parts = new ArrayList<>();
        for (Section s : sections) {
            List<String> cols = new ArrayList<>();
            s.columns().forEach(c -> cols.add(pad(c.header(), c.width())));
            parts.add(String.join(" ", cols));
        }
        return String.join("|", parts);
    }

    /**
     * One data line.
     *
     * @param host       the host model
     * @param containers the chosen containers in the constructor's order; empty where a container is missing
     */
    public String dataLine(HostModel host, List<Optional<ContainerModel>> containers) {
        Row r = new Row(host, containers);
        List<String> parts = new ArrayList<>();
        for (Section s : sections) {
            List<String> cols = new ArrayList<>();
            s.columns().forEach(c -> cols.add(pad(c.text().apply(r), c.width())));
            parts.add(String.join(" ", cols));
        }
        return String.join("|", parts);
    }

    /** The CSV header: every raw column, host first, then per container. */
    public String csvHeader() {
        List<String> h = new ArrayList<>(List.of("time", "cpu_usr_pct", "cpu_sys_pct", "cpu_idl_pct", "cpu_wai_pct",
                "cpu_stl_pct", "mem_used_bytes", "mem_free_bytes", "mem_buff_bytes", "mem_cach_bytes",
                "dsk_read_bytes_per_s", "dsk_writ_bytes_per_s", "net_recv_bytes_per_s", "net_send_bytes_per_s"));
        for (String n : containerNames) {
            for (String col : List.of("cpu_pct", "throttled_s_per_s", "mem_working_set_bytes", "mem_usage_bytes",
                    "dsk_read_bytes_per_s", "dsk_writ_bytes_per_s", "net_recv_bytes_per_s", "net_send_bytes_per_s")) {
                h.add(csv(Printable.escape(n) + ":" + col));
            }
        }
        return String.join(",", h);
    }

    /** One CSV line of raw values; empty cells are unavailable values. */
    public String csvLine(Instant at, HostModel host, List<Optional<ContainerModel>> containers) {
        Row r = new Row(host, containers);
        List<String> v = new ArrayList<>();
        v.add(at.toString());
        v.add(raw(cpu(r, s -> s.user() + s.nice())));
        v.add(raw(cpu(r, s -> s.system() + s.irq() + s.softirq())));
        v.add(raw(cpu(r, HostModel.CpuShare::idle)));
        v.add(raw(cpu(r, HostModel.CpuShare::iowait)));
        v.add(raw(cpu(r, HostModel.CpuShare::steal)));
        v.add(raw(mem(r, HostMemory::usedBytes)));
        v.add(raw(mem(r, m -> OptionalLong.of(m.freeBytes()))));
        v.add(raw(mem(r, m -> OptionalLong.of(m.buffersBytes()))));
        v.add(raw(mem(r, m -> OptionalLong.of(m.cachedBytes()))));
        v.add(raw(host.diskTotal().map(d -> d.readBytesPerSecond()).orElse(OptionalDouble.empty())));
        v.add(raw(host.diskTotal().map(d -> d.writeBytesPerSecond()).orElse(OptionalDouble.empty())));
        v.add(raw(host.netTotal().map(n -> n.rxBytesPerSecond()).orElse(OptionalDouble.empty())));
        v.add(raw(host.netTotal().map(n -> n.txBytesPerSecond()).orElse(OptionalDouble.empty())));
        for (int i = 0; i < containerNames.size(); i++) {
            Optional<ContainerModel> c = c(r, i);
            v.add(raw(c.map(m -> m.cpu().percent()).orElse(OptionalDouble.empty())));
            v.add(raw(c.map(m -> m.cpu().throttledPerSecond()).orElse(OptionalDouble.empty())));
            v.add(raw(c.map(m -> m.memory().workingSetBytes()).orElse(OptionalLong.empty())));
            v.add(raw(c.map(m -> m.memory().usageBytes()).orElse(OptionalLong.empty())));
            v.add(raw(c.map(m -> m.io().readBytesPerSecond()).orElse(OptionalDouble.empty())));
            v.add(raw(c.map(m -> m.io().writeBytesPerSecond()).orElse(OptionalDouble.empty())));
            v.add(raw(c.map(m -> m.net().rxBytesPerSecond()).orElse(OptionalDouble.empty())));
            v.add(raw(c.map(m -> m.net().txBytesPerSecond()).orElse(OptionalDouble.empty())));
        }
        return String.join(",", v);
    }

    private static Optional<ContainerModel> c(Row r, int idx) {
        return idx < r.containers().size() ? r.containers().get(idx) : Optional.empty();
    }

    private static OptionalDouble cpu(Row r, java.util.function.ToDoubleFunction<HostModel.CpuShare> f) {
        return r.host().cpu().map(s -> OptionalDouble.of(f.applyAsDouble(s))).orElse(OptionalDouble.empty());
    }

    private static OptionalLong mem(Row r, Function<HostMemory, OptionalLong> f) {
        return r.host().memory().map(f).orElse(OptionalLong.empty());
    }

    private static String net(Optional<ContainerModel> c, boolean rx) {
        if (c.isPresent() && c.get().net().netns().map(n -> n.host()).orElse(false)) {
            return "host";
        }
        return Units.bytes(c.map(m -> rx ? m.net().rxBytesPerSecond() : m.net().txBytesPerSecond())
                .orElse(OptionalDouble.empty()));
    }

    private static String throttle(OptionalDouble secondsPerSecond) {
        if (secondsPerSecond.isEmpty()) {
            return Units.UNAVAILABLE;
        }
        double v = secondsPerSecond.getAsDouble();
        return v == 0 ? "0" : String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private static String raw(OptionalDouble v) {
        return v.isPresent() ? Double.toString(Math.round(v.getAsDouble() * 1000.0) / 1000.0) : "";
    }

    private static String raw(OptionalLong v) {
        return v.isPresent() ? Long.toString(v.getAsLong()) : "";
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}

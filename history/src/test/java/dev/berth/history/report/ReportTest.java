package dev.berth.history.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.history.store.StoreOptions;
import dev.berth.history.store.StoreReader;
import dev.berth.history.store.StoreWriter;
import dev.berth.history.testing.Frames;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path dir;

    /** 21 samples 10 s apart; between sample k-1 and k the container uses 0.5·k s of CPU: 5 %, 10 %, ... 100 %. */
    private void writeKnown(ZoneOffset first, ZoneOffset later, int switchAt) throws IOException {
        try (StoreWriter w = new StoreWriter(dir, StoreOptions.DEFAULT)) {
            long usage = 0;
            for (int k = 0; k <= 20; k++) {
                usage += 500_000L * k;
                Instant at = T0.plusSeconds(10L * k);
                w.append(Frames.frame(at, k < switchAt ? first : later,
                        Frames.container(at, "web", usage, 1_000_000L * (k + 1))));
            }
        }
    }

    private static double value(OptionalDouble v) {
        return v.orElseThrow();
    }

    @Test
    void knownSamplesGiveKnownRatesAndMaxMeanMinP95() throws IOException {
        writeKnown(ZoneOffset.UTC, ZoneOffset.UTC, 99);
        Report r = Report.build(new StoreReader(dir, w -> { }), T0.plusSeconds(1), T0.plusSeconds(300),
                Duration.ofSeconds(10), Set.of(Column.Group.CPU, Column.Group.MEM), List.of(new ContainerQuery("web")));
        // Columns: host util user sys wait used cache, then web cpu thrt wset %lim.
        int cpu = 6;
        int wset = 8;
        assertEquals("cpu", r.columns().get(cpu).name());
        assertEquals(20, r.rows().size());
        // The first row starts with the period's first sample (k = 1): no earlier sample in the period, no rate.
        assertEquals(OptionalDouble.empty(), r.rows().get(0).values().get(cpu));
        for (int k = 2; k <= 20; k++) {
            assertEquals(5.0 * k, value(r.rows().get(k - 1).values().get(cpu)), 1e-9, "row " + k);
            assertEquals(1_000_000.0 * (k + 1), value(r.rows().get(k - 1).values().get(wset)), 1e-9);
        }
        assertEquals(100.0, value(r.summary(Report.Stat.MAX).get(cpu)), 1e-9);
        assertEquals(10.0, value(r.summary(Report.Stat.MIN).get(cpu)), 1e-9);
        assertEquals(55.0, value(r.summary(Report.Stat.MEAN).get(cpu)), 1e-9);
        // 19 values 10..100: nearest rank ceil(0.95 * 19) = 19, the largest.
        assertEquals(100.0, value(r.summary(Report.Stat.P95).get(cpu)), 1e-9);
        assertEquals(21_000_000.0, value(r.summary(Report.Stat.MAX).get(wset)), 1e-9);
        assertEquals(2_000_000.0, value(r.summary(Report.Stat.MIN).get(wset)), 1e-9);
    }

    @Test
    void longerIntervalsDeriveOverTheWholeInterval() throws IOException {
        writeKnown(ZoneOffset.UTC, ZoneOffset.UTC, 99);
        Report r = Report.build(new StoreReader(dir, w -> { }), T0, T0.plusSeconds(300), Duration.ofMinutes(1),
                Set.of(Column.Group.CPU), List.of(new ContainerQuery("web")));
        assertEquals(4, r.rows().size());
        int cpu = 4;
        // Minute 1 runs from sample 5 (10:00:50) to sample 11 (10:01:50): 0.5·(6+..+11) s = 25.5 s over 60 s.
        assertEquals(42.5, value(r.rows().get(1).values().get(cpu)), 1e-9);
        assertEquals(List.of(T0, T0.plusSeconds(60), T0.plusSeconds(120), T0.plusSeconds(180)),
                r.rows().stream().map(Row::start).toList());
    }

    @Test
    void aZoneChangeWithinThePeriodGivesContinuousRowsShownWithTheirOffsets() throws IOException {
        // Europe/Berlin leaves summer time on 2026-10-25 at 01:00 UTC: 02:59:50 +02:00 is followed by 02:00:00 +01:00.
        Instant t = Instant.parse("2026-10-25T00:59:00Z");
        try (StoreWriter w = new StoreWriter(dir, StoreOptions.DEFAULT)) {
            for (int k = 0; k < 13; k++) {
                Instant at = t.plusSeconds(10L * k);
                ZoneOffset off = ZoneId.of("Europe/Berlin").getRules().getOffset(at);
                w.append(Frames.frame(at, off, Frames.container(at, "web", 1_000_000L * k, 1)));
            }
        }
        Report r = Report.build(new StoreReader(dir, w -> { }), t, t.plusSeconds(200), Duration.ofSeconds(10),
                Set.of(Column.Group.CPU), List.of(new ContainerQuery("web")));
        assertEquals(13, r.rows().size());
        for (int k = 1; k < 13; k++) {
            assertEquals(10.0, value(r.rows().get(k).values().get(4)), 1e-9);
            assertEquals(t.plusSeconds(10L * k), r.rows().get(k).start());
        }
        assertEquals(ZoneOffset.ofHours(2), r.rows().get(5).recorder());
        assertEquals(ZoneOffset.ofHours(1), r.rows().get(6).recorder());
        List<String> text = new ReportFormat(ZoneId.of("Europe/Berlin")).text(r);
        assertEquals("02:59:50+02:00", text.get(2 + 5).substring(0, 14));
        assertEquals("02:00:00+01:00", text.get(2 + 6).substring(0, 14));
    }

    @Test
    void aPeriodWithoutSamplesSaysSo() throws IOException {
        writeKnown(ZoneOffset.UTC, ZoneOffset.UTC, 99);
        Instant from = Instant.parse("2026-11-29T10:00:00Z");
        Report r = Report.build(new StoreReader(dir, w -> { }), from, from.plusSeconds(3600), Duration.ofMinutes(5),
                Set.of(), List.of(new ContainerQuery("nope")));
        assertEquals(List.of("no samples between 2026-11-29T10:00Z and 2026-11-29T11:00Z"),
                new ReportFormat(ZoneOffset.UTC).text(r));
    }

    @Test
    void aContainerNeverRecordedInThePeriodIsAnError() throws IOException {
        writeKnown(ZoneOffset.UTC, ZoneOffset.UTC, 99);
        ReportException e = assertThrows(ReportException.class, () -> Report.build(new StoreReader(dir, w -> { }),
                T0, T0.plusSeconds(300), Duration.ofMinutes(5), Set.of(), List.of(new ContainerQuery("db"))));
        assertEquals("no container named 'db' was recorded between 2026-11-30T10:00:00Z and 2026-11-30T10:05:00Z",
                e.getMessage());
    }

    @Test
    void topRanksByMeanCpuOverThePeriod() throws IOException {
        try (StoreWriter w = new StoreWriter(dir, StoreOptions.DEFAULT)) {
            for (int k = 0; k < 7; k++) {
                Instant at = T0.plusSeconds(10L * k);
                w.append(Frames.frame(at, ZoneOffset.UTC, Frames.container(at, "a", 1_000_000L * k, 5),
                        Frames.container(at, "b", 3_000_000L * k, 9), Frames.container(at, "c", 2_000_000L * k, 7)));
            }
        }
        List<TopRanking.Entry> top = TopRanking.rank(new StoreReader(dir, w -> { }), T0, T0.plusSeconds(3600),
                Column.Group.CPU, 2);
        assertEquals(List.of("b", "c"), top.stream().map(TopRanking.Entry::name).toList());
        assertEquals(30.0, top.get(0).value().getAsDouble(), 1e-9);
        List<TopRanking.Entry> mem = TopRanking.rank(new StoreReader(dir, w -> { }), T0, T0.plusSeconds(3600),
                Column.Group.MEM, 3);
        assertEquals(List.of("b", "c", "a"), mem.stream().map(TopRanking.Entry::name).toList());
    }
}

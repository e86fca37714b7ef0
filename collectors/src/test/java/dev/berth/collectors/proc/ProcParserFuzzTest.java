package dev.berth.collectors.proc;

import dev.berth.cgroupctl.testing.Mutations;
import dev.berth.collectors.testing.FakeHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes every {@code /proc} parser of {@link ProcParsers} with inputs seeded from the fixture host
 * ({@link FakeHost}: its stat, meminfo, loadavg, diskstats, net/dev, pid stat and status files), and
 * from this host's own {@code /proc} files where readable: only a parsed value or
 * {@link ProcParseException} may come out. Inputs per run: {@code jqwik.tries.default} (see
 * {@link Mutations}); each input goes to every parser.
 */
class ProcParserFuzzTest {
    private static final AtomicLong CALLS = new AtomicLong();
    private static final Path FILE = Path.of("/proc/fuzz");

    @FunctionalInterface
    interface Parser {
        Object parse(String content) throws ProcParseException;
    }

    static final Map<String, Parser> PARSERS = Map.of(
            "stat", c -> ProcParsers.parseStat(FILE, c),
            "meminfo", c -> ProcParsers.parseMeminfo(FILE, c),
            "loadavg", c -> ProcParsers.parseLoadavg(FILE, c),
            "diskstats", c -> ProcParsers.parseDiskstats(FILE, c),
            "net/dev", c -> ProcParsers.parseNetDev(FILE, c),
            "pid stat", c -> ProcParsers.parsePidStat(FILE, c),
            "status rss", c -> ProcParsers.parseStatusRss(FILE, c));

    @Provide
    Arbitrary<String> procFiles() throws IOException {
        Path dir = Files.createTempDirectory("berth-fuzz-");
        List<String> seeds = new ArrayList<>();
        try {
            for (FakeHost.Layout layout : FakeHost.Layout.values()) {
                FakeHost h = FakeHost.of(layout, dir.resolve(layout.name())).write();
                try (Stream<Path> s = Files.walk(h.procfs())) {
                    for (Path p : s.filter(Files::isRegularFile).toList()) {
                        String name = p.getFileName().toString();
                        if (List.of("stat", "meminfo", "loadavg", "diskstats", "dev", "status").contains(name)) {
                            seeds.add(Files.readString(p, StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        for (String live : List.of("/proc/stat", "/proc/meminfo", "/proc/loadavg", "/proc/diskstats", "/proc/net/dev",
                "/proc/self/stat", "/proc/self/status")) {
            try {
                seeds.add(Files.readString(Path.of(live)));
            } catch (IOException e) {
                // not Linux, or hidden: the fixtures are enough
            }
        }
        return Mutations.of(seeds);
    }

    @Property
    void everyParserGivesAValueOrItsTypedError(@ForAll("procFiles") String content) {
        for (Map.Entry<String, Parser> p : PARSERS.entrySet()) {
            CALLS.incrementAndGet();
            try {
                p.getValue().parse(content);
            } catch (ProcParseException expected) {
                // the typed parse error: fine
            } catch (RuntimeException e) {
                throw new AssertionError(p.getKey() + " threw " + e + " on " + content.replace("\u0000", "\\0"), e);
            }
        }
    }

    @AfterContainer
    static void report() {
        System.out.println("proc parser fuzz: " + CALLS.get() + " parser calls (" + PARSERS.size() + " parsers)");
    }
}

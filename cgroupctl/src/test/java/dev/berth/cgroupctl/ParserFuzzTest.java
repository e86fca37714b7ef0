package dev.berth.cgroupctl;

import dev.berth.cgroupctl.format.DeviceValueFormat;
import dev.berth.cgroupctl.format.FlatKeyedFormat;
import dev.berth.cgroupctl.format.ListFormat;
import dev.berth.cgroupctl.format.MalformedContentException;
import dev.berth.cgroupctl.format.MountinfoFormat;
import dev.berth.cgroupctl.format.NestedKeyedFormat;
import dev.berth.cgroupctl.format.ProcCgroupFormat;
import dev.berth.cgroupctl.format.ProcCgroupsFormat;
import dev.berth.cgroupctl.format.PsiFormat;
import dev.berth.cgroupctl.format.RangeListFormat;
import dev.berth.cgroupctl.format.SingleValueFormat;
import dev.berth.cgroupctl.testing.Mutations;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes every parser of {@code cgroupctl.format} with inputs seeded from the fixtures (real kernel
 * output, {@link Fixtures} and {@link V2Fixtures}, plus one example of each file shape): only a
 * parsed value or {@link MalformedContentException} may come out, never another exception, never
 * a hang (the inputs are short; a parser that loops would not finish the run). The number of inputs
 * is jqwik's {@code jqwik.tries.default} (see {@link Mutations}); each input goes to every parser.
 */
class ParserFuzzTest {
    private static final AtomicLong CALLS = new AtomicLong();

    /** One parser: anything but a value or the typed error is a failure. */
    @FunctionalInterface
    interface Parser {
        Object parse(String content) throws MalformedContentException;
    }

    static final Map<String, Parser> PARSERS = Map.ofEntries(
            Map.entry("device values", DeviceValueFormat::parseDeviceValues),
            Map.entry("device operations", DeviceValueFormat::parseDeviceOperations),
            Map.entry("flat keyed", FlatKeyedFormat::parse),
            Map.entry("flat keyed clamping", FlatKeyedFormat::parseClampingNegatives),
            Map.entry("ids", ListFormat::parseIds),
            Map.entry("words", ListFormat::parseWords),
            Map.entry("mountinfo", MountinfoFormat::parse),
            Map.entry("nested keyed", NestedKeyedFormat::parse),
            Map.entry("device key", NestedKeyedFormat::parseDevice),
            Map.entry("/proc/pid/cgroup", c -> ProcCgroupFormat.parse(1, c)),
            Map.entry("/proc/cgroups", ProcCgroupsFormat::parse),
            Map.entry("psi", PsiFormat::parse),
            Map.entry("range list", RangeListFormat::parse),
            Map.entry("single line", SingleValueFormat::parseLine),
            Map.entry("single long", SingleValueFormat::parseLong),
            Map.entry("single unsigned", SingleValueFormat::parseUnsigned),
            Map.entry("limit", SingleValueFormat::parseLimit),
            Map.entry("fields", c -> SingleValueFormat.parseFields(c, 2)),
            Map.entry("limit token", SingleValueFormat::parseLimitToken));

    @Provide
    Arbitrary<String> kernelFiles() throws IllegalAccessException {
        List<String> seeds = new ArrayList<>(List.of("max\n", "100000\n", "max 100000\n", "0-3,8\n", "1\n2\n3\n",
                "cpu memory io pids\n",
                "some avg10=0.12 avg60=0.05 avg300=0.01 total=12345\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n",
                "usage_usec 1000\nuser_usec 600\nsystem_usec 400\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\n",
                "8:0 rbytes=1 wbytes=2 rios=3 wios=4 dbytes=0 dios=0\n", "8:0 Read 4096\n8:0 Write 0\nTotal 4096\n",
                "0::/user.slice/session-1.scope\n"));
        for (Class<?> c : List.of(Fixtures.class, V2Fixtures.class)) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    f.setAccessible(true);
                    seeds.add((String) f.get(null));
                }
            }
        }
        return Mutations.of(seeds);
    }

    @Property
    void everyParserGivesAValueOrItsTypedError(@ForAll("kernelFiles") String content) {
        for (Map.Entry<String, Parser> p : PARSERS.entrySet()) {
            CALLS.incrementAndGet();
            try {
                p.getValue().parse(content);
            } catch (MalformedContentException expected) {
                // the typed parse error: fine
            } catch (RuntimeException e) {
                throw new AssertionError(p.getKey() + " threw " + e + " on " + printable(content), e);
            }
        }
    }

    @AfterContainer
    static void report() {
        System.out.println("cgroupctl parser fuzz: " + CALLS.get() + " parser calls (" + PARSERS.size() + " parsers)");
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.append('"').toString();
    }
}

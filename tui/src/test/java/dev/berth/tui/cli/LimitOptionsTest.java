package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.IoLimit.Kind;
import dev.berth.cgroupctl.Limit;
import dev.berth.runtime.limits.CpuList;
import dev.berth.runtime.limits.CpuQuota;
import dev.berth.runtime.limits.DeviceRate;
import dev.berth.runtime.limits.LimitRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class LimitOptionsTest {
    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        LimitOptions limits;
        LimitRequest seen;

        @Override
        public void run() {
            seen = limits.toRequest();
        }
    }

    record Outcome(int exit, String err, LimitRequest request) {
    }

    static Outcome run(String... args) {
        Probe probe = new Probe();
        CommandLine cl = new CommandLine(probe);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        ErrorHandler h = new ErrorHandler();
        cl.setParameterExceptionHandler(h);
        cl.setExecutionExceptionHandler(h);
        int exit = cl.execute(args);
        return new Outcome(exit, err.toString(), probe.seen);
    }

    @Test
    void noOptionsIsAnEmptyRequest() {
        Outcome o = run();
        assertEquals(0, o.exit());
        assertTrue(o.request().isEmpty());
    }

    @Test
    void everyOptionReachesTheRequest() {
        Outcome o = run("--cpus", "0.5", "--cpu-weight", "300", "--cpuset-cpus", "0-1", "-m", "512M",
                "--memory-high", "256M", "--memory-swap", "0", "--pids-limit", "max",
                "--device-read-bps", "/dev/vda:10M", "--device-read-bps", "8:0:1M", "--device-write-bps", "8:0:2M",
                "--device-read-iops", "8:0:100", "--device-write-iops", "8:0:max");
        assertEquals(0, o.exit(), o.err());
        LimitRequest expected = new LimitRequest(Optional.of(CpuQuota.parse("0.5")), Optional.of(300L),
                Optional.of(CpuList.parse("0-1")), Optional.of(Limit.of(512L << 20)), Optional.of(Limit.of(256L << 20)),
                Optional.of(Limit.of(0)), Optional.of(Limit.UNLIMITED), List.of(
                        new DeviceRate("/dev/vda", Kind.READ_BPS, Limit.of(10L << 20)),
                        new DeviceRate("8:0", Kind.READ_BPS, Limit.of(1L << 20)),
                        new DeviceRate("8:0", Kind.WRITE_BPS, Limit.of(2L << 20)),
                        new DeviceRate("8:0", Kind.READ_IOPS, Limit.of(100)),
                        new DeviceRate("8:0", Kind.WRITE_IOPS, Limit.UNLIMITED)));
        assertEquals(expected, o.request());
        assertEquals(o.request(), run("--memory", "512m", "--cpus=0.50", "--cpu-weight=300", "--cpuset-cpus", "1,0",
                "--memory-high", "256MiB", "--memory-swap", "0", "--pids-limit", "MAX",
                "--device-read-bps", "/dev/vda:10485760", "--device-read-bps", "8:0:1024k", "--device-write-bps", "8:0:2m",
                "--device-read-iops", "8:0:100", "--device-write-iops", "8:0:max").request());
    }

    /** Bad values are usage errors (exit 2) whose one message line names the option, the value and the range. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--cpus|0.001|0.001 is below the minimum of 0.01 cpus (1 ms per 100 ms period): expected 0.01..8192, or max",
        "--cpus|lots|\"lots\" is not a number of cpus: expected 0.01..8192 (e.g. 0.5), or max",
        "--cpu-weight|0|0 is out of range: expected 1..10000 (default 100)",
        "--cpu-weight|10001|10001 is out of range: expected 1..10000 (default 100)",
        "--cpuset-cpus|3-1|\"3-1\" is not a cpu list: range 3-1 is reversed (expected LOW-HIGH)",
        "--memory|5M|5M is below the minimum of 6M: expected 6M or more (e.g. 512M, 1G), or max",
        "--memory|1Q|\"1Q\" is not a size: expected a size such as 1024, 512k, 64M, 1.5G or 1T",
        "--memory-high|1k|1k is below the minimum of 6M: expected 6M or more (e.g. 512M, 1G), or max",
        "--memory-swap|-1|\"-1\" is not a size: expected a size such as 1024, 512k, 64M, 1.5G or 1T",
        "--pids-limit|0|0 is out of range: expected 1..4194304, or max",
        "--device-read-bps|/dev/vda|\"/dev/vda\" is not DEV:RATE with DEV a /dev path or MAJOR:MINOR and RATE a size per second such as 10M, or max",
        "--device-write-bps|8:0:0|\"8:0:0\": rate 0 is not accepted (the kernel reads 0 as no limit): expected a positive rate, or max to remove the throttle",
        "--device-read-iops|8:0:1k|\"8:0:1k\": rate \"1k\" is not a count: expected 1..922337203685477580 operations per second, or max",
        "--device-write-iops|vda:5|\"vda:5\": device \"vda\" is neither a /dev path nor MAJOR:MINOR (DEV:RATE with DEV a /dev path or MAJOR:MINOR and RATE a count per second such as 500, or max)"})
    void badValuesExitTwoWithTheReason(String option, String value, String reason) {
        Outcome o = run(option, value);
        assertEquals(2, o.exit());
        String first = o.err().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("probe: "), first);
        assertTrue(first.contains(option), first);
        assertTrue(first.endsWith(reason), first);
    }
}

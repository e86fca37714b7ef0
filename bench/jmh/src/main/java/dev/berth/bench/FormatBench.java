package dev.berth.bench;

import dev.berth.cgroupctl.format.DeviceValueFormat;
import dev.berth.cgroupctl.format.FlatKeyedFormat;
import dev.berth.cgroupctl.format.ListFormat;
import dev.berth.cgroupctl.format.MalformedContentException;
import dev.berth.cgroupctl.format.NestedKeyedFormat;
import dev.berth.cgroupctl.format.PsiFormat;
import dev.berth.cgroupctl.format.SingleValueFormat;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing one file of each cgroup file format, as the per-tick sampler does (bytes in place, only the keys it
 * needs) and as the String parsers do (whole file decoded, every key in a map). The contents are what Linux 6.18
 * printed on the benchmark VM for one of the harness's cgroups, and a v2 {@code io.stat}/{@code cpu.pressure}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FormatBench {
    static final String SINGLE = "123456789012\n";
    static final String MEMORY_STAT_V1 = "cache 0\nrss 135168\nrss_huge 0\nshmem 0\nmapped_file 0\ndirty 0\n"
            + "writeback 0\nswap 0\npgpgin 66\npgpgout 33\npgfault 99\npgmajfault 0\ninactive_anon 135168\n"
            + "active_anon 0\ninactive_file 0\nactive_file 0\nunevictable 0\nhierarchical_memory_limit "
            + "9223372036854771712\nhierarchical_memsw_limit 9223372036854771712\ntotal_cache 0\ntotal_rss 135168\n"
            + "total_rss_huge 0\ntotal_shmem 0\ntotal_mapped_file 0\ntotal_dirty 0\ntotal_writeback 0\n"
            + "total_swap 0\ntotal_pgpgin 66\ntotal_pgpgout 33\ntotal_pgfault 99\ntotal_pgmajfault 0\n"
            + "total_inactive_anon 135168\ntotal_active_anon 0\ntotal_inactive_file 0\ntotal_active_file 0\n"
            + "total_unevictable 0\n";
    static final String CPU_STAT_V2 = "usage_usec 81234567\nuser_usec 61234567\nsystem_usec 20000000\n"
            + "core_sched.force_idle_usec 0\nnr_periods 4242\nnr_throttled 17\nthrottled_usec 1234567\n"
            + "nr_bursts 0\nburst_usec 0\n";
    static final String BLKIO = "8:0 Read 1048576\n8:0 Write 4194304\n8:0 Sync 5242880\n8:0 Async 0\n"
            + "8:0 Discard 0\n8:0 Total 5242880\nTotal 5242880\n";
    static final String IO_STAT_V2 = "8:0 rbytes=1048576 wbytes=4194304 rios=10 wios=40 dbytes=0 dios=0\n"
            + "253:0 rbytes=1048576 wbytes=4194304 rios=10 wios=40 dbytes=0 dios=0\n";
    static final String PSI = "some avg10=0.12 avg60=0.05 avg300=0.01 total=123456\n"
            + "full avg10=0.00 avg60=0.00 avg300=0.00 total=4567\n";
    static final String PROCS = "4242\n4243\n4250\n";

    static final FlatKeyedFormat.Keys MEMORY_KEYS = new FlatKeyedFormat.Keys("anon", "file", "inactive_file",
            "total_rss", "total_cache", "total_inactive_file", "rss", "cache");
    static final FlatKeyedFormat.Keys CPU_KEYS = new FlatKeyedFormat.Keys("usage_usec", "user_usec", "system_usec",
            "nr_periods", "nr_throttled", "throttled_usec");

    final byte[] single = SINGLE.getBytes(StandardCharsets.US_ASCII);
    final byte[] memoryStat = MEMORY_STAT_V1.getBytes(StandardCharsets.US_ASCII);
    final byte[] cpuStat = CPU_STAT_V2.getBytes(StandardCharsets.US_ASCII);
    final byte[] blkio = BLKIO.getBytes(StandardCharsets.US_ASCII);
    final byte[] procs = PROCS.getBytes(StandardCharsets.US_ASCII);
    final long[] values = new long[8];

    @Benchmark
    public long singleValueBytes() throws MalformedContentException {
        return SingleValueFormat.parseUnsigned(single, single.length);
    }

    @Benchmark
    public long singleValueString() throws MalformedContentException {
        return SingleValueFormat.parseUnsigned(new String(single, StandardCharsets.UTF_8));
    }

    @Benchmark
    public long memoryStatBytes() throws MalformedContentException {
        return FlatKeyedFormat.parse(memoryStat, memoryStat.length, MEMORY_KEYS, values, true);
    }

    @Benchmark
    public Object memoryStatString() throws MalformedContentException {
        return FlatKeyedFormat.parseClampingNegatives(new String(memoryStat, StandardCharsets.UTF_8));
    }

    @Benchmark
    public long cpuStatBytes() throws MalformedContentException {
        return FlatKeyedFormat.parse(cpuStat, cpuStat.length, CPU_KEYS, values, false);
    }

    @Benchmark
    public Object cpuStatString() throws MalformedContentException {
        return FlatKeyedFormat.parse(new String(cpuStat, StandardCharsets.UTF_8));
    }

    @Benchmark
    public Object blkioBytes() throws MalformedContentException {
        return DeviceValueFormat.parseDeviceOperations(blkio, blkio.length);
    }

    @Benchmark
    public Object blkioString() throws MalformedContentException {
        return DeviceValueFormat.parseDeviceOperations(new String(blkio, StandardCharsets.UTF_8));
    }

    @Benchmark
    public Object ioStatV2String() throws MalformedContentException {
        return NestedKeyedFormat.parse(IO_STAT_V2);
    }

    @Benchmark
    public Object pressureString() throws MalformedContentException {
        return PsiFormat.parse(PSI);
    }

    @Benchmark
    public Object procsBytes() throws MalformedContentException {
        return ListFormat.parseIds(procs, procs.length);
    }

    @Benchmark
    public Object procsString() throws MalformedContentException {
        return ListFormat.parseIds(new String(procs, StandardCharsets.UTF_8));
    }
}

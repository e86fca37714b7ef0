package dev.berth.tui.cli;

import dev.berth.cgroupctl.IoLimit;
import dev.berth.cgroupctl.Limit;
import dev.berth.runtime.limits.CpuList;
import dev.berth.runtime.limits.CpuQuota;
import dev.berth.runtime.limits.DeviceRate;
import dev.berth.runtime.limits.LimitRequest;
import dev.berth.runtime.limits.LimitSyntax;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The limit options of {@code berth run} and {@code berth set}, with the same names and syntax in
 * both: {@code @Mixin LimitOptions limits;} then {@link #toRequest()}. Syntax and fixed ranges are
 * checked by the converters (exit 2); host-dependent checks happen in
 * {@link dev.berth.runtime.limits.LimitResolver} (exit 1).
 */
public final class LimitOptions {
    @Option(names = "--cpus", paramLabel = "CPUS", converter = CpusConverter.class,
            description = "CPU quota in CPUs, e.g. 0.5 (50 ms per 100 ms period); 0.01..online cpus, or max")
    CpuQuota cpus;

    @Option(names = "--cpu-weight", paramLabel = "WEIGHT", converter = CpuWeightConverter.class,
            description = "relative CPU weight 1..10000 (default 100; v1: converted to cpu.shares)")
    Long cpuWeight;

    @Option(names = "--cpuset-cpus", paramLabel = "LIST", converter = CpusetConverter.class,
            description = "CPUs the container may run on, e.g. 0-1,3; must be online")
    CpuList cpusetCpus;

    @Option(names = {"-m", "--memory"}, paramLabel = "SIZE", converter = MemoryConverter.class,
            description = "hard memory limit, e.g. 512M, 1G (at least 6M), or max")
    Limit memory;

    @Option(names = "--memory-high", paramLabel = "SIZE", converter = MemoryHighConverter.class,
            description = "memory throttling limit (cgroup v2 memory.high), at least 6M and at most --memory, or max")
    Limit memoryHigh;

    @Option(names = "--memory-swap", paramLabel = "SIZE", converter = MemorySwapConverter.class,
            description = "swap allowed on top of --memory (cgroup v2 memory.swap.max; 0 = no swap), or max")
    Limit memorySwap;

    @Option(names = "--pids-limit", paramLabel = "N", converter = PidsConverter.class,
            description = "maximum number of processes 1..4194304, or max")
    Limit pids;

    @Option(names = "--device-read-bps", paramLabel = "DEV:RATE", converter = ReadBpsConverter.class,
            description = "read bytes/s for a block device (/dev path or MAJ:MIN), e.g. /dev/vda:10M, or DEV:max; repeatable")
    List<DeviceRate> readBps = new ArrayList<>();

    @Option(names = "--device-write-bps", paramLabel = "DEV:RATE", converter = WriteBpsConverter.class,
            description = "write bytes/s for a block device, e.g. 254:0:10M, or DEV:max; repeatable")
    List<DeviceRate> writeBps = new ArrayList<>();

    @Option(names = "--device-read-iops", paramLabel = "DEV:RATE", converter = ReadIopsConverter.class,
            description = "read operations/s for a block device, e.g. /dev/vda:500, or DEV:max; repeatable")
    List<DeviceRate> readIops = new ArrayList<>();

    @Option(names = "--device-write-iops", paramLabel = "DEV:RATE", converter = WriteIopsConverter.class,
            description = "write operations/s for a block device, e.g. /dev/vda:500, or DEV:max; repeatable")
    List<DeviceRate> writeIops = new ArrayList<>();

    /** The options given, as a request; {@link LimitRequest#isEmpty()} when none was. */
    public LimitRequest toRequest() {
        List<DeviceRate> devices = new ArrayList<>();
        devices.addAll(readBps);
        devices.addAll(writeBps);
        devices.addAll(readIops);
        devices.addAll(writeIops);
        return LimitRequest.builder().cpus(cpus).cpuWeight(cpuWeight).cpusetCpus(cpusetCpus).memory(memory)
                .memoryHigh(memoryHigh).memorySwap(memorySwap).pids(pids).devices(devices).build();
    }

    static final class CpusConverter extends ParsingConverter<CpuQuota> {
        CpusConverter() {
            super(CpuQuota::parse);
        }
    }

    static final class CpuWeightConverter extends ParsingConverter<Long> {
        CpuWeightConverter() {
            super(LimitSyntax::parseCpuWeight);
        }
    }

    static final class CpusetConverter extends ParsingConverter<CpuList> {
        CpusetConverter() {
            super(CpuList::parse);
        }
    }

    static final class MemoryConverter extends ParsingConverter<Limit> {
        MemoryConverter() {
            super(LimitSyntax::parseMemory);
        }
    }

    static final class MemoryHighConverter extends ParsingConverter<Limit> {
        MemoryHighConverter() {
            super(LimitSyntax::parseMemoryHigh);
        }
    }

    static final class MemorySwapConverter extends ParsingConverter<Limit> {
        MemorySwapConverter() {
            super(LimitSyntax::parseMemorySwap);
        }
    }

    static final class PidsConverter extends ParsingConverter<Limit> {
        PidsConverter() {
            super(LimitSyntax::parsePids);
        }
    }

    static final class ReadBpsConverter extends ParsingConverter<DeviceRate> {
        ReadBpsConverter() {
            super(v -> DeviceRate.parse(v, IoLimit.Kind.READ_BPS));
        }
    }

    static final class WriteBpsConverter extends ParsingConverter<DeviceRate> {
        WriteBpsConverter() {
            super(v -> DeviceRate.parse(v, IoLimit.Kind.WRITE_BPS));
        }
    }

    static final class ReadIopsConverter extends ParsingConverter<DeviceRate> {
        ReadIopsConverter() {
            super(v -> DeviceRate.parse(v, IoLimit.Kind.READ_IOPS));
        }
    }

    static final class WriteIopsConverter extends ParsingConverter<DeviceRate> {
        WriteIopsConverter() {
            super(v -> DeviceRate.parse(v, IoLimit.Kind.WRITE_IOPS));
        }
    }
}

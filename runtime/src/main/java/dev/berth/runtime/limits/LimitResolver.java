package dev.berth.runtime.limits;

import dev.berth.cgroupctl.IoLimit;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.Resources;
import dev.berth.cgroupctl.format.RangeListFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a {@link LimitRequest} into the cgroupctl {@link Resources} to apply, after the checks
 * that depend on the host: CPUs against the online set, devices against the block devices, and
 * the request against itself. Checks that depend on the container (memory below its current
 * usage) belong to whoever applies the result ({@code dev.berth.runtime.control.LimitChanger}).
 *
 * <p>Each check is a small method, run in order, each throwing on the first problem, in the
 * manner of runc's {@code validate} checks.
 */
public final class LimitResolver {
    private final OnlineCpus onlineCpus;
    private final BlockDevices blockDevices;

    public LimitResolver(OnlineCpus onlineCpus, BlockDevices blockDevices) {
        this.onlineCpus = onlineCpus;
        this.blockDevices = blockDevices;
    }

    /**
     * Checks the request and converts it.
     *
     * @throws InvalidLimitException naming the first value that does not fit, and what would
     * @throws IOException if the online CPUs cannot be read
     */
    public Resources resolve(LimitRequest request) throws InvalidLimitException, IOException {
        Resources r = Resources.none();
        if (request.cpus().isPresent()) {
            CpuQuota q = request.cpus().get();
            checkCpusOnline(q);
            r = r.withCpuMax(q.toCpuMax());
        }
        if (request.cpuWeight().isPresent()) {
            r = r.withCpuWeight(request.cpuWeight().get());
        }
        if (request.cpusetCpus().isPresent()) {
            checkCpusetOnline(request.cpusetCpus().get());
            r = r.withCpusetCpus(request.cpusetCpus().get().toString());
        }
        checkHighNotAboveMax(request);
        if (request.memory().isPresent()) {
            r = r.withMemoryMax(request.memory().get());
        }
        if (request.memoryHigh().isPresent()) {
            r = r.withMemoryHigh(request.memoryHigh().get());
        }
        if (request.memorySwap().isPresent()) {
            r = r.withMemorySwapMax(request.memorySwap().get());
        }
        if (request.pids().isPresent()) {
            r = r.withPidsMax(request.pids().get());
        }
        for (IoLimit io : resolveDevices(request).values()) {
            r = r.withIoLimit(io);
        }
        return r;
    }

    private void checkCpusOnline(CpuQuota q) throws InvalidLimitException, IOException {
        if (q.isUnlimited()) {
            return;
        }
        int online = onlineCpus.read().cardinality();
        if (q.cpus().compareTo(BigDecimal.valueOf(online)) > 0) {
            throw new InvalidLimitException("--cpus " + q + " is more than the " + online + " online cpu"
                    + (online == 1 ? "" : "s") + ": expected " + CpuQuota.MIN_CPUS.toPlainString() + ".." + online
                    + ", or max");
        }
    }

    private void checkCpusetOnline(CpuList list) throws InvalidLimitException, IOException {
        BitSet online = onlineCpus.read();
        BitSet missing = list.cpus();
        missing.andNot(online);
        if (!missing.isEmpty()) {
            throw new InvalidLimitException("--cpuset-cpus " + list + ": cpu" + (missing.cardinality() == 1 ? " " : "s ")
                    + RangeListFormat.format(missing) + (missing.cardinality() == 1 ? " is" : " are")
                    + " not online (online: " + RangeListFormat.format(online) + ")");
        }
    }

    private static void checkHighNotAboveMax(LimitRequest request) throws InvalidLimitException {
        if (request.memory().isEmpty() || request.memoryHigh().isEmpty()) {
            return;
        }
        Limit max = request.memory().get();
        Limit high = request.memoryHigh().get();
        if (!max.isUnlimited() && (high.isUnlimited() || high.value().getAsLong() > max.value().getAsLong())) {
            throw new InvalidLimitException("--memory-high " + ByteSize.format(high) + " is above --memory "
                    + ByteSize.format(max) + ": expected at most the hard limit (throttling starts before the OOM killer)");
        }
    }

    /** One throttle per device and kind; a later argument replaces an earlier one, as in Docker. */
    private Map<String, IoLimit> resolveDevices(LimitRequest request) throws InvalidLimitException {
        Map<String, IoLimit> byKey = new LinkedHashMap<>();
        for (DeviceRate d : request.devices()) {
            BlockDevices.DeviceNumber n = blockDevices.resolve(d.device());
            byKey.put(n + "/" + d.kind(), new IoLimit(n.major(), n.minor(), d.kind(), d.rate()));
        }
        return byKey;
    }
}

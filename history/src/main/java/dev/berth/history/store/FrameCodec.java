package dev.berth.history.store;

import dev.berth.cgroupctl.Pressure;
import dev.berth.cgroupctl.PressureLine;
import dev.berth.collectors.ContainerIdentity;
import dev.berth.collectors.ContainerRuntime;
import dev.berth.collectors.ContainerSample;
import dev.berth.collectors.ContainerState;
import dev.berth.collectors.HostMemory;
import dev.berth.collectors.HostSample;
import dev.berth.collectors.NetNamespace;
import dev.berth.collectors.ProcessSample;
import dev.berth.collectors.proc.BlockDevice;
import dev.berth.collectors.proc.CpuTimes;
import dev.berth.collectors.proc.DiskCounters;
import dev.berth.collectors.proc.LoadAverage;
import dev.berth.collectors.proc.NetDevCounters;
import dev.berth.collectors.proc.ProcStat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Encodes a {@link Frame} field by field as differences from a reference frame (the key frame of its chunk; none
 * for the key frame itself), and decodes it back exactly: {@code decode(encode(f, ref), ref).equals(f)}. The
 * layout is the order of the calls below; see {@link StoreWriter} for where it sits in a file. Stateless apart from
 * its scratch buffer: one codec per thread.
 *
 * <p>A container is matched to its reference by cgroup path; lists inside a sample (devices, interfaces, cores)
 * are matched by position when the reference's element at that position has the same key, which is the common
 * case since the kernel lists them in a stable order.
 */
final class FrameCodec {
    private static final OptionalLong NONE = OptionalLong.empty();
    private static final ContainerRuntime[] RUNTIMES = ContainerRuntime.values();
    private static final ContainerState[] STATES = ContainerState.values();

    private final ByteSink sink = new ByteSink();

    byte[] encode(Frame f, Frame ref) {
        sink.reset();
        DeltaSink o = new DeltaSink(sink);
        Instant refAt = ref == null ? Instant.EPOCH : ref.at();
        o.num(f.at().getEpochSecond(), refAt.getEpochSecond());
        o.out.uvarint(f.at().getNano());
        o.num(f.offset().getTotalSeconds(), ref == null ? 0 : ref.offset().getTotalSeconds());
        Optional<Frame.RecorderCost> rc = ref == null ? Optional.empty() : ref.recorder();
        o.bool(f.recorder().isPresent());
        if (f.recorder().isPresent()) {
            o.num(f.recorder().get().cpuUsec(), rc.map(Frame.RecorderCost::cpuUsec).orElse(0L));
            o.num(f.recorder().get().rssBytes(), rc.map(Frame.RecorderCost::rssBytes).orElse(0L));
        }
        host(o, f.host(), ref == null ? null : ref.host(), f.at());
        Map<String, Integer> refIndex = new HashMap<>();
        if (ref != null) {
            for (int i = 0; i < ref.containers().size(); i++) {
                refIndex.put(ref.containers().get(i).identity().cgroup(), i);
            }
        }
        o.out.uvarint(f.containers().size());
        int expected = 0;
        Instant prevAt = f.at();
        for (ContainerSample c : f.containers()) {
            Integer ri = refIndex.get(c.identity().cgroup());
            ContainerSample r = null;
            if (ri == null) {
                o.out.uvarint(0);
            } else {
                // The index of the reference container, relative to the one after the previous reference: 0 in the
                // common case where both frames list the same cgroups in the same order.
                long d = ri - expected;
                o.out.uvarint(((d << 1) ^ (d >> 63)) + 1);
                expected = ri + 1;
                r = ref.containers().get(ri);
            }
            container(o, c, r, prevAt);
            prevAt = c.at();
        }
        return sink.toArray();
    }

    Frame decode(byte[] data, Frame ref) {
        return decode(data, ref == null ? null : new Decoded(ref, new BitSet()), c -> true, false).frame();
    }

    /**
     * A decoded frame whose containers may be partly skeletons: those the selection did not want have their
     * identity, state and time decoded (what later frames refer to for their names) but no counters.
     *
     * @param frame     every container, skeletons included, at the indexes the encoding refers to
     * @param skeletons the indexes of the skeletons
     */
    record Decoded(Frame frame, BitSet skeletons) {
        /**
         * The frame without its skeletons and without the containers {@code wanted} refuses (a frame decoded in full
         * after a {@link SkeletonReferenceException} has counters for all): what a reader hands out.
         */
        Frame visible(Predicate<ContainerIdentity> wanted) {
            List<ContainerSample> cs = new ArrayList<>();
            for (int i = 0; i < frame.containers().size(); i++) {
                ContainerSample c = frame.containers().get(i);
                if (!skeletons.get(i) && wanted.test(c.identity())) {
                    cs.add(c);
                }
            }
            return cs.size() == frame.containers().size() ? frame
                    : new Frame(frame.at(), frame.offset(), frame.host(), cs, frame.recorder());
        }
    }

    /** A wanted container refers to a skeleton: the caller decodes the chain again without a selection. */
    static final class SkeletonReferenceException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SkeletonReferenceException() {
            super("a wanted container refers to one decoded without counters", null, false, false);
        }
    }

    /**
     * Decodes a frame against its decoded reference, with the counters of only the containers {@code wanted}
     * accepts (the others' bytes are parsed and skipped, which is most of what a host-only or one-container report
     * saves).
     *
     * <p>With {@code hostOnly} the decoding stops after the host sample: the frame has no containers, and may only
     * be the reference of frames decoded the same way (their containers could not be decoded against it). A
     * host-only report reads a day this way in a fraction of the time it takes to parse past every container.
     *
     * @throws SkeletonReferenceException when a wanted container's reference is a skeleton
     */
    Decoded decode(byte[] data, Decoded refDecoded, Predicate<ContainerIdentity> wanted, boolean hostOnly) {
        Frame ref = refDecoded == null ? null : refDecoded.frame();
        DeltaSource in = new DeltaSource(new ByteSource(data));
        Instant refAt = ref == null ? Instant.EPOCH : ref.at();
        long sec = in.num(refAt.getEpochSecond());
        long nano = in.in.uvarint();
        if (nano >= 1_000_000_000L) {
            throw new CorruptRecordException("nanoseconds " + nano + " out of range");
        }
        Instant at = Instant.ofEpochSecond(sec, nano);
        long off = in.num(ref == null ? 0 : ref.offset().getTotalSeconds());
        if (Math.abs(off) > 18 * 3600) {
            throw new CorruptRecordException("zone offset " + off + " s out of range");
        }
        Optional<Frame.RecorderCost> rc = ref == null ? Optional.empty() : ref.recorder();
        Optional<Frame.RecorderCost> cost = Optional.empty();
        if (in.bool()) {
            cost = Optional.of(new Frame.RecorderCost(in.num(rc.map(Frame.RecorderCost::cpuUsec).orElse(0L)),
                    in.num(rc.map(Frame.RecorderCost::rssBytes).orElse(0L))));
        }
        HostSample host = host(in, ref == null ? null : ref.host(), at);
        if (hostOnly) {
            return new Decoded(new Frame(at, ZoneOffset.ofTotalSeconds((int) off), host, List.of(), cost),
                    new BitSet());
        }
        int n = in.in.count();
        List<ContainerSample> cs = new ArrayList<>(n);
        BitSet skeletons = new BitSet();
        int expected = 0;
        Instant prevAt = at;
        for (int i = 0; i < n; i++) {
            long t = in.in.uvarint();
            ContainerSample r = null;
            boolean refSkeleton = false;
            if (t != 0) {
                long z = t - 1;
                long ri = expected + ((z >>> 1) ^ -(z & 1));
                if (ref == null || ri < 0 || ri >= ref.containers().size()) {
                    throw new CorruptRecordException("reference container " + ri + " does not exist");
                }
                r = ref.containers().get((int) ri);
                refSkeleton = refDecoded.skeletons().get((int) ri);
                expected = (int) ri + 1;
            }
            ContainerSample head = head(in, r, prevAt);
            ContainerSample c;
            // An identity shared with the reference (nearly every container) was already judged with the reference,
            // by the same predicate or (after a SkeletonReferenceException) by one accepting all: its reference's
            // skeleton bit is the answer, and the predicate runs only for new or changed identities.
            boolean want = r != null && head.identity() == r.identity() ? !refSkeleton : wanted.test(head.identity());
            if (want) {
                if (refSkeleton) {
                    throw new SkeletonReferenceException();
                }
                c = counters(in, r, head);
            } else {
                skipCounters(in);
                skeletons.set(i);
                c = head;
            }
            cs.add(c);
            prevAt = c.at();
        }
        if (!in.in.atEnd()) {
            throw new CorruptRecordException("trailing bytes after the last container");
        }
        return new Decoded(new Frame(at, ZoneOffset.ofTotalSeconds((int) off), host, cs, cost), skeletons);
    }

    // ---- host

    private static void host(DeltaSink o, HostSample h, HostSample r, Instant base) {
        o.time(h.at(), base);
        Optional<ProcStat> rs = r == null ? Optional.empty() : r.stat();
        o.bool(h.stat().isPresent());
        if (h.stat().isPresent()) {
            ProcStat s = h.stat().get();
            cpuTimes(o, s.total(), rs.map(ProcStat::total).orElse(null));
            o.out.uvarint(s.perCore().size());
            for (int i = 0; i < s.perCore().size(); i++) {
                int idx = i;
                cpuTimes(o, s.perCore().get(i), rs.filter(p -> p.perCore().size() > idx)
                        .map(p -> p.perCore().get(idx)).orElse(null));
            }
            o.num(s.contextSwitches(), rs.map(ProcStat::contextSwitches).orElse(0L));
            o.num(s.processesCreated(), rs.map(ProcStat::processesCreated).orElse(0L));
            o.num(s.running(), rs.map(ProcStat::running).orElse(0L));
            o.num(s.blocked(), rs.map(ProcStat::blocked).orElse(0L));
        }
        Optional<LoadAverage> rl = r == null ? Optional.empty() : r.load();
        o.bool(h.load().isPresent());
        if (h.load().isPresent()) {
            o.dbl(h.load().get().one(), rl.map(LoadAverage::one).orElse(0.0));
            o.dbl(h.load().get().five(), rl.map(LoadAverage::five).orElse(0.0));
            o.dbl(h.load().get().fifteen(), rl.map(LoadAverage::fifteen).orElse(0.0));
        }
        Optional<HostMemory> rm = r == null ? Optional.empty() : r.memory();
        o.bool(h.memory().isPresent());
        if (h.memory().isPresent()) {
            HostMemory m = h.memory().get();
            o.num(m.totalBytes(), rm.map(HostMemory::totalBytes).orElse(0L));
            o.num(m.freeBytes(), rm.map(HostMemory::freeBytes).orElse(0L));
            o.opt(m.availableBytes(), rm.map(HostMemory::availableBytes).orElse(NONE));
            o.num(m.buffersBytes(), rm.map(HostMemory::buffersBytes).orElse(0L));
            o.num(m.cachedBytes(), rm.map(HostMemory::cachedBytes).orElse(0L));
            o.num(m.swapTotalBytes(), rm.map(HostMemory::swapTotalBytes).orElse(0L));
            o.num(m.swapFreeBytes(), rm.map(HostMemory::swapFreeBytes).orElse(0L));
        }
        List<HostSample.Disk> rd = r == null ? List.of() : r.disks().orElse(List.of());
        o.bool(h.disks().isPresent());
        if (h.disks().isPresent()) {
            List<HostSample.Disk> ds = h.disks().get();
            o.out.uvarint(ds.size());
            for (int i = 0; i < ds.size(); i++) {
                HostSample.Disk d = ds.get(i);
                HostSample.Disk p = i < rd.size() && rd.get(i).device().equals(d.device()) ? rd.get(i) : null;
                blockDevice(o, d.device(), i < rd.size() ? rd.get(i).device() : null);
                DiskCounters c = d.counters();
                DiskCounters pc = p == null ? null : p.counters();
                o.str(c.name(), pc == null ? null : pc.name());
                o.num(c.major(), pc == null ? 0 : pc.major());
                o.num(c.minor(), pc == null ? 0 : pc.minor());
                o.num(c.readOps(), pc == null ? 0 : pc.readOps());
                o.num(c.readBytes(), pc == null ? 0 : pc.readBytes());
                o.num(c.writeOps(), pc == null ? 0 : pc.writeOps());
                o.num(c.writeBytes(), pc == null ? 0 : pc.writeBytes());
                o.num(c.ioMillis(), pc == null ? 0 : pc.ioMillis());
            }
        }
        o.bool(h.net().isPresent());
        if (h.net().isPresent()) {
            netList(o, h.net().get(), r == null ? List.of() : r.net().orElse(List.of()));
        }
        o.bool(h.processes().isPresent());
        if (h.processes().isPresent()) {
            List<ProcessSample> ps = h.processes().get();
            List<ProcessSample> rp = r == null ? List.of() : r.processes().orElse(List.of());
            o.out.uvarint(ps.size());
            for (int i = 0; i < ps.size(); i++) {
                ProcessSample p = ps.get(i);
                ProcessSample q = i < rp.size() && rp.get(i).pid() == p.pid() ? rp.get(i) : null;
                o.num(p.pid(), i < rp.size() ? rp.get(i).pid() : 0);
                o.str(p.command(), q == null ? null : q.command());
                o.out.uvarint(p.state());
                o.num(p.cpuUsec(), q == null ? 0 : q.cpuUsec());
                o.num(p.startTime(), q == null ? 0 : q.startTime());
                o.opt(p.rssBytes(), q == null ? NONE : q.rssBytes());
            }
        }
    }

    private static HostSample host(DeltaSource in, HostSample r, Instant base) {
        Instant at = in.time(base);
        Optional<ProcStat> rs = r == null ? Optional.empty() : r.stat();
        Optional<ProcStat> stat = Optional.empty();
        if (in.bool()) {
            CpuTimes total = cpuTimes(in, rs.map(ProcStat::total).orElse(null));
            int n = in.in.count();
            List<CpuTimes> cores = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int idx = i;
                cores.add(cpuTimes(in, rs.filter(p -> p.perCore().size() > idx).map(p -> p.perCore().get(idx))
                        .orElse(null)));
            }
            stat = Optional.of(new ProcStat(total, cores, in.num(rs.map(ProcStat::contextSwitches).orElse(0L)),
                    in.num(rs.map(ProcStat::processesCreated).orElse(0L)), in.num(rs.map(ProcStat::running).orElse(0L)),
                    in.num(rs.map(ProcStat::blocked).orElse(0L))));
        }
        Optional<LoadAverage> rl = r == null ? Optional.empty() : r.load();
        Optional<LoadAverage> load = Optional.empty();
        if (in.bool()) {
            load = Optional.of(new LoadAverage(in.dbl(rl.map(LoadAverage::one).orElse(0.0)),
                    in.dbl(rl.map(LoadAverage::five).orElse(0.0)), in.dbl(rl.map(LoadAverage::fifteen).orElse(0.0))));
        }
        Optional<HostMemory> rm = r == null ? Optional.empty() : r.memory();
        Optional<HostMemory> mem = Optional.empty();
        if (in.bool()) {
            mem = Optional.of(new HostMemory(in.num(rm.map(HostMemory::totalBytes).orElse(0L)),
                    in.num(rm.map(HostMemory::freeBytes).orElse(0L)),
                    in.opt(rm.map(HostMemory::availableBytes).orElse(NONE)),
                    in.num(rm.map(HostMemory::buffersBytes).orElse(0L)), in.num(rm.map(HostMemory::cachedBytes).orElse(0L)),
                    in.num(rm.map(HostMemory::swapTotalBytes).orElse(0L)),
                    in.num(rm.map(HostMemory::swapFreeBytes).orElse(0L))));
        }
        Optional<List<HostSample.Disk>> disks = Optional.empty();
        if (in.bool()) {
            List<HostSample.Disk> rd = r == null ? List.of() : r.disks().orElse(List.of());
            int n = in.in.count();
            List<HostSample.Disk> ds = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                // The writer used the reference only when its device was equal; the decoder cannot compare before
                // decoding, so the device itself is written against the positional candidate and checked after.
                HostSample.Disk cand = i < rd.size() ? rd.get(i) : null;
                BlockDevice dev = blockDevice(in, cand == null ? null : cand.device());
                HostSample.Disk p = cand != null && Objects.equals(cand.device(), dev) ? cand : null;
                DiskCounters pc = p == null ? null : p.counters();
                ds.add(new HostSample.Disk(dev, new DiskCounters(in.str(pc == null ? null : pc.name()),
                        (int) in.num(pc == null ? 0 : pc.major()), (int) in.num(pc == null ? 0 : pc.minor()),
                        in.num(pc == null ? 0 : pc.readOps()), in.num(pc == null ? 0 : pc.readBytes()),
                        in.num(pc == null ? 0 : pc.writeOps()), in.num(pc == null ? 0 : pc.writeBytes()),
                        in.num(pc == null ? 0 : pc.ioMillis()))));
            }
            disks = Optional.of(ds);
        }
        Optional<List<NetDevCounters>> net = Optional.empty();
        if (in.bool()) {
            net = Optional.of(netList(in, r == null ? List.of() : r.net().orElse(List.of())));
        }
        Optional<List<ProcessSample>> procs = Optional.empty();
        if (in.bool()) {
            List<ProcessSample> rp = r == null ? List.of() : r.processes().orElse(List.of());
            int n = in.in.count();
            List<ProcessSample> ps = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ProcessSample cand = i < rp.size() ? rp.get(i) : null;
                long pid = in.num(cand == null ? 0 : cand.pid());
                ProcessSample q = cand != null && cand.pid() == pid ? cand : null;
                String cmd = in.str(q == null ? null : q.command());
                long state = in.in.uvarint();
                if (state > Character.MAX_VALUE) {
                    throw new CorruptRecordException("process state " + state + " out of range");
                }
                ps.add(new ProcessSample(pid, cmd, (char) state, in.num(q == null ? 0 : q.cpuUsec()),
                        in.num(q == null ? 0 : q.startTime()), in.opt(q == null ? NONE : q.rssBytes())));
            }
            procs = Optional.of(ps);
        }
        return new HostSample(at, stat, load, mem, disks, net, procs);
    }

    // ---- containers

    private static void container(DeltaSink o, ContainerSample c, ContainerSample r, Instant prevAt) {
        o.time(c.at(), prevAt);
        ContainerIdentity id = c.identity();
        ContainerIdentity rid = r == null ? null : r.identity();
        o.str(id.id(), rid == null ? null : rid.id());
        o.str(id.name(), rid == null ? null : rid.name());
        o.str(id.cgroup(), rid == null ? null : rid.cgroup());
        o.num(id.runtime().ordinal(), rid == null ? 0 : rid.runtime().ordinal());
        o.optStr(id.pod(), rid == null ? Optional.empty() : rid.pod());
        pids(o, id.pids(), rid == null ? null : rid.pids());
        Optional<NetNamespace> rns = rid == null ? Optional.empty() : rid.netns();
        o.out.uvarint(id.netns().isEmpty() ? 0 : id.netns().get().host() ? 1 : 2);
        if (id.netns().isPresent()) {
            o.num(id.netns().get().inode(), rns.map(NetNamespace::inode).orElse(0L));
        }
        o.num(c.state().ordinal(), r == null ? 0 : r.state().ordinal());

        ContainerSample.Cpu u = c.cpu();
        ContainerSample.Cpu ru = r == null ? null : r.cpu();
        o.opt(u.usageUsec(), ru == null ? NONE : ru.usageUsec());
        o.opt(u.userUsec(), ru == null ? NONE : ru.userUsec());
        o.opt(u.systemUsec(), ru == null ? NONE : ru.systemUsec());
        o.opt(u.periods(), ru == null ? NONE : ru.periods());
        o.opt(u.throttledPeriods(), ru == null ? NONE : ru.throttledPeriods());
        o.opt(u.throttledUsec(), ru == null ? NONE : ru.throttledUsec());
        o.limit(u.quotaUsec(), ru == null ? Optional.empty() : ru.quotaUsec());
        o.opt(u.periodUsec(), ru == null ? NONE : ru.periodUsec());

        ContainerSample.Memory m = c.memory();
        ContainerSample.Memory rm = r == null ? null : r.memory();
        o.opt(m.usageBytes(), rm == null ? NONE : rm.usageBytes());
        o.opt(m.anonBytes(), rm == null ? NONE : rm.anonBytes());
        o.opt(m.fileBytes(), rm == null ? NONE : rm.fileBytes());
        o.opt(m.inactiveFileBytes(), rm == null ? NONE : rm.inactiveFileBytes());
        o.limit(m.limitBytes(), rm == null ? Optional.empty() : rm.limitBytes());
        o.opt(m.oomKills(), rm == null ? NONE : rm.oomKills());
        o.opt(m.swapBytes(), rm == null ? NONE : rm.swapBytes());

        o.bool(c.io().isPresent());
        if (c.io().isPresent()) {
            List<ContainerSample.IoDevice> rd = r == null ? List.of() : r.io().orElse(List.of());
            List<ContainerSample.IoDevice> ds = c.io().get();
            o.out.uvarint(ds.size());
            for (int i = 0; i < ds.size(); i++) {
                ContainerSample.IoDevice d = ds.get(i);
                ContainerSample.IoDevice p = i < rd.size() && rd.get(i).device().equals(d.device()) ? rd.get(i) : null;
                blockDevice(o, d.device(), i < rd.size() ? rd.get(i).device() : null);
                o.num(d.readBytes(), p == null ? 0 : p.readBytes());
                o.num(d.writeBytes(), p == null ? 0 : p.writeBytes());
                o.num(d.readOps(), p == null ? 0 : p.readOps());
                o.num(d.writeOps(), p == null ? 0 : p.writeOps());
            }
        }
        o.bool(c.net().isPresent());
        if (c.net().isPresent()) {
            netList(o, c.net().get(), r == null ? List.of() : r.net().orElse(List.of()));
        }
        ContainerSample.Pids p = c.pids();
        o.opt(p.current(), r == null ? NONE : r.pids().current());
        o.limit(p.limit(), r == null ? Optional.empty() : r.pids().limit());
        psi(o, c.cpuPressure(), r == null ? Optional.empty() : r.cpuPressure());
        psi(o, c.memoryPressure(), r == null ? Optional.empty() : r.memoryPressure());
        psi(o, c.ioPressure(), r == null ? Optional.empty() : r.ioPressure());
    }

    private static final ContainerSample.Cpu NO_CPU = new ContainerSample.Cpu(NONE, NONE, NONE, NONE, NONE, NONE,
            Optional.empty(), NONE);
    private static final ContainerSample.Memory NO_MEMORY = new ContainerSample.Memory(NONE, NONE, NONE, NONE,
            Optional.empty(), NONE, NONE);
    private static final ContainerSample.Pids NO_PIDS = new ContainerSample.Pids(NONE, Optional.empty());

    /** Time, identity and state; the counters empty (a skeleton until {@link #counters} fills them in). */
    private static ContainerSample head(DeltaSource in, ContainerSample r, Instant prevAt) {
        Instant at = in.time(prevAt);
        ContainerIdentity rid = r == null ? null : r.identity();
        String id = in.str(rid == null ? null : rid.id());
        String name = in.str(rid == null ? null : rid.name());
        String cgroup = in.str(rid == null ? null : rid.cgroup());
        ContainerRuntime runtime = RUNTIMES[index(in.num(rid == null ? 0 : rid.runtime().ordinal()), RUNTIMES.length)];
        Optional<String> pod = in.optStr(rid == null ? Optional.empty() : rid.pod());
        List<Long> pids = pids(in, rid == null ? null : rid.pids());
        Optional<NetNamespace> rns = rid == null ? Optional.empty() : rid.netns();
        long nsKind = in.in.uvarint();
        Optional<NetNamespace> netns = Optional.empty();
        if (nsKind > 2) {
            throw new CorruptRecordException("bad netns tag " + nsKind);
        }
        if (nsKind != 0) {
            long inode = in.num(rns.isPresent() ? rns.get().inode() : 0L);
            boolean host = nsKind == 1;
            // field by field: a record's equals goes through method handles, slow in C1-compiled code
            netns = rns.isPresent() && rns.get().inode() == inode && rns.get().host() == host ? rns
                    : Optional.of(new NetNamespace(inode, host));
        }
        ContainerState state = STATES[index(in.num(r == null ? 0 : r.state().ordinal()), STATES.length)];
        // Unchanged identities (nearly all) share the reference's object: no allocation, and equal anyway.
        ContainerIdentity identity = rid != null && rid.id() == id && rid.name() == name && rid.cgroup() == cgroup
                && rid.runtime() == runtime && rid.pod() == pod && rid.pids() == pids && rid.netns() == netns ? rid
                : new ContainerIdentity(id, name, runtime, cgroup, pod, pids, netns);
        return new ContainerSample(at, identity, state, NO_CPU, NO_MEMORY, Optional.empty(), Optional.empty(),
                NO_PIDS, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The counters of {@code head}'s container, against those of its reference {@code r}. */
    private static ContainerSample counters(DeltaSource in, ContainerSample r, ContainerSample head) {
        ContainerSample.Cpu ru = r == null ? null : r.cpu();
        ContainerSample.Cpu cpu = new ContainerSample.Cpu(in.opt(ru == null ? NONE : ru.usageUsec()),
                in.opt(ru == null ? NONE : ru.userUsec()), in.opt(ru == null ? NONE : ru.systemUsec()),
                in.opt(ru == null ? NONE : ru.periods()), in.opt(ru == null ? NONE : ru.throttledPeriods()),
                in.opt(ru == null ? NONE : ru.throttledUsec()), in.limit(ru == null ? Optional.empty() : ru.quotaUsec()),
                in.opt(ru == null ? NONE : ru.periodUsec()));
        ContainerSample.Memory rm = r == null ? null : r.memory();
        ContainerSample.Memory mem = new ContainerSample.Memory(in.opt(rm == null ? NONE : rm.usageBytes()),
                in.opt(rm == null ? NONE : rm.anonBytes()), in.opt(rm == null ? NONE : rm.fileBytes()),
                in.opt(rm == null ? NONE : rm.inactiveFileBytes()),
                in.limit(rm == null ? Optional.empty() : rm.limitBytes()), in.opt(rm == null ? NONE : rm.oomKills()),
                in.opt(rm == null ? NONE : rm.swapBytes()));
        Optional<List<ContainerSample.IoDevice>> io = Optional.empty();
        if (in.bool()) {
            List<ContainerSample.IoDevice> rd = r == null ? List.of() : r.io().orElse(List.of());
            int n = in.in.count();
            List<ContainerSample.IoDevice> ds = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ContainerSample.IoDevice cand = i < rd.size() ? rd.get(i) : null;
                BlockDevice dev = blockDevice(in, cand == null ? null : cand.device());
                ContainerSample.IoDevice p = cand != null && Objects.equals(cand.device(), dev) ? cand : null;
                ds.add(new ContainerSample.IoDevice(dev, in.num(p == null ? 0 : p.readBytes()),
                        in.num(p == null ? 0 : p.writeBytes()), in.num(p == null ? 0 : p.readOps()),
                        in.num(p == null ? 0 : p.writeOps())));
            }
            io = Optional.of(ds);
        }
        Optional<List<NetDevCounters>> net = Optional.empty();
        if (in.bool()) {
            net = Optional.of(netList(in, r == null ? List.of() : r.net().orElse(List.of())));
        }
        ContainerSample.Pids pidsCtl = new ContainerSample.Pids(in.opt(r == null ? NONE : r.pids().current()),
                in.limit(r == null ? Optional.empty() : r.pids().limit()));
        Optional<Pressure> cp = psi(in, r == null ? Optional.empty() : r.cpuPressure());
        Optional<Pressure> mp = psi(in, r == null ? Optional.empty() : r.memoryPressure());
        Optional<Pressure> ip = psi(in, r == null ? Optional.empty() : r.ioPressure());
        return new ContainerSample(head.at(), head.identity(), head.state(), cpu, mem, io, net, pidsCtl, cp, mp, ip);
    }


    /** Parses past the counters {@link #counters} would read, allocating nothing. */
    private static void skipCounters(DeltaSource in) {
        for (int i = 0; i < 6; i++) {
            in.skipOpt();
        }
        in.skipLimit();
        in.skipOpt();
        for (int i = 0; i < 4; i++) {
            in.skipOpt();
        }
        in.skipLimit();
        in.skipOpt();
        in.skipOpt();
        if (in.bool()) {
            int n = in.in.count();
            for (int i = 0; i < n; i++) {
                skipBlockDevice(in);
                for (int k = 0; k < 4; k++) {
                    in.in.uvarint();
                }
            }
        }
        if (in.bool()) {
            int n = in.in.count();
            for (int i = 0; i < n; i++) {
                in.skipStr();
                for (int k = 0; k < 8; k++) {
                    in.in.uvarint();
                }
            }
        }
        in.skipOpt();
        in.skipLimit();
        for (int p = 0; p < 3; p++) {
            if (in.bool()) {
                skipPressureLine(in);
                if (in.bool()) {
                    skipPressureLine(in);
                }
            }
        }
    }

    private static void skipPressureLine(DeltaSource in) {
        in.skipDbl();
        in.skipDbl();
        in.skipDbl();
        in.in.uvarint();
    }

    private static void skipBlockDevice(DeltaSource in) {
        in.in.uvarint();
        in.in.uvarint();
        in.skipStr();
        in.bool();
    }

    // ---- parts

    private static int index(long v, int size) {
        if (v < 0 || v >= size) {
            throw new CorruptRecordException("enum index " + v + " out of range");
        }
        return (int) v;
    }

    private static void cpuTimes(DeltaSink o, CpuTimes t, CpuTimes r) {
        o.num(t.user(), r == null ? 0 : r.user());
        o.num(t.nice(), r == null ? 0 : r.nice());
        o.num(t.system(), r == null ? 0 : r.system());
        o.num(t.idle(), r == null ? 0 : r.idle());
        o.num(t.iowait(), r == null ? 0 : r.iowait());
        o.num(t.irq(), r == null ? 0 : r.irq());
        o.num(t.softirq(), r == null ? 0 : r.softirq());
        o.num(t.steal(), r == null ? 0 : r.steal());
    }

    private static CpuTimes cpuTimes(DeltaSource in, CpuTimes r) {
        return new CpuTimes(in.num(r == null ? 0 : r.user()), in.num(r == null ? 0 : r.nice()),
                in.num(r == null ? 0 : r.system()), in.num(r == null ? 0 : r.idle()), in.num(r == null ? 0 : r.iowait()),
                in.num(r == null ? 0 : r.irq()), in.num(r == null ? 0 : r.softirq()), in.num(r == null ? 0 : r.steal()));
    }

    private static void blockDevice(DeltaSink o, BlockDevice d, BlockDevice r) {
        o.num(d.major(), r == null ? 0 : r.major());
        o.num(d.minor(), r == null ? 0 : r.minor());
        o.str(d.name(), r == null ? null : r.name());
        o.bool(d.wholeDisk());
    }

    /** The reference itself when nothing changed (the common case: Objects.equals then stops at identity). */
    private static BlockDevice blockDevice(DeltaSource in, BlockDevice r) {
        int major = (int) in.num(r == null ? 0 : r.major());
        int minor = (int) in.num(r == null ? 0 : r.minor());
        String name = in.str(r == null ? null : r.name());
        boolean whole = in.bool();
        return r != null && r.major() == major && r.minor() == minor && r.name() == name && r.wholeDisk() == whole ? r
                : new BlockDevice(major, minor, name, whole);
    }

    private static void netList(DeltaSink o, List<NetDevCounters> ns, List<NetDevCounters> rn) {
        o.out.uvarint(ns.size());
        for (int i = 0; i < ns.size(); i++) {
            NetDevCounters n = ns.get(i);
            NetDevCounters cand = i < rn.size() ? rn.get(i) : null;
            o.str(n.iface(), cand == null ? null : cand.iface());
            NetDevCounters p = cand != null && cand.iface().equals(n.iface()) ? cand : null;
            o.num(n.rxBytes(), p == null ? 0 : p.rxBytes());
            o.num(n.rxPackets(), p == null ? 0 : p.rxPackets());
            o.num(n.rxErrors(), p == null ? 0 : p.rxErrors());
            o.num(n.rxDrops(), p == null ? 0 : p.rxDrops());
            o.num(n.txBytes(), p == null ? 0 : p.txBytes());
            o.num(n.txPackets(), p == null ? 0 : p.txPackets());
            o.num(n.txErrors(), p == null ? 0 : p.txErrors());
            o.num(n.txDrops(), p == null ? 0 : p.txDrops());
        }
    }

    private static List<NetDevCounters> netList(DeltaSource in, List<NetDevCounters> rn) {
        int n = in.in.count();
        List<NetDevCounters> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            NetDevCounters cand = i < rn.size() ? rn.get(i) : null;
            String iface = in.str(cand == null ? null : cand.iface());
            NetDevCounters p = cand != null && cand.iface().equals(iface) ? cand : null;
            long rxBytes = in.num(p == null ? 0 : p.rxBytes());
            long rxPackets = in.num(p == null ? 0 : p.rxPackets());
            long rxErrors = in.num(p == null ? 0 : p.rxErrors());
            long rxDrops = in.num(p == null ? 0 : p.rxDrops());
            long txBytes = in.num(p == null ? 0 : p.txBytes());
            long txPackets = in.num(p == null ? 0 : p.txPackets());
            long txErrors = in.num(p == null ? 0 : p.txErrors());
            long txDrops = in.num(p == null ? 0 : p.txDrops());
            // An idle interface's counters are the reference's: keep its object (fewer objects to collect or copy).
            // Compared field by field: a record's equals goes through method handles, slow in C1-compiled code.
            boolean same = p != null && p.iface() == iface && p.rxBytes() == rxBytes && p.rxPackets() == rxPackets
                    && p.rxErrors() == rxErrors && p.rxDrops() == rxDrops && p.txBytes() == txBytes
                    && p.txPackets() == txPackets && p.txErrors() == txErrors && p.txDrops() == txDrops;
            out.add(same ? p : new NetDevCounters(iface, rxBytes, rxPackets, rxErrors, rxDrops, txBytes, txPackets,
                    txErrors, txDrops));
        }
        if (out.size() != rn.size()) {
            return out;
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) != rn.get(i)) {
                return out;
            }
        }
        return rn;
    }

    /** 0: the reference's list; otherwise count + 1, then each pid as a difference from the one before. */
    private static void pids(DeltaSink o, List<Long> pids, List<Long> ref) {
        if (pids.equals(ref)) {
            o.out.uvarint(0);
            return;
        }
        o.out.uvarint(pids.size() + 1L);
        long prev = 0;
        for (long p : pids) {
            o.num(p, prev);
            prev = p;
        }
    }

    private static List<Long> pids(DeltaSource in, List<Long> ref) {
        long t = in.in.uvarint();
        if (t == 0) {
            if (ref == null) {
                throw new CorruptRecordException("pid list refers to a missing reference");
            }
            return ref;
        }
        if (t - 1 > 1 << 22) {
            throw new CorruptRecordException("pid count " + (t - 1) + " out of range");
        }
        List<Long> out = new ArrayList<>((int) (t - 1));
        long prev = 0;
        for (long i = 0; i < t - 1; i++) {
            prev = in.num(prev);
            out.add(prev);
        }
        return out;
    }

    private static void psi(DeltaSink o, Optional<Pressure> p, Optional<Pressure> r) {
        o.bool(p.isPresent());
        if (p.isPresent()) {
            Pressure v = p.get();
            psiLine(o, v.some(), r.map(Pressure::some));
            o.bool(v.full().isPresent());
            v.full().ifPresent(f -> psiLine(o, f, r.flatMap(Pressure::full)));
        }
    }

    private static void psiLine(DeltaSink o, PressureLine v, Optional<PressureLine> r) {
        // No Optional.map here: boxing four numbers per line, six lines per container, was the encoder's garbage.
        if (r.isPresent()) {
            PressureLine ref = r.get();
            o.dbl(v.avg10(), ref.avg10());
            o.dbl(v.avg60(), ref.avg60());
            o.dbl(v.avg300(), ref.avg300());
            o.num(v.totalUsec(), ref.totalUsec());
        } else {
            o.dbl(v.avg10(), 0.0);
            o.dbl(v.avg60(), 0.0);
            o.dbl(v.avg300(), 0.0);
            o.num(v.totalUsec(), 0L);
        }
    }

    private static Optional<Pressure> psi(DeltaSource in, Optional<Pressure> r) {
        if (!in.bool()) {
            return Optional.empty();
        }
        Pressure rp = r.orElse(null);
        PressureLine some = psiLine(in, rp == null ? null : rp.some());
        Optional<PressureLine> rf = rp == null ? Optional.empty() : rp.full();
        Optional<PressureLine> full = Optional.empty();
        if (in.bool()) {
            PressureLine f = psiLine(in, rf.orElse(null));
            full = rf.isPresent() && rf.get() == f ? rf : Optional.of(f);
        }
        // Unchanged pressure (an idle container's, most of them) is the reference's object.
        return rp != null && rp.some() == some && rp.full() == full ? r : Optional.of(new Pressure(some, full));
    }

    /**
     * Against {@code r}, or zeros when null (no Optional of boxed doubles: this runs 6 times per container); {@code r}
     * itself when nothing changed.
     */
    private static PressureLine psiLine(DeltaSource in, PressureLine r) {
        double a10 = in.dbl(r == null ? 0.0 : r.avg10());
        double a60 = in.dbl(r == null ? 0.0 : r.avg60());
        double a300 = in.dbl(r == null ? 0.0 : r.avg300());
        long total = in.num(r == null ? 0L : r.totalUsec());
        if (r != null && total == r.totalUsec() && Double.compare(a10, r.avg10()) == 0
                && Double.compare(a60, r.avg60()) == 0 && Double.compare(a300, r.avg300()) == 0) {
            return r;
        }
        return new PressureLine(a10, a60, a300, total);
    }
}

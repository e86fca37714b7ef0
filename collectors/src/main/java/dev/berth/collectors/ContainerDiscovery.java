package dev.berth.collectors;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupGoneException;
import dev.berth.cgroupctl.OpenCgroup;
import dev.berth.collectors.discovery.CgroupClassifier;
import dev.berth.collectors.discovery.CgroupTree;
import dev.berth.collectors.discovery.Classification;
import dev.berth.collectors.discovery.RuntimeNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Finds containers by walking the cgroup tree and classifying each path ({@link CgroupClassifier}), then fills in
 * names ({@link RuntimeNames}), member pids and the network namespace.
 *
 * <p>A container's cgroups below its own (a container running systemd has {@code init.scope} and more inside)
 * belong to it: they are not listed separately and their processes are its members. With {@code all}, every
 * other cgroup except the root is listed too (systemd units by unit name, the rest by path), like
 * {@code docker ps -a} lists stopped containers; without it, only containers of a container runtime that still
 * have processes.
 *
 * <p>Cost per call: one directory walk of every hierarchy ({@link CgroupTree}) plus one
 * {@code cgroup.procs} read per listed cgroup and its descendants, from one hierarchy and through a descriptor kept
 * open between calls, and one {@code readlink} per listed cgroup with members. Not thread-safe (the name cache and
 * the open cgroups are mutable): use from one sampling thread.
 */
public final class ContainerDiscovery implements AutoCloseable {
    private final CgroupFs fs;
    private final CgroupTree tree;
    private final Path procfs;
    private final RuntimeNames names;
    private final String berthParent;
    private final Map<String, OpenCgroup> open = new HashMap<>();
    private final InstantSource clock;
    private final Duration fullWalkPeriod;
    private Instant lastFullWalk;
    /** A count moved outside the primary hierarchy since the last full walk, which was too recent to walk again. */
    private boolean elsewherePending;

    /**
     * The shortest time between two full walks that counts asked for: on a busy v1 host (a CI runner, a Kubernetes
     * node) dying memory cgroups are freed in a trickle and systemd units come and go in some hierarchies only, and
     * each would ask for one; at most one per 30 s is never more than the walk every 30 s of before.
     */
    static final Duration MIN_FULL_WALK_GAP = Duration.ofSeconds(30);
    private List<String> outsidePrimary = List.of();
    private OptionalLong hostNs;
    private final TreeChange treeChange;
    private List<String> lastPaths;
    private boolean sawGone;
    private Grouping lastGrouping;
    private Map<String, Netns> netnsSeen = Map.of();
    /** A cgroup's CPU time as its sampler last read it ({@link #useCpuTimes}); none by default. */
    private Function<String, OptionalLong> cpuTimes = path -> OptionalLong.empty();

    /** As {@link #ContainerDiscovery(CgroupFs, Path, RuntimeNames, String)} with berth's default parent /berth. */
    public ContainerDiscovery(CgroupFs fs, Path procfs, RuntimeNames names) {
        this(fs, procfs, names, CgroupClassifier.DEFAULT_BERTH_PARENT);
    }

    /**
     * @param fs          the host's cgroup filesystem
     * @param procfs      procfs root, for {@code <pid>/ns/net}
     * @param names       docker/podman name lookup
     * @param berthParent "/"-rooted cgroup under which berth's runtime creates its containers
     */
    public ContainerDiscovery(CgroupFs fs, Path procfs, RuntimeNames names, String berthParent) {
        this(fs, procfs, names, berthParent, InstantSource.system(), DEFAULT_FULL_WALK_PERIOD);
    }

    /**
     * How often every hierarchy is walked on a host with several (v1, hybrid) when no count says it must be: for the
     * changes the counts cannot show (a cgroup removed and another made in one tick outside the primary hierarchy, a
     * rename in a named hierarchy such as v1's {@code name=systemd}, which {@code /proc/cgroups} does not count). It
     * was 30 s when any count change walked the primary hierarchy only: a full walk of a hybrid host is one
     * {@code lstat} per cgroup in each of its ten hierarchies, 60-100 ms at 100 containers on a host with ~500
     * other cgroups, a fifth of the console's steady cost (bench/RESULTS.md).
     */
    public static final Duration DEFAULT_FULL_WALK_PERIOD = Duration.ofMinutes(5);

    /**
     * @param clock          when the last full walk was
     * @param fullWalkPeriod how often every hierarchy is walked, not only the primary one (v1 and hybrid hosts)
     */
    public ContainerDiscovery(CgroupFs fs, Path procfs, RuntimeNames names, String berthParent,
            InstantSource clock, Duration fullWalkPeriod) {
        this.clock = clock;
        this.fullWalkPeriod = fullWalkPeriod;
        this.berthParent = berthParent;
        this.fs = fs;
        this.tree = new CgroupTree(fs.probe());
        this.treeChange = new TreeChange(fs.probe(), tree.primaryController());
        this.procfs = procfs;
        this.names = names;
    }

    /**
     * Lists containers (and with {@code all} every other cgroup), sorted by cgroup path. Cgroups that vanish
     * while being read are left out; other read problems go to {@code warnings}.
     *
     * @throws CgroupException kept in the signature for callers written against the first version, which listed
     *                         through {@code CgroupFs.listCgroups()}; the tree walk itself skips what it cannot read
     */
    public List<ContainerIdentity> discover(boolean all, Consumer<String> warnings) throws CgroupException {
        List<String> paths = paths();
        Grouping g = lastGrouping != null && lastGrouping.paths() == paths && lastGrouping.all() == all
                ? lastGrouping : group(paths, all);
        lastGrouping = g;
        Map<String, Classification> tops = g.tops();
        Map<String, List<String>> members = g.members();
        Map<String, List<Long>> procsCache = new LinkedHashMap<>();
        // The host's namespace is pid 1's. Where pid 1's ns links are not readable (a sandbox without
        // CAP_SYS_PTRACE over pid 1), fall back to berth's own namespace: berth runs on the host it watches.
        // It does not change while berth runs: read once.
        if (hostNs == null) {
            hostNs = netnsInode("1");
            if (hostNs.isEmpty()) {
                hostNs = netnsInode("self");
            }
        }
        Map<String, Netns> netnsNow = new HashMap<>();
        List<ContainerIdentity> out = new ArrayList<>(tops.size());
        for (Map.Entry<String, Classification> e : tops.entrySet()) {
            String path = e.getKey();
            Classification c = e.getValue();
            List<String> ms = members.get(path);
            // Most listed cgroups are leaves whose cgroup.procs is already in order: their list is taken as it is
            // (copied only when not strictly increasing); the others' members are merged, sorted and de-duplicated.
            List<Long> merged = ms.size() == 1 ? null : new ArrayList<>();
            List<Long> single = List.of();
            boolean gone = false;
            for (String m : ms) {
                try {
                    List<Long> p = procsCache.get(m);
                    if (p == null) {
                        p = members(m, g.parents().contains(m));
                        procsCache.put(m, p);
                    }
                    if (merged == null) {
                        single = p;
                    } else {
                        merged.addAll(p);
                    }
                } catch (CgroupGoneException ex) {
                    sawGone = true;
                    gone |= m.equals(path);   // a vanished child is normal; a vanished container is dropped
                } catch (CgroupException ex) {
                    warnings.accept(ex.getMessage());
                }
            }
            List<Long> pidList = sortedDistinct(merged == null ? single : merged);
            if (gone || (!all && pidList.isEmpty())) {
                continue;
            }
            // A namespace is read again only when the members change: a process does not change its namespace
            // without setns/unshare, which container processes do not do after start. The last call's list is
            // kept when equal, so that the samplers' comparisons with it are identity checks.
            Netns known = netnsSeen.get(path);
            boolean same = known != null && known.pids().equals(pidList);
            if (same) {
                pidList = known.pids();
            }
            Optional<NetNamespace> ns = same ? known.netns() : netns(pidList, hostNs);
            netnsNow.put(path, new Netns(pidList, ns));
            out.add(new ContainerIdentity(c.id(), name(c), c.runtime(), path, c.pod(), pidList, ns));
        }
        netnsSeen = netnsNow;
        // Close the cgroups not read in this call (vanished, or no longer listed).
        open.entrySet().removeIf(e -> {
            if (!procsCache.containsKey(e.getKey())) {
                e.getValue().close();
                return true;
            }
            return false;
        });
        return out;
    }

    /**
     * The cgroup paths to classify. Walking costs one {@code lstat} per cgroup and hierarchy, so the tree is walked
     * only when it may have changed: every hierarchy's on the first call, every {@code fullWalkPeriod}, and when a
     * hierarchy's cgroup count moved by another amount than the primary one's ({@link TreeChange}: a cgroup came or
     * went outside it), at once or, within {@link #MIN_FULL_WALK_GAP} of the last full walk, when that has passed
     * (meanwhile the primary hierarchy as for any other count change); when the counts moved along the primary hierarchy, or a listed cgroup was found gone at
     * the last call (a removal and a creation between two calls leave the counts as they were), the primary
     * hierarchy's ({@link CgroupTree#listPrimary()}) plus the paths the last full walk found only outside it; else
     * the last list. A cgroup created in the primary hierarchy (as runtimes and systemd do) is seen at the next
     * call, or the one after when another vanished meanwhile; one created only in another hierarchy within 30 s,
     * unless a removal there hid it in the counts, or it was renamed: then within one period. A listed
     * cgroup that has vanished is dropped when its members are read.
     */
    private List<String> paths() {
        Instant now = clock.instant();
        TreeChange.Change change = treeChange.changed();
        elsewherePending |= change == TreeChange.Change.ELSEWHERE;
        boolean due = lastFullWalk == null || !now.isBefore(lastFullWalk.plus(fullWalkPeriod))
                || (elsewherePending && !now.isBefore(lastFullWalk.plus(MIN_FULL_WALK_GAP)));
        boolean changed = change != TreeChange.Change.NONE;
        if (!due && !changed && !sawGone && lastPaths != null) {
            return lastPaths;
        }
        sawGone = false;
        List<String> out;
        if (due || !tree.hasSeveralHierarchies()) {
            lastFullWalk = now;
            elsewherePending = false;
            List<String> all = tree.list();
            if (tree.hasSeveralHierarchies()) {
                TreeSet<String> others = new TreeSet<>(all);
                others.removeAll(tree.listPrimary());
                outsidePrimary = List.copyOf(others);
            }
            out = all;
        } else {
            List<String> primary = tree.listPrimary();
            if (outsidePrimary.isEmpty()) {
                out = primary;
            } else {
                TreeSet<String> merged = new TreeSet<>(primary);
                merged.addAll(outsidePrimary);
                out = new ArrayList<>(merged);
            }
        }
        lastPaths = out;
        return out;
    }

    /** Cgroups grouped under the listed ones, for one path list: recomputed only when the list changes. */
    /** @param parents the paths with another path below them (given no CPU time: {@link #members}) */
    private record Grouping(List<String> paths, boolean all, Map<String, Classification> tops,
            Map<String, List<String>> members, java.util.Set<String> parents) {
    }

    /** Groups each cgroup under its topmost enclosing container, if any, and lists what {@code all} shows. */
    private Grouping group(List<String> paths, boolean all) {
        Map<String, Classification> tops = new LinkedHashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        TreeSet<String> containerPaths = new TreeSet<>();
        for (String path : paths) {
            String owner = enclosingContainer(path, containerPaths);
            if (owner != null) {
                members.get(owner).add(path);
                continue;
            }
            Classification c = CgroupClassifier.classify(path, berthParent);
            if (c.runtime().isContainer()) {
                containerPaths.add(path);
            } else if (!all || path.equals("/")) {
                continue;
            }
            tops.put(path, c);
            members.put(path, new ArrayList<>(List.of(path)));
        }
        if (all) {
            // A plain cgroup's members are its own processes and those of every cgroup below it, containers
            // included (its counters include theirs too: cgroup accounting is hierarchical).
            for (String path : paths) {
                for (String ancestor = parent(path); ancestor != null; ancestor = parent(ancestor)) {
                    List<String> m = members.get(ancestor);
                    if (m != null && !containerPaths.contains(ancestor)) {
                        m.add(path);
                    }
                }
            }
        }
        java.util.Set<String> parents = new java.util.HashSet<>();
        for (String path : paths) {
            String up = parent(path);
            if (up != null) {
                parents.add(up);
            }
        }
        return new Grouping(paths, all, tops, members, parents);
    }

    /** One container's members at the last call and the namespace read for them. */
    private record Netns(List<Long> pids, Optional<NetNamespace> netns) {
    }

    /**
     * Gives discovery each cgroup's CPU time as the caller's sampler last read it (in microseconds; empty for a
     * cgroup it does not sample), so that v1 keeps the member list of a cgroup whose tasks have not run longer
     * ({@link OpenCgroup#readMemberPids(OptionalLong, Instant)}).
     *
     * @param cpuTimes a cgroup path to its last CPU time read
     */
    public void useCpuTimes(Function<String, OptionalLong> cpuTimes) {
        this.cpuTimes = cpuTimes;
    }

    /**
     * Members of one cgroup, from one hierarchy ({@link dev.berth.cgroupctl.Cgroup#readMemberPids()}), through a
     * cgroup kept open across calls so that its {@code cgroup.procs} is re-read, not re-opened. A cgroup with others
     * below it ({@code parent}) is given no CPU time: a task moved between it and one below changes neither its v1
     * task count nor its CPU time.
     */
    private List<Long> members(String path, boolean parent) throws CgroupException {
        OpenCgroup cg = open.computeIfAbsent(path, fs::openCgroup);
        try {
            return cg.readMemberPids(parent ? OptionalLong.empty() : cpuTimes.apply(path), clock.instant());
        } catch (CgroupException e) {
            cg.close();
            open.remove(path);
            throw e;
        }
    }

    /**
     * The {@code pids.current} the last {@link #discover} read for {@code cgroup} to tell whether its members had
     * changed (an open cgroup of a v1 or hybrid host, {@link OpenCgroup#pidsCurrentOfLastMembersRead()}): the
     * sampler takes it instead of reading the file again in the same tick. Empty when none was read.
     *
     * @param cgroup a cgroup path the last call listed
     * @return its task count then, or empty
     */
    public OptionalLong pidsCurrent(String cgroup) {
        OpenCgroup cg = open.get(cgroup);
        return cg == null ? OptionalLong.empty() : cg.pidsCurrentOfLastMembersRead();
    }

    /** Closes the cgroups held open. */
    @Override
    public void close() {
        open.values().forEach(OpenCgroup::close);
        open.clear();
    }

    private String name(Classification c) {
        Optional<String> n = switch (c.runtime()) {
            case DOCKER -> names.docker(c.id());
            case PODMAN -> names.podman(c.id());
            default -> c.name();
        };
        return n.orElse(c.id().length() == 64 ? c.id().substring(0, 12) : c.id());
    }

    /** {@code pids} sorted, without duplicates, unmodifiable; not copied again when it is one already. */
    private static List<Long> sortedDistinct(List<Long> pids) {
        for (int i = 1; i < pids.size(); i++) {
            if (pids.get(i - 1) >= pids.get(i)) {
                return List.copyOf(new TreeSet<>(pids));
            }
        }
        return List.copyOf(pids);
    }

    private Optional<NetNamespace> netns(List<Long> pids, OptionalLong hostNs) {
        for (long pid : pids) {
            OptionalLong ns = netnsInode(Long.toString(pid));
            if (ns.isPresent()) {
                boolean host = hostNs.isPresent() && hostNs.getAsLong() == ns.getAsLong();
                return Optional.of(new NetNamespace(ns.getAsLong(), host));
            }
        }
        return Optional.empty();
    }

    /** Inode of {@code <procfs>/<pid>/ns/net}, from its link text {@code net:[4026531840]}. */
    private OptionalLong netnsInode(String pid) {
        try {
            String link = Files.readSymbolicLink(procfs.resolve(pid + "/ns/net")).toString();
            int open = link.indexOf('[');
            int close = link.indexOf(']');
            if (open >= 0 && close > open) {
                return OptionalLong.of(Long.parseLong(link.substring(open + 1, close)));
            }
        } catch (IOException | UnsupportedOperationException | NumberFormatException e) {
            // exited, or no permission (not root): the namespace is unknown
        }
        return OptionalLong.empty();
    }

    private static String enclosingContainer(String path, TreeSet<String> containers) {
        for (String p = parent(path); p != null; p = parent(p)) {
            if (containers.contains(p)) {
                return p;
            }
        }
        return null;
    }

    private static String parent(String path) {
        if (path.equals("/")) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash == 0 ? "/" : path.substring(0, slash);
    }
}

package dev.berth.collectors;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupGoneException;
import dev.berth.collectors.discovery.CgroupClassifier;
import dev.berth.collectors.discovery.CgroupTree;
import dev.berth.collectors.discovery.Classification;
import dev.berth.collectors.discovery.RuntimeNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Consumer;

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
 * {@code cgroup.procs} read per listed cgroup and its descendants, and one {@code readlink} per listed cgroup
 * with members. Not thread-safe (the name cache is mutable): use from one sampling thread.
 */
public final class ContainerDiscovery {
    private final CgroupFs fs;
    private final CgroupTree tree;
    private final Path procfs;
    private final RuntimeNames names;
    private final String berthParent;

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
        this.berthParent = berthParent;
        this.fs = fs;
        this.tree = new CgroupTree(fs.probe());
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
        List<String> paths = tree.list();
        // Group each cgroup under its topmost enclosing container, if any.
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
        Map<String, List<Long>> procsCache = new LinkedHashMap<>();
        // The host's namespace is pid 1's. Where pid 1's ns links are not readable (a sandbox without
        // CAP_SYS_PTRACE over pid 1), fall back to berth's own namespace: berth runs on the host it watches.
        OptionalLong hostNs = netnsInode("1");
        if (hostNs.isEmpty()) {
            hostNs = netnsInode("self");
        }
        List<ContainerIdentity> out = new ArrayList<>(tops.size());
        for (Map.Entry<String, Classification> e : tops.entrySet()) {
            String path = e.getKey();
            Classification c = e.getValue();
            TreeSet<Long> pids = new TreeSet<>();
            boolean gone = false;
            for (String m : members.get(path)) {
                try {
                    List<Long> p = procsCache.get(m);
                    if (p == null) {
                        p = fs.cgroup(m).readProcs();
                        procsCache.put(m, p);
                    }
                    pids.addAll(p);
                } catch (CgroupGoneException ex) {
                    gone |= m.equals(path);   // a vanished child is normal; a vanished container is dropped
                } catch (CgroupException ex) {
                    warnings.accept(ex.getMessage());
                }
            }
            if (gone || (!all && pids.isEmpty())) {
                continue;
            }
            out.add(new ContainerIdentity(c.id(), name(c), c.runtime(), path, c.pod(), List.copyOf(pids),
                    netns(pids, hostNs)));
        }
        return out;
    }

    private String name(Classification c) {
        Optional<String> n = switch (c.runtime()) {
            case DOCKER -> names.docker(c.id());
            case PODMAN -> names.podman(c.id());
            default -> c.name();
        };
        return n.orElse(c.id().length() == 64 ? c.id().substring(0, 12) : c.id());
    }

    private Optional<NetNamespace> netns(TreeSet<Long> pids, OptionalLong hostNs) {
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

package dev.berth.cgroupctl.testing;

import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProbe;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.cgroupctl.NotCgroupFsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Builds a fake host, a procfs and a sysfs under one directory (use JUnit's {@code @TempDir}), for tests of
 * cgroupctl and of the modules above it (it ships in cgroupctl's test-jar).
 *
 * <pre>{@code
 * FakeCgroupTree t = FakeCgroupTree.v2(tempDir);
 * t.unified("/system.slice/docker-abc.scope")
 *     .file("memory.max", "max\n")
 *     .file("cpu.stat", "usage_usec 100\nuser_usec 60\nsystem_usec 40\n");
 * t.proc(4242, "0::/system.slice/docker-abc.scope\n");
 * CgroupFs fs = t.open();   // probes <root>/proc and <root>/sys, exactly as on a host
 * }</pre>
 *
 * <p>The three factories write a {@code proc/self/mountinfo} and {@code proc/cgroups} with the layout of a real
 * distribution, so the probe runs the same code as on a host:
 * <ul>
 *   <li>{@link #v1}: CentOS 7 (systemd 219, Linux 3.10): controllers co-mounted as {@code cpu,cpuacct} and
 *       {@code net_cls,net_prio}, a {@code name=systemd} hierarchy, no cgroup2;</li>
 *   <li>{@link #v2}: Debian 12 / Fedora (systemd 252): one cgroup2 at {@code /sys/fs/cgroup} with
 *       {@code nsdelegate,memory_recursiveprot}; root {@code cgroup.controllers} lists
 *       {@code cpuset cpu io memory hugetlb pids rdma misc};</li>
 *   <li>{@link #hybrid}: Ubuntu 20.04 (systemd 245): the v1 hierarchies plus cgroup2 at
 *       {@code /sys/fs/cgroup/unified} with no controllers.</li>
 * </ul>
 * These three layouts are reconstructed, not captured: mount points, options and controller sets are those
 * distributions' defaults (as systemd mounts them), while mount ids, device numbers and the {@code num_cgroups} and
 * hierarchy columns of {@code /proc/cgroups} are made up. {@link #fromMountinfo} takes any captured mountinfo and
 * {@code /proc/cgroups} instead (cgroupctl's own tests use this host's, captured verbatim).
 *
 * <p>Files are written as given: a test of a trailing newline or an empty file writes exactly that. Writes through
 * cgroupctl land in these plain files, so a test can read them back, but they have no kernel side-effects.
 */
public final class FakeCgroupTree {
    /** v1 hierarchies of the CentOS 7 layout: mount directory and super options. */
    private static final String[][] V1_MOUNTS = {
        {"systemd", "rw,xattr,release_agent=/usr/lib/systemd/systemd-cgroups-agent,name=systemd"},
        {"cpu,cpuacct", "rw,cpuacct,cpu"},
        {"cpuset", "rw,cpuset"},
        {"memory", "rw,memory"},
        {"blkio", "rw,blkio"},
        {"pids", "rw,pids"},
        {"freezer", "rw,freezer"},
        {"devices", "rw,devices"},
        {"net_cls,net_prio", "rw,net_prio,net_cls"},
        {"perf_event", "rw,perf_event"},
        {"hugetlb", "rw,hugetlb"},
    };

    /** The same hierarchies with Ubuntu 20.04's (systemd 245) mount options. */
    private static final String[][] UBUNTU_MOUNTS = {
        {"systemd", "rw,xattr,name=systemd"},
        {"cpu,cpuacct", "rw,cpu,cpuacct"},
        {"cpuset", "rw,cpuset"},
        {"memory", "rw,memory"},
        {"blkio", "rw,blkio"},
        {"pids", "rw,pids"},
        {"freezer", "rw,freezer"},
        {"devices", "rw,devices"},
        {"net_cls,net_prio", "rw,net_cls,net_prio"},
        {"perf_event", "rw,perf_event"},
        {"hugetlb", "rw,hugetlb"},
    };

    private static final String V1_PROC_CGROUPS = """
            #subsys_name\thierarchy\tnum_cgroups\tenabled
            cpuset\t4\t1\t1
            cpu\t2\t60\t1
            cpuacct\t2\t60\t1
            memory\t5\t60\t1
            devices\t8\t60\t1
            freezer\t7\t1\t1
            net_cls\t9\t1\t1
            blkio\t6\t60\t1
            perf_event\t10\t1\t1
            hugetlb\t11\t1\t1
            pids\t3\t60\t1
            net_prio\t9\t1\t1
            """;

    private static final String V2_PROC_CGROUPS = """
            #subsys_name\thierarchy\tnum_cgroups\tenabled
            cpuset\t0\t75\t1
            cpu\t0\t75\t1
            cpuacct\t0\t75\t1
            blkio\t0\t75\t1
            memory\t0\t75\t1
            devices\t0\t75\t1
            freezer\t0\t75\t1
            net_cls\t0\t75\t1
            perf_event\t0\t75\t1
            net_prio\t0\t75\t1
            hugetlb\t0\t75\t1
            pids\t0\t75\t1
            rdma\t0\t75\t1
            misc\t0\t75\t1
            """;

    private final Path root;

    private FakeCgroupTree(Path root) {
        this.root = root;
    }

    /** @param root an empty directory @return a CentOS 7-like pure v1 host */
    public static FakeCgroupTree v1(Path root) {
        return fromMountinfo(root, v1Mountinfo(false, V1_MOUNTS), V1_PROC_CGROUPS);
    }

    /** @param root an empty directory @return a Debian 12-like pure v2 host */
    public static FakeCgroupTree v2(Path root) {
        FakeCgroupTree t = fromMountinfo(root, """
                22 1 0:21 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw
                23 1 0:22 / /proc rw,nosuid,nodev,noexec,relatime shared:13 - proc proc rw
                29 22 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
                """, V2_PROC_CGROUPS);
        t.unified("/").file("cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc\n")
                .file("cgroup.subtree_control", "cpuset cpu io memory pids\n")
                .file("cgroup.procs", "1\n");
        return t;
    }

    /** @param root an empty directory @return an Ubuntu 20.04-like hybrid host */
    public static FakeCgroupTree hybrid(Path root) {
        FakeCgroupTree t = fromMountinfo(root, v1Mountinfo(true, UBUNTU_MOUNTS), V1_PROC_CGROUPS);
        t.unified("/").file("cgroup.controllers", "").file("cgroup.subtree_control", "").file("cgroup.procs", "1\n");
        return t;
    }

    private static String v1Mountinfo(boolean withUnified, String[][] mounts) {
        StringBuilder sb = new StringBuilder();
        sb.append("18 62 0:17 / /sys rw,nosuid,nodev,noexec,relatime shared:6 - sysfs sysfs rw\n");
        sb.append("24 18 0:20 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:9 - tmpfs tmpfs ro,mode=755\n");
        int id = 25;
        if (withUnified) {
            sb.append(id).append(" 24 0:").append(id - 4).append(" / /sys/fs/cgroup/unified rw,nosuid,nodev,noexec,")
                    .append("relatime shared:10 - cgroup2 cgroup2 rw,nsdelegate\n");
            id++;
        }
        for (String[] m : mounts) {
            sb.append(id).append(" 24 0:").append(id - 4).append(" / /sys/fs/cgroup/").append(m[0])
                    .append(" rw,nosuid,nodev,noexec,relatime shared:").append(id - 15).append(" - cgroup cgroup ")
                    .append(m[1]).append('\n');
            id++;
        }
        return sb.toString();
    }

    /**
     * A host described by captured files. Every cgroup/cgroup2 mount point in {@code mountinfo} is created below
     * {@code <root>/sys} (re-rooted as the prober does).
     *
     * @param root        an empty directory
     * @param mountinfo   content of {@code /proc/self/mountinfo}
     * @param procCgroups content of {@code /proc/cgroups}
     * @return the tree
     */
    public static FakeCgroupTree fromMountinfo(Path root, String mountinfo, String procCgroups) {
        FakeCgroupTree t = new FakeCgroupTree(root);
        write(t.procfs().resolve("self/mountinfo"), mountinfo);
        write(t.procfs().resolve("cgroups"), procCgroups);
        for (String line : mountinfo.split("\n")) {
            String[] f = line.split(" ");
            if (line.contains(" - cgroup") && f.length > 4 && f[4].startsWith("/sys/")) {
                mkdirs(t.sysfs().resolve(f[4].substring(5)));
            }
        }
        return t;
    }

    /** @return {@code <root>/proc} */
    public Path procfs() {
        return root.resolve("proc");
    }

    /** @return {@code <root>/sys} */
    public Path sysfs() {
        return root.resolve("sys");
    }

    /**
     * @param hierarchyDir the mount directory below {@code /sys/fs/cgroup}, e.g. {@code memory} or
     *                     {@code cpu,cpuacct}
     * @param cgroupPath   e.g. {@code /docker/abc}
     * @return the cgroup's directory in that v1 hierarchy, created
     */
    public Dir v1(String hierarchyDir, String cgroupPath) {
        return dir(sysfs().resolve("fs/cgroup/" + hierarchyDir), cgroupPath);
    }

    /**
     * @param cgroupPath e.g. {@code /system.slice/x.service}
     * @return the cgroup's directory in the cgroup2 hierarchy ({@code /sys/fs/cgroup} on v2,
     *         {@code /sys/fs/cgroup/unified} on hybrid), created
     */
    public Dir unified(String cgroupPath) {
        Path mount = Files.isDirectory(sysfs().resolve("fs/cgroup/unified")) ? sysfs().resolve("fs/cgroup/unified")
                : sysfs().resolve("fs/cgroup");
        return dir(mount, cgroupPath);
    }

    private Dir dir(Path mount, String cgroupPath) {
        Path p = cgroupPath.equals("/") ? mount : mount.resolve(cgroupPath.replaceFirst("^/+", ""));
        mkdirs(p);
        return new Dir(p);
    }

    /**
     * Writes {@code <procfs>/<pid>/cgroup}.
     *
     * @param pid     the process
     * @param content the file, e.g. {@code "0::/system.slice/docker-abc.scope\n"}
     * @return this
     */
    public FakeCgroupTree proc(long pid, String content) {
        return procFile(pid, "cgroup", content);
    }

    /**
     * Writes any {@code <procfs>/<pid>/<name>} (e.g. {@code stat}, {@code status} for collectors' tests).
     *
     * @param pid     the process
     * @param name    the file name
     * @param content the content
     * @return this
     */
    public FakeCgroupTree procFile(long pid, String name, String content) {
        write(procfs().resolve(pid + "/" + name), content);
        return this;
    }

    /** @return the probe of this tree, as {@link CgroupFsProber} finds it */
    public CgroupFsProbe probe() {
        return new CgroupFsProber(procfs(), sysfs()).probe();
    }

    /** @return the cgroup filesystem of this tree @throws NotCgroupFsException if the layout is unusable */
    public CgroupFs open() throws NotCgroupFsException {
        return CgroupFs.open(probe());
    }

    /** A directory in the fake tree. */
    public static final class Dir {
        private final Path path;

        Dir(Path path) {
            this.path = path;
        }

        /** @return the directory */
        public Path path() {
            return path;
        }

        /**
         * @param name    a file name
         * @param content exactly what the file holds
         * @return this
         */
        public Dir file(String name, String content) {
            write(path.resolve(name), content);
            return this;
        }

        /**
         * @param name a child cgroup's directory name
         * @param body what to put in it
         * @return this
         */
        public Dir child(String name, Consumer<Dir> body) {
            Path p = path.resolve(name);
            mkdirs(p);
            body.accept(new Dir(p));
            return this;
        }

        /**
         * @param name a file name
         * @return the file's content
         */
        public String read(String name) {
            try {
                return Files.readString(path.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void write(Path p, String content) {
        try {
            mkdirs(p.getParent());
            Files.write(p, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mkdirs(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

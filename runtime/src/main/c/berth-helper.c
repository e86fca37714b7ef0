/*
 * berth-helper: the single-threaded part of berth's runtime.
 *
 * Why this exists: a JVM is multi-threaded from its first instruction, and unshare(CLONE_NEWNS),
 * setns() and fork() are either per-thread or unsafe there. runc (nsexec.c), crun, LXC and Bazel's
 * linux-sandbox all do this work in small single-threaded native code between spawn and exec; so does
 * berth. The JVM keeps everything that needs no namespaces: validation, state, cgroups, veth, rootfs
 * unpacking. This program only creates/joins namespaces, mounts, drops privileges, installs the
 * seccomp profile (seccomp.c) and execs.
 *
 * Usage: berth-helper SOCKET
 *
 * Protocol, over the AF_UNIX stream socket the JVM listens on at SOCKET (one connection):
 *   JVM -> helper  one frame: 4-byte big-endian length, then NUL-terminated strings, read as
 *                  KEY VALUE... where each key has a fixed number of values (see struct config).
 *   helper -> JVM  "PID <host pid of the container process>\n"   the process exists and is blocked
 *   JVM -> helper  "GO\n"        it is now in its cgroups (and its network is set up): release it
 *   helper -> JVM  "OK\n"        execve() succeeded (the CLOEXEC error pipe closed without data)
 *                  "ERR <msg>\n" setup or execve() failed; msg is one line for the user
 * Anything else from the JVM (including EOF) before GO aborts the start: the blocked process reads
 * EOF on its sync pipe and exits, so nothing user-controlled ever runs outside the cgroups.
 *
 * After OK the helper stays as the container's parent: it relays the pty (-t), forwards signals
 * and exits with the container's exit status (128+N when killed by signal N); in detached mode it
 * also writes that status to the exit file so that berth can report it later.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <grp.h>
#include <linux/capability.h>
#include <linux/openat2.h>

#include "devices-bpf.h"
#include "seccomp.h"

#define MAX_ITEMS 256
#define MSG_MAX 512

/* Docker's default capability set (moby oci/caps/defaults.go). */
static const int default_caps[] = {
    CAP_CHOWN, CAP_DAC_OVERRIDE, CAP_FSETID, CAP_FOWNER, CAP_MKNOD, CAP_NET_RAW, CAP_SETGID,
    CAP_SETUID, CAP_SETFCAP, CAP_SETPCAP, CAP_NET_BIND_SERVICE, CAP_SYS_CHROOT, CAP_KILL,
    CAP_AUDIT_WRITE,
};

/* Docker's masked and read-only paths (moby oci/defaults.go, as of Docker 28). */
static const char *masked_paths[] = {
    "/proc/asound", "/proc/acpi", "/proc/interrupts", "/proc/kcore", "/proc/keys",
    "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug",
    "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap",
};
static const char *readonly_paths[] = {
    "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger",
};

struct bind { const char *src, *dst; int ro; };
struct rlim { int resource; rlim_t soft, hard; };

struct config {
    const char *mode;                 /* "run" or "exec" */
    const char *root;                 /* run: the directory that becomes / (no overlay) */
    const char *lower, *upper, *work, *merged; /* run --overlay */
    const char *hostname;
    int new_net;                      /* run: 0 for --net host */
    const char *exit_file;            /* run -d: where the monitor writes the exit status */
    long target_pid;                  /* exec: the container's init, host pid */
    const char *cwd;
    uid_t uid;
    gid_t gid;
    int tty, interactive;
    int seccomp;                      /* 1: berth's default profile (seccomp.c); 0: unconfined */
    const char *device_cgroup2;       /* run: the cgroup2 directory the device program goes to, or NULL */
    struct device_rule device_rules[64];
    int ndevice_rules;
    const char *args[MAX_ITEMS + 1];
    int nargs;
    const char *env[MAX_ITEMS + 1];
    int nenv;
    struct bind binds[MAX_ITEMS];
    int nbinds;
    struct rlim rlims[RLIM_NLIMITS];
    int nrlims;
};

static int ctl_fd = -1;

static void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

/* Fatal error before the container process exists: report it over the socket and stop. */
static void die(const char *fmt, ...) {
    char msg[MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    for (char *p = msg; *p; p++) if (*p == '\n') *p = ' ';
    if (ctl_fd >= 0) dprintf(ctl_fd, "ERR %s\n", msg);
    else fprintf(stderr, "berth-helper: %s\n", msg);
    _exit(125);
}

static int write_all(int fd, const char *buf, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        buf += n;
        len -= (size_t) n;
    }
    return 0;
}

static int read_full(int fd, void *buf, size_t len) {
    char *p = buf;
    while (len > 0) {
        ssize_t n = read(fd, p, len);
        if (n == 0) return -1;
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        p += n;
        len -= (size_t) n;
    }
    return 0;
}

/* Reads one '\n'-terminated line from the control socket (byte-wise: the stream is tiny). */
static int read_line(char *buf, size_t cap) {
    size_t i = 0;
    while (i + 1 < cap) {
        char c;
        ssize_t n = read(ctl_fd, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        if (c == '\n') break;
        buf[i++] = c;
    }
    buf[i] = '\0';
    return 0;
}

static long parse_long(const char *s, const char *what) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || end == s) die("bad %s in launch config: %s", what, s);
    return v;
}

static rlim_t parse_rlim(const char *s) {
    if (strcmp(s, "unlimited") == 0) return RLIM_INFINITY;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || end == s) die("bad rlimit value in launch config: %s", s);
    return (rlim_t) v;
}

static const struct { const char *name; int resource; } rlimit_names[] = {
    {"CPU", RLIMIT_CPU}, {"FSIZE", RLIMIT_FSIZE}, {"DATA", RLIMIT_DATA}, {"STACK", RLIMIT_STACK},
    {"CORE", RLIMIT_CORE}, {"RSS", RLIMIT_RSS}, {"NPROC", RLIMIT_NPROC}, {"NOFILE", RLIMIT_NOFILE},
    {"MEMLOCK", RLIMIT_MEMLOCK}, {"AS", RLIMIT_AS}, {"LOCKS", RLIMIT_LOCKS},
    {"SIGPENDING", RLIMIT_SIGPENDING}, {"MSGQUEUE", RLIMIT_MSGQUEUE}, {"NICE", RLIMIT_NICE},
    {"RTPRIO", RLIMIT_RTPRIO}, {"RTTIME", RLIMIT_RTTIME},
};

/* Reads and decodes the config frame. The strings point into one heap buffer kept for life. */
static void read_config(struct config *c) {
    unsigned char hdr[4];
    if (read_full(ctl_fd, hdr, 4) < 0) die("no launch config received");
    uint32_t len = (uint32_t) hdr[0] << 24 | (uint32_t) hdr[1] << 16 | (uint32_t) hdr[2] << 8 | hdr[3];
    if (len == 0 || len > (1u << 20)) die("launch config of %u bytes refused", len);
    char *buf = malloc(len + 1);
    if (!buf) die("out of memory");
    if (read_full(ctl_fd, buf, len) < 0) die("truncated launch config");
    buf[len] = '\0';
    if (buf[len - 1] != '\0') die("launch config not NUL-terminated");

    const char *items[4 * MAX_ITEMS + 64];
    size_t n = 0;
    for (size_t off = 0; off < len; off += strlen(buf + off) + 1) {
        if (n == sizeof items / sizeof items[0]) die("launch config has too many items");
        items[n++] = buf + off;
    }
    memset(c, 0, sizeof *c);
    c->cwd = "/";
    c->new_net = 1;
    c->seccomp = 1; /* a config without the key gets the default profile, never none */
    for (size_t i = 0; i < n;) {
        const char *k = items[i++];
        /* each key takes a fixed number of values; check they are there */
#define VAL(j) (i + (j) < n ? items[i + (j)] : (die("launch config: %s lacks a value", k), ""))
        if (!strcmp(k, "mode")) c->mode = VAL(0), i += 1;
        else if (!strcmp(k, "root")) c->root = VAL(0), i += 1;
        else if (!strcmp(k, "overlay")) {
            c->lower = VAL(0); c->upper = VAL(1); c->work = VAL(2); c->merged = VAL(3); i += 4;
        } else if (!strcmp(k, "hostname")) c->hostname = VAL(0), i += 1;
        else if (!strcmp(k, "net")) c->new_net = strcmp(VAL(0), "host") != 0, i += 1;
        else if (!strcmp(k, "exit-file")) c->exit_file = VAL(0), i += 1;
        else if (!strcmp(k, "target-pid")) c->target_pid = parse_long(VAL(0), "pid"), i += 1;
        else if (!strcmp(k, "cwd")) c->cwd = VAL(0), i += 1;
        else if (!strcmp(k, "uid")) c->uid = (uid_t) parse_long(VAL(0), "uid"), i += 1;
        else if (!strcmp(k, "gid")) c->gid = (gid_t) parse_long(VAL(0), "gid"), i += 1;
        else if (!strcmp(k, "tty")) c->tty = !strcmp(VAL(0), "1"), i += 1;
        else if (!strcmp(k, "interactive")) c->interactive = !strcmp(VAL(0), "1"), i += 1;
        else if (!strcmp(k, "seccomp")) {
            const char *v = VAL(0);
            if (!strcmp(v, "default")) c->seccomp = 1;
            else if (!strcmp(v, "unconfined")) c->seccomp = 0;
            else die("unknown seccomp profile %s in launch config", v);
            i += 1;
        }
        else if (!strcmp(k, "arg")) {
            if (c->nargs == MAX_ITEMS) die("too many arguments");
            c->args[c->nargs++] = VAL(0); i += 1;
        } else if (!strcmp(k, "env")) {
            if (c->nenv == MAX_ITEMS) die("too many environment variables");
            c->env[c->nenv++] = VAL(0); i += 1;
        } else if (!strcmp(k, "bind")) {
            if (c->nbinds == MAX_ITEMS) die("too many volumes");
            struct bind *b = &c->binds[c->nbinds++];
            b->src = VAL(0); b->dst = VAL(1); b->ro = !strcmp(VAL(2), "ro"); i += 3;
        } else if (!strcmp(k, "rlimit")) {
            const char *name = VAL(0);
            int res = -1;
            for (size_t j = 0; j < sizeof rlimit_names / sizeof rlimit_names[0]; j++)
                if (!strcmp(name, rlimit_names[j].name)) res = rlimit_names[j].resource;
            if (res < 0) die("unknown rlimit %s", name);
            if (c->nrlims == RLIM_NLIMITS) die("too many rlimits");
            c->rlims[c->nrlims++] = (struct rlim) {res, parse_rlim(VAL(1)), parse_rlim(VAL(2))};
            i += 3;
        } else if (!strcmp(k, "device-bpf")) c->device_cgroup2 = VAL(0), i += 1;
        else if (!strcmp(k, "device-rule")) {
            if (c->ndevice_rules == (int) (sizeof c->device_rules / sizeof c->device_rules[0]))
                die("too many device rules");
            char why[MSG_MAX / 2];
            if (device_rule_parse(&c->device_rules[c->ndevice_rules++], VAL(0), VAL(1), VAL(2), VAL(3), why,
                                  sizeof why) < 0)
                die("launch config: %s", why);
            i += 4;
        } else die("unknown launch config key %s", k);
#undef VAL
    }
    if (!c->mode) die("launch config lacks a mode");
    if (c->nargs == 0) die("no command given");
    if (!strcmp(c->mode, "run") && !c->root && !c->merged) die("launch config lacks a root");
    if (!strcmp(c->mode, "exec") && c->target_pid <= 0) die("launch config lacks a target pid");
}

/* ---- container side: everything below runs in the new process, after GO ---- */

static int err_fd = -1; /* CLOEXEC pipe to the helper: a message means failure, EOF means execve ran */

static void fail(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

static void fail(const char *fmt, ...) {
    char msg[MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    if ((size_t) n >= sizeof msg) n = sizeof msg - 1;
    write_all(err_fd, msg, (size_t) n);
    _exit(127);
}

static void mkdirs(const char *path, mode_t mode) {
    char tmp[PATH_MAX];
    if (snprintf(tmp, sizeof tmp, "%s", path) >= (int) sizeof tmp) fail("path too long: %s", path);
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(tmp, mode) < 0 && errno != EEXIST) fail("cannot create %s: %s", tmp, strerror(errno));
        *p = '/';
    }
    if (mkdir(tmp, mode) < 0 && errno != EEXIST) fail("cannot create %s: %s", tmp, strerror(errno));
}

static void do_mount(const char *src, const char *dst, const char *type, unsigned long flags,
                     const char *data) {
    if (mount(src, dst, type, flags, data) < 0)
        fail("cannot mount %s on %s: %s", type ? type : src ? src : "remount", dst, strerror(errno));
}

/* Joins root and an absolute container path; the path was validated by the JVM (no ".."). */
static void in_root(char *out, const char *root, const char *path) {
    if (snprintf(out, PATH_MAX, "%s%s", root, path) >= PATH_MAX) fail("path too long: %s", path);
}

static void join(char *out, const char *dir, const char *name) {
    if (snprintf(out, PATH_MAX, "%s/%s", dir, name) >= PATH_MAX) fail("path too long: %s", name);
}

static int openat2_in_root(int rootfd, const char *path, int flags) {
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = (unsigned long long) (flags | O_CLOEXEC);
    how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
    return (int) syscall(SYS_openat2, rootfd, path, &how, sizeof how);
}

/*
 * Opens (O_PATH) the mount point for a volume, creating missing directories and, for a file
 * volume, the file. An image may carry symlinks (/data -> /etc); openat2's RESOLVE_IN_ROOT follows
 * them as if the rootfs were "/", as runc's securejoin does, so nothing is ever created or mounted
 * outside the rootfs on the host.
 */
static int open_mount_point(int rootfd, const char *path, int dir) {
    char buf[PATH_MAX];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int) sizeof buf) fail("path too long: %s", path);
    int hops = 0;
restart:
    for (char *p = buf + 1; ; ) {
        char *next = strchr(p, '/');
        if (next) *next = '\0';
        int fd = openat2_in_root(rootfd, buf, O_PATH);
        if (fd < 0 && errno == ENOENT) {
            char *slash = strrchr(buf, '/');
            *slash = '\0';
            int parent = openat2_in_root(rootfd, buf[0] ? buf : "/", O_PATH | O_DIRECTORY);
            *slash = '/';
            if (parent < 0) fail("%s: %s", path, strerror(errno));
            char link[PATH_MAX];
            ssize_t n = readlinkat(parent, slash + 1, link, sizeof link - 1);
            if (n > 0) {
                /* a dangling symlink in the image: create what it points to, inside the rootfs */
                if (++hops > 40) fail("%s: too many levels of symbolic links", path);
                link[n] = '\0';
                char rest[PATH_MAX], joined[PATH_MAX];
                snprintf(rest, sizeof rest, "%s%s", next ? "/" : "", next ? next + 1 : "");
                *slash = '\0';
                int len = link[0] == '/' ? snprintf(joined, sizeof joined, "%s%s", link, rest)
                                         : snprintf(joined, sizeof joined, "%s/%s%s", buf, link, rest);
                close(parent);
                if (len >= (int) sizeof joined) fail("path too long: %s", path);
                memcpy(buf, joined, (size_t) len + 1);
                goto restart;
            }
            if (next || dir) {
                if (mkdirat(parent, slash + 1, 0755) < 0 && errno != EEXIST) fail("cannot create %s: %s", buf, strerror(errno));
            } else {
                int f = openat(parent, slash + 1, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0644);
                if (f < 0 && errno != EEXIST) fail("cannot create %s: %s", buf, strerror(errno));
                if (f >= 0) close(f);
            }
            close(parent);
            fd = openat2_in_root(rootfd, buf, O_PATH);
        }
        if (fd < 0) fail("%s: %s", buf, strerror(errno));
        if (!next) return fd;
        close(fd);
        *next = '/';
        p = next + 1;
    }
}

static void mount_binds(const struct config *c, const char *root) {
    if (c->nbinds == 0) return;
    int rootfd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (rootfd < 0) fail("cannot open %s: %s", root, strerror(errno));
    for (int i = 0; i < c->nbinds; i++) {
        const struct bind *b = &c->binds[i];
        struct stat st;
        if (stat(b->src, &st) < 0) fail("volume source %s: %s", b->src, strerror(errno));
        int fd = open_mount_point(rootfd, b->dst, S_ISDIR(st.st_mode));
        /* mounting on the fd's /proc/self/fd link mounts on exactly what was opened (no re-resolution) */
        char target[64];
        snprintf(target, sizeof target, "/proc/self/fd/%d", fd);
        if (mount(b->src, target, NULL, MS_BIND | MS_REC, NULL) < 0)
            fail("cannot mount volume %s on %s: %s", b->src, b->dst, strerror(errno));
        close(fd);
        if (b->ro) {
            /* the old fd still names the directory under the new mount: open the mount itself */
            fd = openat2_in_root(rootfd, b->dst, O_PATH);
            if (fd < 0) fail("%s: %s", b->dst, strerror(errno));
            snprintf(target, sizeof target, "/proc/self/fd/%d", fd);
            if (mount(NULL, target, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_REC, NULL) < 0)
                fail("cannot make volume %s read-only: %s", b->dst, strerror(errno));
            close(fd);
        }
    }
    close(rootfd);
}

static void make_dev(const char *root) {
    static const struct { const char *name; unsigned maj, min; } devs[] = {
        {"null", 1, 3}, {"zero", 1, 5}, {"full", 1, 7}, {"random", 1, 8}, {"urandom", 1, 9},
        {"tty", 5, 0},
    };
    char dev[PATH_MAX], p[PATH_MAX];
    in_root(dev, root, "/dev");
    mkdirs(dev, 0755);
    do_mount("tmpfs", dev, "tmpfs", MS_NOSUID | MS_STRICTATIME, "mode=755,size=65536k");
    for (size_t i = 0; i < sizeof devs / sizeof devs[0]; i++) {
        join(p, dev, devs[i].name);
        if (mknod(p, S_IFCHR | 0666, makedev(devs[i].maj, devs[i].min)) < 0)
            fail("cannot create /dev/%s: %s", devs[i].name, strerror(errno));
        chmod(p, 0666); /* mknod honours the umask */
    }
    join(p, dev, "pts");
    mkdirs(p, 0755);
    do_mount("devpts", p, "devpts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=0620");
    join(p, dev, "shm");
    mkdirs(p, 01777);
    do_mount("shm", p, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=1777,size=65536k");
    join(p, dev, "mqueue");
    mkdirs(p, 0755);
    do_mount("mqueue", p, "mqueue", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
    static const struct { const char *target, *name; } links[] = {
        {"pts/ptmx", "ptmx"}, {"/proc/self/fd", "fd"}, {"/proc/self/fd/0", "stdin"},
        {"/proc/self/fd/1", "stdout"}, {"/proc/self/fd/2", "stderr"},
    };
    for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
        join(p, dev, links[i].name);
        if (symlink(links[i].target, p) < 0) fail("cannot create /dev/%s: %s", links[i].name, strerror(errno));
    }
}

/* Files are hidden behind /dev/null, directories behind an empty read-only tmpfs (as runc does). */
static void mask_paths(const char *root) {
    char p[PATH_MAX], devnull[PATH_MAX];
    in_root(devnull, root, "/dev/null");
    for (size_t i = 0; i < sizeof masked_paths / sizeof masked_paths[0]; i++) {
        struct stat st;
        in_root(p, root, masked_paths[i]);
        if (stat(p, &st) < 0) continue; /* absent on this kernel: nothing to hide */
        if (S_ISDIR(st.st_mode)) do_mount("tmpfs", p, "tmpfs", MS_RDONLY, "size=0");
        else do_mount(devnull, p, NULL, MS_BIND, NULL);
    }
    for (size_t i = 0; i < sizeof readonly_paths / sizeof readonly_paths[0]; i++) {
        in_root(p, root, readonly_paths[i]);
        if (access(p, F_OK) < 0) continue;
        do_mount(p, p, NULL, MS_BIND | MS_REC, NULL);
        do_mount(NULL, p, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_REC, NULL);
    }
}

static void loopback_up(void) {
    int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (s < 0) fail("cannot open a socket to bring lo up: %s", strerror(errno));
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    strcpy(ifr.ifr_name, "lo");
    if (ioctl(s, SIOCGIFFLAGS, &ifr) < 0) fail("cannot read lo flags: %s", strerror(errno));
    ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
    if (ioctl(s, SIOCSIFFLAGS, &ifr) < 0) fail("cannot bring lo up: %s", strerror(errno));
    close(s);
}

static void setup_rootfs(const struct config *c) {
    /* Private propagation first, so that nothing mounted below reaches the host's namespace. */
    do_mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
    const char *root;
    if (c->merged) {
        char opts[3 * PATH_MAX + 64];
        if (snprintf(opts, sizeof opts, "lowerdir=%s,upperdir=%s,workdir=%s", c->lower, c->upper,
                     c->work) >= (int) sizeof opts) fail("overlay paths too long");
        do_mount("overlay", c->merged, "overlay", 0, opts);
        root = c->merged;
    } else {
        /* pivot_root needs the new root to be a mount point */
        do_mount(c->root, c->root, NULL, MS_BIND | MS_REC, NULL);
        root = c->root;
    }
    char p[PATH_MAX];
    in_root(p, root, "/proc");
    mkdirs(p, 0555);
    do_mount("proc", p, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
    make_dev(root);
    in_root(p, root, "/sys");
    mkdirs(p, 0555);
    if (mount("sysfs", p, "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_RDONLY, NULL) < 0) {
        /* sysfs refuses a fresh mount when the netns is not ours (--net host): bind the host's */
        do_mount("/sys", p, NULL, MS_BIND | MS_REC, NULL);
        do_mount(NULL, p, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_REC, NULL);
    }
    mount_binds(c, root);
    mask_paths(root);

    /* pivot_root(".", ".") stacks the old root on the new one; detaching it leaves only the new. */
    if (chdir(root) < 0) fail("cannot enter %s: %s", root, strerror(errno));
    if (syscall(SYS_pivot_root, ".", ".") < 0) fail("pivot_root: %s", strerror(errno));
    if (umount2(".", MNT_DETACH) < 0) fail("cannot detach the old root: %s", strerror(errno));
    if (chdir("/") < 0) fail("chdir /: %s", strerror(errno));
}

static int is_default_cap(int cap) {
    for (size_t i = 0; i < sizeof default_caps / sizeof default_caps[0]; i++)
        if (default_caps[i] == cap) return 1;
    return 0;
}

static int last_cap(void) {
    int fd = open("/proc/sys/kernel/cap_last_cap", O_RDONLY | O_CLOEXEC);
    char buf[16] = {0};
    if (fd >= 0) {
        ssize_t n = read(fd, buf, sizeof buf - 1);
        close(fd);
        if (n > 0) return atoi(buf);
    }
    return CAP_LAST_CAP;
}

/*
 * Privileges, in the order that keeps each step possible: bounding set (needs CAP_SETPCAP),
 * no_new_privs, groups, gid, uid (KEEPCAPS so the permitted set survives a non-zero uid), and
 * last the effective/permitted sets. Inheritable stays empty, as in Docker since the
 * CVE-2022-24769 fix, so a non-root user ends up with no effective capabilities after execve.
 */
static void drop_privileges(const struct config *c) {
    int last = last_cap();
    for (int cap = 0; cap <= last; cap++)
        if (!is_default_cap(cap) && prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno != EINVAL)
            fail("cannot drop capability %d: %s", cap, strerror(errno));
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) fail("no_new_privs: %s", strerror(errno));
    gid_t groups[1] = {c->gid};
    if (setgroups(1, groups) < 0) fail("setgroups: %s", strerror(errno));
    if (setresgid(c->gid, c->gid, c->gid) < 0) fail("cannot set gid %d: %s", (int) c->gid, strerror(errno));
    if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0) fail("keepcaps: %s", strerror(errno));
    if (setresuid(c->uid, c->uid, c->uid) < 0) fail("cannot set uid %d: %s", (int) c->uid, strerror(errno));
    struct __user_cap_header_struct hdr = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct data[2];
    memset(data, 0, sizeof data);
    for (size_t i = 0; i < sizeof default_caps / sizeof default_caps[0]; i++) {
        int cap = default_caps[i];
        data[cap / 32].effective |= 1u << (cap % 32);
        data[cap / 32].permitted |= 1u << (cap % 32);
    }
    if (syscall(SYS_capset, &hdr, data) < 0) fail("capset: %s", strerror(errno));
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0 && errno != EINVAL)
        fail("cannot clear ambient capabilities: %s", strerror(errno));
}

static const char *env_get(const struct config *c, const char *key) {
    size_t n = strlen(key);
    for (int i = 0; i < c->nenv; i++)
        if (!strncmp(c->env[i], key, n) && c->env[i][n] == '=') return c->env[i] + n + 1;
    return NULL;
}

/* PATH search done here, not by execvpe, so that "not found" can say where it looked. */
static void exec_command(const struct config *c) {
    char *const *argv = (char *const *) c->args;
    char *const *envp = (char *const *) c->env;
    const char *cmd = c->args[0];
    if (strchr(cmd, '/')) {
        execve(cmd, argv, envp);
        if (errno == ENOENT) fail("%s: no such file in the container's rootfs", cmd);
        fail("%s: %s", cmd, strerror(errno));
    }
    const char *path = env_get(c, "PATH");
    if (!path) path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    int saw_eacces = 0;
    char full[PATH_MAX];
    for (const char *p = path; ; ) {
        const char *colon = strchr(p, ':');
        size_t n = colon ? (size_t) (colon - p) : strlen(p);
        if (n > 0 && snprintf(full, sizeof full, "%.*s/%s", (int) n, p, cmd) < (int) sizeof full) {
            execve(full, argv, envp);
            if (errno == EACCES) saw_eacces = 1;
            else if (errno != ENOENT && errno != ENOTDIR) fail("%s: %s", full, strerror(errno));
        }
        if (!colon) break;
        p = colon + 1;
    }
    if (saw_eacces) fail("%s: permission denied", cmd);
    fail("%s: command not found in the container's PATH (%s)", cmd, path);
}

/*
 * The pty is made inside the container, from its own devpts instance, so that ttyname() works
 * there (a pty from the host's devpts has no name in the container's /dev/pts); the master goes
 * back to the helper over a socketpair with SCM_RIGHTS, as runc's console socket does.
 */
static void make_pty(int pty_sock) {
    int master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0) fail("cannot open /dev/ptmx: %s", strerror(errno));
    if (unlockpt(master) < 0) fail("cannot unlock the pty: %s", strerror(errno));
    char name[64];
    if (ptsname_r(master, name, sizeof name) != 0) fail("ptsname: %s", strerror(errno));
    int slave = open(name, O_RDWR | O_NOCTTY);
    if (slave < 0) fail("cannot open %s: %s", name, strerror(errno));
    char byte = 'm';
    struct iovec iov = {&byte, 1};
    char control[CMSG_SPACE(sizeof(int))];
    memset(control, 0, sizeof control);
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof control};
    struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cm), &master, sizeof(int));
    if (sendmsg(pty_sock, &msg, 0) < 0) fail("cannot pass the pty to berth-helper: %s", strerror(errno));
    close(master);
    close(pty_sock);
    if (ioctl(slave, TIOCSCTTY, 0) < 0) fail("cannot set the controlling tty: %s", strerror(errno));
    for (int fd = 0; fd < 3; fd++)
        if (dup2(slave, fd) < 0) fail("dup2: %s", strerror(errno));
    if (slave > 2) close(slave);
}

/* Receives the pty master from the container process; -1 if it failed before sending it. */
static int receive_pty(int pty_sock) {
    char byte;
    struct iovec iov = {&byte, 1};
    char control[CMSG_SPACE(sizeof(int))];
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof control};
    ssize_t n;
    while ((n = recvmsg(pty_sock, &msg, MSG_CMSG_CLOEXEC)) < 0 && errno == EINTR) {
    }
    if (n <= 0) return -1;
    struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);
    if (!cm || cm->cmsg_type != SCM_RIGHTS) return -1;
    int fd;
    memcpy(&fd, CMSG_DATA(cm), sizeof fd);
    return fd;
}

/* Runs in the new process: waits for GO, sets up the container and execs the user's command. */
static int container_main(const struct config *c, int sync_fd, int pty_sock) {
    /* If the helper dies before GO the read below returns EOF; after it, this signal ends us. */
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    char go;
    if (read_full(sync_fd, &go, 1) < 0) _exit(1);
    close(sync_fd);
    if (setsid() < 0) fail("setsid: %s", strerror(errno));
    int run = !strcmp(c->mode, "run");
    if (run) setup_rootfs(c);
    if (pty_sock >= 0) make_pty(pty_sock);
    if (run) {
        if (c->hostname && sethostname(c->hostname, strlen(c->hostname)) < 0)
            fail("cannot set hostname %s: %s", c->hostname, strerror(errno));
        if (c->new_net) loopback_up();
    }
    for (int i = 0; i < c->nrlims; i++) {
        struct rlimit rl = {c->rlims[i].soft, c->rlims[i].hard};
        if (setrlimit(c->rlims[i].resource, &rl) < 0) fail("setrlimit: %s", strerror(errno));
    }
    if (run) mkdirs(c->cwd, 0755);
    if (chdir(c->cwd) < 0) fail("working directory %s: %s", c->cwd, strerror(errno));
    drop_privileges(c);
    /* The pdeath signal must not outlive the start: the helper may die later (berth restarts). */
    prctl(PR_SET_PDEATHSIG, 0, 0, 0, 0);
    /*
     * Last, after no_new_privs (which an unprivileged filter needs) and everything that needs a
     * call the profile refuses: from here on only execve, write (fail) and exit run before the
     * user's command, and the profile allows all three.
     */
    if (c->seccomp) {
        char why[MSG_MAX / 2];
        if (seccomp_install_default(why, sizeof why) < 0)
            fail("%s; start the container with --security-opt seccomp=unconfined to run it without one", why);
    }
    exec_command(c);
    return 127;
}

/* ---- helper side ---- */

static volatile sig_atomic_t winch, pending_signal;
static pid_t child_pid = -1;

static void on_winch(int sig) { (void) sig; winch = 1; }

/* Foreground signals go to the container, as `docker run --sig-proxy` does. */
static void on_forward(int sig) {
    if (child_pid > 0) kill(child_pid, sig);
    pending_signal = sig;
}

static struct termios saved_termios;
static int termios_saved;

static void restore_tty(void) {
    if (termios_saved) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
}

static void copy_winsize(int master) {
    struct winsize ws;
    if (ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0) ioctl(master, TIOCSWINSZ, &ws);
}

/* Copies stdin -> pty master and master -> stdout until the container's side hangs up. */
static void relay_pty(int master, int interactive) {
    char buf[8192];
    int in_open = interactive;
    for (;;) {
        if (winch) {
            winch = 0;
            copy_winsize(master);
        }
        struct pollfd fds[2] = {{master, POLLIN, 0}, {STDIN_FILENO, POLLIN, 0}};
        int n = poll(fds, in_open ? 2 : 1, -1);
        if (n < 0) {
            if (errno == EINTR) continue;
            return;
        }
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            ssize_t r = read(master, buf, sizeof buf);
            if (r <= 0) return; /* EIO: every slave fd is closed, the container is gone */
            if (write_all(STDOUT_FILENO, buf, (size_t) r) < 0) return;
        }
        if (in_open && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
            ssize_t r = read(STDIN_FILENO, buf, sizeof buf);
            if (r <= 0) {
                in_open = 0;
                char eof = 4; /* ^D: the terminal's way to say end of input */
                write_all(master, &eof, 1);
            } else if (write_all(master, buf, (size_t) r) < 0) {
                return;
            }
        }
    }
}

static int wait_exit_status(pid_t pid) {
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return 255;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return 255;
}

/*
 * The exit status of a detached container is written into a file reserved when the monitor starts,
 * by overwriting its four bytes in place: a state filesystem that filled up while the container ran
 * (its log grew, say) has no block for a new file, and the status was then lost (issue 10 defect 4).
 * The reservation holds "   \n", which readers take as "no status yet"; the status is written
 * right-aligned in the same four bytes ("137\n", "  0\n"), so a reader sees one or the other.
 */
static int reserve_exit_file(const char *path) {
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) die("cannot create %s: %s", path, strerror(errno));
    if (pwrite(fd, "   \n", 4, 0) != 4) die("cannot write %s: %s", path, strerror(errno));
    fsync(fd);
    return fd;
}

static void write_exit_file(int fd, int code) {
    char text[8];
    snprintf(text, sizeof text, "%3d\n", code & 0xff);
    if (pwrite(fd, text, 4, 0) == 4) fsync(fd);
    close(fd);
}

static void join_namespaces(long pid) {
    /* Order: mnt last, because after it /proc/<pid> would be looked up in the container. */
    static const struct { const char *name; int type; } ns[] = {
        {"ipc", CLONE_NEWIPC}, {"uts", CLONE_NEWUTS}, {"net", CLONE_NEWNET},
        {"pid", CLONE_NEWPID}, {"mnt", CLONE_NEWNS},
    };
    int fds[5];
    char p[64];
    for (int i = 0; i < 5; i++) {
        snprintf(p, sizeof p, "/proc/%ld/ns/%s", pid, ns[i].name);
        fds[i] = open(p, O_RDONLY | O_CLOEXEC);
        if (fds[i] < 0) die("cannot open %s: %s", p, strerror(errno));
    }
    /*
     * Joining a mount namespace sets the root to the namespace's own root mount, not to the root the container's
     * init has: the two differ when berth itself runs chrooted (a build chroot, say), where the container's pivot_root
     * put its rootfs below the chroot, and the exec'd process then ran in the host's real root. So the root is taken
     * from the container's init, as nsenter --root does: opened before the mount namespace changes, entered after.
     */
    snprintf(p, sizeof p, "/proc/%ld/root", pid);
    int root_fd = open(p, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (root_fd < 0) die("cannot open %s: %s", p, strerror(errno));
    for (int i = 0; i < 5; i++) {
        if (setns(fds[i], ns[i].type) < 0) die("cannot join the %s namespace: %s", ns[i].name, strerror(errno));
        close(fds[i]);
    }
    if (fchdir(root_fd) < 0 || chroot(".") < 0) die("cannot enter the container's root: %s", strerror(errno));
    close(root_fd);
}

static char clone_stack[256 * 1024] __attribute__((aligned(16)));

struct child_args { const struct config *c; int sync_fd, sync_w, err_r, err_fd, pty_child, pty_parent; };

static int clone_entry(void *arg) {
    struct child_args *a = arg;
    /* The parent's ends must go, or the sync pipe never reports EOF when the helper dies. */
    close(a->sync_w);
    close(a->err_r);
    if (a->pty_parent >= 0) close(a->pty_parent);
    close(ctl_fd);
    ctl_fd = -1;
    err_fd = a->err_fd;
    return container_main(a->c, a->sync_fd, a->pty_child);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: berth-helper SOCKET (started by berth, not by hand)\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    ctl_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (ctl_fd < 0) {
        perror("berth-helper: socket");
        return 125;
    }
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    if (strlen(argv[1]) >= sizeof addr.sun_path) {
        fprintf(stderr, "berth-helper: socket path too long\n");
        return 125;
    }
    strcpy(addr.sun_path, argv[1]);
    if (connect(ctl_fd, (struct sockaddr *) &addr, sizeof addr) < 0) {
        int e = errno;
        close(ctl_fd);
        ctl_fd = -1;
        die("cannot connect to %s: %s", argv[1], strerror(e));
    }
    static struct config c;
    read_config(&c);
    int run = !strcmp(c.mode, "run");
    if (!run && strcmp(c.mode, "exec")) die("unknown mode %s", c.mode);
    /* detached: leave berth's session so that closing its terminal does not hang us up */
    if (c.exit_file && setsid() < 0) die("setsid: %s", strerror(errno));
    int exit_fd = c.exit_file ? reserve_exit_file(c.exit_file) : -1;

    int master = -1, pty_sock[2] = {-1, -1};
    if (c.tty && socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pty_sock) < 0) die("socketpair: %s", strerror(errno));
    int sync_pipe[2], err_pipe[2];
    if (pipe2(sync_pipe, O_CLOEXEC) < 0 || pipe2(err_pipe, O_CLOEXEC) < 0) die("pipe: %s", strerror(errno));

    if (run && c.device_cgroup2) {
        /* before the container process exists: nothing of it ever runs without the allow-list */
        char why[MSG_MAX / 2];
        if (devices_bpf_attach(c.device_cgroup2, c.device_rules, (size_t) c.ndevice_rules, why, sizeof why) < 0)
            die("%s", why);
    }
    if (!run) join_namespaces(c.target_pid);
    int flags = SIGCHLD;
    if (run) flags |= CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | (c.new_net ? CLONE_NEWNET : 0);
    struct child_args args = {&c, sync_pipe[0], sync_pipe[1], err_pipe[0], err_pipe[1], pty_sock[1], pty_sock[0]};
    child_pid = clone(clone_entry, clone_stack + sizeof clone_stack, flags, &args);
    if (child_pid < 0) die("cannot create the container process: %s", strerror(errno));
    close(sync_pipe[0]);
    close(err_pipe[1]);
    if (pty_sock[1] >= 0) close(pty_sock[1]);

    dprintf(ctl_fd, "PID %ld\n", (long) child_pid);
    char line[64];
    if (read_line(line, sizeof line) < 0 || strcmp(line, "GO") != 0) {
        /* berth gave up (bad limit, veth failure, killed): the child reads EOF and exits */
        close(sync_pipe[1]);
        wait_exit_status(child_pid);
        return 125;
    }
    if (write_all(sync_pipe[1], "g", 1) < 0) die("cannot release the container process");
    close(sync_pipe[1]);
    if (c.tty) {
        master = receive_pty(pty_sock[0]); /* -1: the child failed first; the error pipe says why */
        close(pty_sock[0]);
        if (master >= 0) copy_winsize(master);
    }

    char msg[MSG_MAX + 1];
    ssize_t got = 0, r;
    while ((r = read(err_pipe[0], msg + got, MSG_MAX - (size_t) got)) != 0) {
        if (r < 0) {
            if (errno == EINTR) continue;
            break;
        }
        got += r;
        if (got == MSG_MAX) break;
    }
    close(err_pipe[0]);
    if (got > 0) {
        msg[got] = '\0';
        for (char *p = msg; *p; p++) if (*p == '\n') *p = ' ';
        dprintf(ctl_fd, "ERR %s\n", msg);
        wait_exit_status(child_pid);
        return 127;
    }
    dprintf(ctl_fd, "OK\n");

    struct sigaction sa = {0};
    sa.sa_handler = on_forward;
    sigemptyset(&sa.sa_mask);
    int forwarded[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2};
    for (size_t i = 0; i < sizeof forwarded / sizeof forwarded[0]; i++) sigaction(forwarded[i], &sa, NULL);
    if (c.exit_file) {
        close(ctl_fd); /* berth -d has returned; nobody reads the socket any more */
        ctl_fd = -1;
    }
    if (master >= 0) {
        sa.sa_handler = on_winch;
        sigaction(SIGWINCH, &sa, NULL);
        if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved_termios) == 0) {
            termios_saved = 1;
            struct termios raw = saved_termios;
            cfmakeraw(&raw);
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw);
            copy_winsize(master);
        }
        relay_pty(master, c.interactive);
        restore_tty();
    }
    int code = wait_exit_status(child_pid);
    if (exit_fd >= 0) write_exit_file(exit_fd, code);
    return code;
}

/*
 * Test probe for berth's seccomp profile (LauncherPrivilegedTest): run inside a container, it makes
 * each system call below once and prints "NAME=ok" or "NAME=E<errno>" per line. Calls are chosen so
 * that none can harm the host even where it succeeds (unconfined), and so that a refusal by the
 * profile (EPERM) can be told from one by the missing capabilities where that matters.
 * Built static by the build (runtime/pom.xml, next to the test classes), else by the test:
 * cc -static -O1 -o probe seccomp-probe.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/kcmp.h>
#include <linux/keyctl.h>
#include <linux/reboot.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/personality.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef AF_VSOCK
#define AF_VSOCK 40
#endif

static void report(const char *name, long r) {
    if (r < 0) printf("%s=E%d\n", name, errno);
    else printf("%s=ok\n", name);
    fflush(stdout);
}

/* A raw clone/clone3 that created a child: the child leaves at once, the parent reaps it. */
static long reap(long r) {
    if (r == 0) _exit(0);
    if (r > 0) waitpid((pid_t) r, NULL, __WALL);
    return r;
}

/* loopback TCP: listen, connect, accept, send and receive four bytes */
static long loopback_tcp(void) {
    int l = socket(AF_INET, SOCK_STREAM, 0);
    if (l < 0) return -1;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof a;
    if (bind(l, (struct sockaddr *) &a, sizeof a) < 0 || listen(l, 1) < 0
        || getsockname(l, (struct sockaddr *) &a, &len) < 0) return -1;
    int c = socket(AF_INET, SOCK_STREAM, 0);
    if (c < 0 || connect(c, (struct sockaddr *) &a, sizeof a) < 0) return -1;
    int s = accept(l, NULL, NULL);
    char buf[4];
    if (s < 0 || write(c, "ping", 4) != 4 || read(s, buf, 4) != 4 || memcmp(buf, "ping", 4) != 0) return -1;
    close(s);
    close(c);
    close(l);
    return 0;
}

int main(void) {
    /* what a program needs: each must be ok */
    report("getpid", getpid());
    report("loopback-tcp", loopback_tcp());
    report("fork", reap(fork()));
    report("personality-query", personality(0xffffffff));
    report("clone-plain", reap(syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0)));
    report("mknod-char", mknod("/tmp/probe-null", S_IFCHR | 0600, makedev(1, 3)));
    unlink("/tmp/probe-null");

    /* refused by Docker's default profile (and most also by the missing capabilities) */
    report("mount", mount("none", "/tmp", "tmpfs", 0, NULL));
    report("umount2", umount2("/proc", MNT_DETACH));
    report("pivot_root", syscall(SYS_pivot_root, ".", "."));
    report("unshare-user", unshare(CLONE_NEWUSER));
    report("unshare-mount", unshare(CLONE_NEWNS));
    report("clone-newuser", reap(syscall(SYS_clone, CLONE_NEWUSER | SIGCHLD, 0, 0, 0, 0)));
    report("clone-newnet", reap(syscall(SYS_clone, CLONE_NEWNET | SIGCHLD, 0, 0, 0, 0)));
    int ns = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
    report("setns", setns(ns, 0));
    close(ns);
    report("reboot", syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_CAD_OFF, 0));
    report("kexec_load", syscall(SYS_kexec_load, 0, 0, NULL, 0));
    report("init_module", syscall(SYS_init_module, NULL, 0, ""));
    report("delete_module", syscall(SYS_delete_module, "berth_probe_none", 0));
    report("add_key", syscall(SYS_add_key, "user", "berth-probe", "x", 1, KEY_SPEC_PROCESS_KEYRING));
    report("keyctl", syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_PROCESS_KEYRING, 0));
    report("bpf", syscall(SYS_bpf, 0xffff, NULL, 0));
    report("perf_event_open", syscall(SYS_perf_event_open, NULL, 0, -1, -1, 0));
    report("swapon", syscall(SYS_swapon, "/berth-probe-none", 0));
    report("open_by_handle_at", syscall(SYS_open_by_handle_at, -1, NULL, 0));
    report("acct", syscall(SYS_acct, NULL));
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    report("clock_settime", syscall(SYS_clock_settime, CLOCK_REALTIME, &now));
    report("iopl", syscall(SYS_iopl, 3));
    report("sethostname", syscall(SYS_sethostname, "probe", 5));
    report("fsopen", syscall(SYS_fsopen, "tmpfs", 0));
    /* refused by the profile although the capabilities would allow them */
    report("clone3", reap(syscall(SYS_clone3, &(struct { uint64_t f[11]; }) {{0, 0, 0, 0, SIGCHLD}}, 88)));
    report("personality-addr-no-randomize", personality(ADDR_NO_RANDOMIZE));
    personality(PER_LINUX);
    report("socket-vsock", socket(AF_VSOCK, SOCK_STREAM, 0));
    report("kcmp", syscall(SYS_kcmp, getpid(), getpid(), KCMP_VM, 0, 0));
    report("get_mempolicy", syscall(SYS_get_mempolicy, NULL, NULL, 0, NULL, 0));
    report("sysfs", syscall(SYS_sysfs, 3));
    report("x32-getpid", syscall(0x40000000 | SYS_getpid));
    return 0;
}

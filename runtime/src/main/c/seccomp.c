/*
 * berth's default seccomp profile: what Docker's default profile (moby profiles/seccomp/default.json)
 * allows a container that has Docker's default capabilities, written out here as a list of x86_64
 * system calls and compiled by hand into a classic BPF program (no libseccomp: one list and a
 * forty-line emitter are less than a library and its build dependency).
 *
 * Semantics, as Docker's:
 *   - an allow-list: a call not named here fails with EPERM (Docker's defaultErrnoRet 1);
 *   - clone is allowed only without namespace flags (CLONE_NEWNS, NEWUTS, NEWIPC, NEWUSER, NEWPID,
 *     NEWNET, NEWCGROUP): Docker's "clone" rule for a container without CAP_SYS_ADMIN;
 *   - clone3 fails with ENOSYS, so that libc falls back to clone, whose flags can be checked (the
 *     clone3 flags are behind a pointer, which seccomp cannot read);
 *   - socket is allowed for every family but AF_VSOCK;
 *   - personality only for PER_LINUX, PER_LINUX32, UNAME26, UNAME26|PER_LINUX32 and the query 0xffffffff;
 *   - ptrace, process_vm_readv and process_vm_writev only on Linux 4.8 or later (before 4.8 a
 *     ptracer could change a traced call after seccomp had checked it);
 *   - chroot, because CAP_SYS_CHROOT is one of Docker's default capabilities; what only other
 *     capabilities would unlock (mount, unshare, setns, bpf, perf_event_open, reboot, the module
 *     calls, ...) stays refused, since berth never grants them.
 * Unlike Docker, which also allows the i386 and x32 ABIs on x86_64, a call made through any ABI but
 * the native x86_64 one (int 0x80, or a number with the x32 bit) fails with EPERM: berth's
 * containers are x86_64 userlands, and two more syscall tables would double what is to review.
 * Built for x86_64 only; elsewhere installing it fails with a message that says so.
 */
#define _GNU_SOURCE
#include "seccomp.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#if defined(__x86_64__)

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/utsname.h>

/* The x86_64 numbers of calls newer than some libc headers still in use (the ABI never renumbers). */
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif
#ifndef SYS_io_uring_setup
#define SYS_io_uring_setup 425
#endif
#ifndef SYS_io_uring_enter
#define SYS_io_uring_enter 426
#endif
#ifndef SYS_io_uring_register
#define SYS_io_uring_register 427
#endif
#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_clone3
#define SYS_clone3 435
#endif
#ifndef SYS_close_range
#define SYS_close_range 436
#endif
#ifndef SYS_openat2
#define SYS_openat2 437
#endif
#ifndef SYS_faccessat2
#define SYS_faccessat2 439
#endif
#ifndef SYS_epoll_pwait2
#define SYS_epoll_pwait2 441
#endif
#ifndef SYS_landlock_create_ruleset
#define SYS_landlock_create_ruleset 444
#endif
#ifndef SYS_landlock_add_rule
#define SYS_landlock_add_rule 445
#endif
#ifndef SYS_landlock_restrict_self
#define SYS_landlock_restrict_self 446
#endif
#ifndef SYS_memfd_secret
#define SYS_memfd_secret 447
#endif
#ifndef SYS_process_mrelease
#define SYS_process_mrelease 448
#endif
#ifndef SYS_futex_waitv
#define SYS_futex_waitv 449
#endif

/* Allowed whatever the arguments (Docker's first, unconditional group, as it exists on x86_64). */
static const unsigned allowed[] = {
    SYS_accept, SYS_accept4, SYS_access, SYS_adjtimex, SYS_alarm, SYS_bind, SYS_brk, SYS_capget,
    SYS_capset, SYS_chdir, SYS_chmod, SYS_chown, SYS_clock_adjtime, SYS_clock_getres, SYS_clock_gettime,
    SYS_clock_nanosleep, SYS_close, SYS_close_range, SYS_connect, SYS_copy_file_range, SYS_creat,
    SYS_dup, SYS_dup2, SYS_dup3, SYS_epoll_create, SYS_epoll_create1, SYS_epoll_ctl, SYS_epoll_ctl_old,
    SYS_epoll_pwait, SYS_epoll_pwait2, SYS_epoll_wait, SYS_epoll_wait_old, SYS_eventfd, SYS_eventfd2,
    SYS_execve, SYS_execveat, SYS_exit, SYS_exit_group, SYS_faccessat, SYS_faccessat2, SYS_fadvise64,
    SYS_fallocate, SYS_fanotify_mark, SYS_fchdir, SYS_fchmod, SYS_fchmodat, SYS_fchown, SYS_fchownat,
    SYS_fcntl, SYS_fdatasync, SYS_fgetxattr, SYS_flistxattr, SYS_flock, SYS_fork, SYS_fremovexattr,
    SYS_fsetxattr, SYS_fstat, SYS_fstatfs, SYS_fsync, SYS_ftruncate, SYS_futex, SYS_futex_waitv,
    SYS_futimesat, SYS_getcpu, SYS_getcwd, SYS_getdents, SYS_getdents64, SYS_getegid, SYS_geteuid,
    SYS_getgid, SYS_getgroups, SYS_getitimer, SYS_getpeername, SYS_getpgid, SYS_getpgrp, SYS_getpid,
    SYS_getppid, SYS_getpriority, SYS_getrandom, SYS_getresgid, SYS_getresuid, SYS_getrlimit,
    SYS_get_robust_list, SYS_getrusage, SYS_getsid, SYS_getsockname, SYS_getsockopt, SYS_get_thread_area,
    SYS_gettid, SYS_gettimeofday, SYS_getuid, SYS_getxattr, SYS_inotify_add_watch, SYS_inotify_init,
    SYS_inotify_init1, SYS_inotify_rm_watch, SYS_io_cancel, SYS_ioctl, SYS_io_destroy, SYS_io_getevents,
    SYS_io_pgetevents, SYS_ioprio_get, SYS_ioprio_set, SYS_io_setup, SYS_io_submit, SYS_io_uring_enter,
    SYS_io_uring_register, SYS_io_uring_setup, SYS_kill, SYS_landlock_add_rule,
    SYS_landlock_create_ruleset, SYS_landlock_restrict_self, SYS_lchown, SYS_lgetxattr, SYS_link,
    SYS_linkat, SYS_listen, SYS_listxattr, SYS_llistxattr, SYS_lremovexattr, SYS_lseek, SYS_lsetxattr,
    SYS_lstat, SYS_madvise, SYS_membarrier, SYS_memfd_create, SYS_memfd_secret, SYS_mincore, SYS_mkdir,
    SYS_mkdirat, SYS_mknod, SYS_mknodat, SYS_mlock, SYS_mlock2, SYS_mlockall, SYS_mmap, SYS_mprotect,
    SYS_mq_getsetattr, SYS_mq_notify, SYS_mq_open, SYS_mq_timedreceive, SYS_mq_timedsend, SYS_mq_unlink,
    SYS_mremap, SYS_msgctl, SYS_msgget, SYS_msgrcv, SYS_msgsnd, SYS_msync, SYS_munlock, SYS_munlockall,
    SYS_munmap, SYS_name_to_handle_at, SYS_nanosleep, SYS_newfstatat, SYS_open, SYS_openat, SYS_openat2,
    SYS_pause, SYS_pidfd_open, SYS_pidfd_send_signal, SYS_pipe, SYS_pipe2, SYS_pkey_alloc, SYS_pkey_free,
    SYS_pkey_mprotect, SYS_poll, SYS_ppoll, SYS_prctl, SYS_pread64, SYS_preadv, SYS_preadv2,
    SYS_prlimit64, SYS_process_mrelease, SYS_pselect6, SYS_pwrite64, SYS_pwritev, SYS_pwritev2, SYS_read,
    SYS_readahead, SYS_readlink, SYS_readlinkat, SYS_readv, SYS_recvfrom, SYS_recvmmsg, SYS_recvmsg,
    SYS_remap_file_pages, SYS_removexattr, SYS_rename, SYS_renameat, SYS_renameat2, SYS_restart_syscall,
    SYS_rmdir, SYS_rseq, SYS_rt_sigaction, SYS_rt_sigpending, SYS_rt_sigprocmask, SYS_rt_sigqueueinfo,
    SYS_rt_sigreturn, SYS_rt_sigsuspend, SYS_rt_sigtimedwait, SYS_rt_tgsigqueueinfo,
    SYS_sched_getaffinity, SYS_sched_getattr, SYS_sched_getparam, SYS_sched_get_priority_max,
    SYS_sched_get_priority_min, SYS_sched_getscheduler, SYS_sched_rr_get_interval,
    SYS_sched_setaffinity, SYS_sched_setattr, SYS_sched_setparam, SYS_sched_setscheduler,
    SYS_sched_yield, SYS_seccomp, SYS_select, SYS_semctl, SYS_semget, SYS_semop, SYS_semtimedop,
    SYS_sendfile, SYS_sendmmsg, SYS_sendmsg, SYS_sendto, SYS_setfsgid, SYS_setfsuid, SYS_setgid,
    SYS_setgroups, SYS_setitimer, SYS_setpgid, SYS_setpriority, SYS_setregid, SYS_setresgid,
    SYS_setresuid, SYS_setreuid, SYS_setrlimit, SYS_set_robust_list, SYS_setsid, SYS_setsockopt,
    SYS_set_thread_area, SYS_set_tid_address, SYS_setuid, SYS_setxattr, SYS_shmat, SYS_shmctl,
    SYS_shmdt, SYS_shmget, SYS_shutdown, SYS_sigaltstack, SYS_signalfd, SYS_signalfd4, SYS_socketpair,
    SYS_splice, SYS_stat, SYS_statfs, SYS_statx, SYS_symlink, SYS_symlinkat, SYS_sync,
    SYS_sync_file_range, SYS_syncfs, SYS_sysinfo, SYS_tee, SYS_tgkill, SYS_time, SYS_timer_create,
    SYS_timer_delete, SYS_timer_getoverrun, SYS_timer_gettime, SYS_timer_settime, SYS_timerfd_create,
    SYS_timerfd_gettime, SYS_timerfd_settime, SYS_times, SYS_tkill, SYS_truncate, SYS_umask, SYS_uname,
    SYS_unlink, SYS_unlinkat, SYS_utime, SYS_utimensat, SYS_utimes, SYS_vfork, SYS_vmsplice, SYS_wait4,
    SYS_waitid, SYS_write, SYS_writev,
    /* x86_64 only in Docker's list (its "amd64" includes) */
    SYS_arch_prctl, SYS_modify_ldt,
    /* CAP_SYS_CHROOT is a default capability, and Docker allows chroot with it */
    SYS_chroot,
};

/* Docker allows these from Linux 4.8 on. */
static const unsigned allowed_since_4_8[] = {SYS_ptrace, SYS_process_vm_readv, SYS_process_vm_writev};

/* The clone flags that make a namespace (Docker's mask 0x7E020000). */
#define CLONE_NAMESPACE_FLAGS 0x7E020000u
#define X32_SYSCALL_BIT 0x40000000u
#define RET_ERRNO(e) (SECCOMP_RET_ERRNO | ((unsigned) (e) & SECCOMP_RET_DATA))
/* The low 32 bits of argument n: x86_64 is little-endian. */
#define ARG_LO(n) ((unsigned) offsetof(struct seccomp_data, args[n]))

#define MAX_INSNS 1024

struct program {
    struct sock_filter insn[MAX_INSNS];
    unsigned short len;
};

static void emit(struct program *p, struct sock_filter f) {
    if (p->len >= MAX_INSNS) abort(); /* a programming error: the list above outgrew MAX_INSNS */
    p->insn[p->len++] = f;
}

static void load_nr(struct program *p) {
    emit(p, (struct sock_filter) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)));
}

/* if nr == n: return ALLOW (two instructions, so no jump ever exceeds BPF's 8-bit offsets) */
static void allow_nr(struct program *p, unsigned n) {
    emit(p, (struct sock_filter) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, n, 0, 1));
    emit(p, (struct sock_filter) BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
}

/* Whether the running kernel is at least major.minor (uname; an unreadable release counts as older). */
static int kernel_at_least(int major, int minor) {
    struct utsname u;
    int ma = 0, mi = 0;
    if (uname(&u) < 0 || sscanf(u.release, "%d.%d", &ma, &mi) != 2) return 0;
    return ma > major || (ma == major && mi >= minor);
}

static void build(struct program *p) {
    p->len = 0;
    /* 1. another ABI (i386 through int 0x80 reports AUDIT_ARCH_I386): refused */
    emit(p, (struct sock_filter) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)));
    emit(p, (struct sock_filter) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0));
    emit(p, (struct sock_filter) BPF_STMT(BPF_RET | BPF_K, RET_ERRNO(EPERM)));
    /* 2. the x32 ABI shares AUDIT_ARCH_X86_64 and sets bit 30 of the number: refused */
    load_nr(p);
    emit(p, (struct sock_filter) BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, X32_SYSCALL_BIT, 0, 1));
    emit(p, (struct sock_filter) BPF_STMT(BPF_RET | BPF_K, RET_ERRNO(EPERM)));
    /* 3. the unconditional allow-list */
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) allow_nr(p, allowed[i]);
    if (kernel_at_least(4, 8))
        for (size_t i = 0; i < sizeof allowed_since_4_8 / sizeof allowed_since_4_8[0]; i++)
            allow_nr(p, allowed_since_4_8[i]);
    /* 4. clone: allowed unless a namespace flag is set (flags are argument 0 on x86_64) */
    emit(p, (struct sock_filter) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone, 0, 4));
    emit(p, (struct sock_filter) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG_LO(0)));
    emit(p, (struct sock_filter) BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_NAMESPACE_FLAGS, 1, 0));
    emit(p, (struct sock_filter) BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
    emit(p, (struct sock_filter) BPF_STMT(BPF_RET | BPF_K, RET_ERRNO(EPERM)));
    /* 5. clone3: ENOSYS, so that libc uses clone (step 4) instead */
    emit(p, (struct sock_filter) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone3, 0, 1));
    emit(p, (struct sock_filter) BPF_STMT(BPF_RET | BPF_K, RET_ERRNO(ENOSYS)));
    /* 6. socket: any family but AF_VSOCK (the kernel reads the family as an int: the low word) */
    emit(p, (struct sock_filter) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_socket, 0, 4));
    emit(p, (struct sock_filter) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG_LO(0)));
    emit(p, (struct sock_filter) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_VSOCK, 0, 1));
    emit(p, (struct sock_filter) BPF_STMT(BPF_RET | BPF_K, RET_ERRNO(EPERM)));
    emit(p, (struct sock_filter) BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
    /* 7. personality: Docker's five values (the kernel reads an unsigned int: the low word) */
    static const unsigned personas[] = {0x0, 0x8, 0x20000, 0x20008, 0xffffffffu};
    const unsigned np = sizeof personas / sizeof personas[0];
    emit(p, (struct sock_filter) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_personality, 0, (unsigned char) (np + 3)));
    emit(p, (struct sock_filter) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG_LO(0)));
    for (unsigned i = 0; i < np; i++) /* a match jumps over the rest and the EPERM to the ALLOW */
        emit(p, (struct sock_filter) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, personas[i], (unsigned char) (np - i), 0));
    emit(p, (struct sock_filter) BPF_STMT(BPF_RET | BPF_K, RET_ERRNO(EPERM)));
    emit(p, (struct sock_filter) BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
    /* 8. everything else */
    emit(p, (struct sock_filter) BPF_STMT(BPF_RET | BPF_K, RET_ERRNO(EPERM)));
}

int seccomp_install_default(char *err, size_t errlen) {
    static struct program prog;
    build(&prog);
    struct sock_fprog fprog = {.len = prog.len, .filter = prog.insn};
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fprog, 0, 0) < 0) {
        snprintf(err, errlen, "cannot install the default seccomp profile: %s%s", strerror(errno),
                 errno == EINVAL ? " (a kernel without CONFIG_SECCOMP_FILTER?)" : "");
        return -1;
    }
    return 0;
}

#else

int seccomp_install_default(char *err, size_t errlen) {
    snprintf(err, errlen, "berth's default seccomp profile is built for x86_64 only");
    return -1;
}

#endif

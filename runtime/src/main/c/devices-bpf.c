/*
 * berth's device allow-list on cgroup v2, which has no devices.allow: the kernel asks a
 * BPF_PROG_TYPE_CGROUP_DEVICE program attached to the cgroup (and to its parents) whether an open
 * or mknod of a device node is allowed. As runc's devicefilter does, the program is generated from
 * the rule list: for each rule, compare the type, the access asked for against the rule's, the
 * major and the minor, and return 1 on a match; after the last rule return 0. Hand-assembled eBPF,
 * no libbpf. The context (struct bpf_cgroup_dev_ctx) holds access_type (access << 16 | type),
 * major and minor.
 */
#define _GNU_SOURCE
#include "devices-bpf.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/bpf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int device_rule_parse(struct device_rule *r, const char *type, const char *major, const char *minor,
                      const char *access, char *err, size_t errlen) {
    if (strcmp(type, "c") && strcmp(type, "b")) {
        snprintf(err, errlen, "device rule type %s is neither c nor b", type);
        return -1;
    }
    r->type = type[0];
    const char *nums[2] = {major, minor};
    long *out[2] = {&r->major, &r->minor};
    for (int i = 0; i < 2; i++) {
        if (!strcmp(nums[i], "*")) {
            *out[i] = -1;
            continue;
        }
        char *end;
        errno = 0;
        long v = strtol(nums[i], &end, 10);
        if (errno || *end || end == nums[i] || v < 0 || v > 0xffffffffL) {
            snprintf(err, errlen, "device number %s is neither a number nor *", nums[i]);
            return -1;
        }
        *out[i] = v;
    }
    r->access = 0;
    for (const char *p = access; *p; p++) {
        if (*p == 'r') r->access |= BPF_DEVCG_ACC_READ;
        else if (*p == 'w') r->access |= BPF_DEVCG_ACC_WRITE;
        else if (*p == 'm') r->access |= BPF_DEVCG_ACC_MKNOD;
        else {
            snprintf(err, errlen, "device access %s is not a subset of rwm", access);
            return -1;
        }
    }
    if (r->access == 0) {
        snprintf(err, errlen, "device rule without access");
        return -1;
    }
    return 0;
}

#define MAX_INSNS 512

struct program {
    struct bpf_insn insn[MAX_INSNS];
    int len;
};

static void emit(struct program *p, struct bpf_insn i) {
    if (p->len >= MAX_INSNS) abort(); /* berth sends a dozen rules; a thousand would be a bug */
    p->insn[p->len++] = i;
}

static struct bpf_insn insn(unsigned char code, unsigned char dst, unsigned char src, short off, int imm) {
    struct bpf_insn i;
    memset(&i, 0, sizeof i);
    i.code = code;
    i.dst_reg = dst;
    i.src_reg = src;
    i.off = off;
    i.imm = imm;
    return i;
}

/*
 * Registers: r2 access asked for, r3 device type, r4 major, r5 minor (32-bit loads from the
 * context in r1), r1 scratch once they are loaded, r0 the verdict.
 */
static void build(struct program *p, const struct device_rule *rules, size_t n) {
    p->len = 0;
    emit(p, insn(BPF_LDX | BPF_MEM | BPF_W, BPF_REG_2, BPF_REG_1, offsetof(struct bpf_cgroup_dev_ctx, access_type), 0));
    emit(p, insn(BPF_ALU | BPF_MOV | BPF_X, BPF_REG_3, BPF_REG_2, 0, 0));
    emit(p, insn(BPF_ALU | BPF_AND | BPF_K, BPF_REG_3, 0, 0, 0xffff));
    emit(p, insn(BPF_ALU | BPF_RSH | BPF_K, BPF_REG_2, 0, 0, 16));
    emit(p, insn(BPF_LDX | BPF_MEM | BPF_W, BPF_REG_4, BPF_REG_1, offsetof(struct bpf_cgroup_dev_ctx, major), 0));
    emit(p, insn(BPF_LDX | BPF_MEM | BPF_W, BPF_REG_5, BPF_REG_1, offsetof(struct bpf_cgroup_dev_ctx, minor), 0));
    for (size_t i = 0; i < n; i++) {
        const struct device_rule *r = &rules[i];
        /*
         * The rule's instructions: type test, access test (3), major and minor tests where the rule
         * names them, then r0 = 1 and exit. A failed test jumps to the next rule, which starts
         * `total` instructions after this rule's first: from instruction i of the rule that is an
         * offset of total - i - 1 (eBPF jumps count from the next instruction).
         */
        int total = 4 + (r->major >= 0) + (r->minor >= 0) + 2;
        int i0 = p->len;
#define TO_NEXT ((short) (total - (p->len - i0) - 1))
        int type = r->type == 'b' ? BPF_DEVCG_DEV_BLOCK : BPF_DEVCG_DEV_CHAR;
        emit(p, insn(BPF_JMP | BPF_JNE | BPF_K, BPF_REG_3, 0, TO_NEXT, type));
        /* the access asked for must be within the rule's: (asked & ~allowed) == 0 */
        emit(p, insn(BPF_ALU | BPF_MOV | BPF_X, BPF_REG_1, BPF_REG_2, 0, 0));
        emit(p, insn(BPF_ALU | BPF_AND | BPF_K, BPF_REG_1, 0, 0, (int) (~r->access & 0xffff)));
        emit(p, insn(BPF_JMP | BPF_JNE | BPF_K, BPF_REG_1, 0, TO_NEXT, 0));
        if (r->major >= 0) emit(p, insn(BPF_JMP | BPF_JNE | BPF_K, BPF_REG_4, 0, TO_NEXT, (int) r->major));
        if (r->minor >= 0) emit(p, insn(BPF_JMP | BPF_JNE | BPF_K, BPF_REG_5, 0, TO_NEXT, (int) r->minor));
#undef TO_NEXT
        emit(p, insn(BPF_ALU64 | BPF_MOV | BPF_K, BPF_REG_0, 0, 0, 1));
        emit(p, insn(BPF_JMP | BPF_EXIT, 0, 0, 0, 0));
    }
    emit(p, insn(BPF_ALU64 | BPF_MOV | BPF_K, BPF_REG_0, 0, 0, 0));
    emit(p, insn(BPF_JMP | BPF_EXIT, 0, 0, 0, 0));
}

int devices_bpf_attach(const char *cgroup_dir, const struct device_rule *rules, size_t n, char *err, size_t errlen) {
    static struct program prog;
    static char log[4096];
    build(&prog, rules, n);
    union bpf_attr load;
    memset(&load, 0, sizeof load);
    load.prog_type = BPF_PROG_TYPE_CGROUP_DEVICE;
    load.insns = (unsigned long) prog.insn;
    load.insn_cnt = (unsigned) prog.len;
    load.license = (unsigned long) "Apache-2.0";
    int prog_fd = (int) syscall(SYS_bpf, BPF_PROG_LOAD, &load, sizeof load);
    if (prog_fd < 0) {
        /* again with the verifier's log, for the reason (with a log, a buffer too small is ENOSPC) */
        int first = errno;
        load.log_buf = (unsigned long) log;
        load.log_size = sizeof log;
        load.log_level = 1;
        int again = (int) syscall(SYS_bpf, BPF_PROG_LOAD, &load, sizeof load);
        if (again >= 0) close(again);
        if (again >= 0 || errno == ENOSPC) log[0] = '\0';
        /* the verifier's last lines say why; keep the message on one line */
        for (char *c = log; *c; c++) if (*c == '\n') *c = ' ';
        size_t len = strlen(log);
        snprintf(err, errlen, "cannot load the device allow-list program: %s%s%s", strerror(first),
                 log[0] ? ": " : "", log + (len > 200 ? len - 200 : 0));
        return -1;
    }
    int cg = open(cgroup_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (cg < 0) {
        snprintf(err, errlen, "cannot open %s: %s", cgroup_dir, strerror(errno));
        close(prog_fd);
        return -1;
    }
    union bpf_attr attach;
    memset(&attach, 0, sizeof attach);
    attach.target_fd = (unsigned) cg;
    attach.attach_bpf_fd = (unsigned) prog_fd;
    attach.attach_type = BPF_CGROUP_DEVICE;
    attach.attach_flags = BPF_F_ALLOW_MULTI;
    int rc = (int) syscall(SYS_bpf, BPF_PROG_ATTACH, &attach, sizeof attach);
    int e = errno;
    close(cg);
    close(prog_fd); /* the attachment keeps the program */
    if (rc < 0) {
        snprintf(err, errlen, "cannot attach the device allow-list program to %s: %s", cgroup_dir, strerror(e));
        return -1;
    }
    return 0;
}

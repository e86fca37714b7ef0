/*
 * The device allow-list on cgroup v2: a BPF_PROG_TYPE_CGROUP_DEVICE program, built in code from
 * the rules berth sends, attached to the container's cgroup2 directory. See devices-bpf.c.
 */
#ifndef BERTH_DEVICES_BPF_H
#define BERTH_DEVICES_BPF_H

#include <stddef.h>

/* One rule, as v1 devices.allow writes it: type 'c' or 'b', major/minor -1 for any, access "rwm" subset. */
struct device_rule {
    char type;
    long major, minor;
    unsigned access; /* BPF_DEVCG_ACC_* bits */
};

/* Parses "c" / "b", "N" / "*" and an access string; 0, or -1 with a reason in err. */
int device_rule_parse(struct device_rule *r, const char *type, const char *major, const char *minor,
                      const char *access, char *err, size_t errlen);

/*
 * Loads a program allowing exactly the rules (everything else refused) and attaches it to the cgroup2
 * directory cgroup_dir with BPF_F_ALLOW_MULTI, so that programs of the parents still apply as well.
 * The attachment lives as long as the cgroup. Returns 0, or -1 with a one-line reason in err.
 */
int devices_bpf_attach(const char *cgroup_dir, const struct device_rule *rules, size_t n, char *err, size_t errlen);

#endif

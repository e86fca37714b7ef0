/*
 * berth's default seccomp profile: Docker's default allow-list, as a classic BPF program built
 * in code (no libseccomp). See seccomp.c.
 */
#ifndef BERTH_SECCOMP_H
#define BERTH_SECCOMP_H

#include <stddef.h>

/*
 * Installs the default profile on the calling thread (and everything it execs or forks). Needs
 * no_new_privs set first (or CAP_SYS_ADMIN). Returns 0, or -1 with a one-line reason in err.
 */
int seccomp_install_default(char *err, size_t errlen);

#endif

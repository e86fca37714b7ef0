/**
 * Starting containers and joining them.
 *
 * <pre>
 *  berth run ──► Launcher.start(LaunchSpec)
 *                 1 SpecValidator (named checks)      nothing created yet
 *                 2 ImageStore: directory or archive  shared base, a cache
 *                 3 StateStore.create                 reserves the name      ┐
 *                 4 CgroupFs.create, device allow-list (v1), apply(limits)   │ Rollback undoes
 *                 5 HelperSession: spawn berth-helper, send config           │ these, newest
 *                     helper attaches the device BPF program (cgroup2),      │ first, on any
 *                     clones the container process (new namespaces),         │ failure
 *                     which blocks on a pipe ◄── "PID n"                      │
 *                 6 Cgroup.addProcess(n); veth into n's netns                ┘
 *                 7 "GO" ──► container mounts, pivot_root, drops privileges,
 *                     installs the seccomp profile, execs
 *                     ◄── "OK" (CLOEXEC error pipe closed) or "ERR reason"
 * </pre>
 *
 * The C helper ({@code runtime/src/main/c/berth-helper.c}) does only what a multi-threaded JVM
 * cannot: namespaces, mounts, pivot_root, capabilities, seccomp, bpf, setns, the pty. {@link
 * dev.berth.runtime.launch.Execer} runs {@code berth exec} the same way, with setns instead of new
 * namespaces.
 */
package dev.berth.runtime.launch;

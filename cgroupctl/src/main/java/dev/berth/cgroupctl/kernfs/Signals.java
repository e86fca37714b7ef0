package dev.berth.cgroupctl.kernfs;

import java.util.Collection;

/** Sends SIGKILL with the JDK's {@link ProcessHandle}, refusing to touch the calling JVM. */
public final class Signals {
    private Signals() {
    }

    /**
     * @param pids members of a cgroup
     * @return true if the calling JVM is one of them
     */
    public static boolean includesSelf(Collection<Long> pids) {
        return pids.contains(ProcessHandle.current().pid());
    }

    /**
     * Sends SIGKILL to each process. {@code destroyForcibly()} is SIGKILL on Linux and checks the process start
     * time, so a pid reused since the list was read is not hit. Processes already gone are skipped.
     *
     * @param pids the processes; must not include the calling JVM
     */
    public static void sigkill(Collection<Long> pids) {
        long self = ProcessHandle.current().pid();
        for (long pid : pids) {
            if (pid != self) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }
}

package dev.berth.runtime.launch;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.runtime.state.ContainerRecord;
import dev.berth.runtime.state.CorruptStateException;
import dev.berth.runtime.state.StateStore;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * A container whose command is running. For a foreground container, {@link #waitForExit} waits
 * for it, records the exit and removes its cgroup; a detached one is watched by its helper, which
 * writes {@value StateStore#EXIT_STATUS_FILE} when it exits.
 */
public final class RunningContainer {
    private final ContainerRecord record;
    private final HelperSession session;
    private final CgroupFs cgroups;
    private final StateStore store;
    private final InstantSource clock;
    private final boolean autoRemove;
    private final List<String> warnings;

    RunningContainer(ContainerRecord record, HelperSession session, CgroupFs cgroups, StateStore store,
            InstantSource clock, boolean autoRemove, List<String> warnings) {
        this.record = record;
        this.session = session;
        this.cgroups = cgroups;
        this.store = store;
        this.clock = clock;
        this.autoRemove = autoRemove;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * What the start could not do and did not refuse to start without, one line each (the device allow-list on
     * cgroup v2): a front end shows each as a warning.
     */
    public List<String> warnings() {
        return warnings;
    }

    /** The state as recorded when the command started. */
    public ContainerRecord record() {
        return record;
    }

    /** The helper process (the container init's parent). */
    public ProcessHandle helper() {
        return session.process().toHandle();
    }

    /**
     * Waits for the container's init to exit and returns its status (128+N when killed by signal
     * N), as the helper reports it through its own exit status. Afterwards the container is
     * recorded {@code exited}, its cgroup is removed, and with {@code --rm} its state too.
     */
    public int waitForExit() throws InterruptedException {
        int code;
        try {
            code = session.process().waitFor();
        } finally {
            session.close();
        }
        cleanUp(code);
        return code;
    }

    /**
     * Kills every process of the container if its helper has not exited {@code grace} after now.
     * For a foreground run that berth was told to end (SIGTERM, SIGHUP) after the signal was passed
     * on: the container's init is pid 1 of its namespace, and pid 1 ignores every signal it has no
     * handler for, so a {@code sleep 600} kept berth (and the session that hung up) waiting for ten
     * minutes. Returns at once; the wait runs on a daemon thread.
     */
    public void killAfter(Duration grace) {
        Thread t = new Thread(() -> {
            try {
                if (session.process().waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
                cgroups.cgroup(record.cgroupPath()).killAll(Launcher.KILL_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (CgroupException e) {
                // the container went meanwhile, or cannot be killed: waitForExit reports what happens
            }
        }, "berth-kill-after-" + record.name());
        t.setDaemon(true);
        t.start();
    }

    private void cleanUp(int code) {
        try {
            Launcher.removeCgroup(cgroups, record.cgroupPath());
        } catch (CgroupException e) {
            // left for berth rm, which removes leftovers; the exit status still gets recorded
        }
        try {
            if (autoRemove) {
                store.delete(record.name());
            } else {
                store.update(record.name(), r -> r.exited(code, clock.instant()));
            }
        } catch (IOException | CorruptStateException e) {
            // nothing to roll back: reconcile will mark it exited
        }
    }
}

package dev.berth.runtime.state;

import dev.berth.runtime.rootfs.ImageStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings the state store in line with the processes that really exist, when berth starts (and
 * removes what crashed berths left: stale {@code .tmp-*} state directories, and archive unpacks
 * under {@code .images/} whose berth is gone): a
 * container recorded as created or running whose init process is gone (or whose pid now belongs
 * to another process) becomes {@code exited}. Its cgroup, overlay upper dir and state stay until
 * {@code berth rm}, as with Docker, so that its logs and exit code can still be read. The exit
 * code is the one its monitor left in {@link StateStore#EXIT_STATUS_FILE}, or unknown (null).
 *
 * <p>A container that is {@code created} without a pid is being launched by another berth right
 * now, unless it is older than {@link #STARTING_GRACE}: the launcher records the pid within
 * milliseconds of writing the state, so after the grace period the launcher must have died.
 */
public final class StateReconciler {
    /** How long a created container without a pid is taken to be starting. */
    public static final Duration STARTING_GRACE = Duration.ofSeconds(60);
    /** Where {@link ImageStore} unpacks archives, below the state dir. */
    public static final String IMAGES_DIR = ".images";

    private final StateStore store;
    private final ProcessProbe processes;
    private final InstantSource clock;

    public StateReconciler(StateStore store, ProcessProbe processes, InstantSource clock) {
        this.store = store;
        this.processes = processes;
        this.clock = clock;
    }

    /**
     * Marks dead containers exited and removes stale temporaries.
     *
     * @return the records that changed, as written
     */
    public List<ContainerRecord> reconcile() throws IOException {
        Instant now = clock.instant();
        store.removeStaleTemporaries(now.toEpochMilli(), STARTING_GRACE.toMillis(), this::isRunning);
        new ImageStore(store.dir().resolve(IMAGES_DIR)).removeAbandonedUnpacks(this::isRunning);
        List<ContainerRecord> changed = new ArrayList<>();
        for (ContainerRecord r : store.list().records()) {
            if (!r.isActive() && r.exitCode() == null && store.readExitStatus(r.name()).isPresent()) {
                // exited before its monitor had written the status; it has now
                Integer late = store.readExitStatus(r.name()).get();
                try {
                    store.update(r.name(), cur -> cur.exitCode() == null ? cur.exited(late, now) : cur)
                            .ifPresent(changed::add);
                } catch (CorruptStateException e) {
                    // see below
                }
            } else if (r.isActive() && isDead(r, now)) {
                try {
                    Integer code = store.readExitStatus(r.name()).orElse(null);
                    store.update(r.name(), cur -> cur.isActive() && isDeadUnchecked(cur, now) ? cur.exited(code, now) : cur)
                            .filter(w -> w.status() == ContainerStatus.EXITED)
                            .ifPresent(changed::add);
                } catch (CorruptStateException e) {
                    // it was readable a moment ago; someone rewrote it badly. list() will report it.
                }
            }
        }
        return List.copyOf(changed);
    }

    /** Whether the record's init process is gone (see the class comment for a pid-less record). */
    public boolean isDead(ContainerRecord r, Instant now) throws IOException {
        if (!r.isActive()) {
            return true;
        }
        if (r.pid() == null) {
            return r.createdAt().plus(STARTING_GRACE).isBefore(now);
        }
        return !processes.isAlive(r.pid(), r.pidStartTime());
    }

    private boolean isRunning(long pid) {
        try {
            return processes.stat(pid).map(st -> st.state() != 'Z').orElse(false);
        } catch (IOException e) {
            return true; // cannot tell: keep its files
        }
    }

    private boolean isDeadUnchecked(ContainerRecord r, Instant now) {
        try {
            return isDead(r, now);
        } catch (IOException e) {
            return false; // cannot tell: leave it as it is
        }
    }
}

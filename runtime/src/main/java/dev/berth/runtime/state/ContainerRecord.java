package dev.berth.runtime.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.berth.runtime.ContainerId;
import dev.berth.runtime.ContainerName;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything berth knows about one of its own containers; one {@code state.json} per container
 * (format: see {@link StateStore}). Immutable: every change is a new record written atomically.
 *
 * <p>Nullable components are documented as such; a null means "not known (yet)", never zero.
 *
 * @param name the container's unique name
 * @param id the container's id
 * @param spec what it was started with
 * @param pid host pid of the container's init process, or null before the helper was spawned
 * @param pidStartTime start time of {@code pid} in clock ticks since boot (field 22 of
 *     {@code /proc/<pid>/stat}), or null; it tells the container's process from an unrelated one
 *     that reused the pid after a reboot-less restart of berth
 * @param cgroupPath the "/"-rooted cgroup path, the same in every hierarchy (e.g. {@code /berth/web})
 * @param status created, running or exited
 * @param exitCode the init process's exit status (128+N when killed by signal N), or null when
 *     not known (still running, or it died while nobody was waiting for it)
 * @param createdAt when the state was first written
 * @param startedAt when the user command was started, or null
 * @param finishedAt when the container was seen exited, or null
 * @param rootfs the root directory the container pivots into (the unpacked base or the overlay
 *     mount point)
 * @param upperDir the overlay upper layer, removed by {@code rm}, or null without {@code --overlay}
 * @param workDir the overlay work dir, removed by {@code rm}, or null without {@code --overlay}
 * @param logPath where a detached container's output goes: {@code <state dir>/<name>/output.log}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerRecord(
        ContainerName name,
        ContainerId id,
        SpecSummary spec,
        Long pid,
        Long pidStartTime,
        String cgroupPath,
        ContainerStatus status,
        Integer exitCode,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Path rootfs,
        Path upperDir,
        Path workDir,
        Path logPath) {

    public ContainerRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(cgroupPath, "cgroupPath");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(logPath, "logPath");
        if (!cgroupPath.startsWith("/") || cgroupPath.equals("/")) {
            throw new IllegalArgumentException("cgroup path must be \"/\"-rooted and not the root: " + cgroupPath);
        }
    }

    /** A new record in state {@code created}, with no pid yet. */
    public static ContainerRecord created(ContainerName name, ContainerId id, SpecSummary spec, String cgroupPath,
            Instant now, Path rootfs, Path upperDir, Path workDir, Path logPath) {
        return new ContainerRecord(name, id, spec, null, null, cgroupPath, ContainerStatus.CREATED, null,
                now, null, null, rootfs, upperDir, workDir, logPath);
    }

    /** This record with the init process's pid and its start time (see {@link ProcessProbe#startTime}). */
    public ContainerRecord withPid(long newPid, Long newPidStartTime) {
        return new ContainerRecord(name, id, spec, newPid, newPidStartTime, cgroupPath, status, exitCode,
                createdAt, startedAt, finishedAt, rootfs, upperDir, workDir, logPath);
    }

    /** This record in state {@code running}, started at {@code when}. */
    public ContainerRecord running(Instant when) {
        return new ContainerRecord(name, id, spec, pid, pidStartTime, cgroupPath, ContainerStatus.RUNNING, null,
                createdAt, when, null, rootfs, upperDir, workDir, logPath);
    }

    /**
     * This record in state {@code exited}. An exit code already recorded is kept when
     * {@code code} is null: whoever waited for the process knew better than whoever noticed later.
     */
    public ContainerRecord exited(Integer code, Instant when) {
        Integer keep = code != null ? code : exitCode;
        Instant finished = status == ContainerStatus.EXITED && finishedAt != null ? finishedAt : when;
        return new ContainerRecord(name, id, spec, pid, pidStartTime, cgroupPath, ContainerStatus.EXITED, keep,
                createdAt, startedAt, finished, rootfs, upperDir, workDir, logPath);
    }

    /** This record with another spec summary (e.g. after {@code berth set} changed limits). */
    public ContainerRecord withSpec(SpecSummary newSpec) {
        return new ContainerRecord(name, id, newSpec, pid, pidStartTime, cgroupPath, status, exitCode,
                createdAt, startedAt, finishedAt, rootfs, upperDir, workDir, logPath);
    }

    /** Whether the record says the container may have live processes (created or running). */
    @JsonIgnore
    public boolean isActive() {
        return status != ContainerStatus.EXITED;
    }
}

package dev.berth.runtime.launch;

import java.util.List;
import java.util.Optional;

/**
 * What {@code berth exec} was asked for.
 *
 * @param command the command and its arguments
 * @param tty whether to give it a pty
 * @param interactive whether to keep stdin attached
 * @param env {@code K=V} entries over the container's own environment
 * @param workdir working directory; empty for the container's
 * @param user {@code UID[:GID]} or names; empty for the container's user
 */
public record ExecSpec(List<String> command, boolean tty, boolean interactive, List<String> env,
        Optional<String> workdir, Optional<String> user) {
    public ExecSpec {
        command = List.copyOf(command);
        env = List.copyOf(env);
    }
}

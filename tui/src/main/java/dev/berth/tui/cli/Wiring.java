package dev.berth.tui.cli;

import dev.berth.history.event.EventJournal;
import dev.berth.ops.ActionListener;
import dev.berth.ops.Containers;
import dev.berth.ops.Host;
import dev.berth.ops.HostConfig;
import dev.berth.ops.OpsException;
import java.time.Duration;

/**
 * The CLI's one wiring: the global options ({@code --procfs}, {@code --sysfs}, {@code --state-dir},
 * {@code --cgroup-parent}, in either position) become one {@link Host}; its verbs' errors become
 * {@link UserDataException} (exit 1). Every command and the console open the host here.
 */
final class Wiring {
    private Wiring() {
    }

    /**
     * The host the options name. {@code runtime} is the command's own mixin; an option not given there is taken
     * from the root's ({@code berth --state-dir X run} means {@code berth run --state-dir X}).
     */
    static Host host(RootOptions root, RuntimeOptions runtime) {
        return Host.open(new HostConfig(root.procfs, root.sysfs, runtime.config(root.runtime)), listener(root));
    }

    /** Where the verbs report their actions: the history store's journal. */
    private static ActionListener listener(RootOptions root) {
        return new AuditJournal(new EventJournal(HistoryOptions.defaultDir(root.env)), "cli",
                w -> System.err.println("berth: warning: " + w));
    }

    /** The host's container verbs. */
    static Containers containers(Host host) {
        return map(host::containers);
    }

    /** A verb's call. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws OpsException;
    }

    /** Runs {@code call}, its {@link OpsException} as a {@link UserDataException} (exit 1). */
    static <T> T map(Call<T> call) {
        try {
            return call.run();
        } catch (OpsException e) {
            throw new UserDataException(e.getMessage(), e);
        }
    }

    /** Sleeps, turning an interrupt into a clean stop of the command. */
    static boolean sleep(Duration d) {
        try {
            Thread.sleep(Math.max(0, d.toMillis()));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

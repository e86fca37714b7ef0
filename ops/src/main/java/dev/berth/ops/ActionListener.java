package dev.berth.ops;

/**
 * Told of every control action a verb of {@link Containers} takes (set, freeze, thaw, kill, stop, rm, launch),
 * once the action is over, whether it succeeded or not: the hook for an audit journal. The default,
 * {@link #NONE}, does nothing; {@code Host.open} takes another.
 *
 * <p>Called on the thread that ran the verb, after the action, never while a cgroup is half-written. A
 * listener must not throw: an exception it throws is dropped (an audit failure must not turn a done action
 * into a reported failure, nor hide the action's own error). It should return quickly (the console's actions
 * run on a worker thread, the CLI is waiting to exit).
 */
@FunctionalInterface
public interface ActionListener {
    /** Does nothing. */
    ActionListener NONE = event -> { };

    /** One action, done or failed. */
    void actionTaken(ActionEvent event);
}

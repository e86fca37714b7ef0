package dev.berth.runtime.launch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Undo actions of a start in progress, run newest first when the start fails, so that a failed
 * start leaves no cgroup, veth, state entry or process behind. An undo that fails does not stop
 * the others; its message is reported with the original error.
 */
final class Rollback {
    /** One undo step. */
    interface Step {
        void undo() throws Exception;
    }

    private record Named(String what, Step step) {
    }

    private final Deque<Named> steps = new ArrayDeque<>();

    void push(String what, Step step) {
        steps.push(new Named(what, step));
    }

    /** Runs every step; returns the failures, described, in the order they happened. */
    List<String> run() {
        List<String> failures = new ArrayList<>();
        while (!steps.isEmpty()) {
            Named n = steps.pop();
            try {
                n.step().undo();
            } catch (Exception e) {
                failures.add("cannot " + n.what() + ": " + e.getMessage());
            }
        }
        return failures;
    }

    /** Runs every step and returns {@code cause} with any cleanup failure added to its message. */
    LaunchException unwind(LaunchException cause) {
        List<String> failures = run();
        if (failures.isEmpty()) {
            return cause;
        }
        LaunchException e = new LaunchException(cause.getMessage() + " (and while cleaning up: "
                + String.join("; ", failures) + ")", cause);
        return e;
    }

    /** Forgets every step: the start succeeded. */
    void commit() {
        steps.clear();
    }
}

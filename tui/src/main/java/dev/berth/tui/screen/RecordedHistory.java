package dev.berth.tui.screen;

import dev.berth.tui.view.ContainerRow;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * What a recorder stored of one container, for the live console's detail graphs, so that they are not empty after
 * the console (re)starts. Implementations read the history store and derive rows with the live view's code;
 * called off the UI thread.
 */
public interface RecordedHistory {
    /**
     * The container's rows derived from the samples recorded in {@code [from, to)}, oldest first: each with the
     * rates of the period since the sample before it (empty for the first).
     *
     * @param cgroup the container's cgroup path ({@link ContainerRow#id()})
     * @throws IOException when the store cannot be read
     */
    List<Point> rows(String cgroup, Instant from, Instant to) throws IOException;

    /**
     * One row at the time of its recorded sample.
     *
     * @param at  when the sample was taken
     * @param row what the table would have shown then
     */
    record Point(Instant at, ContainerRow row) {
    }
}

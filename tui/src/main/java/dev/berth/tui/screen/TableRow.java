package dev.berth.tui.screen;

import dev.berth.tui.view.ContainerRow;
import java.util.Optional;

/**
 * One line of the container table as shown: a container, or in tree view a cgroup that only
 * groups containers below it.
 *
 * @param key selection key: the container id, or the cgroup path of a grouping row
 * @param label text of the NAME cell (tree prefix included)
 * @param container the container, empty for a grouping row
 */
public record TableRow(String key, String label, Optional<ContainerRow> container) {
}

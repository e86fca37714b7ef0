package dev.berth.tui.sample;

import dev.berth.collectors.ContainerModel;
import dev.berth.collectors.ContainerSample;
import dev.berth.history.store.StoreReader;
import dev.berth.tui.screen.RecordedHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The history store as the live console's {@link RecordedHistory}: one container's recorded samples, each derived
 * against the one before with {@link ContainerModel#derive} and mapped to a row as the live console maps its own
 * (so recorded and live points are the same maths). A store that does not exist has no rows; damaged records are
 * skipped by the reader (a gap in the graph). Thread-safe: each call reads with its own reader.
 */
public final class StoreHistory implements RecordedHistory {
    private final Path store;

    /** Over the store in {@code store} (which may not exist). */
    public StoreHistory(Path store) {
        this.store = store;
    }

    @Override
    public List<Point> rows(String cgroup, Instant from, Instant to) throws IOException {
        if (!Files.isDirectory(store)) {
            return List.of();
        }
        List<Point> out = new ArrayList<>();
        ContainerSample[] previous = {null};
        new StoreReader(store, warning -> { }).frames(from, to, id -> id.cgroup().equals(cgroup), f -> {
            for (ContainerSample c : f.containers()) {
                if (c.identity().cgroup().equals(cgroup)) {
                    ContainerModel m = ContainerModel.derive(Optional.ofNullable(previous[0]), c);
                    out.add(new Point(f.at(), CollectorSource.row(m)));
                    previous[0] = c;
                }
            }
        });
        return out;
    }
}

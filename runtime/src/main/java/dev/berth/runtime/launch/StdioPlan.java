package dev.berth.runtime.launch;

import java.io.File;
import java.nio.file.Path;

/**
 * Where the helper's (and so the container's) stdio goes.
 *
 * <p>Foreground: the user's terminal, with stdin only when asked for ({@code -i}), as
 * {@code docker run} does; detached: stdin from /dev/null and both output streams appended to the
 * container's log file, which {@code berth logs} reads.
 */
public sealed interface StdioPlan {
    /** The helper's stdio is berth's own; stdin is /dev/null unless {@code interactive}. */
    record Attached(boolean interactive) implements StdioPlan {
    }

    /** stdin /dev/null; stdout and stderr appended to {@code log}. */
    record Detached(Path log) implements StdioPlan {
    }

    /** Applies the plan to the helper's process builder. */
    default void applyTo(ProcessBuilder pb) {
        File devNull = new File("/dev/null");
        if (this instanceof Attached a) {
            pb.redirectInput(a.interactive() ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.from(devNull));
            pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        } else if (this instanceof Detached d) {
            pb.redirectInput(ProcessBuilder.Redirect.from(devNull));
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(d.log().toFile()));
            pb.redirectErrorStream(true);
        }
    }
}

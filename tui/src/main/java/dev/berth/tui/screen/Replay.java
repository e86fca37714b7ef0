package dev.berth.tui.screen;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * The controls of a console replaying recorded history ({@code berth replay}), called on the UI thread; the
 * source moves its position, the next sample shows it. Implementations are thread-safe (the sampler thread reads
 * the position).
 */
public interface Replay {
    /** Moves {@code frames} recorded samples forward (negative: back). */
    void step(int frames);

    /** Moves by {@code d} (negative: back), to the nearest recorded sample. */
    void jump(Duration d);

    /** Moves to the first sample at or after {@code t} on the current sample's day, in the display zone. */
    void jumpTo(LocalTime t);

    /** Pauses or resumes playback (one recorded sample per console interval). */
    void togglePause();

    /** The header's banner: "REPLAY", the sample's date, time and offset, and "paused" when paused. */
    String banner();

    /** The events recorded between the previous sample shown and this one, one line each, to show on arrival. */
    List<String> newEvents();

    /** The samples held around the position, the position and the control events among them; empty before any. */
    java.util.Optional<Timeline> timeline();

    /**
     * Every event of one container (control actions, appearing, disappearing) recorded up to the sample shown,
     * oldest first, one line each as {@code berth history --events} prints it.
     *
     * @param cgroup the container's cgroup path: an event of that cgroup is its
     * @param name   its name: an event with no cgroup (an action that failed before resolving one) of that name
     *               is its too
     */
    List<String> eventsOf(String cgroup, String name);
}

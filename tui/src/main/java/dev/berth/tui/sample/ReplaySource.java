package dev.berth.tui.sample;

import dev.berth.cgroupctl.Limit;
import dev.berth.collectors.ContainerModel;
import dev.berth.collectors.ContainerSample;
import dev.berth.collectors.ContainerState;
import dev.berth.collectors.HostModel;
import dev.berth.history.event.Event;
import dev.berth.history.report.ReportFormat;
import dev.berth.history.store.Frame;
import dev.berth.history.store.StoreReader;
import dev.berth.ops.CurrentLimits;
import dev.berth.tui.screen.Replay;
import dev.berth.tui.screen.Timeline;
import dev.berth.tui.view.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The {@link SnapshotSource} of {@code berth replay}: recorded frames instead of a live collector. Each snapshot
 * derives its rates from the frame shown and the one before it with the collectors' {@link HostModel#derive} and
 * {@link ContainerModel#derive}, the live view's code, and maps them with the live console's mapping. Frames are
 * read from the store a window at a time around the position. Thread-safe: the sampler thread samples, the UI
 * thread moves the position.
 */
public final class ReplaySource implements SnapshotSource, Replay {
    /** How much history is held in memory around the position. */
    static final Duration WINDOW = Duration.ofHours(1);
    private static final DateTimeFormatter BANNER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx",
            Locale.ROOT);

    private final StoreReader reader;
    private final ZoneId zone;
    private final String hostname;
    private final List<Event> events;
    private List<Frame> window = List.of();
    private int pos;
    private boolean paused;
    private boolean moved = true;
    private Instant lastShown;
    private List<String> arrived = List.of();
    private SampleRequest lastRequest;
    private final Duration interval;
    private final InstantSource clock;
    /** When playing last moved the position, or the user did; null before the first sample. */
    private Instant lastMoveAt;

    /**
     * @param reader   the store
     * @param from     the first sample to show: the first at or after this instant
     * @param zone     the display zone
     * @param hostname the host name for the header
     * @param events   the store's events (and the journal's), in time order
     * @param interval the console's interval: while playing, one recorded sample per interval
     * @param clock    the console's clock, which says when an interval has passed
     * @throws IOException when the store cannot be read
     */
    public ReplaySource(StoreReader reader, Instant from, ZoneId zone, String hostname, List<Event> events,
            Duration interval, InstantSource clock) throws IOException {
        this.reader = reader;
        this.zone = zone;
        this.hostname = hostname;
        this.events = List.copyOf(events);
        this.interval = interval;
        this.clock = clock;
        load(from);
    }

    /** Whether there is anything to replay at or after the starting point. */
    public synchronized boolean isEmpty() {
        return window.isEmpty();
    }

    /** Reads the window of frames starting one frame before {@code at} (for the first rates) and moves there. */
    private void load(Instant at) throws IOException {
        List<Frame> before = reader.frames(at.minus(WINDOW), at);
        List<Frame> after = reader.frames(at, at.plus(WINDOW));
        if (after.isEmpty() && before.isEmpty()) {
            return;
        }
        List<Frame> w = new ArrayList<>();
        if (!before.isEmpty()) {
            w.addAll(before.subList(Math.max(0, before.size() - 60), before.size()));
        }
        int start = w.size();
        w.addAll(after);
        window = w;
        pos = after.isEmpty() ? w.size() - 1 : start;
    }

    private void moveTo(Instant t) {
        try {
            load(t);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized Snapshot sample(SampleRequest request) {
        if (window.isEmpty()) {
            throw new IllegalStateException("no recorded samples to replay");
        }
        // Playing moves one sample per console interval. A sample asked for early shows the same position again:
        // because the request changed (the detail view opened, --all toggled), or because it comes less than half
        // an interval after the last move (two wake-ups close together make two samples).
        Instant now = clock.instant();
        boolean again = !request.equals(lastRequest);
        boolean due = lastMoveAt == null || !now.isBefore(lastMoveAt.plus(interval.dividedBy(2)));
        lastRequest = request;
        if (!paused && !moved && !again && due) {
            step0(1);
            lastMoveAt = now;
        }
        if (moved || lastMoveAt == null) {
            lastMoveAt = now;
        }
        moved = false;
        Frame cur = window.get(pos);
        Optional<Frame> prev = pos > 0 ? Optional.of(window.get(pos - 1)) : Optional.empty();
        arrived = eventsBetween(lastShown, cur.at());
        lastShown = cur.at();
        Map<String, ContainerSample> before = new HashMap<>();
        prev.ifPresent(p -> p.containers().forEach(c -> before.put(c.identity().cgroup(), c)));
        List<ContainerModel> models = new ArrayList<>();
        for (ContainerSample c : cur.containers()) {
            // Without --all the live console lists containers with processes only; the recorder kept every cgroup.
            if (!request.allCgroups() && (!c.identity().runtime().isContainer() || c.state() == ContainerState.EXITED)) {
                continue;
            }
            ContainerSample p = before.get(c.identity().cgroup());
            models.add(ContainerModel.derive(Optional.ofNullable(p), c));
        }
        HostModel host = HostModel.derive(prev.map(Frame::host), cur.host());
        Optional<Duration> elapsed = prev.map(p -> Duration.between(p.at(), cur.at()));
        dev.berth.collectors.Snapshot s = new dev.berth.collectors.Snapshot(cur.at(), elapsed, host, models,
                Map.of(), List.of());
        OptionalDouble selfCpu = OptionalDouble.empty();
        long rss = cur.recorder().map(Frame.RecorderCost::rssBytes).orElse(0L);
        if (prev.isPresent() && prev.get().recorder().isPresent() && cur.recorder().isPresent()
                && elapsed.isPresent() && !elapsed.get().isZero()) {
            selfCpu = OptionalDouble.of(100.0 * (cur.recorder().get().cpuUsec() - prev.get().recorder().get().cpuUsec())
                    / (elapsed.get().toNanos() / 1000.0));
        }
        Map<String, ContainerSample> byCgroup = new HashMap<>();
        cur.containers().forEach(c -> byCgroup.put(c.identity().cgroup(), c));
        return CollectorSource.map(s, request, cgroup -> limits(byCgroup.get(cgroup)), hostname, Optional.empty(),
                new SystemFacts.Self(selfCpu, rss));
    }

    /** The limits a recorded sample shows, in the form's syntax. */
    private static CurrentLimits limits(ContainerSample c) {
        if (c == null) {
            return CurrentLimits.none();
        }
        Optional<String> cpus = Optional.empty();
        if (c.cpu().quotaUsec().isPresent() && c.cpu().periodUsec().isPresent() && c.cpu().periodUsec().getAsLong() > 0) {
            Limit q = c.cpu().quotaUsec().get();
            cpus = Optional.of(q.isUnlimited() ? "max" : String.format(Locale.ROOT, "%.2f",
                    (double) q.value().getAsLong() / c.cpu().periodUsec().getAsLong()));
        }
        return new CurrentLimits(cpus, Optional.empty(), Optional.empty(), Optional.empty(),
                c.memory().limitBytes().map(ReplaySource::bytes), Optional.empty(),
                c.pids().limit().map(Limit::toString), List.of());
    }

    private static String bytes(Limit l) {
        return l.isUnlimited() ? "max" : dev.berth.runtime.limits.ByteSize.format(l.value().getAsLong());
    }

    private List<String> eventsBetween(Instant after, Instant upTo) {
        List<String> out = new ArrayList<>();
        ReportFormat fmt = new ReportFormat(zone);
        for (Event e : events) {
            if ((after == null ? !e.at().isAfter(upTo) && e.at().isAfter(upTo.minusSeconds(60)) : e.at().isAfter(after))
                    && !e.at().isAfter(upTo) && e.kind().isControl()) {
                out.addAll(fmt.events(List.of(e)));
            }
        }
        return out;
    }

    private void step0(int frames) {
        int target = pos + frames;
        if (target >= 0 && target < window.size()) {
            pos = target;
            return;
        }
        // Past the window: read the next (or previous) hour around the frame we would reach.
        Frame edge = window.get(target < 0 ? 0 : window.size() - 1);
        Instant t = target < 0 ? edge.at().minusNanos(1) : edge.at().plusNanos(1);
        List<Frame> old = window;
        int oldPos = pos;
        if (target < 0) {
            try {
                List<Frame> earlier = reader.frames(t.minus(WINDOW), t);
                if (earlier.isEmpty()) {
                    pos = 0;
                    return;
                }
                moveTo(earlier.get(Math.max(0, earlier.size() + target)).at());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            moveTo(t);
            if (window.isEmpty() || window.get(pos).at().isBefore(t)) {
                window = old;   // nothing recorded after the window: stay on the last sample
                pos = oldPos == old.size() - 1 ? oldPos : old.size() - 1;
            }
        }
    }

    @Override
    public synchronized void step(int frames) {
        step0(frames);
        moved = true;
    }

    @Override
    public synchronized void jump(Duration d) {
        moveTo(window.get(pos).at().plus(d));
        moved = true;
    }

    @Override
    public synchronized void jumpTo(LocalTime t) {
        ZonedDateTime now = window.get(pos).at().atZone(zone);
        moveTo(now.toLocalDate().atTime(t).atZone(zone).toInstant());
        moved = true;
    }

    @Override
    public synchronized void togglePause() {
        paused = !paused;
        moved = true;
    }

    @Override
    public synchronized String banner() {
        if (window.isEmpty()) {
            return "REPLAY";
        }
        return "REPLAY " + BANNER.format(window.get(pos).at().atZone(zone)) + (paused ? " paused" : "");
    }

    @Override
    public synchronized List<String> newEvents() {
        return arrived;
    }

    @Override
    public synchronized Optional<Timeline> timeline() {
        if (window.isEmpty()) {
            return Optional.empty();
        }
        Instant from = window.get(0).at();
        Instant to = window.get(window.size() - 1).at();
        ReportFormat fmt = new ReportFormat(zone);
        List<Timeline.Mark> marks = new ArrayList<>();
        for (Event e : events) {
            if (e.kind().isControl() && !e.at().isBefore(from) && !e.at().isAfter(to)) {
                marks.add(new Timeline.Mark(e.at(), fmt.events(List.of(e)).get(0)));
            }
        }
        return Optional.of(new Timeline(from, to, window.get(pos).at(), zone, marks));
    }

    @Override
    public synchronized List<String> eventsOf(String cgroup, String name) {
        if (window.isEmpty()) {
            return List.of();
        }
        Instant upTo = window.get(pos).at();
        List<Event> mine = new ArrayList<>();
        for (Event e : events) {
            boolean its = e.cgroup().map(cgroup::equals).orElseGet(() -> e.container().equals(name));
            if (its && !e.at().isAfter(upTo)) {
                mine.add(e);
            }
        }
        return new ReportFormat(zone).events(mine);
    }
}

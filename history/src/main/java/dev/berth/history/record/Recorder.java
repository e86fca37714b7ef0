package dev.berth.history.record;

import dev.berth.collectors.Collector;
import dev.berth.collectors.ContainerSample;
import dev.berth.collectors.Samples;
import dev.berth.collectors.Snapshot;
import dev.berth.collectors.TickOptions;
import dev.berth.history.event.Event;
import dev.berth.history.event.EventJournal;
import dev.berth.history.store.Frame;
import dev.berth.history.store.Retention;
import dev.berth.history.store.StoreOptions;
import dev.berth.history.store.StoreWriter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The recorder's loop: every interval one {@link Collector#sample} (a {@link Collector#tick} when its snapshot is
 * served) over every cgroup (as {@code berth ps --all}
 * sees them), its raw samples stored as a {@link Frame} with the recorder's own cost, containers appearing and
 * disappearing stored as events, the {@link EventJournal} moved into the store, and {@link Retention} applied
 * (when a shard starts, and at least every {@link #RETENTION_PERIOD}).
 *
 * <p>A write that fails (a full disk, an I/O error) is logged once, the loop keeps sampling, retries with every
 * tick and logs again when a write succeeds; the store never refers to a half-written record (see
 * {@link StoreWriter}). The caller holds the store's lock. <b>Not thread-safe</b>: one thread runs it.
 */
public final class Recorder {
    private static final TickOptions ALL = new TickOptions(true, false, Set.of());

    /**
     * How long the recorder's collector uses a container's limits (and OOM kill count) before reading them again,
     * when no berth process changed them: limits changed by berth (any front end) are read at the next sample
     * (the collector watches the limit-change marker), those changed by another tool ({@code docker update}) are
     * recorded up to this late. Reading them costs about a third of a sample at 500 containers on cgroup v1
     * (several files opened per container: bench/history/RESULTS.txt), so with the console's 10 s period a
     * recorder sampling every 10 s would read them every sample.
     */
    public static final Duration LIMITS_PERIOD = Duration.ofSeconds(60);

    /**
     * How often retention is applied, besides whenever the writer starts a new shard. Applying it lists the store
     * and stats every shard: 2.6-3.7 ms of CPU per call on a 14-day store of hourly shards (336), which every
     * sample paid. A shard expires by age only when a period ends, and the writer starts a new one then; the size
     * limit is exceeded by at most this long's writes (at 10 s, six frames) before the oldest shard goes.
     */
    public static final Duration RETENTION_PERIOD = Duration.ofMinutes(1);

    private final Collector collector;
    private final StoreWriter writer;
    private final StoreOptions storeOptions;
    private final EventJournal journal;
    private final Retention retention;
    private final Supplier<Optional<Frame.RecorderCost>> selfCost;
    private final ZoneId zone;
    private final Consumer<String> log;
    private Map<String, ContainerSample> previous;
    private String failing;
    private long frames;
    private long bytes;
    private final List<Event> pendingEvents = new ArrayList<>();
    private Instant retentionDue;
    private Optional<Instant> retentionShard = Optional.empty();

    /**
     * @param collector    samples the host
     * @param writer       the store's writer
     * @param storeOptions the writer's options (for retention's shard length)
     * @param journal      the store's journal of control actions
     * @param retention    what to keep
     * @param selfCost     the recorder's own cumulative cost, read each tick
     * @param zone         the zone whose offset is stored with each frame
     * @param log          one line per notable thing (write failures and recoveries, deleted shards)
     */
    public Recorder(Collector collector, StoreWriter writer, StoreOptions storeOptions, EventJournal journal,
            Retention retention, Supplier<Optional<Frame.RecorderCost>> selfCost, ZoneId zone, Consumer<String> log) {
        this.collector = collector;
        this.writer = writer;
        this.storeOptions = storeOptions;
        this.journal = journal;
        this.retention = retention;
        this.selfCost = selfCost;
        this.zone = zone;
        this.log = log;
    }

    /**
     * Ticks every {@code interval} on a fixed schedule (a slow tick does not shift the ones after it) until
     * {@code stop} is counted down. Stopping never interrupts a write: the loop ends between ticks. Each tick
     * samples only ({@link Collector#sample}): nothing here uses the rates a {@link Snapshot} carries.
     */
    public void run(Duration interval, CountDownLatch stop) {
        loop(interval, stop, this::tick);
    }

    /**
     * As {@link #run(Duration, CountDownLatch)}, handing each tick's snapshot (with its derived models) and how long
     * its sampling took to {@code sampled} before it is stored: {@code berth record --listen} serves the same sample
     * it records.
     */
    public void run(Duration interval, CountDownLatch stop, BiConsumer<Snapshot, Duration> sampled) {
        loop(interval, stop, () -> tick(sampled));
    }

    private static void loop(Duration interval, CountDownLatch stop, Runnable tick) {
        long next = System.nanoTime();
        while (stop.getCount() > 0) {
            tick.run();
            next += interval.toNanos();
            long wait = next - System.nanoTime();
            if (wait < 0) {
                next = System.nanoTime();   // fell behind: skip the missed ticks rather than burst
                continue;
            }
            try {
                if (stop.await(wait, TimeUnit.NANOSECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * One tick: sample (without deriving rates: {@link Collector#sample}), store, ingest the journal, apply
     * retention. Never throws for a failed write.
     */
    public void tick() {
        store(collector.sample(ALL, warning -> { }));
    }

    private void tick(BiConsumer<Snapshot, Duration> sampled) {
        long start = System.nanoTime();
        Snapshot snapshot = collector.tick(ALL);
        sampled.accept(snapshot, Duration.ofNanos(System.nanoTime() - start));
        collector.lastSamples().ifPresent(this::store);
    }

    private void store(Samples samples) {
        Frame f = new Frame(samples.at(), zone.getRules().getOffset(samples.at()), samples.host(),
                samples.containers(), selfCost.get());
        pendingEvents.addAll(appearances(samples.at(), samples.containers()));
        try {
            bytes += writer.append(f);
            frames++;
            for (Event e : pendingEvents) {
                writer.append(e);
            }
            pendingEvents.clear();
            journal.drain(events -> {
                for (Event e : events) {
                    writer.append(e);
                }
            }, log);
            if (failing != null) {
                log.accept("writing to " + writer.dir() + " again");
                failing = null;
            }
            Optional<Instant> shard = writer.currentShard();
            if (retentionDue == null || !samples.at().isBefore(retentionDue) || !shard.equals(retentionShard)) {
                for (var gone : retention.apply(writer.dir(), samples.at(), storeOptions.shardLength(), shard)) {
                    log.accept("retention: deleted " + gone.data().getFileName() + " and "
                            + gone.index().getFileName());
                }
                retentionDue = samples.at().plus(RETENTION_PERIOD);
                retentionShard = shard;
            }
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            if (!why.equals(failing)) {
                log.accept("cannot write to " + writer.dir() + ": " + why + "; sampling goes on, writing resumes when "
                        + "it can");
                failing = why;
            }
        }
    }

    /** Frames stored so far. */
    public long frames() {
        return frames;
    }

    /** Bytes of frame records stored so far (without their index entries). */
    public long bytes() {
        return bytes;
    }

    private List<Event> appearances(Instant at, List<ContainerSample> now) {
        Map<String, ContainerSample> current = new HashMap<>();
        for (ContainerSample c : now) {
            current.put(c.identity().cgroup(), c);
        }
        List<Event> out = new ArrayList<>();
        if (previous != null) {
            for (ContainerSample c : now) {
                if (!previous.containsKey(c.identity().cgroup())) {
                    out.add(observed(at, Event.Kind.APPEARED, c));
                }
            }
            for (ContainerSample c : previous.values()) {
                if (!current.containsKey(c.identity().cgroup())) {
                    out.add(observed(at, Event.Kind.DISAPPEARED, c));
                }
            }
        }
        previous = current;
        return out;
    }

    private static Event observed(Instant at, Event.Kind kind, ContainerSample c) {
        List<Event.Change> detail = List.of(new Event.Change("runtime", Optional.empty(), c.identity().runtime().label()),
                new Event.Change("id", Optional.empty(), c.identity().id()));
        return new Event(UUID.randomUUID().toString(), at, kind, c.identity().name(), Optional.of(c.identity().cgroup()),
                OptionalLong.empty(), "recorder", detail, Event.Outcome.OK);
    }
}

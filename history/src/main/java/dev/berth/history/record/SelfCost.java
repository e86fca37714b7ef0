package dev.berth.history.record;

import dev.berth.collectors.ProcessSample;
import dev.berth.collectors.ProcessSampler;
import dev.berth.history.store.Frame;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The recorder's own cumulative cost, read from its {@code /proc/<pid>/stat} by the collectors' process sampler:
 * CPU time since it started and resident memory. Stored with every frame, so the recorder's cost is part of the
 * history. Thread-safe.
 */
public final class SelfCost implements Supplier<Optional<Frame.RecorderCost>> {
    private final ProcessSampler sampler;
    private final long pid;

    /**
     * @param sampler reads {@code /proc/<pid>/stat} (of the real procfs: this is berth's own process)
     * @param pid     the recorder's pid
     */
    public SelfCost(ProcessSampler sampler, long pid) {
        this.sampler = sampler;
        this.pid = pid;
    }

    @Override
    public Optional<Frame.RecorderCost> get() {
        List<ProcessSample> s = sampler.sample(List.of(pid));
        if (s.isEmpty() || s.get(0).rssBytes().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Frame.RecorderCost(s.get(0).cpuUsec(), s.get(0).rssBytes().getAsLong()));
    }
}

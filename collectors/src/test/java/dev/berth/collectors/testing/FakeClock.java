package dev.berth.collectors.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock tests move by hand. Not thread-safe. */
public final class FakeClock implements InstantSource {
    private Instant now;

    public FakeClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Moves the clock forward. */
    public FakeClock advance(Duration d) {
        now = now.plus(d);
        return this;
    }
}

package dev.berth.tui.screen;

/**
 * How the controller reaches the world outside the UI thread: run blocking work, come back to the
 * UI thread with its result, and ask the sampler for a fresh sample. Production wires executors
 * and the UI event queue; tests run everything inline.
 */
public interface Effects {
    /** Runs {@code work} off the UI thread (actions that may block). */
    void background(Runnable work);

    /** Runs {@code work} on the UI thread, later. */
    void onUiThread(Runnable work);

    /** Asks the sampler to take the next sample now (after an action, or when the detail view opens). */
    void sampleNow();

    /** Effects that run everything immediately on the calling thread, for tests. */
    static Effects inline() {
        return new Effects() {
            @Override
            public void background(Runnable work) {
                work.run();
            }

            @Override
            public void onUiThread(Runnable work) {
                work.run();
            }

            @Override
            public void sampleNow() {
            }
        };
    }
}

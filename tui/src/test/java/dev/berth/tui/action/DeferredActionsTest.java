package dev.berth.tui.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The console's verbs, built in the background once asked for: by prepare() or by the first action. */
class DeferredActionsTest {
    @Test
    void nothingIsBuiltUntilPreparedAndThenOnce() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch built = new CountDownLatch(1);
        DeferredActions d = new DeferredActions(() -> {
            builds.incrementAndGet();
            built.countDown();
            return new RefusingActions("refused by the built verbs");
        }, Optional.empty());
        assertEquals(0, builds.get(), "not built at construction");
        d.prepare();
        d.prepare();
        assertTrue(built.await(30, TimeUnit.SECONDS));
        assertEquals(Optional.of("refused by the built verbs"), d.validateLaunch(LaunchField.values()[0], "x"));
        ActionException e = org.junit.jupiter.api.Assertions.assertThrows(ActionException.class, () -> d.freeze(null));
        assertTrue(e.getMessage().contains("refused by the built verbs"), e.getMessage());
        assertEquals(1, builds.get());
    }

    @Test
    void anActionWithoutPrepareBuildsAndWaits() {
        AtomicInteger builds = new AtomicInteger();
        DeferredActions d = new DeferredActions(() -> {
            builds.incrementAndGet();
            return new RefusingActions("refused by the built verbs");
        }, Optional.empty());
        ActionException e = org.junit.jupiter.api.Assertions.assertThrows(ActionException.class, () -> d.thaw(null));
        assertTrue(e.getMessage().contains("refused by the built verbs"), e.getMessage());
        assertEquals(1, builds.get());
    }
}

package dev.berth.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.berth.tui.action.RefusingActions;
import dev.berth.tui.action.ContainerActions;
import dev.berth.tui.sample.SampleRequest;
import dev.berth.tui.sample.SnapshotSource;
import dev.berth.tui.terminal.FrameGate;
import dev.berth.tui.view.ContainerRow;
import dev.berth.collectors.ContainerState;
import dev.berth.tui.view.HostView;
import dev.berth.tui.view.Snapshot;
import dev.berth.cgroupctl.Limit;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The whole console with its threads on a virtual terminal: sampling, keys, errors, quitting. */
class ConsoleAppTest {
    private static Snapshot snapshot(int n) {
        HostView h = new HostView("test-host", Optional.of(Duration.ofMinutes(5)), 0.1, 0.2, 0.3, OptionalDouble.of(10),
                List.of(10.0), 1L << 30, 1L << 29, 0, 0, 1L << 29, 0, 0, OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), List.of(), List.of(), List.of(),
                OptionalDouble.of(1), 1L << 26);
        ContainerRow r = new ContainerRow("/t/c" + n, "sample-" + n, "cgroup", "/t/c" + n, ContainerState.RUNNING,
                OptionalDouble.of(n), OptionalDouble.empty(), Optional.of(Limit.UNLIMITED), OptionalLong.of(1 << 20),
                Optional.of(Limit.UNLIMITED), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalLong.of(1));
        return new Snapshot(Instant.now(), h, List.of(r), Optional.empty());
    }

    private static String text(DefaultVirtualTerminal t) {
        StringBuilder sb = new StringBuilder();
        TerminalSize sz = t.getTerminalSize();
        for (int r = 0; r < sz.getRows(); r++) {
            for (int c = 0; c < sz.getColumns(); c++) {
                sb.append(t.getCharacter(c, r).getCharacterString());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void await(DefaultVirtualTerminal t, Predicate<String> p) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            if (p.test(text(t))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("screen never matched:\n" + text(t));
    }

    @Test
    void samplesRepeatedlyKeepsRunningAfterErrorsAndQuitsCleanly() throws Exception {
        DefaultVirtualTerminal term = new DefaultVirtualTerminal(new TerminalSize(100, 30));
        AtomicInteger calls = new AtomicInteger();
        SnapshotSource source = (SampleRequest req) -> {
            int n = calls.incrementAndGet();
            if (n == 2) {
                throw new IllegalStateException("cannot read /proc/stat");
            }
            return snapshot(n);
        };
        ConsoleApp app = new ConsoleApp(term, source, new RefusingActions("not in this test"), new ConsoleApp.Options(
                Duration.ofMillis(200), true, true, false, false), InstantSource.system());
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return app.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await(term, s -> s.contains("test-host") && s.contains("sample-1"));
        await(term, s -> s.contains("sampling failed: cannot read /proc/stat"));
        await(term, s -> s.contains("sample-3"));
        assertTrue(!term.isCursorVisible(), "cursor hidden while the console runs");
        term.addInput(new KeyStroke('q', false, false));
        assertEquals(0, exit.get(20, TimeUnit.SECONDS));
        assertTrue(term.isCursorVisible(), "cursor restored");
    }

    @Test
    void theVerbsAreMadeReadyOnceAfterTheFirstSampledFrameNotBefore() throws Exception {
        DefaultVirtualTerminal term = new DefaultVirtualTerminal(new TerminalSize(100, 30));
        CountDownLatch sampling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger prepared = new AtomicInteger();
        AtomicInteger preparedBeforeFirstSample = new AtomicInteger(-1);
        SnapshotSource source = (SampleRequest req) -> {
            sampling.countDown();
            release.await();
            return snapshot(1);
        };
        RefusingActions refusing = new RefusingActions("not in this test");
        // the refusing verbs, counting prepare()
        ContainerActions actions = (ContainerActions) java.lang.reflect.Proxy.newProxyInstance(
                ContainerActions.class.getClassLoader(), new Class<?>[] {ContainerActions.class}, (proxy, m, args) -> {
                    if (m.getName().equals("prepare")) {
                        prepared.incrementAndGet();
                        return null;
                    }
                    try {
                        return m.invoke(refusing, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ConsoleApp app = new ConsoleApp(term, source, actions, new ConsoleApp.Options(Duration.ofSeconds(30), true,
                true, false, false), InstantSource.system());
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return app.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertTrue(sampling.await(20, TimeUnit.SECONDS), "the first sample started");
            await(term, s -> s.contains("collecting first sample"));
            preparedBeforeFirstSample.set(prepared.get());
            release.countDown();
            await(term, s -> s.contains("sample-1"));
        } finally {
            release.countDown();   // also when a check above failed: the console quits, its threads end
            term.addInput(new KeyStroke('q', false, false));
        }
        assertEquals(0, exit.get(20, TimeUnit.SECONDS));
        assertEquals(0, preparedBeforeFirstSample.get(), "not prepared while the first sample was being taken");
        assertEquals(1, prepared.get(), "prepared once, after the first sampled frame");
    }

    /**
     * Issue 10 defect 7: after ~50 rapid resizes ending at 120x40 the table rows stayed blank while the
     * header updated. The virtual terminal here behaves like an emulator that drops its content on a
     * resize (a listener registered before the console's clears it), and the snapshot never changes, so
     * only a complete refresh can bring the rows back. A window change at an unchanged size (the
     * emulator reflowed; lanterna reports no resize then) must repaint everything too.
     */
    @Test
    void aBurstOfResizesEndsWithEveryRowDrawnAndAWindowChangeRepaints() throws Exception {
        DefaultVirtualTerminal term = new DefaultVirtualTerminal(new TerminalSize(100, 30));
        term.addResizeListener((t, size) -> term.clearScreen());
        Snapshot fixed = snapshot(1);
        ConsoleApp app = new ConsoleApp(term, req -> fixed, new RefusingActions("not in this test"), new ConsoleApp.Options(
                Duration.ofMillis(200), true, true, false, false), InstantSource.system());
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return app.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Predicate<String> whole = s -> s.contains("test-host") && s.contains("sample-1")
                && !s.lines().reduce((a, b) -> b).orElse("").isBlank();
        await(term, whole);
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 50; i++) {
            term.setTerminalSize(new TerminalSize(60 + random.nextInt(80), 8 + random.nextInt(45)));
        }
        term.setTerminalSize(new TerminalSize(120, 40));
        await(term, s -> whole.test(s) && s.lines().count() == 40);
        term.clearScreen();
        app.windowChanged();
        await(term, whole);
        term.addInput(new KeyStroke('q', false, false));
        assertEquals(0, exit.get(20, TimeUnit.SECONDS));
    }

    /**
     * CI: "cursor visible after SIGINT" was 0. On a signal two hooks give the terminal back, the console's and
     * lanterna's (which leaves private mode on its own thread, without the screen's lock), while the UI thread may be
     * in the middle of a frame; the rest of that frame then landed on the normal screen and its end hid the cursor
     * again. Here the UI thread is held at the first write of a frame while both hooks start: they must wait for the
     * frame, and nothing may be written by the UI thread after the terminal has left private mode.
     */
    @Test
    void aSignalDuringAFrameGivesTheTerminalBackAfterItAndNoFrameFollows() throws Exception {
        HeldTerminal term = new HeldTerminal();
        Snapshot fixed = snapshot(1);
        ConsoleApp app = new ConsoleApp(term, req -> fixed, new RefusingActions("not in this test"), new ConsoleApp.Options(
                Duration.ofMillis(100), true, true, false, false), InstantSource.system());
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            term.ui = Thread.currentThread();
            try {
                return app.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await(term, s -> s.contains("sample-1"));
        term.holdNextWrite = true;
        assertTrue(term.held.await(20, TimeUnit.SECONDS), "the UI thread drew another frame");
        Thread lanternaHook = new Thread(() -> {
            try {
                term.exitPrivateMode();
            } catch (RuntimeException e) {
                // the console's hook left private mode first
            }
        }, "lanterna-hook-stand-in");
        Thread consoleHook = new Thread(app::restore, "console-hook-stand-in");
        try {
            for (Thread hook : List.of(lanternaHook, consoleHook)) {
                hook.start();
                awaitWaitingOrDone(hook);
            }
        } finally {
            term.release.countDown(); // never leave the UI thread held, also when an assertion fails
        }
        lanternaHook.join(TimeUnit.SECONDS.toMillis(20));
        consoleHook.join(TimeUnit.SECONDS.toMillis(20));
        assertEquals(0, exit.get(20, TimeUnit.SECONDS), "the console ends once the terminal is given back");
        assertEquals(0, term.writesAfterLeaving.get(), "writes of the UI thread after the terminal left private mode");
        assertTrue(term.isCursorVisible(), "cursor visible after the hooks");
    }

    private static void awaitWaitingOrDone(Thread t) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            Thread.State st = t.getState();
            if (st == Thread.State.BLOCKED || st == Thread.State.WAITING || st == Thread.State.TIMED_WAITING
                    || st == Thread.State.TERMINATED) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError(t.getName() + " neither waited nor ended: " + t.getState());
    }

    /**
     * A virtual terminal that leaves private mode through a {@link FrameGate} (as {@code WinsizeTerminal} does), can
     * hold the UI thread at its next write, and counts the UI thread's writes after it left private mode. The
     * overrides are not synchronized, so a held thread does not hold the terminal's lock.
     */
    private static final class HeldTerminal extends DefaultVirtualTerminal implements FrameGate.Gated {
        final FrameGate frames = new FrameGate();
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger writesAfterLeaving = new AtomicInteger();
        volatile Thread ui;
        volatile boolean holdNextWrite;
        volatile boolean left;

        HeldTerminal() {
            super(new TerminalSize(100, 30));
        }

        @Override
        public FrameGate frames() {
            return frames;
        }

        @Override
        public void exitPrivateMode() {
            try {
                frames.close(() -> {
                    super.exitPrivateMode();
                    left = true;
                });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void write() {
            if (Thread.currentThread() != ui) {
                return;
            }
            if (holdNextWrite) {
                holdNextWrite = false;
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (left) {
                writesAfterLeaving.incrementAndGet(); // the held write too, when a hook did not wait for the frame
            }
        }

        @Override
        public void putCharacter(char c) {
            write();
            super.putCharacter(c);
        }

        @Override
        public void putString(String string) {
            write();
            super.putString(string);
        }

        @Override
        public void setCursorPosition(int column, int row) {
            write();
            super.setCursorPosition(column, row);
        }

        @Override
        public void setCursorPosition(TerminalPosition position) {
            write();
            super.setCursorPosition(position);
        }

        @Override
        public void setCursorVisible(boolean visible) {
            write();
            super.setCursorVisible(visible);
        }
    }
}

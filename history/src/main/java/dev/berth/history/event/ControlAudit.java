package dev.berth.history.event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What a front end calls after each control action (set, freeze, thaw, kill, stop, launch, rm): appends an
 * {@link Event} with the acting user's id to the store's {@link EventJournal}. A journal that cannot be written
 * is reported to {@code warnings} and never fails the action. Thread-safe (appends are serialised).
 */
public final class ControlAudit {
    private final EventJournal journal;
    private final String source;
    private final InstantSource clock;
    private final Consumer<String> warnings;

    /**
     * @param journal  the store's journal
     * @param source   the front end: {@code cli}, {@code shell}, {@code console}
     * @param clock    stamps the events
     * @param warnings receives a line when the journal cannot be written
     */
    public ControlAudit(EventJournal journal, String source, InstantSource clock, Consumer<String> warnings) {
        this.journal = journal;
        this.source = source;
        this.clock = clock;
        this.warnings = warnings;
    }

    /**
     * Records one action.
     *
     * @param kind      what was done
     * @param container the name the user gave or berth shows
     * @param cgroup    the container's cgroup path, when it was resolved
     * @param changes   limits with old and new values, or the action's detail (signal, command)
     * @param outcome   ok, or why it failed
     * @return the event recorded (also when the journal could not be written)
     */
    public synchronized Event record(Event.Kind kind, String container, Optional<String> cgroup,
            List<Event.Change> changes, Event.Outcome outcome) {
        Event e = new Event(UUID.randomUUID().toString(), clock.instant(), kind, container, cgroup, uid(), source,
                changes, outcome);
        try {
            journal.append(e);
        } catch (IOException | RuntimeException ex) {
            warnings.accept("could not record the " + kind.label() + " of " + container + " in " + journal.file()
                    + ": " + ex.getMessage());
        }
        return e;
    }

    /** The real uid of this process, from the owner of {@code /proc/self}. */
    private static OptionalLong uid() {
        try {
            Object v = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return v instanceof Integer i ? OptionalLong.of(i) : OptionalLong.empty();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }
}

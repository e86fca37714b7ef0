package dev.berth.tui.cli;

import dev.berth.history.event.Event;
import dev.berth.history.event.EventJournal;
import dev.berth.ops.ActionEvent;
import dev.berth.ops.ActionListener;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The ops verbs' audit hook, writing each control action into the history store's {@link EventJournal} (which a
 * running {@code berth record} moves into the store, and which {@code berth history --events} reads either way).
 * Only when the store directory exists: a host where {@code berth record} never ran (nor a package made the
 * store) keeps no history, and a berth command does not create {@code /var/lib/berth} as a side effect. A journal
 * that cannot be written costs a warning line, never the action. Thread-safe.
 */
final class AuditJournal implements ActionListener {
    private final EventJournal journal;
    private final String source;
    private final Consumer<String> warnings;

    /**
     * @param journal  the store's journal
     * @param source   the front end: {@code cli} or {@code console}
     * @param warnings receives a line when the journal cannot be written
     */
    AuditJournal(EventJournal journal, String source, Consumer<String> warnings) {
        this.journal = journal;
        this.source = source;
        this.warnings = warnings;
    }

    @Override
    public synchronized void actionTaken(ActionEvent a) {
        if (!Files.isDirectory(journal.file().getParent())) {
            return;
        }
        try {
            journal.append(event(a, source));
        } catch (IOException | RuntimeException e) {
            warnings.accept("could not record the action in " + journal.file() + ": " + e.getMessage());
        }
    }

    /** The history event for one action: each key of {@code after} as a change, with its {@code before}. */
    static Event event(ActionEvent a, String source) {
        Event.Kind kind = switch (a.action()) {
            case SET_LIMITS -> Event.Kind.SET;
            case FREEZE -> Event.Kind.FREEZE;
            case THAW -> Event.Kind.THAW;
            case KILL -> Event.Kind.KILL;
            case STOP -> Event.Kind.STOP;
            case REMOVE -> Event.Kind.RM;
            case LAUNCH -> Event.Kind.LAUNCH;
        };
        List<Event.Change> changes = new ArrayList<>();
        // The values asked for, each with what it was before (ops reports every limit before, only those asked
        // for after).
        for (String k : new TreeSet<>(a.after().keySet())) {
            changes.add(new Event.Change(k, Optional.ofNullable(a.before().get(k)), a.after().get(k)));
        }
        Event.Outcome outcome = a.outcome() == ActionEvent.Outcome.DONE ? Event.Outcome.OK
                : Event.Outcome.failed(a.outcome().name().toLowerCase(java.util.Locale.ROOT)
                        + a.error().map(e -> ": " + e).orElse(""));
        return new Event(UUID.randomUUID().toString(), a.at(), kind, a.target(), a.cgroupPath(), a.uid(), source,
                changes, outcome);
    }
}

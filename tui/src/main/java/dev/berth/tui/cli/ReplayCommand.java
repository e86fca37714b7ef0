package dev.berth.tui.cli;

import dev.berth.history.event.Event;
import dev.berth.history.event.EventJournal;
import dev.berth.history.report.TimeSpec;
import dev.berth.history.store.StoreException;
import dev.berth.history.store.StoreReader;
import dev.berth.tui.ConsoleApp;
import dev.berth.tui.action.RefusingActions;
import dev.berth.tui.sample.ReplaySource;
import dev.berth.tui.style.Glyphs;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code berth replay}: the console on recorded history; a thin adapter over {@link ReplaySource}. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Open the console on what berth record stored: the same table, header meters and detail "
                + "view, with REPLAY and the recorded time in the header. Control keys are disabled.",
            "Keys (as atop and below): t / T next / previous sample, j / J jump forward / back by a duration "
                + "typed at the prompt (10m, 2h) or to a time of day (03:10), space pause / resume (one recorded "
                + "sample per INTERVAL), q quit; the console's other keys (sort, filter, panels, detail) work as live."})
final class ReplayCommand implements Callable<Integer> {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    HistoryOptions history;

    @Option(names = "--from", paramLabel = "T", description = "start at this time: ISO-8601, HH:MM today, or a "
            + "duration before now such as -2h (default: one hour ago)")
    String from;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s",
            converter = HistoryOptions.DurationConverter.class,
            description = "time each recorded sample is shown while playing (default: ${DEFAULT-VALUE})")
    Duration interval;

    @Override
    public Integer call() throws IOException {
        if (interval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new ParameterException(spec.commandLine(), "invalid --interval: expected at least 100ms");
        }
        ZoneId zone = ZoneId.systemDefault();
        Instant now = Instant.now();
        Instant start;
        try {
            start = from == null ? now.minus(Duration.ofHours(1)) : TimeSpec.instant(from, now, zone);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path dir = history.dir(root.env);
        if (!Files.isDirectory(dir)) {
            throw new UserDataException("no history store at " + dir + " (start berth record, or give --store)");
        }
        List<String> warnings = new ArrayList<>();
        StoreReader reader = new StoreReader(dir, warnings::add);
        ReplaySource source;
        try {
            List<Event> events = new ArrayList<>(reader.events(Instant.MIN, Instant.MAX));
            events.addAll(new EventJournal(dir).read(warnings::add));
            events.sort(Comparator.comparing(Event::at));
            source = new ReplaySource(reader, start, zone, hostname(), EventJournal.distinct(events), interval,
                    InstantSource.system());
        } catch (StoreException e) {
            throw new UserDataException(e.getMessage(), e);
        }
        if (source.isEmpty()) {
            throw new UserDataException("nothing recorded in " + dir + " within an hour of " + start);
        }
        if (System.console() == null) {
            throw new UserDataException("replay needs a terminal, but stdin or stdout is not a tty (use berth "
                    + "history for plain output)");
        }
        boolean unicode = Glyphs.localeIsUtf8(System.getenv());
        String noColor = System.getenv("NO_COLOR");
        // The console's terminal: sized by TIOCGWINSZ, so the first frame does not wait on a terminal reply.
        StdioConsole.run(unicode ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII,
                terminal -> new ConsoleApp(terminal, source, new RefusingActions(RefusingActions.REPLAY),
                        new ConsoleApp.Options(interval, noColor == null || noColor.isEmpty(), unicode, true, false),
                        InstantSource.system()).replaying(source));
        warnings.forEach(w -> spec.commandLine().getErr().println(spec.qualifiedName() + ": warning: " + w));
        return 0;
    }

    private static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e2) {
                return "localhost";
            }
        }
    }
}

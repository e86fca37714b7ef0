package dev.berth.tui.shell;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Offers container names wherever the command being typed takes an existing container: a
 * positional parameter labelled {@code NAME} or {@code CONTAINER} ({@code berth freeze NAME},
 * {@code berth exec NAME CMD}), or the value of an option named {@code --container} or labelled
 * {@code CONTAINER} ({@code berth stat -c NAME}). Other options labelled {@code NAME} name something
 * new ({@code berth run --name NAME --hostname NAME}) and get no candidates. Subcommands, options and
 * picocli completion candidates are completed by picocli-shell-jline3; this completer adds only
 * what picocli cannot know, the names of the containers on this host.
 *
 * <p>The names are asked for at each completion, so containers started after the shell are
 * offered too.
 */
public final class ContainerNameCompleter implements Completer {
    private final CommandSpec root;
    private final Supplier<? extends Iterable<String>> names;

    ContainerNameCompleter(CommandSpec root, Supplier<? extends Iterable<String>> names) {
        this.root = Objects.requireNonNull(root);
        this.names = Objects.requireNonNull(names);
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int current = Math.min(line.wordIndex(), words.size());
        String word = current < words.size() ? words.get(current) : "";
        Optional<String> prefix = containerValuePrefix(words.subList(0, current), word);
        if (prefix.isEmpty()) {
            return;
        }
        for (String name : names.get()) {
            candidates.add(new Candidate(prefix.get() + name, name, "containers", null, null, null, true));
        }
    }

    /**
     * If the word after {@code before} is a container, returns what must precede the name in the
     * completed word: "" normally, "--option=" when the word is written that way.
     */
    Optional<String> containerValuePrefix(List<String> before, String word) {
        CommandSpec spec = root;
        int positionals = 0;
        OptionSpec pendingOption = null; // option whose value is the next word
        for (String w : before) {
            if (pendingOption != null) {
                pendingOption = null;
                continue;
            }
            CommandSpec sub = positionals == 0 ? subcommand(spec, w) : null;
            if (sub != null) {
                spec = sub;
                continue;
            }
            if (w.startsWith("-") && !w.equals("-")) {
                OptionSpec option = spec.findOption(w);
                if (option != null && option.arity().min() > 0 && !w.contains("=")) {
                    pendingOption = option;
                }
                continue;
            }
            positionals++;
        }
        if (pendingOption != null) {
            return isContainer(pendingOption) ? Optional.of("") : Optional.empty();
        }
        int eq = word.indexOf('=');
        if (word.startsWith("-") && eq > 0) {
            OptionSpec option = spec.findOption(word.substring(0, eq));
            return option != null && isContainer(option) ? Optional.of(word.substring(0, eq + 1)) : Optional.empty();
        }
        if (word.startsWith("-")) {
            return Optional.empty();
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.index().contains(positionals) && isContainer(p)) {
                return Optional.of("");
            }
        }
        return Optional.empty();
    }

    private static CommandSpec subcommand(CommandSpec spec, String word) {
        var sub = spec.subcommands().get(word);
        return sub == null ? null : sub.getCommandSpec();
    }

    /**
     * True when {@code arg} takes an existing container: the rule above, shared with the generated bash and zsh
     * completion scripts ({@code dev.berth.tui.cli.CompletionScripts}).
     */
    public static boolean isContainer(ArgSpec arg) {
        String label = arg.paramLabel().replaceAll("[<>.\\[\\]]", "").toUpperCase(Locale.ROOT);
        if (arg instanceof OptionSpec o) {
            return label.contains("CONTAINER") || List.of(o.names()).contains("--container");
        }
        return label.equals("NAME") || label.contains("CONTAINER");
    }
}

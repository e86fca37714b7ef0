package dev.berth.tui.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * The composition root: builds the command tree, runs it, and maps errors to exit codes.
 *
 * <p>Exit codes: 0 success; 1 {@link UserDataException} (the input was well-formed but names
 * something that does not exist or cannot be changed); 2 a usage error (picocli's own
 * {@code ParameterException}, including bad values rejected by a type converter); 70 an
 * unexpected internal error, printed with its stack trace.
 */
public final class Main {
    /**
     * Type converters picocli would register by reflection, loading and initialising their classes at every start:
     * java.time's (MonthDay's static initialiser alone was ~13 ms of a cold start in a profile) and java.sql's.
     * berth's own converters parse every duration and time it takes; picocli's Path converter is still used.
     */
    static final String UNUSED_CONVERTERS = "java\\.time\\..*,java\\.sql\\..*";

    static {
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", UNUSED_CONVERTERS);
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs berth with {@code args} and returns the exit code, without exiting (for tests). The console alone
     * ({@link ConsoleLaunch}) when no argument names a subcommand, the root with that one subcommand when exactly
     * one is named (not {@code help} or {@code shell}, which need the others), in both cases only when the
     * arguments parse and no help is asked for; else the whole tree, which also gives every error its message (and
     * its "did you mean" from the subcommands) and prints every help.
     */
    public static int run(String... args) {
        if (namesNoSubcommand(args)) {
            CommandLine console = withErrorHandling(new CommandLine(new ConsoleLaunch()));
            if (parsesWithoutHelp(console, args)) {
                return console.execute(args);
            }
        } else {
            java.util.Optional<Class<?>> one = soleSubcommand(args);
            if (one.isPresent()) {
                CommandLine single = withErrorHandling(withOnly(one.get()));
                if (parsesWithoutHelp(single, args)) {
                    return single.execute(args);
                }
            }
        }
        return newCommandLine().execute(args);
    }

    private static boolean parsesWithoutHelp(CommandLine cl, String... args) {
        try {
            for (CommandLine.ParseResult p = cl.parseArgs(args); p != null; p = p.subcommand()) {
                if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                    return false;
                }
            }
            return true;
        } catch (CommandLine.ParameterException e) {
            return false; // the whole tree says what is wrong
        }
    }

    /** Whether no argument is a subcommand's name or alias (read from the annotations, not from a built tree). */
    static boolean namesNoSubcommand(String... args) {
        return named(args).isEmpty();
    }

    /**
     * The subcommand the arguments name, when they name exactly one (an option value or a positional argument that
     * is also a subcommand's name makes two: the whole tree then sorts them out) and it is not {@code help} or
     * {@code shell}.
     */
    static java.util.Optional<Class<?>> soleSubcommand(String... args) {
        java.util.Set<Class<?>> named = named(args);
        if (named.size() != 1) {
            return java.util.Optional.empty();
        }
        Class<?> c = named.iterator().next();
        return c == CommandLine.HelpCommand.class || c == ShellCommand.class ? java.util.Optional.empty()
                : java.util.Optional.of(c);
    }

    private static java.util.Set<Class<?>> named(String... args) {
        java.util.Set<String> words = new java.util.HashSet<>(List.of(args));
        java.util.Set<Class<?>> out = new java.util.LinkedHashSet<>();
        for (Class<?> c : BerthCommand.SUBCOMMANDS) {
            CommandLine.Command sub = c.getAnnotation(CommandLine.Command.class);
            if (words.contains(sub.name()) || java.util.Arrays.stream(sub.aliases()).anyMatch(words::contains)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The whole command tree with berth's error handling; used by {@link #run} and the shell. */
    public static CommandLine newCommandLine() {
        return withErrorHandling(new CommandLine(new BerthTree()));
    }

    /** The root with the one subcommand {@code subcommand}. */
    static CommandLine withOnly(Class<?> subcommand) {
        return new CommandLine(new BerthCommand()).addSubcommand(subcommand);
    }

    private static CommandLine withErrorHandling(CommandLine cl) {
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new ErrorHandler());
        cl.setExecutionStrategy(parsed -> {
            refuseMisplacedConsoleOptions(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        return cl;
    }

    /**
     * Every option {@code berth --help} shows applies to every subcommand in either position, or is refused:
     * {@code --procfs}/{@code --sysfs} are inherited by every subcommand, {@code --state-dir}/{@code --cgroup-parent}
     * are taken from before the subcommand by each that uses them ({@link Wiring#host}), and the console's own
     * options apply to {@code console} (and {@code shell}, whose {@code console} gets them) and are refused before
     * any other subcommand.
     */
    static void refuseMisplacedConsoleOptions(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult sub = parsed.subcommand();
        if (sub == null || sub.commandSpec().name().equals("console") || sub.commandSpec().name().equals("shell")) {
            return;
        }
        for (CommandLine.Model.OptionSpec o : parsed.matchedOptions()) {
            if (ConsoleOptions.NAMES.contains(o.longestName())) {
                String name = sub.commandSpec().name();
                // history, replay and record have a --store of their own: it goes after their name
                String hint = sub.commandSpec().findOption(o.longestName()) != null
                        ? "give it after the subcommand: 'berth " + name + " " + o.longestName() + " ...'"
                        : "give it as 'berth " + o.longestName() + " ...' or 'berth console " + o.longestName()
                                + " ...'";
                throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(), "option '"
                        + o.longestName() + "' before '" + name + "' applies to the console only: " + hint);
            }
        }
    }
}

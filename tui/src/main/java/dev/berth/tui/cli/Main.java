package dev.berth.tui.cli;

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
     * ({@link ConsoleLaunch}) when no argument names a subcommand, the arguments parse and no help is asked for;
     * else the whole tree, which also gives every error its message (and its "did you mean" from the subcommands).
     */
    public static int run(String... args) {
        if (namesNoSubcommand(args)) {
            CommandLine console = withErrorHandling(new CommandLine(new ConsoleLaunch()));
            try {
                CommandLine.ParseResult parsed = console.parseArgs(args);
                if (!parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested()) {
                    return console.execute(args);
                }
            } catch (CommandLine.ParameterException e) {
                // the whole tree says what is wrong
            }
        }
        return newCommandLine().execute(args);
    }

    /** Whether no argument is a subcommand's name or alias (read from the annotations, not from a built tree). */
    static boolean namesNoSubcommand(String... args) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Class<?> c : BerthCommand.class.getAnnotation(CommandLine.Command.class).subcommands()) {
            CommandLine.Command sub = c.getAnnotation(CommandLine.Command.class);
            names.add(sub.name());
            names.addAll(java.util.List.of(sub.aliases()));
        }
        for (String a : args) {
            if (names.contains(a)) {
                return false;
            }
        }
        return true;
    }

    /** The whole command tree with berth's error handling; used by {@link #run} and the shell. */
    public static CommandLine newCommandLine() {
        return withErrorHandling(new CommandLine(new BerthCommand()));
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

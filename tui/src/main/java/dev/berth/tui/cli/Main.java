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
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs berth with {@code args} and returns the exit code, without exiting (for tests). */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    /** The whole command tree with berth's error handling; used by {@link #run} and the shell. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new BerthCommand());
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

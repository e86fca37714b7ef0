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
        return cl;
    }
}

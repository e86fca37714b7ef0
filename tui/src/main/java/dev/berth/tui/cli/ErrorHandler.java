package dev.berth.tui.cli;

import dev.berth.collectors.format.Printable;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Maps every error to one message line and an exit code, in one place (see {@link Main}). Messages
 * repeat user input and container names, so control characters in them are escaped
 * ({@link Printable#escape}) here, where every message is printed: a name cannot clear the screen or
 * forge a second line.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int EXIT_DATA = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_INTERNAL = 70;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(prefix(cmd) + ": " + Printable.escape(ex.getMessage()));
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println("try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage");
        }
        err.flush();
        return EXIT_USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof UserDataException) {
            err.println(prefix(cmd) + ": " + Printable.escape(ex.getMessage()));
            err.flush();
            return EXIT_DATA;
        }
        if (ex instanceof ParameterException pe) {
            return handleParseException(pe, parseResult.originalArgs().toArray(String[]::new));
        }
        err.println(prefix(cmd) + ": unexpected internal error: " + Printable.escape(String.valueOf(ex)));
        ex.printStackTrace(err);
        err.flush();
        return EXIT_INTERNAL;
    }

    private static String prefix(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName();
    }
}

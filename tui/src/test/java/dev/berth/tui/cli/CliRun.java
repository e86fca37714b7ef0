package dev.berth.tui.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the berth command tree in-process and captures what it printed; for CLI tests. */
record CliRun(int exit, String out, String err) {
    static CliRun of(String... args) {
        return withEnv(System.getenv(), args);
    }

    /** As {@link #of}, with {@code env} as the environment berth reads (e.g. BERTH_HISTORY_STORE). */
    static CliRun withEnv(java.util.Map<String, String> env, String... args) {
        CommandLine cl = Main.newCommandLine();
        ((BerthCommand) cl.getCommand()).env = env;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** The first line of stderr, or "" (berth's errors are one line). */
    String errLine() {
        return err.lines().findFirst().orElse("");
    }

    @Override
    public String toString() {
        return "exit " + exit + ", out: " + out.strip() + ", err: " + err.strip();
    }
}

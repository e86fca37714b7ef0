package dev.berth.tui.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root command's options and what it does without a subcommand (open the console): one declaration for
 * {@link BerthCommand} (the whole tree) and {@link ConsoleLaunch} (the console alone, which {@link Main} builds
 * when the arguments name no subcommand: picocli reads every subcommand's annotations when it builds a tree, ~190
 * ms of CPU of a cold start before the first frame).
 */
abstract class RootOptions implements Runnable {
    @Spec
    CommandSpec spec;

    /** Root of the proc filesystem every reader uses. */
    @Option(names = "--procfs", paramLabel = "DIR", defaultValue = "/proc", scope = ScopeType.INHERIT,
            description = "procfs root to read (default: ${DEFAULT-VALUE})")
    Path procfs;

    /** Root of the sys filesystem every reader uses. */
    @Option(names = "--sysfs", paramLabel = "DIR", defaultValue = "/sys", scope = ScopeType.INHERIT,
            description = "sysfs root to read (default: ${DEFAULT-VALUE})")
    Path sysfs;

    /** The console's options, so that {@code berth --interval 1} works without naming the subcommand. */
    @picocli.CommandLine.Mixin
    ConsoleOptions console;

    /** Where berth's own containers live, for the console's stop and launch. */
    @picocli.CommandLine.Mixin
    RuntimeOptions runtime;

    /** The environment commands read (the history store's location); package-private for tests. */
    java.util.Map<String, String> env = System.getenv();

    @Override
    public void run() {
        ConsoleCommand.open(this, console, runtime);
    }
}

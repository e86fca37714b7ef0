package dev.berth.tui.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code berth} with every subcommand: {@link BerthCommand}'s name, options, help and exit codes (picocli takes a
 * superclass's {@code @Command} attributes) plus the subcommands, in the order {@code berth --help} lists them. The
 * man page generator and completion read it; {@link Main#newCommandLine()} builds it.
 */
@Command(subcommands = {
    CommandLine.HelpCommand.class,
    ConsoleCommand.class,
    PsCommand.class,
    StatCommand.class,
    RunCommand.class, ExecCommand.class,
    StopCommand.class, KillCommand.class, FreezeCommand.class, ThawCommand.class, RmCommand.class,
    SetCommand.class, LogsCommand.class,
    ShellCommand.class,
    ServeCommand.class,
    RecordCommand.class, HistoryCommand.class, ReplayCommand.class,
})
public final class BerthTree extends BerthCommand {
}

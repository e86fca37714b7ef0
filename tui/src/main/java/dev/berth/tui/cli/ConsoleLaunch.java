package dev.berth.tui.cli;

import picocli.CommandLine.Command;

/**
 * {@code berth} when the arguments name no subcommand: the root's options ({@link RootOptions}) and nothing else,
 * so that opening the console does not build the whole command tree first. {@link Main} uses it only when it
 * parses the arguments and no help is asked for; anything else goes to {@link BerthCommand}, which answers it.
 */
@Command(name = "berth", mixinStandardHelpOptions = true, versionProvider = BerthCommand.Version.class)
final class ConsoleLaunch extends RootOptions {
}

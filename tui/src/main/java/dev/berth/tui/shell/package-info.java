/**
 * {@code berth shell}: an interactive jline front end over the same picocli command tree as the
 * command line.
 *
 * <pre>
 *   LineReader (history file, Tab) --line--&gt; SystemRegistryImpl --&gt; PicocliCommands --&gt; CommandLine.execute
 *        |                                                               (berth's own @Command objects,
 *        +-- Tab --&gt; AggregateCompleter                                   same error handling, same exit codes)
 *                      +-- picocli completion: subcommands, options, completion candidates
 *                      +-- ContainerNameCompleter: container names where a command takes a container
 * </pre>
 *
 * The package knows nothing of the commands themselves: {@code dev.berth.tui.cli.ShellCommand}
 * hands it the tree and a supplier of container names.
 */
package dev.berth.tui.shell;

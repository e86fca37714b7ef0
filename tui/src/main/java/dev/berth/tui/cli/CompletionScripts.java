package dev.berth.tui.cli;

import dev.berth.tui.shell.ContainerNameCompleter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Writes berth's bash and zsh completion scripts, run by the build ({@code man/pom.xml}): picocli's
 * {@link AutoComplete} script for the whole command tree, where every argument that takes an existing container
 * (the rule of the shell's {@link ContainerNameCompleter#isContainer}) completes the names {@code berth ps --names}
 * prints, asked of the berth being completed at each Tab. picocli knows only static candidates; the names are
 * put in by rewriting the one line or case of each such command's function, and the build fails if picocli's
 * script no longer has that line, rather than shipping a script without names.
 *
 * <p>zsh runs the same script through {@code bashcompinit}: {@code _berth} is it with a {@code #compdef} line,
 * for a directory on {@code $fpath}.
 */
public final class CompletionScripts {
    private CompletionScripts() {
    }

    /** {@code CompletionScripts DIR}: writes {@code DIR/berth} (bash) and {@code DIR/_berth} (zsh). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CompletionScripts DIR");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        String bash = bash(Main.newCommandLine());
        Files.writeString(dir.resolve("berth"), bash, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("_berth"), zsh(bash), StandardCharsets.UTF_8);
    }

    /** The bash script for {@code commands}, with container names. */
    static String bash(CommandLine commands) {
        String script = AutoComplete.bash("berth", commands);
        script = withNames(script, commands.getCommandSpec());
        return script + NAMES_FUNCTION;
    }

    /** The zsh script: zsh autoloads {@code _berth} and runs it as the completion function of the first Tab. */
    static String zsh(String bash) {
        return "#compdef berth\n" + bash.replaceFirst("^#!.*\n", "")
                + "\n# First Tab: this file ran as the completion function; complete now through bashcompinit.\n"
                + "_bash_complete -F _complete_berth \"$@\"\n";
    }

    private static String withNames(String script, CommandSpec spec) {
        String function = "function _picocli_" + spec.qualifiedName("_") + "() {\n";
        int start = script.indexOf(function);
        if (start >= 0) {
            int end = script.indexOf("\n}\n", start);
            String body = script.substring(start, end);
            String named = body;
            if (spec.positionalParameters().stream().anyMatch(ContainerNameCompleter::isContainer)) {
                named = replaceOnce(named, "    local positionals=\"\"\n",
                        "    local positionals=$(_berth_container_names)\n", spec);
            }
            for (OptionSpec o : spec.options()) {
                if (ContainerNameCompleter.isContainer(o)) {
                    named = replaceOnce(named, "    " + String.join("|", o.names()) + ")\n      return\n      ;;\n",
                            "    " + String.join("|", o.names()) + ")\n      local IFS=$'\\n'\n"
                                    + "      COMPREPLY=( $( compgen -W \"$(_berth_container_names)\" -- "
                                    + "\"${curr_word}\" ) )\n      return $?\n      ;;\n", spec);
                }
            }
            script = script.substring(0, start) + named + script.substring(end);
        } else if (hasContainerArgs(spec)) {
            throw new IllegalStateException("picocli's script has no function " + function.strip());
        }
        for (CommandLine sub : spec.subcommands().values()) {
            if (sub.getCommandSpec().parent() == spec) {
                script = withNames(script, sub.getCommandSpec());
            }
        }
        return script;
    }

    private static boolean hasContainerArgs(CommandSpec spec) {
        return spec.positionalParameters().stream().anyMatch(ContainerNameCompleter::isContainer)
                || spec.options().stream().anyMatch(ContainerNameCompleter::isContainer);
    }

    private static String replaceOnce(String body, String line, String with, CommandSpec spec) {
        int at = body.indexOf(line);
        if (at < 0 || body.indexOf(line, at + 1) >= 0) {
            throw new IllegalStateException("picocli's completion of '" + spec.qualifiedName()
                    + "' does not have exactly one '" + line.strip() + "' to add container names to");
        }
        return body.substring(0, at) + with + body.substring(at + line.length());
    }

    private static final String NAMES_FUNCTION = """

            # Container names, for the arguments that take an existing container (berth ps --names: discovery only,
            # no sampling). Asks the berth being completed, as typed (bin/berth, /usr/bin/berth), so each lists
            # the names of its own host's view; nothing when it cannot run.
            function _berth_container_names() {
              local berth=${COMP_WORDS[0]}
              if [[ $berth != */* ]]; then
                berth=$(command -v "$berth") || return 0
              fi
              "$berth" ps --names 2>/dev/null
            }
            """;
}

package dev.berth.tui.cli;

import dev.berth.ops.Containers;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.launch.ExecSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code berth exec NAME -- CMD}: runs a command inside one of berth's running containers, in its
 * namespaces and cgroups, with its environment and user unless told otherwise.
 */
@Command(name = "exec", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a command inside a running container started by 'berth run'.",
            "The command joins the container's ipc, uts, net, pid and mount namespaces and its cgroups before it "
                + "starts, gets the container's environment, user and working directory (unless overridden) and "
                + "the same capabilities and no_new_privs."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "N:the command's own exit status (128+S when killed by signal S)",
            "1:no such running container, or the command could not be started",
            "2:invalid usage or option value"})
public final class ExecCommand implements Callable<Integer> {
    @ParentCommand
    BerthCommand root;
    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--interactive"}, description = "keep stdin attached")
    boolean interactive;

    @Option(names = {"-t", "--tty"}, description = "give the command a pty")
    boolean tty;

    @Option(names = {"-e", "--env"}, paramLabel = "K=V", description = "set an environment variable; repeatable")
    List<String> env = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "working directory (default: the container's)")
    String workdir;

    @Option(names = {"-u", "--user"}, paramLabel = "UID[:GID]", description = "user (default: the container's)")
    String user;

    @Mixin
    RuntimeOptions runtime;

    @Parameters(index = "0", paramLabel = "NAME", converter = ContainerNameConverter.class,
            description = "the container, as 'berth ps' shows it")
    ContainerName name;

    @Parameters(index = "1..*", paramLabel = "CMD", arity = "0..*", description = "the command and its arguments, after --")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        for (String e : env) {
            if (e.indexOf('=') <= 0) {
                throw new ParameterException(spec.commandLine(),
                        "invalid environment entry \"" + e + "\": expected NAME=VALUE");
            }
        }
        Containers containers = Wiring.containers(Wiring.host(root, runtime));
        ExecSpec exec = new ExecSpec(command, tty, interactive, env, Optional.ofNullable(workdir), Optional.ofNullable(user));
        try {
            return containers.exec(name, exec);
        } catch (dev.berth.ops.OpsException e) {
            throw new UserDataException(e.getMessage(), e);
        }
    }
}

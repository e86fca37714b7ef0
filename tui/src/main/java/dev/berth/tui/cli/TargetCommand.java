package dev.berth.tui.cli;

import dev.berth.collectors.format.Printable;
import dev.berth.ops.Containers;
import dev.berth.ops.OpsException;
import dev.berth.ops.Target;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The shape that freeze, thaw and kill share: NAME is resolved by {@link Containers#resolve} to a container or a
 * cgroup, one verb runs on it, then the target's label is printed. Each subcommand keeps its own class, with its
 * own {@code @Command}, options and verb.
 */
abstract class TargetCommand implements Runnable {
    @ParentCommand
    BerthCommand root;
    @Spec
    CommandSpec spec;
    @Mixin
    RuntimeOptions runtime;

    @Parameters(paramLabel = "NAME", description = "a container name or cgroup path, as 'berth ps' shows it")
    String name;

    @Override
    public final void run() {
        Containers containers = Wiring.containers(Wiring.host(root, runtime));
        Target t = Wiring.map(() -> containers.resolve(name));
        Wiring.map(() -> {
            act(containers, t);
            return null;
        });
        spec.commandLine().getOut().println(Printable.escape(t.label()));
    }

    /** The subcommand's verb on the resolved target. */
    abstract void act(Containers containers, Target t) throws OpsException;
}

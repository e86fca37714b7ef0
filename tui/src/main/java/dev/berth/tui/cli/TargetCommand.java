package dev.berth.tui.cli;

import dev.berth.collectors.format.Printable;
import dev.berth.runtime.ContainerNotFoundException;
import dev.berth.runtime.control.ControlException;
import dev.berth.runtime.limits.InvalidLimitException;
import java.io.IOException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The shape that freeze, thaw and kill share: NAME is resolved by {@link TargetResolver} to a container or a cgroup,
 * one control action runs on it (its data errors mapped by {@link ControlErrors}), then the target's label is printed.
 * Each subcommand keeps its own class, with its own {@code @Command}, options and action.
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
        RuntimeContext ctx = RuntimeContext.open(root, runtime);
        TargetResolver.Target t = new TargetResolver(ctx).resolve(name);
        ControlErrors.map(() -> {
            act(ctx, t);
            return null;
        });
        spec.commandLine().getOut().println(Printable.escape(t.label()));
    }

    /** The subcommand's action on the resolved target. */
    abstract void act(RuntimeContext ctx, TargetResolver.Target t)
            throws ContainerNotFoundException, ControlException, InvalidLimitException, IOException;
}

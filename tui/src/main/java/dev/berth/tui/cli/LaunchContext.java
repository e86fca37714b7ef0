package dev.berth.tui.cli;

import dev.berth.runtime.launch.Execer;
import dev.berth.runtime.launch.HelperBinary;
import dev.berth.runtime.launch.Launcher;
import dev.berth.runtime.net.VethNetwork;
import java.time.InstantSource;

/** The launcher and execer for one {@code run}/{@code exec}, on top of the shared {@link RuntimeContext}. */
final class LaunchContext {
    final RuntimeContext runtime;
    final Launcher launcher;
    final Execer execer;

    private LaunchContext(RuntimeContext runtime, HelperBinary helper) {
        this.runtime = runtime;
        this.launcher = new Launcher(runtime.config, runtime.fs, helper, runtime.store, new VethNetwork(),
                runtime.processes, InstantSource.system());
        this.execer = new Execer(runtime.fs, helper, runtime.store, runtime.processes);
    }

    /**
     * Opens the runtime and checks for the C helper first, so that a build without one says what
     * is missing before anything else happens.
     *
     * @throws UserDataException naming what to install when the helper is missing
     */
    static LaunchContext open(BerthCommand root, RuntimeOptions options) {
        HelperBinary helper = HelperBinary.locate(options.config().stateDir().resolve(".bin"));
        helper.unavailableReason().ifPresent(r -> {
            throw new UserDataException(r);
        });
        return new LaunchContext(RuntimeContext.open(root, options), helper);
    }
}

package dev.berth.tui.cli;

import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.cgroupctl.NotCgroupFsException;
import dev.berth.runtime.RuntimeConfig;
import dev.berth.runtime.launch.Execer;
import dev.berth.runtime.launch.HelperBinary;
import dev.berth.runtime.launch.Launcher;
import dev.berth.runtime.limits.BlockDevices;
import dev.berth.runtime.limits.LimitResolver;
import dev.berth.runtime.limits.OnlineCpus;
import dev.berth.runtime.net.VethNetwork;
import dev.berth.runtime.state.ProcessProbe;
import dev.berth.runtime.state.StateReconciler;
import dev.berth.runtime.state.StateStore;
import java.io.IOException;
import java.time.InstantSource;

/**
 * The launcher, execer and limit resolver for one {@code run}/{@code exec} (the console uses
 * {@link LaunchContext}, which also carries the control objects).
 *
 * <p>Wired here rather than through {@link RuntimeContext} because start latency is what
 * {@code run} is measured on, and the control objects there load jnr-posix (signals), which costs
 * a few hundred milliseconds of JVM start-up that a launch never uses. The state, cgroup and limit
 * objects are the same, from the same {@link RuntimeOptions}.
 */
final class LaunchTools {
    final RuntimeConfig config;
    final StateStore store;
    final LimitResolver limits;
    final Launcher launcher;
    final Execer execer;

    private LaunchTools(RuntimeConfig config, BerthCommand root, CgroupFs fs, HelperBinary helper) {
        this.config = config;
        this.store = new StateStore(config.stateDir());
        ProcessProbe processes = new ProcessProbe(root.procfs);
        this.limits = new LimitResolver(new OnlineCpus(root.sysfs), new BlockDevices(root.sysfs));
        this.launcher = new Launcher(config, fs, helper, store, new VethNetwork(), processes, InstantSource.system());
        this.execer = new Execer(fs, helper, store, processes);
        try {
            // as every runtime command does: containers that died while no berth ran become exited
            new StateReconciler(store, processes, InstantSource.system()).reconcile();
        } catch (IOException e) {
            // best effort; the operation that needs the state reports what is wrong with it
        }
    }

    /**
     * Checks for the C helper first, so that a build without one says what is missing before
     * anything else happens, then opens the cgroup filesystem.
     *
     * @throws UserDataException naming what to install when the helper is missing, or when the
     *     host has no usable cgroup filesystem
     */
    static LaunchTools open(BerthCommand root, RuntimeOptions options) {
        // "berth --state-dir X run" means the same as "berth run --state-dir X", as for every other runtime command
        RuntimeConfig config = options.config(root.runtime);
        HelperBinary helper = HelperBinary.locate(config.stateDir().resolve(".bin"));
        helper.unavailableReason().ifPresent(r -> {
            throw new UserDataException(r);
        });
        CgroupFs fs;
        try {
            fs = CgroupFs.open(new CgroupFsProber(root.procfs, root.sysfs).probe());
        } catch (NotCgroupFsException e) {
            throw new UserDataException("no usable cgroup filesystem: " + e.getMessage(), e);
        }
        return new LaunchTools(config, root, fs, helper);
    }
}

package dev.berth.tui.cli;

import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.cgroupctl.NotCgroupFsException;
import dev.berth.runtime.RuntimeConfig;
import dev.berth.runtime.control.CgroupControl;
import dev.berth.runtime.control.Lifecycle;
import dev.berth.runtime.control.PosixSignaller;
import dev.berth.runtime.limits.BlockDevices;
import dev.berth.runtime.limits.LimitResolver;
import dev.berth.runtime.limits.OnlineCpus;
import dev.berth.runtime.state.ProcessProbe;
import dev.berth.runtime.state.StateReconciler;
import dev.berth.runtime.state.StateStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;

/**
 * Wires the runtime's control objects for one command from the global {@code --procfs}/{@code --sysfs}
 * and the {@link RuntimeOptions}. The one place in the CLI that constructs them.
 */
final class RuntimeContext {
    final RuntimeConfig config;
    final Path procfs;
    final StateStore store;
    final CgroupFs fs;
    final ProcessProbe processes;
    final Lifecycle lifecycle;
    final CgroupControl control;
    final LimitResolver limits;

    private RuntimeContext(RuntimeConfig config, Path procfs, Path sysfs, CgroupFs fs) {
        this.config = config;
        this.procfs = procfs;
        this.store = new StateStore(config.stateDir());
        this.fs = fs;
        this.processes = new ProcessProbe(procfs);
        PosixSignaller signaller = new PosixSignaller();
        this.lifecycle = new Lifecycle(config, store, fs, processes, signaller, InstantSource.system());
        this.control = new CgroupControl(fs, signaller, ProcessHandle.current().pid());
        this.limits = new LimitResolver(new OnlineCpus(sysfs), new BlockDevices(sysfs));
    }

    /**
     * @throws UserDataException if the host has no usable cgroup filesystem
     */
    static RuntimeContext open(BerthCommand root, RuntimeOptions options) {
        CgroupFs fs;
        try {
            fs = CgroupFs.open(new CgroupFsProber(root.procfs, root.sysfs).probe());
        } catch (NotCgroupFsException e) {
            throw new UserDataException("no usable cgroup filesystem: " + e.getMessage(), e);
        }
        RuntimeContext ctx = new RuntimeContext(options.config(root.runtime), root.procfs, root.sysfs, fs);
        ctx.reconcile();
        return ctx;
    }

    /**
     * Marks containers whose process died while no berth was running as exited, as every command
     * that touches berth's containers starts. Best effort: a state dir this user cannot read is
     * reported by the operation that needs it, not here.
     */
    private void reconcile() {
        try {
            new StateReconciler(store, processes, InstantSource.system()).reconcile();
        } catch (IOException e) {
            // see above
        }
    }
}

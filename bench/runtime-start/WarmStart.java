import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.runtime.RuntimeConfig;
import dev.berth.runtime.launch.HelperBinary;
import dev.berth.runtime.launch.LaunchHooks;
import dev.berth.runtime.launch.LaunchSpec;
import dev.berth.runtime.launch.Launcher;
import dev.berth.runtime.launch.RunningContainer;
import dev.berth.runtime.net.VethNetwork;
import dev.berth.runtime.state.ProcessProbe;
import dev.berth.runtime.state.StateStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;

/**
 * The runtime alone, without JVM start-up: N foreground starts of sh -c 'echo ready' through
 * Launcher in one JVM (after 3 warm-up starts), each timed from the call to start() until it
 * returns (the helper reported that execve succeeded: the user command is running) and until the
 * container has exited and its cgroup and state are gone (--rm). Writes "running_ms exited_ms"
 * per start to the file given last; the containers' own output goes to stdout.
 *
 * Usage: java -cp <berth.jar:lib/*> WarmStart.java N ROOTFS STATE_DIR CGROUP_PARENT OUT_FILE
 */
public class WarmStart {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path rootfs = Path.of(args[1]);
        Path state = Path.of(args[2]);
        RuntimeConfig config = new RuntimeConfig(state, args[3]);
        CgroupFs fs = CgroupFs.open(new CgroupFsProber(Path.of("/proc"), Path.of("/sys")).probe());
        StateStore store = new StateStore(state);
        Launcher launcher = new Launcher(config, fs, HelperBinary.locate(state.resolve(".bin")), store,
                new VethNetwork(), new ProcessProbe(Path.of("/proc")), InstantSource.system());
        LaunchSpec spec = LaunchSpec.of(rootfs, List.of("sh", "-c", "echo ready"));
        spec = new LaunchSpec(spec.name(), spec.rootfs(), false, spec.hostname(), spec.env(), spec.workdir(),
                spec.user(), spec.volumes(), spec.network(), spec.ip(), spec.ulimits(), spec.command(), false, false,
                false, true, spec.resources(), spec.limitsAsGiven());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[4])))) {
            for (int i = -3; i < n; i++) {
                long t0 = System.nanoTime();
                RunningContainer c = launcher.start(spec, LaunchHooks.NONE);
                long t1 = System.nanoTime();
                int code = c.waitForExit();
                long t2 = System.nanoTime();
                if (code != 0) {
                    throw new IllegalStateException("container exited " + code);
                }
                if (i >= 0) {
                    out.printf("%.2f %.2f%n", (t1 - t0) / 1e6, (t2 - t0) / 1e6);
                }
            }
        }
        fs.remove(config.cgroupParent());
    }
}

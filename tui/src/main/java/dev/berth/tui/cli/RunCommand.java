package dev.berth.tui.cli;

import dev.berth.cgroupctl.Resources;
import dev.berth.collectors.format.Printable;
import dev.berth.ops.Containers;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.launch.LaunchSpec;
import dev.berth.runtime.launch.RunningContainer;
import dev.berth.runtime.launch.SeccompProfile;
import dev.berth.runtime.launch.Ulimit;
import dev.berth.runtime.launch.Volume;
import dev.berth.runtime.limits.LimitRequest;
import dev.berth.runtime.net.IpPrefix;
import dev.berth.runtime.net.NetworkMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code berth run}: starts a container with berth's own runtime (new pid, mount, uts, ipc and
 * net namespaces; pivot_root into the rootfs; Docker's default capabilities, seccomp profile, masked paths
 * and no_new_privs; runc's device allow-list; limits applied before the command runs). Foreground: stdio attached and the exit
 * status passed through; {@code -d}: prints the name and leaves the container running.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a command in a new container.",
            "The container gets its own pid, mount, uts, ipc and net namespaces, pivots into --rootfs (a directory, "
                + "or a tar archive unpacked once and shared), runs with Docker's default capabilities, seccomp profile, "
                + "masked /proc paths and no_new_privs and runc's device allow-list (cgroup v1; on v2 a warning says it "
                + "is not enforced), and is in its cgroups, with its limits, before the command starts.",
            "Foreground: stdio is attached and berth exits with the command's status. -d: output goes to the log "
                + "('berth logs NAME') and berth prints the name."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "N:in the foreground, the command's own exit status (128+S when killed by signal S)",
            "0:with -d, the container was started",
            "1:the container could not be started (missing rootfs or command, limit refused, ...); nothing is left",
            "2:invalid usage or option value"})
public final class RunCommand implements Callable<Integer> {
    @ParentCommand
    BerthCommand root;
    @Spec
    CommandSpec spec;

    @Option(names = "--name", paramLabel = "NAME", converter = ContainerNameConverter.class,
            description = "container name, [A-Za-z0-9][A-Za-z0-9_.-]{0,62}, unique (default: berth-<short id>)")
    ContainerName name;

    @Option(names = {"-d", "--detach"}, description = "run in the background; output goes to the container's log")
    boolean detach;

    @Option(names = {"-i", "--interactive"}, description = "keep stdin attached")
    boolean interactive;

    @Option(names = {"-t", "--tty"}, description = "give the command a pty (window size passed on, TERM=xterm)")
    boolean tty;

    @Option(names = "--rm", description = "remove the container (state, overlay layer) when it exits; foreground only")
    boolean autoRemove;

    @Option(names = "--rootfs", paramLabel = "DIR|TAR", required = true,
            description = "the container's root: a directory, or a tar archive (as 'docker export' writes one)")
    Path rootfs;

    @Option(names = "--overlay", description = "write to a private overlay layer over the shared rootfs "
            + "(always so for an archive); the layer goes away with 'berth rm'")
    boolean overlay;

    @Option(names = "--hostname", paramLabel = "NAME", description = "the container's hostname (default: its name)")
    String hostname;

    @Option(names = {"-e", "--env"}, paramLabel = "K=V",
            description = "set an environment variable; K alone copies berth's own value; repeatable")
    List<String> env = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "working directory inside the container "
            + "(absolute; created if missing; default /)")
    String workdir;

    @Option(names = {"-u", "--user"}, paramLabel = "UID[:GID]", description = "user to run as: numbers, or names from "
            + "the container's /etc/passwd and /etc/group (default root)")
    String user;

    @Option(names = {"-v", "--volume"}, paramLabel = "HOST:CTR[:ro]", converter = LaunchOptions.VolumeConverter.class,
            description = "bind-mount a host path into the container, read-only with :ro; repeatable")
    List<Volume> volumes = new ArrayList<>();

    @Option(names = "--net", paramLabel = "MODE", converter = LaunchOptions.NetworkConverter.class,
            defaultValue = "none", description = "none: own namespace with lo up (default); host: the host's; "
            + "veth: eth0 inside, the host end named after the container")
    NetworkMode net;

    @Option(names = "--ip", paramLabel = "ADDR/PREFIX", converter = LaunchOptions.IpConverter.class,
            description = "address of eth0 with --net veth, e.g. 10.0.0.2/24")
    IpPrefix ip;

    @Option(names = "--ulimit", paramLabel = "NAME=SOFT[:HARD]", converter = LaunchOptions.UlimitConverter.class,
            description = "rlimit of the container's processes, e.g. nofile=4096:8192 (default nofile=1024); repeatable")
    List<Ulimit> ulimits = new ArrayList<>();

    @Option(names = "--security-opt", paramLabel = "seccomp=PROFILE", converter = LaunchOptions.SecurityOptConverter.class,
            defaultValue = "seccomp=default", description = "seccomp=default: Docker's default system-call allow-list, "
            + "other calls fail with EPERM (the default); seccomp=unconfined: no filter")
    SeccompProfile seccomp;

    @Mixin
    LimitOptions limits;
    @Mixin
    RuntimeOptions runtime;

    @Parameters(paramLabel = "CMD", arity = "0..*", description = "the command and its arguments, after --")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        if (autoRemove && detach) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--rm works in the foreground only (remove a detached container with 'berth rm')");
        }
        List<String> environment = environment();
        Containers containers = Wiring.containers(Wiring.host(root, runtime));
        // the C helper first, so that a build without one says what is missing before anything else happens
        containers.launchUnavailableReason().ifPresent(r -> {
            throw new UserDataException(r);
        });
        LimitRequest request = limits.toRequest();
        Resources resources = Wiring.map(() -> containers.resolveLimits(request));
        LaunchSpec launch = new LaunchSpec(Optional.ofNullable(name), rootfs.toAbsolutePath(), overlay,
                Optional.ofNullable(hostname), environment, Optional.ofNullable(workdir), Optional.ofNullable(user),
                volumes, net, Optional.ofNullable(ip), ulimits, command, tty, interactive, detach, autoRemove, resources,
                request.describe(), seccomp);
        // a foreground run's signals are taken over before the launch: see ForegroundSignals()
        ForegroundSignals signals = detach ? null : new ForegroundSignals();
        try {
            RunningContainer c = Wiring.map(() -> containers.launch(launch));
            c.warnings().forEach(w -> {
                spec.commandLine().getErr().println(spec.qualifiedName() + ": warning: " + Printable.escape(w));
                spec.commandLine().getErr().flush();
            });
            if (detach) {
                spec.commandLine().getOut().println(c.record().name());
                spec.commandLine().getOut().flush();
                return 0;
            }
            signals.attach(c);
            return c.waitForExit();
        } finally {
            if (signals != null) {
                signals.close();
            }
        }
    }

    /**
     * {@code K=V} as given; a bare {@code K} takes berth's own value, or is dropped when unset (as Docker does).
     * An entry without a name ({@code =x}, or empty) is a usage error, as in {@code exec}: it used to be
     * dropped without a word, so a typo lost a variable silently.
     */
    private List<String> environment() {
        List<String> out = new ArrayList<>();
        for (String e : env) {
            if (e.isEmpty() || e.startsWith("=")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "invalid environment entry \"" + e + "\": expected NAME=VALUE or NAME (the name is empty)");
            }
            if (e.indexOf('=') > 0) {
                out.add(e);
            } else if (!e.isEmpty() && System.getenv(e) != null) {
                out.add(e + "=" + System.getenv(e));
            }
        }
        return out;
    }
}

package dev.berth.tui.cli;

import dev.berth.runtime.RuntimeConfig;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where berth's runtime keeps container state and cgroups: {@code --state-dir} and
 * {@code --cgroup-parent}, defaulting to {@code $BERTH_STATE_DIR} / {@code $BERTH_CGROUP_PARENT},
 * else {@code /run/berth} and {@code berth}. A mixin of every command that touches berth's own
 * containers ({@code run}, {@code stop}, {@code rm}, {@code logs}, {@code set}, ...), so that all of
 * them agree.
 */
public final class RuntimeOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${env:BERTH_STATE_DIR:-/run/berth}",
            description = "where container state and logs live (default: $BERTH_STATE_DIR or /run/berth)")
    Path stateDir;

    @Option(names = "--cgroup-parent", paramLabel = "CGROUP", defaultValue = "${env:BERTH_CGROUP_PARENT:-berth}",
            description = "cgroup under which berth's containers are created (default: $BERTH_CGROUP_PARENT or berth)")
    String cgroupParent;

    /**
     * The configuration these options name, where an option not given here is taken from
     * {@code outer} if it was given there: {@code berth --state-dir X stop web} then means the same
     * as {@code berth stop --state-dir X web}.
     *
     * @throws ParameterException if the cgroup parent escapes the hierarchy (exit 2)
     */
    public RuntimeConfig config(RuntimeOptions outer) {
        boolean useOuterDir = !given("--state-dir") && outer != null && outer.given("--state-dir");
        boolean useOuterParent = !given("--cgroup-parent") && outer != null && outer.given("--cgroup-parent");
        try {
            return new RuntimeConfig(useOuterDir ? outer.stateDir : stateDir,
                    useOuterParent ? outer.cgroupParent : cgroupParent);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        }
    }

    private boolean given(String option) {
        var parsed = mixee == null ? null : mixee.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(option);
    }

    /**
     * The configuration these options name.
     *
     * @throws ParameterException if the cgroup parent escapes the hierarchy (exit 2)
     */
    public RuntimeConfig config() {
        try {
            return new RuntimeConfig(stateDir, cgroupParent);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        }
    }
}

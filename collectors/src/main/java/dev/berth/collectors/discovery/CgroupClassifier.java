package dev.berth.collectors.discovery;

import dev.berth.collectors.ContainerRuntime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises who created a cgroup from its path alone. Pure functions over strings; thread-safe.
 *
 * <p>The layouts, as the runtimes create them (cgroupfs driver / systemd driver):
 * <pre>
 * docker      /docker/&lt;id&gt;                          /system.slice/docker-&lt;id&gt;.scope
 * kubernetes  /kubepods/[besteffort|burstable/]pod&lt;uid&gt;/&lt;id&gt;
 *             /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod&lt;uid_&gt;.slice/cri-containerd-&lt;id&gt;.scope
 *             (also crio-&lt;id&gt;.scope, docker-&lt;id&gt;.scope; the uid has "_" for "-" in slice names)
 * podman      /libpod_parent/libpod-&lt;id&gt;                /machine.slice/libpod-&lt;id&gt;.scope
 * lxc         /lxc.payload.&lt;name&gt; (LXC 4+), /lxc/&lt;name&gt; (older)
 * nspawn      /machine.slice/machine-&lt;name&gt;.scope (systemd-escaped: \x2d is "-")
 * berth       /berth/&lt;name&gt; (or &lt;parent&gt;/&lt;name&gt; for berth's --cgroup-parent)
 * systemd     *.service, *.slice, *.scope (anything else systemd made)
 * </pre>
 * Helper cgroups that are not containers — {@code libpod-conmon-*}, {@code crio-conmon-*}, {@code lxc.monitor.*},
 * {@code lxc.pivot} — are classified as systemd units or plain cgroups, never as containers. Ids are 64
 * lower-case hex digits, as every one of these runtimes generates them.
 */
public final class CgroupClassifier {
    private static final String HEX64 = "([0-9a-f]{64})";
    private static final Pattern DOCKER_SCOPE = Pattern.compile("docker-" + HEX64 + "\\.scope");
    private static final Pattern ID = Pattern.compile(HEX64);
    private static final Pattern K8S_CONTAINER = Pattern.compile(
            "(?:cri-containerd-|crio-|docker-)" + HEX64 + "\\.scope|" + HEX64);
    private static final Pattern K8S_POD = Pattern.compile(
            "pod([0-9a-f-]{36})|kubepods(?:-besteffort|-burstable)?-pod([0-9a-f_]{36})\\.slice");
    private static final Pattern LIBPOD = Pattern.compile("libpod-" + HEX64 + "(?:\\.scope)?");
    private static final Pattern LXC_PAYLOAD = Pattern.compile("lxc\\.payload\\.(.+)");
    private static final Pattern MACHINE = Pattern.compile("machine-(.+)\\.scope");
    private static final Pattern UNIT = Pattern.compile(".+\\.(service|slice|scope)");

    private CgroupClassifier() {
    }

    /** berth's default cgroup parent. */
    public static final String DEFAULT_BERTH_PARENT = "/berth";

    /** {@link #classify(String, String)} with berth's default parent {@code /berth}. */
    public static Classification classify(String path) {
        return classify(path, DEFAULT_BERTH_PARENT);
    }

    /**
     * Classifies one cgroup path such as {@code /system.slice/docker-<id>.scope}. The root {@code /} is a
     * plain cgroup named {@code /}.
     *
     * @param path        the cgroup path
     * @param berthParent the "/"-rooted cgroup under which berth's runtime creates its containers
     */
    public static Classification classify(String path, String berthParent) {
        String[] parts = path.equals("/") ? new String[0] : path.substring(1).split("/");
        if (parts.length == 0) {
            return plain(path);
        }
        String last = parts[parts.length - 1];
        String parent = parts.length > 1 ? parts[parts.length - 2] : "";
        boolean underKubepods = parts[0].equals("kubepods") || parts[0].equals("kubepods.slice");
        if (underKubepods && parts.length >= 2) {
            Matcher pod = K8S_POD.matcher(parent);
            Matcher c = K8S_CONTAINER.matcher(last);
            if (pod.matches() && c.matches()) {
                String uid = pod.group(1) != null ? pod.group(1) : pod.group(2).replace('_', '-');
                String id = c.group(1) != null ? c.group(1) : c.group(2);
                return new Classification(ContainerRuntime.KUBERNETES, id, Optional.empty(), Optional.of(uid));
            }
        }
        Matcher m = DOCKER_SCOPE.matcher(last);
        if (m.matches()) {
            return new Classification(ContainerRuntime.DOCKER, m.group(1), Optional.empty(), Optional.empty());
        }
        if (parent.equals("docker") && parts.length == 2 && ID.matcher(last).matches()) {
            return new Classification(ContainerRuntime.DOCKER, last, Optional.empty(), Optional.empty());
        }
        m = LIBPOD.matcher(last);
        if (m.matches()) {
            return new Classification(ContainerRuntime.PODMAN, m.group(1), Optional.empty(), Optional.empty());
        }
        m = LXC_PAYLOAD.matcher(last);
        if (m.matches() && parts.length == 1) {
            return named(ContainerRuntime.LXC, m.group(1));
        }
        if (parent.equals("lxc") && parts.length == 2 && !last.equals("lxc.pivot")
                && !last.startsWith("lxc.monitor")) {
            return named(ContainerRuntime.LXC, last);
        }
        m = MACHINE.matcher(last);
        if (m.matches() && parent.equals("machine.slice")) {
            return named(ContainerRuntime.NSPAWN, unescape(m.group(1)));
        }
        int slash = path.lastIndexOf('/');
        if (slash > 0 && path.substring(0, slash).equals(berthParent)) {
            return named(ContainerRuntime.BERTH, last);
        }
        if (UNIT.matcher(last).matches()) {
            String unit = unescape(last);
            return new Classification(ContainerRuntime.SYSTEMD, unit, Optional.of(unit), Optional.empty());
        }
        return plain(path);
    }

    private static Classification named(ContainerRuntime runtime, String name) {
        return new Classification(runtime, name, Optional.of(name), Optional.empty());
    }

    private static Classification plain(String path) {
        return new Classification(ContainerRuntime.CGROUP, path, Optional.of(path), Optional.empty());
    }

    /**
     * Undoes systemd's unit-name escaping ({@code \xNN} for bytes that are not allowed, see systemd.unit(5)),
     * e.g. {@code machine-my\x2dbox.scope} names the machine {@code my-box}. Package-private for testing.
     */
    static String unescape(String s) {
        if (s.indexOf("\\x") < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\' && i + 3 < s.length() && s.charAt(i + 1) == 'x'
                    && isHex(s.charAt(i + 2)) && isHex(s.charAt(i + 3))) {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}

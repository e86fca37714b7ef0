/**
 * berth's cgroup layer: discovery of v1, v2 and hybrid layouts, strict readers, validated writers with rollback,
 * freeze, kill and create/remove. JDK only.
 *
 * <p>Exported: {@code dev.berth.cgroupctl} (the API) and {@code dev.berth.cgroupctl.format} (pure parsers of kernel
 * file formats, also useful for {@code /proc/pressure/*}). The v1/v2 implementations and the file plumbing
 * ({@code .v1}, {@code .v2}, {@code .kernfs}) are internal.
 */
module dev.berth.cgroupctl {
    exports dev.berth.cgroupctl;
    exports dev.berth.cgroupctl.format;
}

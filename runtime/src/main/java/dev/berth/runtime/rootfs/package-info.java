/**
 * Container root filesystems: {@link dev.berth.runtime.rootfs.ImageStore} turns a directory or a
 * tar archive into a directory (archives unpacked once, shared), and
 * {@link dev.berth.runtime.rootfs.UserResolver} resolves {@code -u} against the image's own
 * {@code /etc/passwd} and {@code /etc/group}.
 */
package dev.berth.runtime.rootfs;

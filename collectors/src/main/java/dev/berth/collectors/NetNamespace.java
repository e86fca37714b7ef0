package dev.berth.collectors;

/**
 * The network namespace of a container, identified by the inode of {@code /proc/<pid>/ns/net}.
 *
 * @param inode the namespace inode (the number in {@code net:[4026531840]})
 * @param host  true when it is the host's namespace (that of pid 1): the container has no network of its own,
 *              and its traffic is not counted as its own
 */
public record NetNamespace(long inode, boolean host) {

    /** {@code host}, or the inode as a decimal string. */
    @Override
    public String toString() {
        return host ? "host" : Long.toString(inode);
    }
}

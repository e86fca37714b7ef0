package dev.berth.collectors;

/**
 * Why a value could not be read, told by the type of the error (never by its message): what
 * {@link Collector#readErrors()} counts. A controller or file the cgroup does not have is not an error and is
 * not counted (see {@link ContainerSampler}'s failure policy).
 */
public enum ReadErrorKind {
    /** The open was refused ({@code EACCES}): berth runs without the rights to read the file. */
    PERMISSION("permission"),
    /** The file did not have the format its parser accepts (a kernel berth does not know, a truncated read). */
    PARSE("parse"),
    /** The cgroup vanished while it was being read: the container ended mid-sample and was left out of it. */
    GONE("gone"),
    /** Any other I/O error ({@code EIO}, a file that is not a regular file). */
    OTHER("other");

    private final String label;

    ReadErrorKind(String label) {
        this.label = label;
    }

    /** The lower-case word used in output, e.g. as a metric label. */
    public String label() {
        return label;
    }
}

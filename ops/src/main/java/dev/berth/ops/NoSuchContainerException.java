package dev.berth.ops;

/** A NAME that names no container, berth's own or any other, nor a cgroup. */
public final class NoSuchContainerException extends OpsException {
    private static final long serialVersionUID = 1L;

    public NoSuchContainerException(String message, Throwable cause) {
        super(message, cause);
    }

    public NoSuchContainerException(String message) {
        super(message, null);
    }
}

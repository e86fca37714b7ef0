package dev.berth.runtime;

/**
 * No container of that name exists in berth's state. A sentinel callers branch on (the CLI maps
 * it to a one-line error, exit 1).
 */
public final class ContainerNotFoundException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String name;

    public ContainerNotFoundException(String name) {
        super("no such container: " + name);
        this.name = name;
    }

    /** The name that was looked up, as given. */
    public String name() {
        return name;
    }
}

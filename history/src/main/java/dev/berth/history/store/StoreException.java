package dev.berth.history.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The store cannot be used as asked: a file written by a newer berth (a newer major format version), a store
 * directory that is a file, a store another recorder holds. Carries the path; the message is one lower-case line.
 */
public class StoreException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path path;

    public StoreException(Path path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    /** The file or directory concerned. */
    public Path path() {
        return path;
    }
}

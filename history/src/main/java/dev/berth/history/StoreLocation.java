package dev.berth.history;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the history store is when {@code --store} is not given: {@code /var/lib/berth/history} for root;
 * otherwise {@code $XDG_STATE_HOME/berth/store} ({@code ~/.local/state/berth/store} without XDG_STATE_HOME, as the
 * XDG base directory spec says). Not {@code berth/history} there: that is {@code berth shell}'s command history
 * file. Stateless.
 */
public final class StoreLocation {
    /** The store of a root recorder, the default for root. */
    public static final Path SYSTEM = Path.of("/var/lib/berth/history");

    private StoreLocation() {
    }

    /**
     * The default store.
     *
     * @param uid  the effective user id
     * @param env  the environment
     * @param home the user's home directory
     */
    public static Path defaultDir(long uid, Map<String, String> env, Path home) {
        if (uid == 0) {
            return SYSTEM;
        }
        String state = env.get("XDG_STATE_HOME");
        Path base = state != null && !state.isEmpty() && Path.of(state).isAbsolute() ? Path.of(state)
                : home.resolve(".local/state");
        return base.resolve("berth/store");
    }
}

package dev.berth.cgroupctl.kernfs;

import dev.berth.cgroupctl.CgroupException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records what each written file held before the first write of a change, so that a change failing part-way can put
 * everything back (as {@code runc update} restores the previous resources on failure). Restoring writes the old
 * values in reverse order, so the files pass back through the same valid states they went through (v1 requires
 * {@code memory.memsw.limit_in_bytes >= memory.limit_in_bytes} at every step).
 *
 * <p>Not thread-safe: one journal per change.
 */
public final class WriteJournal {
    private record Entry(CgroupDir dir, String key, String file, String restore) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();

    /** @param dir the cgroup directory @param key a file name or line key @return true if recorded already */
    public boolean hasKey(CgroupDir dir, String key) {
        return keys.contains(dir.path().resolve(key).toString());
    }

    void record(CgroupDir dir, String file, String restore) {
        recordAs(dir, file, file, restore);
    }

    /**
     * Records a restore value under a key of its own, for files with one line per device ({@code io.max}), where
     * restoring means writing one line per touched device.
     *
     * @param dir     the cgroup directory
     * @param key     a key unique to the line, e.g. {@code io.max 8:0}
     * @param file    the file to write on restore
     * @param restore the text to write on restore
     * @return true if recorded, false if the key was already recorded
     */
    public boolean recordAs(CgroupDir dir, String key, String file, String restore) {
        if (!keys.add(dir.path().resolve(key).toString())) {
            return false;
        }
        entries.add(new Entry(dir, key, file, restore));
        return true;
    }

    /**
     * Writes every recorded value back, newest first. Failures to restore are added to {@code failure} as
     * suppressed exceptions, so the caller's error says what could not be put back.
     *
     * @param failure the error that made the change fail
     */
    public void rollback(CgroupException failure) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            try {
                e.dir().write(e.file(), e.restore());
            } catch (CgroupException r) {
                failure.addSuppressed(r);
            }
        }
        entries.clear();
        keys.clear();
    }
}

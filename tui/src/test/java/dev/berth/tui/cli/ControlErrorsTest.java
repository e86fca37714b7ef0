package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.cgroupctl.CgroupWriteException;
import dev.berth.runtime.control.ControlException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Issue 10 defect 9: without root, set/freeze/thaw/kill printed only a path or a bare "Permission denied". */
class ControlErrorsTest {
    @Test
    void aStateFileThisUserCannotReadSaysSoAndThatRootIsNeeded() {
        UserDataException e = ControlErrors.userError(new AccessDeniedException("/run/berth/web/state.json"));
        assertEquals("permission denied: /run/berth/web/state.json (run berth as root to control containers)",
                e.getMessage());
    }

    @Test
    void aRefusedCgroupWriteSaysWhatWasDeniedAndThatRootIsNeeded() {
        Path file = Path.of("/sys/fs/cgroup/freezer/web/freezer.state");
        CgroupWriteException w = new CgroupWriteException(file, "FROZEN", "Permission denied",
                new AccessDeniedException(file.toString()));
        UserDataException e = ControlErrors.userError(new ControlException("cannot freeze /web: " + w.getMessage(), w));
        assertEquals("cannot freeze /web: failed to write \"FROZEN\" to " + file + ": Permission denied (run berth as "
                + "root to control containers)", e.getMessage());
    }

    @Test
    void otherErrorsAreLeftAsTheyAre() {
        assertEquals("no such cgroup: /x", ControlErrors.userError(new ControlException("no such cgroup: /x"))
                .getMessage());
    }
}

package dev.berth.cgroupctl.kernfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.CgroupGoneException;
import dev.berth.cgroupctl.CgroupReadException;
import dev.berth.cgroupctl.CgroupWriteException;
import dev.berth.cgroupctl.ControllerUnavailableException;
import dev.berth.cgroupctl.format.SingleValueFormat;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error mapping of cgroup file I/O; errno cases a temp dir cannot produce are fed in as the JDK reports them. */
class CgroupDirTest {
    @TempDir
    Path tmp;

    @Test
    void mapsKernelReadErrorsToTheirTypes() throws Exception {
        CgroupDir d = new CgroupDir(tmp);
        Path f = tmp.resolve("memory.stat");
        // kernfs: ENODEV for a file of a cgroup removed after open; ESRCH for /proc/<pid> of an exited process.
        assertInstanceOf(CgroupGoneException.class, d.readError(f, new IOException("No such device")));
        assertInstanceOf(CgroupGoneException.class, d.readError(f, new FileSystemException(f.toString(), null,
                "No such process")));
        // psi=0: PSI files exist but answer EOPNOTSUPP.
        assertInstanceOf(ControllerUnavailableException.class, d.readError(f,
                new IOException("Operation not supported")));
        assertInstanceOf(CgroupReadException.class, d.readError(f, new AccessDeniedException(f.toString())));
        assertInstanceOf(CgroupReadException.class, d.readError(f, new IOException("Input/output error")));
    }

    @Test
    void missingFileIsUnavailableButMissingDirectoryIsGone() {
        assertThrows(ControllerUnavailableException.class, () -> new CgroupDir(tmp).readString("memory.max"));
        assertThrows(CgroupGoneException.class, () -> new CgroupDir(tmp.resolve("gone")).readString("memory.max"));
        assertThrows(CgroupGoneException.class, () -> new CgroupDir(tmp.resolve("gone")).write("pids.max", "5"));
        assertThrows(ControllerUnavailableException.class, () -> new CgroupDir(tmp).write("pids.max", "5"));
    }

    @Test
    void writeErrorsNameFileValueAndAnswer() throws Exception {
        Files.createDirectory(tmp.resolve("memory.max"));
        CgroupWriteException e = assertThrows(CgroupWriteException.class,
                () -> new CgroupDir(tmp).write("memory.max", "1048576"));
        assertEquals("failed to write \"1048576\" to " + tmp.resolve("memory.max") + ": Is a directory",
                e.getMessage());
        assertEquals("1048576", e.value());
        assertEquals(tmp.resolve("memory.max"), e.file());
    }

    @Test
    void journalRestoresOldValuesNewestFirst() throws Exception {
        CgroupDir d = new CgroupDir(tmp);
        Files.writeString(tmp.resolve("pids.max"), "max\n");
        Files.writeString(tmp.resolve("cpu.max"), "max 100000\n");
        WriteJournal j = new WriteJournal();
        d.write("pids.max", "10", j);
        d.write("pids.max", "20", j); // second write of the same file keeps the first old value
        d.write("cpu.max", "50000 100000", j);
        CgroupWriteException failure = new CgroupWriteException(tmp.resolve("x"), "1", "test", null);
        j.rollback(failure);
        assertEquals("max", Files.readString(tmp.resolve("pids.max")));
        assertEquals("max 100000", Files.readString(tmp.resolve("cpu.max")));
        assertEquals(0, failure.getSuppressed().length);
        assertEquals("max", d.read("pids.max", SingleValueFormat::parseLimit).toString());
    }

    @Test
    void failedRestoresAreAttachedToTheOriginalError() throws Exception {
        CgroupDir d = new CgroupDir(tmp);
        Files.writeString(tmp.resolve("pids.max"), "max\n");
        WriteJournal j = new WriteJournal();
        d.write("pids.max", "10", j);
        Files.delete(tmp.resolve("pids.max"));
        Files.createDirectory(tmp.resolve("pids.max"));
        CgroupWriteException failure = new CgroupWriteException(tmp.resolve("x"), "1", "test", null);
        j.rollback(failure);
        assertEquals(1, failure.getSuppressed().length);
        assertTrue(failure.getSuppressed()[0].getMessage().contains("pids.max"));
    }
}

package dev.berth.collectors;

import dev.berth.cgroupctl.KernelFile;
import dev.berth.collectors.proc.PidStat;
import dev.berth.collectors.proc.ProcParseException;
import dev.berth.collectors.proc.ProcParsers;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads processes from {@code <procfs>/<pid>/stat} (one read per process; {@code cmdline} as well when asked).
 * A process that exits while being read is skipped, never reported half-read. Stateless and thread-safe.
 */
public final class ProcessSampler {
    private final Path procfs;
    private final long usecPerTick;
    private final long pageSize;

    /**
     * @param procfs   procfs root
     * @param hz       USER_HZ, the unit of {@code utime}/{@code stime} (100 on every mainstream architecture)
     * @param pageSize bytes per page, the unit of {@code rss}
     */
    public ProcessSampler(Path procfs, long hz, long pageSize) {
        this.procfs = procfs;
        this.usecPerTick = 1_000_000L / hz;
        this.pageSize = pageSize;
    }

    /** Every process under {@code procfs}, with {@code comm} as the command. */
    public List<ProcessSample> sampleAll() throws IOException {
        List<ProcessSample> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(procfs, p -> isPid(p.getFileName().toString()))) {
            for (Path dir : dirs) {
                read(dir, false).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The given processes, with the full command line; those that have exited are left out. */
    public List<ProcessSample> sample(Collection<Long> pids) {
        List<ProcessSample> out = new ArrayList<>(pids.size());
        for (long pid : pids) {
            read(procfs.resolve(Long.toString(pid)), true).ifPresent(out::add);
        }
        return out;
    }

    private java.util.Optional<ProcessSample> read(Path dir, boolean cmdline) {
        try {
            Path statFile = dir.resolve("stat");
            PidStat s = ProcParsers.parsePidStat(statFile, KernelFile.readString(statFile));
            String command = s.comm();
            if (cmdline) {
                String joined = KernelFile.readString(dir.resolve("cmdline")).replace('\0', ' ').trim();
                if (!joined.isEmpty()) {
                    command = joined;
                }
            }
            // Kernel threads have rss 0 and an empty cmdline; their ppid is kthreadd (2) or they are it.
            boolean kernelThread = s.pid() == 2 || s.ppid() == 2;
            return java.util.Optional.of(new ProcessSample(s.pid(), command, s.state(),
                    (s.utime() + s.stime()) * usecPerTick, s.startTime(),
                    kernelThread ? OptionalLong.empty() : OptionalLong.of(s.rssPages() * pageSize)));
        } catch (NoSuchFileException e) {
            return java.util.Optional.empty();   // exited between listing and reading: normal
        } catch (IOException | ProcParseException e) {
            // ESRCH/EINVAL while the process is being reaped surfaces as an IOException; it is gone.
            return java.util.Optional.empty();
        }
    }

    private static boolean isPid(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}

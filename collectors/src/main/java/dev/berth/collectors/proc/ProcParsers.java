package dev.berth.collectors.proc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Strict parsers for the procfs text formats berth reads: {@code /proc/stat}, {@code /proc/meminfo},
 * {@code /proc/loadavg}, {@code /proc/diskstats}, {@code /proc/<pid>/net/dev} and {@code /proc/<pid>/stat}.
 * Each takes the file's text and its path (for the error message); a line that does not parse is an
 * error naming the line, never a silent 0. Stateless and thread-safe.
 */
public final class ProcParsers {
    /** Sector size of {@code /proc/diskstats}: always 512 bytes, whatever the device's real sector size. */
    public static final long DISKSTATS_SECTOR_BYTES = 512;

    private ProcParsers() {
    }

    /** Parses {@code /proc/stat}; the aggregate {@code cpu} line is required. */
    public static ProcStat parseStat(Path file, String text) throws ProcParseException {
        CpuTimes total = null;
        List<CpuTimes> cores = new ArrayList<>();
        long ctxt = 0;
        long processes = 0;
        long running = 0;
        long blocked = 0;
        int at = 0;
        while (at < text.length()) {
            int nl = text.indexOf('\n', at);
            int end = nl < 0 ? text.length() : nl;
            int first = at;
            while (first < end && text.charAt(first) <= ' ') {
                first++;
            }
            // only the cpu, ctxt, processes and procs_* lines are read: the others (intr: hundreds of numbers,
            // softirq, btime) are not split at all
            char c = first < end ? text.charAt(first) : ' ';
            String line = c == 'c' || c == 'p' ? text.substring(at, end) : null;
            at = end + 1;
            if (line == null) {
                continue;
            }
            String[] f = fields(line);
            if (f[0].equals("cpu")) {
                total = cpuTimes(file, line, f);
            } else if (f[0].startsWith("cpu")) {
                cores.add(cpuTimes(file, line, f));
            } else if (f[0].equals("ctxt") && f.length > 1) {
                ctxt = number(file, line, f[1]);
            } else if (f[0].equals("processes") && f.length > 1) {
                processes = number(file, line, f[1]);
            } else if (f[0].equals("procs_running") && f.length > 1) {
                running = number(file, line, f[1]);
            } else if (f[0].equals("procs_blocked") && f.length > 1) {
                blocked = number(file, line, f[1]);
            }
        }
        if (total == null) {
            throw new ProcParseException(file, "no aggregate cpu line", null);
        }
        return new ProcStat(total, cores, ctxt, processes, running, blocked);
    }

    private static CpuTimes cpuTimes(Path file, String line, String[] f) throws ProcParseException {
        // Kernels since 2.6.11 print at least 8 numbers (up to steal); guest fields follow and are ignored
        // because the kernel already adds them to user/nice.
        if (f.length < 9) {
            throw new ProcParseException(file, "cpu line has fewer than 8 fields", line);
        }
        return new CpuTimes(number(file, line, f[1]), number(file, line, f[2]), number(file, line, f[3]),
                number(file, line, f[4]), number(file, line, f[5]), number(file, line, f[6]),
                number(file, line, f[7]), number(file, line, f[8]));
    }

    /** Parses {@code /proc/meminfo} into a map of field name to bytes (values given in kB are multiplied). */
    public static Map<String, Long> parseMeminfo(Path file, String text) throws ProcParseException {
        Map<String, Long> out = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new ProcParseException(file, "no colon", line);
            }
            String[] v = fields(line.substring(colon + 1));
            if (v.length == 0) {
                throw new ProcParseException(file, "no value", line);
            }
            long n = number(file, line, v[0]);
            out.put(line.substring(0, colon), v.length > 1 && v[1].equals("kB") ? n * 1024 : n);
        }
        return out;
    }

    /** Parses {@code /proc/loadavg}. */
    public static LoadAverage parseLoadavg(Path file, String text) throws ProcParseException {
        String[] f = fields(text);
        if (f.length < 3) {
            throw new ProcParseException(file, "fewer than 3 fields", text.trim());
        }
        try {
            return new LoadAverage(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
        } catch (NumberFormatException e) {
            throw new ProcParseException(file, "not a number", text.trim());
        }
    }

    /** Parses {@code /proc/diskstats} (all devices; the whole-disk rule is applied by {@code BlockDevices}). */
    public static List<DiskCounters> parseDiskstats(Path file, String text) throws ProcParseException {
        List<DiskCounters> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = fields(line);
            if (f.length < 3) {
                continue;
            }
            // Fields (Documentation/admin-guide/iostats.rst): major minor name, reads completed, merged,
            // sectors read, ms reading, writes completed, merged, sectors written, ms writing, in flight,
            // ms doing IO, ... Kernels before 4.18 print 14 fields, later ones 18 or 20.
            if (f.length < 14) {
                throw new ProcParseException(file, "fewer than 14 fields", line);
            }
            out.add(new DiskCounters(f[2], (int) number(file, line, f[0]), (int) number(file, line, f[1]),
                    number(file, line, f[3]), number(file, line, f[5]) * DISKSTATS_SECTOR_BYTES,
                    number(file, line, f[7]), number(file, line, f[9]) * DISKSTATS_SECTOR_BYTES,
                    number(file, line, f[12])));
        }
        return out;
    }

    /** Parses {@code /proc/<pid>/net/dev} (two header lines, then one line per interface). */
    public static List<NetDevCounters> parseNetDev(Path file, String text) throws ProcParseException {
        List<NetDevCounters> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 2; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int colon = line.lastIndexOf(':');
            if (colon < 0) {
                throw new ProcParseException(file, "no colon", line);
            }
            String[] f = fields(line.substring(colon + 1));
            if (f.length < 16) {
                throw new ProcParseException(file, "fewer than 16 counters", line);
            }
            out.add(new NetDevCounters(line.substring(0, colon).trim(), number(file, line, f[0]),
                    number(file, line, f[1]), number(file, line, f[2]), number(file, line, f[3]),
                    number(file, line, f[8]), number(file, line, f[9]), number(file, line, f[10]),
                    number(file, line, f[11])));
        }
        return out;
    }

    /**
     * Parses {@code /proc/<pid>/stat}. The command ({@code comm}) is in parentheses and may itself contain
     * spaces and parentheses, so the fields are counted from the <em>last</em> closing parenthesis.
     */
    public static PidStat parsePidStat(Path file, String text) throws ProcParseException {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new ProcParseException(file, "no (comm)", text.trim());
        }
        long pid = number(file, text, text.substring(0, open).trim());
        String comm = text.substring(open + 1, close);
        String[] f = fields(text.substring(close + 1));
        // f[0] is field 3 (state); utime/stime are fields 14/15, starttime 22, rss 24 (proc(5)).
        if (f.length < 22) {
            throw new ProcParseException(file, "fewer than 24 fields", text.trim());
        }
        return new PidStat(pid, comm, f[0].charAt(0), number(file, text, f[1]),
                number(file, text, f[11]), number(file, text, f[12]), number(file, text, f[19]),
                number(file, text, f[21]));
    }

    /** Reads the {@code VmRSS} line (kB) of {@code /proc/<pid>/status}; empty for kernel threads. */
    public static OptionalLong parseStatusRss(Path file, String text) throws ProcParseException {
        for (String line : text.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] f = fields(line.substring(6));
                if (f.length == 0) {
                    throw new ProcParseException(file, "no value", line);
                }
                return OptionalLong.of(number(file, line, f[0]) * 1024);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The fields of {@code s}: what {@code s.trim().split("\\s+")} gives, without a regex (these parsers run once a
     * second in every front end, mostly interpreted: the regex engine was a third of their cost), and with no
     * field at all for a blank {@code s} where the regex gives one empty field. The ends are trimmed as
     * {@link String#trim()} does (every char up to U+0020); within, fields are separated by runs of {@code \\s}
     * (space, tab, line feed, vertical tab, form feed, carriage return).
     */
    static String[] fields(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        int n = 0;
        for (int i = from; i < to; ) {
            n++;
            while (i < to && !space(s.charAt(i))) {
                i++;
            }
            while (i < to && space(s.charAt(i))) {
                i++;
            }
        }
        String[] out = new String[n];
        int k = 0;
        for (int i = from; i < to; ) {
            int start = i;
            while (i < to && !space(s.charAt(i))) {
                i++;
            }
            out[k++] = s.substring(start, i);
            while (i < to && space(s.charAt(i))) {
                i++;
            }
        }
        return out;
    }

    /** {@code \\s} of {@link java.util.regex.Pattern}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    static long number(Path file, String line, String s) throws ProcParseException {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            // Some counters are unsigned 64-bit in the kernel; keep them if they fit, reject garbage.
            try {
                return Long.parseUnsignedLong(s);
            } catch (NumberFormatException e2) {
                throw new ProcParseException(file, "not a number: " + s, line);
            }
        }
    }
}

package dev.berth.collectors.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcParsersTest {
    private static final Path F = Path.of("/proc/x");

    /** Taken from the CI VM (Linux 6.18, 2 CPUs). */
    private static final String STAT = """
            cpu  6351 0 2186 70218 226 0 41 7 0 0
            cpu0 2988 0 818 35660 13 0 8 2 0 0
            cpu1 3362 0 1367 34557 213 0 33 4 0 0
            intr 123 0 0
            ctxt 456789
            btime 1763780000
            processes 8233
            procs_running 1
            procs_blocked 0
            softirq 1 2 3 4 5 6 7 8 9 10 11
            """;

    @Test
    void stat() throws Exception {
        ProcStat s = ProcParsers.parseStat(F, STAT);
        assertEquals(new CpuTimes(6351, 0, 2186, 70218, 226, 0, 41, 7), s.total());
        assertEquals(2, s.perCore().size());
        assertEquals(1367, s.perCore().get(1).system());
        assertEquals(456789, s.contextSwitches());
        assertEquals(8233, s.processesCreated());
    }

    @Test
    void statWithoutCpuLineFails() {
        assertThrows(ProcParseException.class, () -> ProcParsers.parseStat(F, "ctxt 1\n"));
        assertThrows(ProcParseException.class, () -> ProcParsers.parseStat(F, "cpu 1 2 x 4 5 6 7 8\n"));
    }

    @Test
    void meminfoInBytes() throws Exception {
        Map<String, Long> m = ProcParsers.parseMeminfo(F, "MemTotal:       24684092 kB\nHugePages_Total:       0\n");
        assertEquals(24684092L * 1024, m.get("MemTotal"));
        assertEquals(0L, m.get("HugePages_Total"));
        assertThrows(ProcParseException.class, () -> ProcParsers.parseMeminfo(F, "MemTotal 12\n"));
    }

    @Test
    void loadavg() throws Exception {
        assertEquals(new LoadAverage(0.73, 0.31, 0.13), ProcParsers.parseLoadavg(F, "0.73 0.31 0.13 1/89 8233\n"));
        assertThrows(ProcParseException.class, () -> ProcParsers.parseLoadavg(F, "0.73\n"));
    }

    @Test
    void diskstatsSectorsAreBytesTimes512() throws Exception {
        // 18-field line of the CI VM's virtio disk, and a 14-field line of a pre-4.18 kernel.
        List<DiskCounters> d = ProcParsers.parseDiskstats(F,
                " 254       0 vda 35719 7064 2030930 8171 14679 7656 1023976 3088 0 3572 11586 4799 34 126032 238 "
                + "2349 88\n   8       0 sda 10 0 8 1 2 0 16 1 0 5 5\n");
        assertEquals(new DiskCounters("vda", 254, 0, 35719, 2030930L * 512, 14679, 1023976L * 512, 3572), d.get(0));
        assertEquals(8 * 512, d.get(1).readBytes());
        assertThrows(ProcParseException.class, () -> ProcParsers.parseDiskstats(F, "8 0 sda 1 2 3\n"));
    }

    @Test
    void netDev() throws Exception {
        String text = """
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                    lo:    3193      29    0    0    0     0          0         0     3193      29    0    0    0     0       0          0
                  eth0: 1234567890  1000    1    2    0     0          0         0  987654    900    3    4    0     0       0          0
                """;
        List<NetDevCounters> n = ProcParsers.parseNetDev(F, text);
        assertEquals(2, n.size());
        assertTrue(n.get(0).loopback());
        assertEquals(new NetDevCounters("eth0", 1234567890L, 1000, 1, 2, 987654, 900, 3, 4), n.get(1));
        assertThrows(ProcParseException.class, () -> ProcParsers.parseNetDev(F, "a\nb\n eth0: 1 2 3\n"));
    }

    @Test
    void pidStatWithParenthesesAndSpacesInComm() throws Exception {
        PidStat s = ProcParsers.parsePidStat(F, "4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194304 101 0 0 0 "
                + "250 50 0 0 20 0 1 0 39701 3133440 382 18446744073709551615 1 1 0 0 0\n");
        assertEquals(new PidStat(4242, "my (odd) cmd", 'S', 1, 250, 50, 39701, 382), s);
        assertThrows(ProcParseException.class, () -> ProcParsers.parsePidStat(F, "12 (x) S 1 2\n"));
    }
}

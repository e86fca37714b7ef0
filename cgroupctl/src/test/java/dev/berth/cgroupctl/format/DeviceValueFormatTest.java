package dev.berth.cgroupctl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceValueFormatTest {
    @Test
    void parsesThrottleFiles() throws Exception {
        assertEquals(List.of(new DeviceValueFormat.Line(254, 0, "", 1073741824)),
                DeviceValueFormat.parseDeviceValues("254:0 1073741824\n"));
        assertEquals(List.of(), DeviceValueFormat.parseDeviceValues(""));
    }

    @Test
    void parsesStatisticsAndSkipsTheTotalLine() throws Exception {
        // Captured from this host (Linux 6.18): blkio.throttle.io_serviced after 20 MiB of direct IO.
        List<DeviceValueFormat.Line> l = DeviceValueFormat.parseDeviceOperations(
                "254:0 Read 40\n254:0 Write 20\n254:0 Sync 61\n254:0 Async 0\n254:0 Discard 1\n254:0 Total 61\n"
                        + "Total 61\n");
        assertEquals(6, l.size());
        assertEquals(new DeviceValueFormat.Line(254, 0, "Read", 40), l.get(0));
        assertEquals(List.of(), DeviceValueFormat.parseDeviceOperations("Total 0\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"254:0\n", "254:0 Read\n", "x:0 Read 1\n", "Total x\n"})
    void rejectsMalformedLines(String content) {
        assertThrows(MalformedContentException.class, () -> {
            DeviceValueFormat.parseDeviceOperations(content);
            DeviceValueFormat.parseDeviceValues(content);
        });
    }
}

package dev.berth.runtime.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.cgroupctl.IoLimit.Kind;
import dev.berth.cgroupctl.Limit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceRateTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "/dev/vda:10M;READ_BPS;/dev/vda;10485760",
        "254:0:1mb;WRITE_BPS;254:0;1048576",
        "8:16:1;READ_BPS;8:16;1",
        "/dev/disk/by-id/x:1.5k;WRITE_BPS;/dev/disk/by-id/x;1536",
        "/dev/vda:500;READ_IOPS;/dev/vda;500",
        "254:0:1;WRITE_IOPS;254:0;1"})
    void parsesDeviceAndRate(String text, Kind kind, String device, long rate) {
        assertEquals(new DeviceRate(device, kind, Limit.of(rate)), DeviceRate.parse(text, kind));
    }

    @Test
    void maxRemovesTheThrottle() {
        assertEquals(new DeviceRate("/dev/vda", Kind.READ_IOPS, Limit.UNLIMITED), DeviceRate.parse("/dev/vda:max", Kind.READ_IOPS));
        assertEquals(new DeviceRate("8:0", Kind.WRITE_BPS, Limit.UNLIMITED), DeviceRate.parse("8:0:MAX", Kind.WRITE_BPS));
    }

    @Test
    void printsAsTyped() {
        assertEquals("/dev/vda:10M", DeviceRate.parse("/dev/vda:10485760", Kind.READ_BPS).toString());
        assertEquals("8:0:500", DeviceRate.parse("8:0:500", Kind.READ_IOPS).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "/dev/vda;READ_BPS;\"/dev/vda\" is not DEV:RATE with DEV a /dev path or MAJOR:MINOR and RATE a size per second such as 10M, or max",
        "/dev/vda:;READ_BPS;\"/dev/vda:\" is not DEV:RATE with DEV a /dev path or MAJOR:MINOR and RATE a size per second such as 10M, or max",
        ":10M;WRITE_BPS;\":10M\" is not DEV:RATE with DEV a /dev path or MAJOR:MINOR and RATE a size per second such as 10M, or max",
        "sda:10M;READ_BPS;\"sda:10M\": device \"sda\" is neither a /dev path nor MAJOR:MINOR (DEV:RATE with DEV a /dev path or MAJOR:MINOR and RATE a size per second such as 10M, or max)",
        "8:x:10;READ_IOPS;\"8:x:10\": device \"8:x\" is neither a /dev path nor MAJOR:MINOR (DEV:RATE with DEV a /dev path or MAJOR:MINOR and RATE a count per second such as 500, or max)",
        "/dev/vda:fast;READ_BPS;\"/dev/vda:fast\": rate \"fast\" is not a size: expected a size such as 1024, 512k, 64M, 1.5G or 1T",
        "/dev/vda:1.5;READ_IOPS;\"/dev/vda:1.5\": rate \"1.5\" is not a count: expected 1..922337203685477580 operations per second, or max",
        "/dev/vda:10M;WRITE_IOPS;\"/dev/vda:10M\": rate \"10M\" is not a count: expected 1..922337203685477580 operations per second, or max",
        "/dev/vda:-1;WRITE_IOPS;\"/dev/vda:-1\": rate \"-1\" is not a count: expected 1..922337203685477580 operations per second, or max",
        "/dev/vda:0;READ_BPS;\"/dev/vda:0\": rate 0 is not accepted (the kernel reads 0 as no limit): expected a positive rate, or max to remove the throttle",
        "8:0:0;WRITE_IOPS;\"8:0:0\": rate 0 is not accepted (the kernel reads 0 as no limit): expected a positive rate, or max to remove the throttle"})
    void rejectsBadArgumentsNamingThem(String text, Kind kind, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceRate.parse(text, kind));
        assertEquals(message, e.getMessage());
    }
}

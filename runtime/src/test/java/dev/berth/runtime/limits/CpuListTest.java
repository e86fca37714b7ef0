package dev.berth.runtime.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CpuListTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"0;0", "0-1;0-1", "1,0;0-1", "0,2,4-7;0,2,4-7", "3-3;3", "0-2,1-3;0-3",
        " 0 , 1 ;0-1", "8191;8191"})
    void parsesAndCanonicalises(String text, String canonical) {
        assertEquals(canonical, CpuList.parse(text).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "'';\"\" is not a cpu list: expected cpu numbers and ranges such as 0-1,3",
        "a;\"a\" is not a cpu list (bad part \"a\"): expected cpu numbers and ranges such as 0-1,3",
        "0,;\"0,\" is not a cpu list (bad part \"\"): expected cpu numbers and ranges such as 0-1,3",
        "-1;\"-1\" is not a cpu list (bad part \"-1\"): expected cpu numbers and ranges such as 0-1,3",
        "1-2-3;\"1-2-3\" is not a cpu list (bad part \"1-2-3\"): expected cpu numbers and ranges such as 0-1,3",
        "3-1;\"3-1\" is not a cpu list: range 3-1 is reversed (expected LOW-HIGH)",
        "8192;\"8192\": cpu 8192 is out of range: expected 0..8191",
        "0-99999;\"0-99999\": cpu 99999 is out of range: expected 0..8191"})
    void rejectsBadListsNamingThePart(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuList.parse(text));
        assertEquals(message, e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void bitSetIsACopy() {
        CpuList l = CpuList.parse("0-1");
        l.cpus().clear();
        assertEquals("0-1", l.toString());
    }
}

package dev.berth.v2vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guest's JUnit XML read back as test cases (a fixture of what the console launcher wrote in the guest). */
class GuestReportTest {
    @Test
    void passedSkippedAndFailedCasesWithWhatTheyPrinted() throws IOException, URISyntaxException {
        Path xml = Path.of(GuestReportTest.class.getResource("TEST-junit-jupiter.xml").toURI());
        List<GuestReport.TestCase> cases = GuestReport.parse(xml);
        assertEquals(List.of(
                new GuestReport.TestCase("dev.berth.cgroupctl.LiveCgroupTest", "memoryLimitOomKillsAndOomKillCountsIt()",
                        GuestReport.Outcome.PASSED, "", "",
                        "LIVE oom: exit status 137, oom_kill 0 -> 1, limit 33554432, failcnt OptionalLong.empty", 0.829),
                new GuestReport.TestCase("dev.berth.cgroupctl.LiveFreezeKillTest",
                        "freezeThroughTheV1FreezerStopsTheProcessAndThawResumesIt()", GuestReport.Outcome.SKIPPED, "",
                        "org.opentest4j.TestAbortedException: Assumption failed: no v1 freezer hierarchy\n"
                                + "\tat org.junit.jupiter.api.Assumptions.throwAssumptionFailed(Assumptions.java:316)",
                        "", 0.021),
                new GuestReport.TestCase("dev.berth.cgroupctl.LiveV2Test", "pidsMaxMakesForkFail()",
                        GuestReport.Outcome.FAILED, "no fork was refused",
                        "org.opentest4j.AssertionFailedError: no fork was refused\n"
                                + "\tat dev.berth.cgroupctl.LiveV2Test.pidsMaxMakesForkFail(LiveV2Test.java:190)",
                        "", 1234.5)), cases);
    }

    @Test
    void aFileThatIsNotXmlIsAnErrorNamingIt(@TempDir Path tmp) throws IOException {
        Path bad = Files.writeString(tmp.resolve("TEST-x.xml"), "<testsuite><testcase");
        IOException e = assertThrows(IOException.class, () -> GuestReport.read(tmp));
        assertEquals(true, e.getMessage().startsWith(bad + ": not JUnit XML"), e.getMessage());
    }
}

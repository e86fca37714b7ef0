package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Golden files for the usage help of every command in the tree: {@code berth --help}, and
 * {@code berth <sub> --help} for each subcommand (and theirs), compared exactly with
 * {@code src/test/resources/dev/berth/tui/cli/help/<berth-sub>.txt}.
 *
 * <p>A command without a golden file is reported as skipped, not failed, so that a new subcommand
 * does not break the build before its golden is written. To (re)write the goldens after changing
 * help text or adding a command, from the repository root:
 * <pre>
 *   ./mvnw -q verify -pl tui -am -Dsurefire.failIfNoSpecifiedTests=false -DskipITs \
 *       -Dtest=HelpGoldenTest -Dberth.regenerateGoldens=true
 * </pre>
 * then review {@code git diff tui/src/test/resources} and commit. Regeneration also deletes the
 * goldens of commands that no longer exist.
 */
class HelpGoldenTest {
    private static final Path GOLDENS = Path.of("src/test/resources/dev/berth/tui/cli/help");
    private static final boolean REGENERATE = Boolean.getBoolean("berth.regenerateGoldens");

    /** Usage text of every command, keyed by qualified name joined with "-" ("berth-ps"). */
    static Map<String, String> usageOfEveryCommand() {
        Map<String, String> usage = new LinkedHashMap<>();
        collect(Main.newCommandLine(), usage);
        return usage;
    }

    private static void collect(CommandLine cl, Map<String, String> usage) {
        StringWriter text = new StringWriter();
        cl.usage(new PrintWriter(text), Ansi.OFF);
        usage.put(cl.getCommandSpec().qualifiedName("-"), text.toString());
        // subcommands() holds aliases too; visit each command once
        cl.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, usage));
    }

    @TestFactory
    Stream<DynamicTest> usageHelpMatchesGolden() throws IOException {
        Map<String, String> usage = usageOfEveryCommand();
        if (REGENERATE) {
            regenerate(usage);
        }
        return usage.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Path golden = GOLDENS.resolve(e.getKey() + ".txt");
            Assumptions.assumeTrue(Files.exists(golden), "no golden file " + golden
                    + "; write it with -Dberth.regenerateGoldens=true (see HelpGoldenTest javadoc)");
            assertEquals(Files.readString(golden), e.getValue(), "usage help of '" + e.getKey().replace('-', ' ')
                    + "' differs from " + golden + "; if the change is intended, regenerate (see HelpGoldenTest)");
        }));
    }

    /** The real {@code berth --help} path (option parsing, handlers, stdout) prints the root golden. */
    @Test
    void berthHelpPrintsTheRootUsage() {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Main.run("--help");
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, code);
        assertEquals(usageOfEveryCommand().get("berth"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyGoldenBelongsToACommand() throws IOException {
        Map<String, String> usage = usageOfEveryCommand();
        List<String> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(GOLDENS)) {
            files.map(f -> f.getFileName().toString().replaceFirst("\\.txt$", ""))
                    .filter(name -> !usage.containsKey(name)).forEach(stale::add);
        }
        assertTrue(stale.isEmpty(), "goldens for commands that do not exist: " + stale + "; regenerate (see HelpGoldenTest)");
    }

    private static void regenerate(Map<String, String> usage) throws IOException {
        Files.createDirectories(GOLDENS);
        try (Stream<Path> files = Files.list(GOLDENS)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        for (Map.Entry<String, String> e : usage.entrySet()) {
            Files.writeString(GOLDENS.resolve(e.getKey() + ".txt"), e.getValue());
        }
    }
}

package dev.berth.tui.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module layering of the README, checked on every build rather than hoped for: a class that references a
 * package its module may not use fails this test, and so {@code ./mvnw verify}.
 *
 * <pre>
 * tui -> ops -> history, export -> runtime, collectors -> cgroupctl -> JDK
 * </pre>
 *
 * Only {@code cgroupctl} is a JPMS module ({@code module-info.java}): on the class path, where the other modules
 * compile and run, its descriptor is not enforced, and the libraries above it (jline, jnr-posix and
 * picocli-shell-jline3 are automatic or unnamed modules) make JPMS impractical for runtime and tui. So the rule is
 * checked here, over the main sources of every module of the root pom: each reference to {@code dev.berth.<pkg>}
 * (import or fully qualified name, comments and string literals left out) must name a package the module may use,
 * and cgroupctl's internal packages ({@code kernfs}, {@code v1}, {@code v2}, those its module-info does not export)
 * are for cgroupctl alone.
 */
class LayeringTest {
    /** Module directory to the top-level berth packages it may reference (its own included). */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "cgroupctl", Set.of("cgroupctl"),
            "collectors", Set.of("collectors", "cgroupctl"),
            "runtime", Set.of("runtime", "cgroupctl"),
            "history", Set.of("history", "collectors", "cgroupctl"),
            "export", Set.of("export", "collectors", "cgroupctl"),
            "ops", Set.of("ops", "history", "export", "runtime", "collectors", "cgroupctl"),
            // The microbenchmarks (-Pjmh) sit above everything: one of them renders a console frame.
            "bench/jmh", Set.of("bench", "tui", "ops", "history", "export", "runtime", "collectors", "cgroupctl"));
    /** A module not in {@link #ALLOWED} may use everything but the front ends. */
    static final Set<String> NEVER_BELOW_TUI = Set.of("tui");
    /** cgroupctl's packages that its module-info does not export. */
    static final Set<String> CGROUPCTL_INTERNAL = Set.of("cgroupctl.kernfs", "cgroupctl.v1", "cgroupctl.v2");

    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.berth\\.([a-z][a-z0-9_]*)((?:\\.[a-z][a-z0-9_]*)*)");
    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])+'",
            Pattern.DOTALL);

    /** The forbidden references (by package) in one source file of {@code module}, as "module: file: package (why)". */
    static List<String> violations(String module, String file, String source) {
        List<String> out = new ArrayList<>();
        String code = COMMENTS_AND_STRINGS.matcher(source).replaceAll(" ");
        Matcher m = REFERENCE.matcher(code);
        Set<String> seen = new TreeSet<>();
        while (m.find()) {
            String top = m.group(1);
            String ref = "dev.berth." + top + m.group(2);
            if (!seen.add(ref)) {
                continue;
            }
            Set<String> allowed = ALLOWED.get(module);
            if (allowed != null ? !allowed.contains(top) : NEVER_BELOW_TUI.contains(top) && !module.equals("tui")) {
                out.add(module + ": " + file + ": " + ref + " (" + module + " may not depend on " + top + ")");
            } else if (!module.equals("cgroupctl") && CGROUPCTL_INTERNAL.stream()
                    .anyMatch(p -> (top + m.group(2)).equals(p) || (top + m.group(2)).startsWith(p + "."))) {
                out.add(module + ": " + file + ": " + ref + " (internal to cgroupctl: not exported by its module-info)");
            }
        }
        return out;
    }

    @Test
    void everyModuleReferencesOnlyWhatItsLayerAllows() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        String pom = Files.readString(root.resolve("pom.xml"));
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        List<String> all = new ArrayList<>();
        int files = 0;
        while (modules.find()) {
            String module = modules.group(1).strip();
            Path src = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(src)) {
                continue;
            }
            List<Path> sources;
            try (Stream<Path> s = Files.walk(src)) {
                sources = s.filter(p -> p.toString().endsWith(".java")).toList();
            }
            for (Path f : sources) {
                files++;
                all.addAll(violations(module, src.relativize(f).toString(), Files.readString(f)));
            }
        }
        assertTrue(files > 100, "found the sources (" + files + " files under " + root + ")");
        assertEquals(List.of(), all, "references across the layering of the README");
    }

    @Test
    void theCheckCatchesForbiddenReferences() {
        assertEquals(List.of("collectors: X.java: dev.berth.cgroupctl.kernfs (internal to cgroupctl: not "
                + "exported by its module-info)"),
                violations("collectors", "X.java", "import dev.berth.cgroupctl.kernfs.CgroupDir;\nclass X {}"));
        assertEquals(List.of("collectors: X.java: dev.berth.runtime (collectors may not depend on "
                + "runtime)"), violations("collectors", "X.java", "class X { dev.berth.runtime.ContainerName n; }"));
        assertEquals(List.of("ops: X.java: dev.berth.tui.cli (ops may not depend on tui)"),
                violations("ops", "X.java", "import dev.berth.tui.cli.Main;"));
        assertEquals(List.of("bench: X.java: dev.berth.tui.cli (bench may not depend on tui)"),
                violations("bench", "X.java", "import dev.berth.tui.cli.Main;"));
        assertEquals(List.of(), violations("collectors", "X.java",
                "/** see {@link dev.berth.runtime.Foo} */ class X { String s = \"dev.berth.tui.x\"; }"));
        assertEquals(List.of(), violations("cgroupctl", "X.java", "import dev.berth.cgroupctl.kernfs.CgroupDir;"));
        assertEquals(List.of(), violations("tui", "X.java", "import dev.berth.ops.Host; import dev.berth.runtime.X;"));
    }
}

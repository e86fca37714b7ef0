package dev.berth.v2vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The test cases of the JUnit XML ("legacy" format, as the console launcher and surefire write it) that the guest
 * left in its reports directory. Pure parsing; thread-safe.
 */
final class GuestReport {
    /** How one test case ended in the guest. */
    enum Outcome { PASSED, FAILED, SKIPPED }

    /**
     * One test case.
     *
     * @param className the test class, fully qualified
     * @param name      the test's display name in the XML, e.g. {@code freezeThaws()}
     * @param outcome   how it ended
     * @param message   the failure's or skip's message; empty when it passed
     * @param detail    the stack trace or skip text the XML carries; empty when none
     * @param systemOut what the test printed (its {@code LIVE} figures), empty when nothing
     * @param seconds   the time the guest measured for it. Units: seconds
     */
    record TestCase(String className, String name, Outcome outcome, String message, String detail, String systemOut,
                    double seconds) {
    }

    private GuestReport() {
    }

    /** Reads every {@code TEST-*.xml} in {@code dir}. */
    static List<TestCase> read(Path dir) throws IOException {
        List<TestCase> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList()) {
                all.addAll(parse(f));
            }
        }
        return all;
    }

    /** Parses one XML file; package-private for testing. */
    static List<TestCase> parse(Path file) throws IOException {
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            root = f.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(file + ": not JUnit XML: " + e.getMessage(), e);
        }
        List<TestCase> all = new ArrayList<>();
        NodeList cases = root.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            Outcome outcome = Outcome.PASSED;
            String message = "";
            String detail = "";
            for (String tag : List.of("failure", "error", "skipped")) {
                NodeList n = c.getElementsByTagName(tag);
                if (n.getLength() > 0) {
                    Element e = (Element) n.item(0);
                    outcome = tag.equals("skipped") ? Outcome.SKIPPED : Outcome.FAILED;
                    message = e.getAttribute("message");
                    detail = e.getTextContent().strip();
                    break;
                }
            }
            // The console launcher writes several system-out elements per test case: one with the test's
            // unique-id and display-name, then what the test printed.
            StringBuilder out = new StringBuilder();
            NodeList so = c.getElementsByTagName("system-out");
            for (int j = 0; j < so.getLength(); j++) {
                for (String line : so.item(j).getTextContent().strip().split("\n")) {
                    if (!line.isBlank() && !line.startsWith("unique-id: ") && !line.startsWith("display-name: ")) {
                        out.append(line).append('\n');
                    }
                }
            }
            String systemOut = out.toString().strip();
            String time = c.getAttribute("time");
            all.add(new TestCase(c.getAttribute("classname"), c.getAttribute("name"), outcome, message, detail,
                    systemOut, time.isEmpty() ? 0 : Double.parseDouble(time.replace(",", ""))));
        }
        return all;
    }
}

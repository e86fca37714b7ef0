package dev.berth.collectors.proc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link ProcParsers#fields} splits as {@code s.trim().split("\\s+")} did before it replaced the regex, over strings
 * of fields, every {@code \s} character, and control characters that {@code trim()} removes at the ends but that
 * separate nothing within.
 */
class FieldsTest {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    @Property(tries = 5000)
    void splitsAsTheRegexDid(@ForAll("lines") String s) {
        String[] regex = WHITESPACE.split(s.trim());
        // the regex gives one empty field for a blank string; fields gives none
        String[] expected = regex.length == 1 && regex[0].isEmpty() ? new String[0] : regex;
        assertArrayEquals(expected, ProcParsers.fields(s), () -> "for " + s.chars().mapToObj(Integer::toString).toList());
    }

    @Example
    void aProcStatLine() {
        assertArrayEquals(new String[] {"cpu0", "2988", "0", "818"}, ProcParsers.fields("  cpu0 2988\t0  818 \n"));
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.strings().withChars(" \t\n\u000B\f\r\u0001\u0000\u001Fa1:()-").ofMaxLength(40);
    }
}

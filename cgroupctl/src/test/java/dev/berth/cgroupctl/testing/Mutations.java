package dev.berth.cgroupctl.testing;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Fuzz inputs for the kernel-file parsers (and the state-file reader): a seed, real kernel output
 * from a fixture, changed by a few random edits of the kinds that break parsers: a character
 * replaced by one of an alphabet of digits, separators, signs and control characters; a token
 * replaced by an edge value (a number past 2^64, a negative, {@code max}, {@code NaN}, an empty
 * field); a line duplicated, dropped or cut short; a range deleted; the whole cut at a random
 * point. Plus, for one case in ten, an unrelated random string. The edits are drawn from a
 * {@link Random} seeded by jqwik, so every failing input is reproduced by jqwik's seed.
 *
 * <p>How many inputs a run tries is jqwik's {@code jqwik.tries.default}: 1000 per property in
 * {@code src/test/resources/junit-platform.properties} (the quick run on CI); the long variant
 * passes {@code -Djqwik.tries.default=...} (see the README).
 */
public final class Mutations {
    private static final String ALPHABET = "0123456789 \t\n:=-+.,_/maxMAXsomefulavg10total\u0000\u001b\u00ff\u4e2d\u0085";
    private static final List<String> EDGE_TOKENS = List.of("18446744073709551616", "18446744073709551615",
            "9223372036854775808", "-9223372036854775809", "-1", "0", "max", "NaN", "1e309", "", " ", "=", ":",
            "\n", "\u0000", "00000000000000000000000000000000001", "0x10", "+5", "1.5", "-0", "4294967296",
            "some", "full", "avg10=", "total=-5", "8:", ":0", "253:", "rbytes=", "0-", "-3", "3-1", "0-4294967296",
            ",", "1,,2", "\\040", "\\", "(", ")", " (a b) ");

    private Mutations() {
    }

    /** Seeds changed by up to eight random edits each, and now and then an unrelated string. */
    public static Arbitrary<String> of(List<String> seeds) {
        Arbitrary<String> mutated = Combinators.combine(Arbitraries.of(seeds), Arbitraries.longs(),
                Arbitraries.integers().between(0, 8)).as(Mutations::mutate);
        Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(200);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, mutated), net.jqwik.api.Tuple.of(1, random));
    }

    static String mutate(String seed, long randomSeed, int edits) {
        Random r = new Random(randomSeed);
        StringBuilder s = new StringBuilder(seed);
        for (int i = 0; i < edits; i++) {
            int kind = r.nextInt(7);
            int at = s.length() == 0 ? 0 : r.nextInt(s.length());
            switch (kind) {
                case 0 -> {
                    if (s.length() > 0) {
                        s.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                    }
                }
                case 1 -> replaceToken(s, at, EDGE_TOKENS.get(r.nextInt(EDGE_TOKENS.size())));
                case 2 -> s.insert(at, EDGE_TOKENS.get(r.nextInt(EDGE_TOKENS.size())));
                case 3 -> {
                    int end = Math.min(s.length(), at + 1 + r.nextInt(40));
                    s.delete(at, end);
                }
                case 4 -> duplicateLine(s, at);
                case 5 -> s.setLength(at);
                default -> s.insert(at, (char) r.nextInt(0x80));
            }
        }
        return s.toString();
    }

    private static void replaceToken(StringBuilder s, int at, String with) {
        int start = at;
        while (start > 0 && !Character.isWhitespace(s.charAt(start - 1)) && s.charAt(start - 1) != '=') {
            start--;
        }
        int end = at;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != '=') {
            end++;
        }
        s.replace(start, end, with);
    }

    private static void duplicateLine(StringBuilder s, int at) {
        int start = s.lastIndexOf("\n", at) + 1;
        int end = s.indexOf("\n", at);
        String line = s.substring(start, end < 0 ? s.length() : end + 1);
        s.insert(start, line.endsWith("\n") ? line : line + "\n");
    }
}

package dev.berth.cgroupctl.format;

/** Number parsing shared by the parsers of this package (package-private: its one home). */
final class Numbers {
    private Numbers() {
    }

    /**
     * Parses a decimal integer as the kernel prints it. Values above {@code Long.MAX_VALUE} (v1 prints some u64
     * counters and "unlimited" limits such as {@code 18446744073709551615}) saturate at {@code Long.MAX_VALUE}, which
     * no real counter reaches.
     */
    static long parseLong(String token, String line) throws MalformedContentException {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            if (!token.isEmpty() && token.chars().allMatch(Character::isDigit)) {
                return Long.MAX_VALUE;
            }
            throw new MalformedContentException(line, "expected an integer, got \"" + token + "\"");
        }
    }

    /** Parses a non-negative decimal integer (saturating like {@link #parseLong}). */
    static long parseUnsigned(String token, String line) throws MalformedContentException {
        long v = parseLong(token, line);
        if (v < 0) {
            throw new MalformedContentException(line, "expected a non-negative integer, got \"" + token + "\"");
        }
        return v;
    }

    static int parseInt(String token, String line) throws MalformedContentException {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new MalformedContentException(line, "expected an integer, got \"" + token + "\"");
        }
    }
}

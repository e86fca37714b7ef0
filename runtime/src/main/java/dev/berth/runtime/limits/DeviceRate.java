package dev.berth.runtime.limits;

import dev.berth.cgroupctl.IoLimit;
import dev.berth.cgroupctl.Limit;
import java.util.regex.Pattern;

/**
 * One {@code --device-read-bps}, {@code --device-write-bps}, {@code --device-read-iops} or
 * {@code --device-write-iops} argument: {@code DEV:RATE}, where DEV is a block device path
 * ({@code /dev/vda}) or {@code MAJOR:MINOR} ({@code 254:0}), and RATE a size per second
 * ({@code 10M}) for the bps options or a count per second ({@code 500}) for the iops ones, or
 * {@code max} to remove the throttle. Parsing checks the syntax; {@link BlockDevices} checks that
 * the device exists.
 *
 * @param device the device as given (path or MAJOR:MINOR)
 * @param kind which throttle
 * @param rate bytes or operations per second, never 0 (the kernel reads 0 as "no limit"), or max
 */
public record DeviceRate(String device, IoLimit.Kind kind, Limit rate) {
    private static final Pattern MAJ_MIN = Pattern.compile("\\d{1,10}:\\d{1,10}");

    public DeviceRate {
        if (rate.value().orElse(1) == 0) {
            throw new IllegalArgumentException("rate 0 for " + device + " is not accepted: the kernel reads 0 as "
                    + "no limit; use max to remove a throttle");
        }
    }

    /**
     * Parses {@code DEV:RATE}; the rate is split off at the last ":" because MAJOR:MINOR has one too.
     *
     * @throws IllegalArgumentException naming the text and what is accepted
     */
    public static DeviceRate parse(String text, IoLimit.Kind kind) {
        String t = text == null ? "" : text.strip();
        boolean bps = kind == IoLimit.Kind.READ_BPS || kind == IoLimit.Kind.WRITE_BPS;
        String expected = bps ? "DEV:RATE with DEV a /dev path or MAJOR:MINOR and RATE a size per second such as 10M, or max"
                : "DEV:RATE with DEV a /dev path or MAJOR:MINOR and RATE a count per second such as 500, or max";
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("\"" + t + "\" is not " + expected);
        }
        String device = t.substring(0, colon);
        String rateText = t.substring(colon + 1);
        if (!device.startsWith("/") && !MAJ_MIN.matcher(device).matches()) {
            throw new IllegalArgumentException("\"" + t + "\": device \"" + device
                    + "\" is neither a /dev path nor MAJOR:MINOR (" + expected + ")");
        }
        Limit rate;
        if (rateText.equalsIgnoreCase("max")) {
            rate = Limit.UNLIMITED;
        } else if (bps) {
            try {
                rate = Limit.of(ByteSize.parseBytes(rateText));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("\"" + t + "\": rate " + e.getMessage(), e);
            }
        } else {
            if (!rateText.matches("\\d{1,18}")) {
                throw new IllegalArgumentException("\"" + t + "\": rate \"" + rateText
                        + "\" is not a count: expected 1.." + Long.MAX_VALUE / 10 + " operations per second, or max");
            }
            rate = Limit.of(Long.parseLong(rateText));
        }
        if (rate.value().orElse(1) == 0) {
            throw new IllegalArgumentException("\"" + t + "\": rate 0 is not accepted (the kernel reads 0 as no "
                    + "limit): expected a positive rate, or max to remove the throttle");
        }
        return new DeviceRate(device, kind, rate);
    }

    /** The argument form: {@code DEV:RATE}. */
    @Override
    public String toString() {
        boolean bps = kind == IoLimit.Kind.READ_BPS || kind == IoLimit.Kind.WRITE_BPS;
        return device + ":" + (bps ? ByteSize.format(rate) : rate.toString());
    }
}

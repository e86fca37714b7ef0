package dev.berth.cgroupctl;

/**
 * One line of a PSI file ({@code some avg10=0.12 avg60=0.05 avg300=0.00 total=1234}).
 *
 * @param avg10     share of time stalled over the last 10 s. Units: percent
 * @param avg60     the same over 60 s. Units: percent
 * @param avg300    the same over 300 s. Units: percent
 * @param totalUsec total stall time. Units: microseconds
 */
public record PressureLine(double avg10, double avg60, double avg300, long totalUsec) {
}

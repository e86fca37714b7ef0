package dev.berth.tui.view;

import java.util.OptionalDouble;

/**
 * One process, in the top-processes panel or a container's detail view.
 *
 * @param pid process id (in the host pid namespace)
 * @param command command line or comm
 * @param cpuPct CPU use in percent of one core; empty on the first sample
 * @param rssBytes resident set size. Units: bytes
 */
public record ProcessRow(long pid, String command, OptionalDouble cpuPct, long rssBytes) {
}

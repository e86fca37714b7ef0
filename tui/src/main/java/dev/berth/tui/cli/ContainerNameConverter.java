package dev.berth.tui.cli;

import dev.berth.runtime.ContainerName;

/** Parses a berth container name; a bad one is a usage error (exit 2) naming the accepted syntax. */
public final class ContainerNameConverter extends ParsingConverter<ContainerName> {
    /** For picocli. */
    public ContainerNameConverter() {
        super(ContainerName::of);
    }
}

package dev.berth.tui.cli;

import dev.berth.runtime.ContainerName;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a berth container name; a bad one is a usage error (exit 2) naming the accepted syntax. */
public final class ContainerNameConverter implements ITypeConverter<ContainerName> {
    @Override
    public ContainerName convert(String value) {
        try {
            return ContainerName.of(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}

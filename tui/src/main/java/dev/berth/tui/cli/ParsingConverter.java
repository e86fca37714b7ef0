package dev.berth.tui.cli;

import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A picocli converter that hands the option's text to a domain parser ({@code CpuQuota::parse},
 * {@code Volume::parse}, ...) and turns the parser's {@link IllegalArgumentException} into picocli's
 * {@link TypeConversionException}, so a bad value is a usage error (exit 2) carrying the parser's message.
 * Subclasses only name the parser; picocli needs one class per converter.
 *
 * @param <T> the parsed type
 */
abstract class ParsingConverter<T> implements ITypeConverter<T> {
    private final Function<String, T> parser;

    ParsingConverter(Function<String, T> parser) {
        this.parser = parser;
    }

    @Override
    public final T convert(String value) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}

package dev.berth.tui.cli;

import dev.berth.runtime.launch.Ulimit;
import dev.berth.runtime.launch.Volume;
import dev.berth.runtime.net.IpPrefix;
import dev.berth.runtime.net.NetworkMode;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for {@code run}'s own option values; a bad value is a usage error (exit 2). */
final class LaunchOptions {
    private LaunchOptions() {
    }

    private static <T> T convert(Function<String, T> parser, String value) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    static final class VolumeConverter implements ITypeConverter<Volume> {
        @Override
        public Volume convert(String value) {
            return LaunchOptions.convert(Volume::parse, value);
        }
    }

    static final class UlimitConverter implements ITypeConverter<Ulimit> {
        @Override
        public Ulimit convert(String value) {
            return LaunchOptions.convert(Ulimit::parse, value);
        }
    }

    static final class NetworkConverter implements ITypeConverter<NetworkMode> {
        @Override
        public NetworkMode convert(String value) {
            return LaunchOptions.convert(NetworkMode::parse, value);
        }
    }

    static final class IpConverter implements ITypeConverter<IpPrefix> {
        @Override
        public IpPrefix convert(String value) {
            return LaunchOptions.convert(IpPrefix::parse, value);
        }
    }
}

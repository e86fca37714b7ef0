package dev.berth.tui.cli;

import dev.berth.runtime.launch.SeccompProfile;
import dev.berth.runtime.launch.Ulimit;
import dev.berth.runtime.launch.Volume;
import dev.berth.runtime.net.IpPrefix;
import dev.berth.runtime.net.NetworkMode;

/** picocli converters for {@code run}'s own option values; a bad value is a usage error (exit 2). */
final class LaunchOptions {
    private LaunchOptions() {
    }

    static final class VolumeConverter extends ParsingConverter<Volume> {
        VolumeConverter() {
            super(Volume::parse);
        }
    }

    static final class UlimitConverter extends ParsingConverter<Ulimit> {
        UlimitConverter() {
            super(Ulimit::parse);
        }
    }

    static final class NetworkConverter extends ParsingConverter<NetworkMode> {
        NetworkConverter() {
            super(NetworkMode::parse);
        }
    }

    static final class IpConverter extends ParsingConverter<IpPrefix> {
        IpConverter() {
            super(IpPrefix::parse);
        }
    }

    static final class SecurityOptConverter extends ParsingConverter<SeccompProfile> {
        SecurityOptConverter() {
            super(SeccompProfile::parseSecurityOpt);
        }
    }
}

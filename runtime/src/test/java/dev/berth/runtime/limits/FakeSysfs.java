package dev.berth.runtime.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The parts of sysfs the limits read, laid out as on a real host: {@code dev/block/MAJ:MIN} are
 * symlinks into {@code devices/}, a partition's directory sits inside its disk's and has a
 * {@code partition} file, and {@code devices/system/cpu/online} lists the CPUs.
 */
final class FakeSysfs {
    private final Path root;

    FakeSysfs(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("dev/block"));
        Files.createDirectories(root.resolve("devices/system/cpu"));
    }

    Path root() {
        return root;
    }

    FakeSysfs onlineCpus(String list) throws IOException {
        Files.writeString(root.resolve("devices/system/cpu/online"), list + "\n");
        return this;
    }

    FakeSysfs disk(String name, String majMin) throws IOException {
        Path dir = root.resolve("devices/virtual/block/" + name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("dev"), majMin + "\n");
        Files.createSymbolicLink(root.resolve("dev/block/" + majMin), Path.of("../../devices/virtual/block/" + name));
        return this;
    }

    FakeSysfs partition(String disk, String name, String majMin) throws IOException {
        Path dir = root.resolve("devices/virtual/block/" + disk + "/" + name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("dev"), majMin + "\n");
        Files.writeString(dir.resolve("partition"), "1\n");
        Files.createSymbolicLink(root.resolve("dev/block/" + majMin),
                Path.of("../../devices/virtual/block/" + disk + "/" + name));
        return this;
    }
}

package dev.berth.history.store;

import com.github.luben.zstd.ZstdCompressCtx;
import dev.berth.history.testing.SyntheticHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Bytes per container-sample of each candidate encoding, on {@link SyntheticHost} frames at 10 s: the measurement
 * behind {@link StoreWriter}'s choice. Not a test; run by {@code bench/history/run.sh}. Arguments: container
 * counts (default 100 500), frames (default 1080 = 3 hours).
 */
public final class EncodingBench {
    private EncodingBench() {
    }

    public static void main(String[] args) throws IOException {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 1080;
        int[] counts = args.length > 1 ? Stream.of(args).skip(1).mapToInt(Integer::parseInt).toArray()
                : new int[] {100, 500};
        System.out.printf("%d frames at 10 s; bytes per container-sample (total bytes / frames / containers)%n",
                frames);
        for (int n : counts) {
            List<Frame> fs = new ArrayList<>();
            SyntheticHost h = new SyntheticHost(n, Instant.parse("2026-11-30T00:00:00Z"), Duration.ofSeconds(10), 7);
            for (int i = 0; i < frames; i++) {
                fs.add(h.next());
            }
            double cs = (double) frames * n;
            System.out.printf("%n%d containers%n", n);
            System.out.printf("  %-52s %8.2f%n", "raw field encoding, no compression", encoded(fs, -1, false, false) / cs);
            System.out.printf("  %-52s %8.2f%n", "zstd-3 alone, each sample", encoded(fs, 0, false, false) / cs);
            System.out.printf("  %-52s %8.2f%n", "zstd-3, dictionary = chunk's first sample (360)",
                    encoded(fs, 360, false, true) / cs);
            System.out.printf("  %-52s %8.2f%n", "delta vs previous sample (no key frames) + zstd-3",
                    deltaPrevious(fs) / cs);
            for (StoreOptions.Reference ref : StoreOptions.Reference.values()) {
                for (int k : new int[] {30, 60, 360}) {
                    onDisk(fs, cs, new StoreOptions(Duration.ofHours(1), k, ref, 3, false));
                }
            }
            onDisk(fs, cs, new StoreOptions(Duration.ofHours(1), 60, StoreOptions.Reference.PREVIOUS, 1, false));
            onDisk(fs, cs, new StoreOptions(Duration.ofHours(1), 60, StoreOptions.Reference.PREVIOUS, 9, false));
        }
    }

    private static void onDisk(List<Frame> fs, double cs, StoreOptions o) throws IOException {
        Path dir = Files.createTempDirectory("berth-bench");
        long t0 = System.nanoTime();
        try (StoreWriter w = new StoreWriter(dir, o)) {
            for (Frame f : fs) {
                w.append(f);
            }
        }
        long ns = System.nanoTime() - t0;
        long bytes = 0;
        for (Shards.Shard s : Shards.list(dir)) {
            bytes += s.bytes();
        }
        System.out.printf("  %-52s %8.2f   (%.2f ms/frame to encode+write)%n", "ON DISK: delta vs "
                + (o.reference() == StoreOptions.Reference.PREVIOUS ? "previous" : "key") + ", key every "
                + o.keyEvery() + ", zstd-" + o.zstdLevel(), bytes / cs, ns / 1e6 / fs.size());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    /** keyEvery -1: raw; 0: no delta, zstd each; else chunks of keyEvery with delta and/or dictionary. */
    private static long encoded(List<Frame> fs, int keyEvery, boolean delta, boolean dict) {
        FrameCodec codec = new FrameCodec();
        long total = 0;
        Frame key = null;
        byte[] keyRaw = null;
        try (ZstdCompressCtx z = new ZstdCompressCtx().setLevel(3).setContentSize(false)) {
            for (int i = 0; i < fs.size(); i++) {
                Frame f = fs.get(i);
                if (keyEvery <= 0) {
                    byte[] raw = codec.encode(f, null);
                    total += keyEvery < 0 ? raw.length : z.compress(raw).length;
                    continue;
                }
                boolean isKey = i % keyEvery == 0;
                byte[] raw = codec.encode(f, delta && !isKey ? key : null);
                if (isKey) {
                    key = f;
                    keyRaw = raw;
                    z.loadDict((byte[]) null);
                    total += z.compress(raw).length;
                    continue;
                }
                if (dict) {
                    z.loadDict(keyRaw);
                }
                total += z.compress(raw).length;
                if (dict) {
                    z.loadDict((byte[]) null);
                }
            }
        }
        return total;
    }

    private static long deltaPrevious(List<Frame> fs) {
        FrameCodec codec = new FrameCodec();
        long total = 0;
        try (ZstdCompressCtx z = new ZstdCompressCtx().setLevel(3).setContentSize(false)) {
            Frame prev = null;
            for (Frame f : fs) {
                total += z.compress(codec.encode(f, prev)).length;
                prev = f;
            }
        }
        return total;
    }
}

package dev.berth.cgroupctl.kernfs;

import dev.berth.cgroupctl.format.MalformedContentException;

/**
 * A pure parser of one file's content as the kernel wrote it, over the read buffer in place: no String is built for
 * the content. The per-tick sampler path uses these ({@code dev.berth.cgroupctl.format} has one per format).
 *
 * @param <T> what it returns
 */
@FunctionalInterface
public interface BytesParser<T> {
    /**
     * @param content the buffer; only {@code [0, length)} is the file
     * @param length  the file's length
     * @return the parsed value
     * @throws MalformedContentException if the content does not match
     */
    T parse(byte[] content, int length) throws MalformedContentException;
}

package dev.berth.cgroupctl.kernfs;

import dev.berth.cgroupctl.format.MalformedContentException;

/**
 * A pure parser of one file's content, e.g. {@code SingleValueFormat::parseLimit}.
 *
 * @param <T> what it returns
 */
@FunctionalInterface
public interface ContentParser<T> {
    /**
     * @param content the whole file
     * @return the parsed value
     * @throws MalformedContentException if the content does not match
     */
    T parse(String content) throws MalformedContentException;
}

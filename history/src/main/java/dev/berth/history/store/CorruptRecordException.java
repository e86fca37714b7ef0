package dev.berth.history.store;

/**
 * A record's bytes passed their CRC but do not decode (a forged or damaged record, or a writer bug). The reader
 * skips the record with a warning; it is never fatal.
 */
final class CorruptRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CorruptRecordException(String message) {
        super(message);
    }
}

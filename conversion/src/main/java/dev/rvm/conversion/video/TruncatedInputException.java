package dev.rvm.conversion.video;

import java.io.IOException;

/** The input ended before the frame count its container announces; nothing was written. */
public final class TruncatedInputException extends IOException {
    private final long decoded;
    private final long announced;

    public TruncatedInputException(String message, long decoded, long announced) {
        super(message);
        this.decoded = decoded;
        this.announced = announced;
    }

    public long decoded() {
        return decoded;
    }

    public long announced() {
        return announced;
    }
}

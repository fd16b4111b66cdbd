package dev.rvm.matting;

/** A matting failure whose message names the thing that is wrong and how to fix it. */
public class MattingException extends RuntimeException {
    public MattingException(String message) {
        super(message);
    }

    public MattingException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.rvm.matting.files;

/** Input files the tools cannot use; the message names the file and what to do about it. */
public final class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}

package dev.rvm.matting.model;

import dev.rvm.matting.MattingException;

/** The model file or name cannot be used; the message names the file and what to do. */
public class ModelException extends MattingException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}

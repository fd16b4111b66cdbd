package dev.rvm.gst.gobject;

import dev.rvm.matting.MattingException;

/** The words of a Java failure for GStreamer's error messages and logs. */
public final class ErrorText {
    private ErrorText() {
    }

    /** The message, or the exception's name when it has none. */
    public static String message(Throwable t) {
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    /**
     * The debug detail: a failure the user can fix (a {@link MattingException}, a refused argument) gets
     * its cause chain, a bug gets the stack of every cause as well.
     */
    public static String detail(Throwable t) {
        boolean userFixable = t instanceof MattingException || t instanceof IllegalArgumentException;
        StringBuilder text = new StringBuilder(userFixable ? t.getClass().getName() : t.toString());
        appendFrames(text, t, userFixable);
        for (Throwable c = t.getCause(); c != null && c != t; c = c.getCause()) {
            text.append("\ncaused by ").append(c);
            appendFrames(text, c, userFixable);
        }
        return text.toString();
    }

    private static void appendFrames(StringBuilder text, Throwable t, boolean skip) {
        if (!skip) {
            for (StackTraceElement frame : t.getStackTrace()) {
                text.append("\n\tat ").append(frame);
            }
        }
    }
}

package dev.rvm.conversion.output;

/** Another run is writing an output this run was asked to write; nothing of this run was written. */
public final class OutputBusyException extends IllegalStateException {
    public OutputBusyException(String message) {
        super(message);
    }
}

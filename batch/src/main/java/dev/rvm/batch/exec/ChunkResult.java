package dev.rvm.batch.exec;

import java.io.Serializable;

/**
 * How a piece's task ended.
 *
 * @param executor       the JVM that ran it (pid@host)
 * @param sessionsInJvm  ONNX Runtime sessions that JVM had opened when the piece was done
 */
public record ChunkResult(String video, int number, Status status, int frames, double seconds, String error,
                          String executor, int sessionsInJvm) implements Serializable {

    public enum Status {
        /** This attempt matted and committed the piece. */
        COMMITTED,
        /** Another attempt had committed it first; this one's work was discarded. */
        ALREADY_COMMITTED,
        FAILED
    }

    public boolean ok() {
        return status != Status.FAILED;
    }
}

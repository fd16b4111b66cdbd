package dev.rvm.batch.exec;

import java.io.Serializable;

/** How a video's stitch (and so the video) ended. */
public record VideoResult(String video, boolean ok, int frames, int chunks, double seconds, String error)
        implements Serializable {
}

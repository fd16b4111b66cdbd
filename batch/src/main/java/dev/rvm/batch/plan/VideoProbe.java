package dev.rvm.batch.plan;

import dev.rvm.conversion.video.FrameIndex;

import java.io.Serializable;

/**
 * What the probe stage learnt about one input: its identity on disk (so a changed file is never
 * resumed from pieces of the old one) and its frame index, or why it cannot be matted.
 */
public record VideoProbe(String name, String path, long size, long modifiedMillis, FrameIndex index, String error)
        implements Serializable {

    public boolean ok() {
        return error == null;
    }

    public static VideoProbe failed(String name, String path, String error) {
        return new VideoProbe(name, path, -1, -1, null, error);
    }

    /** Names the video's work under a job: the job's settings plus this exact input file. */
    public String key(String jobId) {
        return dev.rvm.batch.job.JobSettings.sha256(jobId + "|" + path + "|" + size + "|" + modifiedMillis).substring(0, 16);
    }
}

package dev.rvm.batch.commit;

import dev.rvm.batch.plan.ChunkSpec;

import java.nio.file.Path;

/**
 * Where a job's files live under its output directory:
 * <pre>
 * OUT/VIDEO/...                                  the outputs, and VIDEO/_SUCCESS written last
 * OUT/_tmp/JOB/VIDEO/chunk-N/attempt-ID/         one task attempt's piece while it is written
 * OUT/_tmp/JOB/VIDEO/chunk-N/committed/          the piece that won (renamed from its attempt)
 * OUT/manifest.json                              what the last run did, per video
 * </pre>
 */
public record JobLayout(Path output, String jobId) {

    public static final String SUCCESS = "_SUCCESS";
    public static final String WORK = "_tmp";
    public static final String MANIFEST = "manifest.json";

    public JobLayout {
        output = output.toAbsolutePath().normalize();
    }

    public Path work() {
        return output.resolve(WORK).resolve(jobId);
    }

    public Path work(String video) {
        return work().resolve(video);
    }

    public Path attempt(ChunkSpec c, String attemptId) {
        return work(c.video()).resolve(c.dirName()).resolve("attempt-" + attemptId);
    }

    public Path committed(ChunkSpec c) {
        return work(c.video()).resolve(c.dirName()).resolve("committed");
    }

    public Path video(String video) {
        return output.resolve(video);
    }

    public Path success(String video) {
        return video(video).resolve(SUCCESS);
    }

    public Path manifest() {
        return output.resolve(MANIFEST);
    }
}

package dev.rvm.batch.exec;

import dev.rvm.batch.job.InputList;
import dev.rvm.batch.plan.VideoProbe;
import dev.rvm.conversion.video.FrameIndex;
import dev.rvm.gst.GstRuntime;

import java.nio.file.Files;
import java.nio.file.Path;

/** The probe stage, on an executor: a video's frame index, or why it cannot be matted (that video alone fails). */
public final class ProbeTask {

    private ProbeTask() {
    }

    public static VideoProbe probe(String name, String path) {
        Path file = Path.of(path);
        try {
            GstRuntime.start("rvm-batch");
            FrameIndex index = FrameIndex.scan(file);
            return new VideoProbe(name, path, Files.size(file), Files.getLastModifiedTime(file).toMillis(), index, null);
        } catch (Exception e) {
            return VideoProbe.failed(name, path, Failures.describe(e));
        }
    }

    /** The probe of an input given as the serializable pair (name, path). */
    public static VideoProbe probe(InputList.Input input) {
        return probe(input.name(), input.path());
    }
}

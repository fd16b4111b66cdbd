package dev.rvm.batch.exec;

import dev.rvm.batch.commit.JobLayout;
import dev.rvm.batch.job.JobSettings;
import dev.rvm.conversion.video.FrameIndex;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every task of a job shares: the settings, the output directory, the broadcast model and frame
 * indices, and the counter of frames written (its per-task updates reach the driver with the
 * executors' heartbeats, which is how progress is shown while pieces are still running).
 */
public record JobContext(JobSettings settings, String output, Broadcast<ModelShipment> models,
                         Broadcast<Map<String, FrameIndex>> indices, LongAccumulator framesWritten) implements Serializable {

    public JobLayout layout() {
        return new JobLayout(Path.of(output), settings.jobId());
    }
}

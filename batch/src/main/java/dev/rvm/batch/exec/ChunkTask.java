package dev.rvm.batch.exec;

import dev.rvm.batch.commit.ChunkCommit;
import dev.rvm.batch.commit.ChunkReceipt;
import dev.rvm.batch.commit.JobLayout;
import dev.rvm.batch.commit.Json;
import dev.rvm.batch.plan.ChunkSpec;
import dev.rvm.conversion.video.FrameIndex;
import dev.rvm.conversion.video.RangeConverter;
import dev.rvm.matting.MattingStream;
import dev.rvm.matting.engine.RecurrentMattingStream;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The matting stage, on an executor: one piece of one video, written into this attempt's own
 * directory and committed by renaming it into place. A failure (a damaged frame, a full disk) fails
 * this piece and so its video, and is reported rather than thrown, so other videos go on.
 */
public final class ChunkTask {

    private ChunkTask() {
    }

    public static ChunkResult run(ChunkSpec c, JobContext job) {
        long t0 = System.nanoTime();
        JobLayout layout = job.layout();
        TaskSlot slot = TaskSlot.current(job.settings().device());
        Path attempt = layout.attempt(c, slot.attemptId());
        try {
            if (ChunkCommit.committed(layout, c) != null) {
                return result(c, ChunkResult.Status.ALREADY_COMMITTED, 0, t0, null, slot);
            }
            ChunkCommit.delete(attempt);
            Files.createDirectories(attempt);
            FrameIndex index = job.indices().value().get(c.video());
            int frames = DeepStack.call("rvm-piece-" + c.number(), () -> {
                try (MattingStream stream = new RecurrentMattingStream(job.settings().matting(slot.cpus(), slot.device()),
                        ExecutorModels.lender(job.models().value(), slot.tuning()))) {
                    return RangeConverter.run(Path.of(c.path()), index, new RangeConverter.Range(c.warmupFrom(), c.first(),
                            c.end()), stream, job.settings().outputsIn(Path.of(c.path()), attempt), n -> job.framesWritten().add(1));
                }
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            Json.write(attempt.resolve(ChunkReceipt.FILE), new ChunkReceipt(c.videoKey(), c.number(), c.first(), c.end(),
                    c.warmupFrom(), frames, slot.attemptId(), seconds));
            boolean won = ChunkCommit.commit(attempt, layout.committed(c));
            return result(c, won ? ChunkResult.Status.COMMITTED : ChunkResult.Status.ALREADY_COMMITTED, frames, t0, null, slot);
        } catch (Exception e) {
            try {
                ChunkCommit.delete(attempt);
            } catch (Exception cleanup) {
                e.addSuppressed(cleanup);
            }
            return result(c, ChunkResult.Status.FAILED, 0, t0, c + ": " + Failures.describe(e), slot);
        }
    }

    private static ChunkResult result(ChunkSpec c, ChunkResult.Status status, int frames, long t0, String error, TaskSlot slot) {
        return new ChunkResult(c.video(), c.number(), status, frames, (System.nanoTime() - t0) / 1e9, error, slot.executor(),
                ExecutorModels.sessionsOpened());
    }
}

package dev.rvm.batch.plan;

import dev.rvm.conversion.video.FrameIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts videos into pieces of about {@code chunkSeconds}: evenly, so no piece is a sliver, and a
 * video shorter than one and a half pieces stays whole (its only piece needs no warm-up).
 */
public final class ChunkPlanner {

    private final double chunkSeconds;
    private final double warmupSeconds;

    public ChunkPlanner(double chunkSeconds, double warmupSeconds) {
        this.chunkSeconds = chunkSeconds;
        this.warmupSeconds = warmupSeconds;
    }

    public List<ChunkSpec> plan(VideoProbe video, String videoKey) {
        FrameIndex index = video.index();
        int frames = index.frames();
        double fps = index.framesPerSecond();
        int chunkFrames = Math.max(1, (int) Math.round(chunkSeconds * fps));
        int warmup = (int) Math.round(warmupSeconds * fps);
        int pieces = frames <= chunkFrames * 3 / 2 ? 1 : (int) Math.round((double) frames / chunkFrames);
        List<ChunkSpec> out = new ArrayList<>(pieces);
        for (int k = 0; k < pieces; k++) {
            int first = (int) ((long) k * frames / pieces);
            int end = (int) ((long) (k + 1) * frames / pieces);
            int warmupFrom = Math.max(0, first - warmup);
            out.add(new ChunkSpec(video.name(), video.path(), videoKey, k, pieces, index.keyframeAtOrBefore(warmupFrom),
                    warmupFrom, first, end));
        }
        return out;
    }
}

package dev.rvm.batch.report;

import dev.rvm.batch.plan.ChunkSpec;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The terminal's view of the matting stage: a line per finished piece with its video's and the job's
 * counts, and in between, at most every {@code interval} seconds, a line with the frames written so
 * far (from the executors' heartbeats) and the job's frame rate.
 */
public final class Progress {

    private final PrintStream out;
    private final List<ChunkSpec> chunks;
    private final Map<String, int[]> perVideo = new HashMap<>(); // {done, total}
    private final long start = System.nanoTime();
    private final int totalFrames;
    private final double intervalSeconds;
    private final java.util.BitSet reported = new java.util.BitSet();
    private int chunksDone;
    private long framesDone;
    private long lastLine = System.nanoTime();

    public Progress(PrintStream out, List<ChunkSpec> chunks, double intervalSeconds) {
        this.out = out;
        this.chunks = chunks;
        this.intervalSeconds = intervalSeconds;
        int frames = 0;
        for (ChunkSpec c : chunks) {
            perVideo.computeIfAbsent(c.video(), v -> new int[2])[1]++;
            frames += c.frames();
        }
        this.totalFrames = frames;
    }

    /** Piece {@code index} of the stage (its partition) has ended; later reports of it are ignored. */
    public synchronized void pieceDone(int index, boolean ok) {
        if (reported.get(index)) {
            return;
        }
        reported.set(index);
        ChunkSpec c = chunks.get(index);
        int[] v = perVideo.get(c.video());
        v[0]++;
        chunksDone++;
        framesDone += c.frames();
        lastLine = System.nanoTime();
        out.printf(Locale.ROOT, "  %-24s piece %d/%d %s | video %d/%d pieces | all %d/%d pieces, %d/%d frames, %.1f frames/s%n",
                c.video(), c.number() + 1, c.of(), ok ? "done  " : "FAILED", v[0], v[1], chunksDone, chunks.size(),
                framesDone, totalFrames, framesDone / elapsed());
    }

    /**
     * The stage has ended: reports the pieces whose end Spark's listener bus has not delivered yet (it
     * runs behind the job), with how each really ended.
     */
    public synchronized void complete(java.util.List<Boolean> okByIndex) {
        for (int i = 0; i < okByIndex.size(); i++) {
            pieceDone(i, okByIndex.get(i));
        }
    }

    /** Frames written so far by pieces still running (from heartbeats). */
    public synchronized void running(long framesInRunningPieces) {
        if ((System.nanoTime() - lastLine) / 1e9 < intervalSeconds) {
            return;
        }
        lastLine = System.nanoTime();
        long frames = framesDone + framesInRunningPieces;
        double fps = frames / elapsed();
        out.printf(Locale.ROOT, "  ... %d/%d frames (%.0f %%), %.1f frames/s, about %s left%n", frames, totalFrames,
                100.0 * frames / Math.max(1, totalFrames), fps, fps > 0 ? clock((totalFrames - frames) / fps) : "?");
    }

    private double elapsed() {
        return Math.max(1e-3, (System.nanoTime() - start) / 1e9);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}

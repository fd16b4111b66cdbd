package dev.rvm.matting.pixels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Runs a frame's pixel loop over its rows in two halves, the caller's thread and one pool thread.
 * The pixel work happens between model calls, when ONNX Runtime's threads are idle, so on a
 * 2-core machine this halves the time a host waits for conversions. One instance per stream (it
 * owns the row scratch of both halves); not for concurrent use.
 */
public final class RowSplit {

    /** Below this many pixels the hand-off costs more than it saves. */
    private static final int MIN_PIXELS = 64 * 1024;

    @FunctionalInterface
    public interface Rows {
        void run(int fromRow, int toRow, RowScratch scratch);
    }

    private final RowScratch first = new RowScratch();
    private final RowScratch second = new RowScratch();
    private final boolean parallel;

    public RowSplit() {
        this(Runtime.getRuntime().availableProcessors() > 1);
    }

    public RowSplit(boolean parallel) {
        this.parallel = parallel;
    }

    /** A split that runs everything on the caller's thread. */
    public static RowSplit serial() {
        return new RowSplit(false);
    }

    public void forRows(int width, int height, Rows task) {
        if (!parallel || height < 2 || (long) width * height < MIN_PIXELS) {
            task.run(0, height, first);
            return;
        }
        int mid = height / 2;
        ForkJoinTask<?> other = ForkJoinPool.commonPool().submit(() -> task.run(mid, height, second));
        try {
            task.run(0, mid, first);
        } finally {
            other.join();
        }
    }
}

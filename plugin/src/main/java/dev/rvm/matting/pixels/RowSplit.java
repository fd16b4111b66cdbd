package dev.rvm.matting.pixels;

import java.util.concurrent.locks.LockSupport;

/**
 * Runs a frame's pixel loop over its rows in two bands, the caller's thread and one worker thread
 * that this instance owns. The pixel work happens between model calls, when ONNX Runtime's threads
 * are idle, so on a 2-core machine this halves the time a host waits for it. The hand-off allocates
 * nothing (a parked thread and two volatile fields), so a frame costs no garbage. One instance per
 * stream (it owns the row scratch of both bands); not for concurrent use; {@link #close()} ends the
 * worker.
 */
public final class RowSplit implements AutoCloseable {

    /** Below this many pixels the hand-off costs more than it saves. */
    private static final int MIN_PIXELS = 64 * 1024;

    @FunctionalInterface
    public interface Rows {
        void run(int fromRow, int toRow, RowScratch scratch);
    }

    /** Work over rows that keeps its own per-band state: band 0 runs on the caller, band 1 on the worker. */
    @FunctionalInterface
    public interface Bands {
        void run(int band, int fromRow, int toRow);
    }

    private final RowScratch first = new RowScratch();
    private final RowScratch second = new RowScratch();
    private final boolean parallel;
    private final Worker worker;

    public RowSplit() {
        this(Runtime.getRuntime().availableProcessors() > 1);
    }

    public RowSplit(boolean parallel) {
        this.parallel = parallel;
        this.worker = parallel ? new Worker() : null;
    }

    /** A split that runs everything on the caller's thread. */
    public static RowSplit serial() {
        return new RowSplit(false);
    }

    public void forRows(int width, int height, Rows task) {
        if (!splits(width, height)) {
            task.run(0, height, first);
            return;
        }
        int mid = height / 2;
        worker.start(task, null, mid, height, second);
        try {
            task.run(0, mid, first);
        } finally {
            worker.await();
        }
    }

    public void forBands(int width, int height, Bands task) {
        if (!splits(width, height)) {
            task.run(0, 0, height);
            return;
        }
        int mid = height / 2;
        worker.start(null, task, mid, height, second);
        try {
            task.run(0, 0, mid);
        } finally {
            worker.await();
        }
    }

    private boolean splits(int width, int height) {
        return parallel && height >= 2 && (long) width * height >= MIN_PIXELS;
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.stop();
        }
    }

    /** The second band's thread: parked between frames, started lazily, daemon so it never holds a JVM up. */
    private static final class Worker implements Runnable {
        private Thread thread;
        private volatile Thread caller;
        private volatile boolean pending;
        private volatile boolean stopped;
        private Rows rows;
        private Bands bands;
        private int from;
        private int to;
        private RowScratch scratch;
        private RuntimeException failure;
        private Error error;

        void start(Rows r, Bands b, int fromRow, int toRow, RowScratch s) {
            if (stopped) {
                throw new IllegalStateException("this row split is closed");
            }
            if (thread == null) {
                thread = new Thread(this, "rvm-pixel-rows");
                thread.setDaemon(true);
                thread.start();
            }
            rows = r;
            bands = b;
            from = fromRow;
            to = toRow;
            scratch = s;
            failure = null;
            error = null;
            caller = Thread.currentThread();
            pending = true; // volatile write publishes the fields above
            LockSupport.unpark(thread);
        }

        void await() {
            while (pending) {
                LockSupport.park(this);
            }
            rows = null;
            bands = null;
            if (error != null) {
                throw error;
            }
            if (failure != null) {
                throw failure;
            }
        }

        void stop() {
            stopped = true;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public void run() {
            while (!stopped) {
                if (!pending) {
                    LockSupport.park(this);
                    continue;
                }
                try {
                    if (rows != null) {
                        rows.run(from, to, scratch);
                    } else {
                        bands.run(1, from, to);
                    }
                } catch (RuntimeException e) {
                    failure = e;
                } catch (Error e) {
                    error = e;
                }
                Thread waiting = caller;
                pending = false;
                LockSupport.unpark(waiting);
            }
        }
    }
}

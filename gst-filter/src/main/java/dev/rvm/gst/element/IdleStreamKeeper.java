package dev.rvm.gst.element;

import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.MattingStream;

import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the last stream an element closed for the next element that opens the same model, threads
 * and device (an editor opening and closing projects, an application cycling NULL->PLAYING->NULL).
 * A new ONNX Runtime session per cycle costs hundreds of milliseconds, and ONNX Runtime does not give
 * all of a released session's memory back to the system: RSS grew with every cycle. One stream is
 * kept at most, its temporal memory reset, and closed after {@link #IDLE_SECONDS} unused.
 */
final class IdleStreamKeeper implements MattingStreamSource {
    static final long IDLE_SECONDS = 30;
    private static final ScheduledExecutorService CLOSER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rvmmatte-idle-stream");
        t.setDaemon(true);
        return t;
    });

    private final MattingStreamSource source;
    private MattingStream idle;
    private ScheduledFuture<?> closing;

    IdleStreamKeeper(MattingStreamSource source) {
        this.source = source;
    }

    @Override
    public MattingStream open(MattingSettings settings) {
        MattingStream kept = take(settings);
        if (kept == null) {
            return source.open(settings);
        }
        kept.reset();
        kept.update(settings); // ratio, chunk and edges change without a new session
        return kept;
    }

    private synchronized MattingStream take(MattingSettings settings) {
        if (idle == null || !sameSessions(idle.settings(), settings)) {
            return null;
        }
        MattingStream s = idle;
        idle = null;
        closing.cancel(false);
        return s;
    }

    /** The element is done with {@code stream}: kept in place of the one kept before, which is closed. */
    @Override
    public void release(MattingStream stream) {
        MattingStream previous;
        synchronized (this) {
            previous = idle;
            if (closing != null) {
                closing.cancel(false);
            }
            idle = stream;
            closing = CLOSER.schedule(this::closeIdle, IDLE_SECONDS, TimeUnit.SECONDS);
        }
        if (previous != null) {
            previous.close();
        }
    }

    /** Closes the kept stream, if any (idle too long, or another source registered). */
    void closeIdle() {
        MattingStream s;
        synchronized (this) {
            s = idle;
            idle = null;
        }
        if (s != null) {
            s.close();
        }
    }

    private static boolean sameSessions(MattingSettings a, MattingSettings b) {
        return Objects.equals(a.model(), b.model()) && a.threads() == b.threads() && a.device() == b.device();
    }
}

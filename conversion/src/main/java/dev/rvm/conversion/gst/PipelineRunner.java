package dev.rvm.conversion.gst;

import dev.rvm.gst.BusErrors;
import dev.rvm.gst.PipelineLatency;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Format;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.event.EOSEvent;
import org.freedesktop.gstreamer.message.MessageType;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs a pipeline to its end: EOS is success, an ERROR message fails with its text and debug detail,
 * a LATENCY message redistributes the latency, and Ctrl-C sends EOS first so muxers finish their
 * files (like {@code gst-launch-1.0 -e}).
 */
public final class PipelineRunner {
    private PipelineRunner() {
    }

    /** Thrown when the pipeline posted an error; the message carries source, text and debug detail. */
    public static final class PipelineFailure extends RuntimeException {
        public PipelineFailure(String message) {
            super(message);
        }
    }

    /** What Ctrl-C (SIGINT, SIGTERM) does to a running pipeline. */
    public enum Interrupt {
        /** Send EOS and wait up to 5 s so muxers finish their files, as {@code gst-launch-1.0 -e}. */
        FINISH_OUTPUTS,
        /** Nothing here: the caller stops the pipeline and removes what it wrote (staged outputs). */
        CALLER_HANDLES
    }

    /**
     * Plays until EOS or error; Ctrl-C finishes the outputs. {@code tick} (may be null) is called about 4
     * times a second with the pipeline, for progress. Warnings go to stderr.
     */
    public static void run(Pipeline pipeline, Consumer<Pipeline> tick) throws InterruptedException {
        run(pipeline, tick, Interrupt.FINISH_OUTPUTS, 0);
    }

    /** Plays until EOS or error, with Ctrl-C handled as {@code onInterrupt} says. */
    public static void run(Pipeline pipeline, Consumer<Pipeline> tick, Interrupt onInterrupt) throws InterruptedException {
        run(pipeline, tick, onInterrupt, 0);
    }

    /**
     * Like {@link #run(Pipeline, Consumer)}, but fails when the pipeline's position has not moved for
     * {@code stallSeconds} (0: never): a damaged file can leave a demuxer waiting for data that never
     * comes, with neither an error nor EOS.
     */
    public static void run(Pipeline pipeline, Consumer<Pipeline> tick, long stallSeconds) throws InterruptedException {
        run(pipeline, tick, Interrupt.FINISH_OUTPUTS, stallSeconds);
    }

    /** Plays until EOS, error or a stall of {@code stallSeconds} (0: never), with Ctrl-C handled as {@code onInterrupt} says. */
    public static void run(Pipeline pipeline, Consumer<Pipeline> tick, Interrupt onInterrupt, long stallSeconds)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<String> failure = new AtomicReference<>();
        Bus bus = pipeline.getBus();
        bus.connect((Bus.MESSAGE) (b, m) -> {
            MessageType t = m.getType();
            if (t == MessageType.EOS) {
                done.countDown();
            } else if (t == MessageType.ERROR) {
                try {
                    failure.compareAndSet(null, String.valueOf(BusErrors.parse(m)));
                } finally {
                    done.countDown();
                }
            } else if (t == MessageType.WARNING) {
                System.err.println("warning: " + BusErrors.parse(m));
            } else {
                PipelineLatency.handle(pipeline, m);
            }
        });
        Thread onCtrlC = new Thread(() -> {
            if (done.getCount() > 0) {
                System.err.println("interrupt: sending EOS so outputs are finished...");
                pipeline.sendEvent(new EOSEvent());
                try {
                    done.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                pipeline.setState(State.NULL);
            }
        }, "rvm-ctrl-c");
        if (onInterrupt == Interrupt.FINISH_OUTPUTS) {
            Runtime.getRuntime().addShutdownHook(onCtrlC);
        }
        try {
            pipeline.play();
            long lastPosition = Long.MIN_VALUE;
            long lastMove = System.nanoTime();
            while (!done.await(250, TimeUnit.MILLISECONDS)) {
                if (tick != null) {
                    tick.accept(pipeline);
                }
                if (stallSeconds > 0) {
                    long position = pipeline.queryPosition(Format.TIME);
                    if (position != lastPosition) {
                        lastPosition = position;
                        lastMove = System.nanoTime();
                    } else if (System.nanoTime() - lastMove > TimeUnit.SECONDS.toNanos(stallSeconds)) {
                        failure.compareAndSet(null, "no progress for " + stallSeconds + " s (a damaged or truncated file?)");
                        break;
                    }
                }
            }
        } finally {
            pipeline.setState(State.NULL);
            // the listeners live on this Java wrapper of the bus: collected early, they would miss EOS and errors
            bus.dispose();
            try {
                if (onInterrupt == Interrupt.FINISH_OUTPUTS) {
                    Runtime.getRuntime().removeShutdownHook(onCtrlC);
                }
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it finishes the pipeline itself
            }
        }
        if (failure.get() != null) {
            throw new PipelineFailure(failure.get());
        }
    }
}

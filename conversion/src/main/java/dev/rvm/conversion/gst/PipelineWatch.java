package dev.rvm.conversion.gst;

import dev.rvm.gst.BusErrors;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.message.MessageType;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bus of a pipeline that Java code feeds or drains itself (appsrc, appsink): remembers the first
 * error and stops the pipeline from a thread of its own (bus messages arrive on streaming threads,
 * which must not change the pipeline's state), so a push or pull blocked on a dead pipeline returns.
 */
public final class PipelineWatch {

    private final Pipeline pipeline;
    /** Held: the listeners live on this Java wrapper of the bus, which must not be collected before the pipeline. */
    private final Bus bus;
    private final String what;
    private final AtomicReference<String> error = new AtomicReference<>();
    private final CountDownLatch ended = new CountDownLatch(1);

    /** @param what names the job in messages ("decoding clip.mp4") */
    public PipelineWatch(Pipeline pipeline, String what) {
        this.pipeline = pipeline;
        this.what = what;
        this.bus = pipeline.getBus();
        bus.connect((Bus.MESSAGE) (bus, message) -> {
            MessageType type = message.getType();
            if (type == MessageType.EOS) {
                ended.countDown();
            } else if (type == MessageType.ERROR) {
                if (error.compareAndSet(null, String.valueOf(BusErrors.parse(message)))) {
                    Thread stopper = new Thread(() -> pipeline.setState(State.NULL), "rvm-pipeline-stop");
                    stopper.setDaemon(true);
                    stopper.start();
                }
                ended.countDown();
            }
        });
    }

    /** The first error the pipeline posted, or null. */
    public String error() {
        return error.get();
    }

    /** Throws the first error, if there was one. */
    public void check() {
        String e = error.get();
        if (e != null) {
            throw new PipelineRunner.PipelineFailure(what + " failed: " + e);
        }
    }

    /** Waits for EOS (or an error, thrown); fails after {@code timeoutSeconds} of waiting. */
    public void awaitEnd(long timeoutSeconds) throws InterruptedException {
        if (!ended.await(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new PipelineRunner.PipelineFailure(what + " did not finish within " + timeoutSeconds + " s");
        }
        check();
    }

    public Pipeline pipeline() {
        return pipeline;
    }
}

package dev.rvm.samples;

import dev.rvm.gst.BusErrors;
import dev.rvm.gst.PipelineLatency;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.message.MessageType;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pipeline played in this JVM with what its bus said; closing it stops it (NULL) and frees it. */
final class RunningPipeline implements AutoCloseable {
    public final Pipeline pipeline;
    public final String description;
    public final List<String> errors = new CopyOnWriteArrayList<>();
    public final List<String> warnings = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean eos;

    public RunningPipeline(String description) {
        this.description = description;
        this.pipeline = (Pipeline) Gst.parseLaunch(description);
        pipeline.getBus().connect((Bus.MESSAGE) (bus, m) -> {
            MessageType t = m.getType();
            if (t == MessageType.ERROR) {
                errors.add(String.valueOf(BusErrors.parse(m)));
                ended.countDown();
            } else if (t == MessageType.WARNING) {
                warnings.add(String.valueOf(BusErrors.parse(m)));
            } else if (t == MessageType.EOS) {
                eos = true;
                ended.countDown();
            } else {
                PipelineLatency.handle(pipeline, m);
            }
        });
    }

    public RunningPipeline play() {
        pipeline.play();
        return this;
    }

    /** Waits for EOS; an error or no end within the time fails (a hang is a bug). */
    public void assertEos(Duration within) {
        try {
            assertTrue(ended.await(within.toMillis(), TimeUnit.MILLISECONDS),
                    "no EOS in " + within.toSeconds() + " s: " + description);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertTrue(errors.isEmpty() && eos, () -> "errors " + errors + " in: " + description);
    }

    /** The first element made by this factory, e.g. "h264parse". */
    public Element byFactory(String factory) {
        return pipeline.getElementsRecursive().stream()
                .filter(e -> e.getFactory() != null && factory.equals(e.getFactory().getName()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + factory + " in: " + description));
    }

    @Override
    public void close() {
        pipeline.setState(State.NULL);
        pipeline.dispose();
    }
}

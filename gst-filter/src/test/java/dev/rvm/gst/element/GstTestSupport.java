package dev.rvm.gst.element;

import dev.rvm.gst.RvmMatteElement;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Gst;
import dev.rvm.gst.BusErrors;
import dev.rvm.gst.PipelineLatency;
import org.freedesktop.gstreamer.message.Message;
import org.freedesktop.gstreamer.message.MessageType;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.elements.AppSink;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.Version;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** GStreamer set up once per test JVM with rvmmatte registered, and a way to run a pipeline to its end. */
final class GstTestSupport {
    private static boolean initialized;

    private GstTestSupport() {
    }

    /** Registers rvmmatte on the luma stand-in (optionally slowed down per frame). */
    static synchronized void initWithLuma(long delayMillis) {
        init();
        RvmMatteElement.register(settings -> new LumaMattingStream(settings, delayMillis));
    }

    /** Registers rvmmatte on the real matting core (until a test class goes back to the stand-in). */
    static synchronized void initWithCore() {
        init();
        RvmMatteElement.register();
    }

    static synchronized void init() {
        if (!initialized) {
            dev.rvm.gst.GstRuntime.start("rvmmatte-test");
            initialized = true;
        }
    }

    /** The next sample, failing the test instead of hanging it when none comes in time. */
    static Sample pull(AppSink sink, long seconds) {
        java.util.concurrent.FutureTask<Sample> pull = new java.util.concurrent.FutureTask<>(sink::pullSample);
        Thread t = new Thread(pull, "test-pull");
        t.setDaemon(true);
        t.start();
        try {
            return pull.get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return fail("no sample on " + sink.getName() + " in " + seconds + " s (hang?)");
        } catch (Exception e) {
            return fail(e);
        }
    }

    /** What one pipeline run posted on its bus. */
    static final class Run implements AutoCloseable {
        final Pipeline pipeline;
        final List<Message> messages = new CopyOnWriteArrayList<>();
        final List<String> errors = new CopyOnWriteArrayList<>();
        private final CountDownLatch done = new CountDownLatch(1);

        Run(String description) {
            pipeline = (Pipeline) Gst.parseLaunch(description);
            Bus bus = pipeline.getBus();
            bus.connect((Bus.MESSAGE) (b, m) -> {
                MessageType t = m.getType();
                if (t == MessageType.ERROR) {
                    errors.add(BusErrors.parse(m).toString());
                    done.countDown();
                } else if (t == MessageType.EOS) {
                    done.countDown();
                } else if (t == MessageType.QOS || t == MessageType.ELEMENT) {
                    messages.add(m);
                } else if (t == MessageType.LATENCY) {
                    messages.add(m);
                    PipelineLatency.handle(pipeline, m);
                }
            });
        }

        Run play() {
            pipeline.play();
            return this;
        }

        /** Waits for EOS or an error; a hang fails the test instead of the build. */
        Run awaitEnd(long seconds) {
            try {
                if (!done.await(seconds, TimeUnit.SECONDS)) {
                    fail("pipeline neither reached EOS nor failed in " + seconds + " s (hang?)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
            }
            return this;
        }

        Run assertEos(long seconds) {
            awaitEnd(seconds);
            assertTrue(errors.isEmpty(), () -> "errors: " + errors);
            return this;
        }

        @Override
        public void close() {
            pipeline.setState(State.NULL);
            pipeline.dispose();
        }
    }
}

package dev.rvm.gst.element;

import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.State;
import org.junit.jupiter.api.DynamicTest;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One case of the stream-contract suite, in gst-validate's spirit: a pipeline, an action on it, and the
 * outcome expected within a deadline. Buffers reaching each element named {@code n<anything>} are
 * counted; the run, its action, its check and the way back to NULL all fit in the deadline, or the case
 * fails as a hang. Each case prints one line (name, outcome, milliseconds) for the suite's table.
 */
record Scenario(String name, String pipeline, Action action, Check check, int deadlineSeconds) {

    /** What the case does once the pipeline is PLAYING (most just wait for the end). */
    interface Action {
        void run(Live live) throws Exception;
    }

    /** Asserts the outcome; returns it in words for the table. */
    interface Check {
        String verify(Live live);
    }

    /** A running case: its pipeline run, its counters and its deadline. */
    static final class Live {
        final String name;
        final GstTestSupport.Run run;
        final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        private final long deadlineNanos;

        Live(String name, GstTestSupport.Run run, long deadlineNanos) {
            this.name = name;
            this.run = run;
            this.deadlineNanos = deadlineNanos;
        }

        long count(String element) {
            AtomicLong c = counts.get(element);
            return c == null ? 0 : c.get();
        }

        long secondsLeft() {
            return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadlineNanos - System.nanoTime()));
        }

        /** Polls (every 20 ms) until the condition holds; false when the deadline comes first. */
        boolean waitFor(BooleanSupplier condition) throws InterruptedException {
            while (System.nanoTime() < deadlineNanos) {
                if (condition.getAsBoolean()) {
                    return true;
                }
                Thread.sleep(20);
            }
            return condition.getAsBoolean();
        }

        /** Waits until a counter stops moving for {@code quietMillis} (a stalled stream); false at the deadline. */
        boolean waitForStall(String element, long quietMillis) throws InterruptedException {
            long last = -1;
            long since = System.nanoTime();
            while (System.nanoTime() < deadlineNanos) {
                long now = count(element);
                if (now != last) {
                    last = now;
                    since = System.nanoTime();
                } else if (now > 0 && System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(quietMillis)) {
                    return true;
                }
                Thread.sleep(20);
            }
            return false;
        }

        /** A state change that must complete before the deadline. */
        void change(State target) {
            run.pipeline.setState(target);
            State[] now = new State[2];
            run.pipeline.getState(TimeUnit.SECONDS.toNanos(secondsLeft()), now);
            assertTrue(now[0] == target, "state change to " + target + " did not complete in time (now " + now[0] + ")");
        }
    }

    static final Action AWAIT_END = live -> live.run.awaitEnd(live.secondsLeft());

    DynamicTest test() {
        return DynamicTest.dynamicTest(name, this::execute);
    }

    private void execute() throws Exception {
        long start = System.nanoTime();
        GstTestSupport.Run run = new GstTestSupport.Run(pipeline);
        Live live = new Live(name, run, start + TimeUnit.SECONDS.toNanos(deadlineSeconds));
        String outcome;
        try {
            countBuffers(live);
            run.play();
            action.run(live);
            outcome = check.verify(live);
        } finally {
            closeInTime(run, live);
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf(Locale.ROOT, "scenario | %s | %s | %d ms%n", name, outcome, ms);
        assertTrue(ms < TimeUnit.SECONDS.toMillis(deadlineSeconds), name + " took " + ms + " ms");
    }

    private static void countBuffers(Live live) {
        for (Element e : live.run.pipeline.getElements()) {
            if (e.getName().startsWith("n") && e.getStaticPad("sink") != null) {
                AtomicLong c = live.counts.computeIfAbsent(e.getName(), k -> new AtomicLong());
                e.getStaticPad("sink").addProbe(PadProbeType.BUFFER, (pad, info) -> {
                    c.incrementAndGet();
                    return PadProbeReturn.OK;
                });
            }
        }
    }

    /** Back to NULL on a helper thread, so a hang there fails the case instead of the build. */
    private static void closeInTime(GstTestSupport.Run run, Live live) throws InterruptedException {
        Thread closer = new Thread(run::close, "scenario-close");
        closer.setDaemon(true);
        closer.start();
        closer.join(TimeUnit.SECONDS.toMillis(live.secondsLeft() + 2));
        if (closer.isAlive()) {
            fail("the pipeline did not reach NULL in time (hang on shutdown)");
        }
    }
}

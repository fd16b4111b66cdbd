package dev.rvm.gst.element;

import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Format;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.StateChangeReturn;
import org.freedesktop.gstreamer.event.SeekFlags;
import org.freedesktop.gstreamer.event.SeekType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The element's stream contract under every pad layout (issue: hangs and lost outputs), each case a
 * pipeline, an action and the outcome expected within 10 s. Counted sinks are named {@code n*}:
 * {@code ns} behind src, {@code na} behind alpha, {@code nf} behind fgr. The matting is the luma
 * stand-in (the contract is the element's, not the network's); the same layouts through gst-launch-1.0
 * and the real model are in {@code GstLaunchScenariosTest}.
 */
class RvmMatteScenariosTest {
    private static final int DEADLINE = 10;
    private static final String FRAMES = "video/x-raw,format=BGRx,width=320,height=240,framerate=30/1 ! ";
    private static final String SIXTY = "videotestsrc num-buffers=60 ! " + FRAMES;
    private static final String ENDLESS = "videotestsrc ! " + FRAMES;
    private static final String LIVE = "videotestsrc is-live=true num-buffers=45 ! " + FRAMES;
    private static final String SINK = " sync=false";

    @BeforeAll
    static void gst() {
        GstTestSupport.initWithLuma(0);
    }

    @TestFactory
    Stream<DynamicTest> streamContract() {
        return Stream.of(
                earlyEos("src"), earlyEos("alpha"), earlyEos("fgr"),
                new Scenario("every branch ends early: the stream ends", ENDLESS + "rvmmatte name=m"
                        + " m.src ! identity eos-after=10 ! fakesink name=ns" + SINK
                        + " m.alpha ! identity eos-after=5 ! fakesink name=na" + SINK
                        + " m.fgr ! identity eos-after=15 ! fakesink name=nf" + SINK,
                        Scenario.AWAIT_END, live -> eos(live, "ns", "na", "nf"), DEADLINE),
                new Scenario("unlinked src, linked alpha: runs to EOS", SIXTY + "rvmmatte name=m m.alpha ! fakesink name=na" + SINK,
                        Scenario.AWAIT_END, live -> {
                            assertEquals(60, live.count("na"));
                            return eos(live, "na");
                        }, DEADLINE),
                new Scenario("no src pad linked: not-linked error", SIXTY + "rvmmatte name=m",
                        Scenario.AWAIT_END, live -> error(live, "has no linked output", "link its src pad"), DEADLINE),
                new Scenario("seek after EOS: plays the new segment to a new EOS", ENDLESS + "rvmmatte name=m"
                        + " m.src ! fakesink name=ns" + SINK + " m.alpha ! fakesink name=na" + SINK,
                        RvmMatteScenariosTest::seekAfterEos, live -> eos(live, "ns", "na"), DEADLINE),
                new Scenario("stalled branch (a sink waiting on the clock): bounded, then PAUSED, PLAYING, seek, READY",
                        ENDLESS + "rvmmatte name=m m.src ! fakesink name=ns sync=true ts-offset=1000000000000"
                                + " m.alpha ! fakesink name=na" + SINK,
                        RvmMatteScenariosTest::stateChangesWhileStalled, RvmMatteScenariosTest::stalledBounded, DEADLINE),
                new Scenario("stalled branch (an appsink nobody reads): bounded, then READY",
                        ENDLESS + "rvmmatte name=m m.src ! appsink name=stall max-buffers=1" + SINK
                                + " m.alpha ! fakesink name=na" + SINK, live -> {
                            assertTrue(live.waitForStall("na", 400), "the stream never stalled behind the unread appsink");
                            live.change(State.READY);
                        }, RvmMatteScenariosTest::stalledBounded, DEADLINE),
                new Scenario("downsample-ratio too small for the frames: refused at caps", SIXTY
                        + "rvmmatte name=m downsample-ratio=0.005 ! fakesink name=ns" + SINK,
                        Scenario.AWAIT_END, live -> error(live, "downsample-ratio", "at least"), DEADLINE),
                new Scenario("1x1 frames: refused at caps as too small",
                        "videotestsrc num-buffers=3 ! video/x-raw,format=BGRx,width=1,height=1 ! rvmmatte ! fakesink name=ns",
                        Scenario.AWAIT_END, live -> error(live, "too small to matte"), DEADLINE),
                new Scenario("auto ratio on a thin 2000x4 frame: matted", "videotestsrc num-buffers=5 ! "
                        + "video/x-raw,format=BGRx,width=2000,height=4 ! rvmmatte name=m ! fakesink name=ns" + SINK,
                        Scenario.AWAIT_END, live -> eos(live, "ns"), DEADLINE),
                new Scenario("live downsample-ratio too small in PLAYING: warning, last good value kept",
                        LIVE + "rvmmatte name=m m.src ! fakesink name=ns m.alpha ! fakesink name=na",
                        live -> liveChange(live, "downsample-ratio", 0.005f), live -> {
                            assertEquals(0f, ((Number) live.run.pipeline.getElementByName("m").get("downsample-ratio")).floatValue());
                            assertEquals(45, live.count("na"));
                            return warned(live, "refused downsample-ratio=0.005", "at least") + "; " + eos(live, "ns", "na");
                        }, DEADLINE),
                new Scenario("live unreadable background picture in PLAYING: warning, stream goes on",
                        LIVE + "rvmmatte name=m ! fakesink name=ns", live -> {
                            liveChange(live, "background-location", "/nonexistent/picture.png");
                            live.run.pipeline.getElementByName("m").set("background", 2); // image
                            live.run.awaitEnd(live.secondsLeft());
                        }, live -> {
                            assertEquals(0, ((Number) live.run.pipeline.getElementByName("m").get("background")).intValue());
                            assertEquals(45, live.count("ns"));
                            return warned(live, "refused background=", "/nonexistent/picture.png is not a readable file")
                                    + "; " + eos(live, "ns");
                        }, DEADLINE),
                new Scenario("live picture that does not decode in PLAYING: warning, stream goes on",
                        LIVE + "rvmmatte name=m ! fakesink name=ns", live -> {
                            Path notAPicture = Files.createTempFile("rvm-not-a-picture", ".png");
                            try {
                                Files.writeString(notAPicture, "not a PNG");
                                liveChange(live, "background-location", notAPicture.toString());
                                live.run.pipeline.getElementByName("m").set("background", 2); // image
                                live.run.awaitEnd(live.secondsLeft());
                            } finally {
                                Files.delete(notAPicture);
                            }
                        }, live -> {
                            assertEquals(0, ((Number) live.run.pipeline.getElementByName("m").get("background")).intValue());
                            assertEquals(45, live.count("ns"));
                            return warned(live, "refused background=image", "is not an image OpenCV can decode (use PNG or JPEG)")
                                    + "; " + eos(live, "ns");
                        }, DEADLINE)
        ).map(Scenario::test);
    }

    /** The first layout, with the early end on one pad; the other two get every frame. */
    private static Scenario earlyEos(String pad) {
        StringBuilder p = new StringBuilder(SIXTY + "rvmmatte name=m");
        for (String out : List.of("src", "alpha", "fgr")) {
            p.append(" m.").append(out).append(" ! ").append(out.equals(pad) ? "identity eos-after=10 ! " : "")
                    .append("fakesink name=n").append(out.charAt(0) == 'a' ? "a" : out.charAt(0) == 'f' ? "f" : "s").append(SINK);
        }
        String ended = "n" + (pad.equals("alpha") ? "a" : pad.equals("fgr") ? "f" : "s");
        return new Scenario("early EOS on " + pad + ": the others get every frame", p.toString(), Scenario.AWAIT_END, live -> {
            for (String sink : List.of("ns", "na", "nf")) {
                if (sink.equals(ended)) {
                    assertTrue(live.count(sink) <= 10, sink + " got " + live.count(sink) + " after EOS");
                } else {
                    assertEquals(60, live.count(sink), sink);
                }
            }
            return eos(live, "ns", "na", "nf");
        }, DEADLINE);
    }

    private static void seekAfterEos(Scenario.Live live) throws Exception {
        assertTrue(live.waitFor(() -> live.count("na") > 0), "no first frame");
        seek(live, 1_000_000_000L);
        live.run.awaitEnd(live.secondsLeft());
        long first = live.count("na");
        live.run.rearm();
        seek(live, 500_000_000L);
        live.run.awaitEnd(live.secondsLeft());
        assertTrue(live.count("na") - first >= 14, "after the second seek: " + (live.count("na") - first));
    }

    private static void seek(Scenario.Live live, long stop) {
        assertTrue(live.run.pipeline.seek(1.0, Format.TIME, EnumSet.of(SeekFlags.FLUSH, SeekFlags.ACCURATE),
                SeekType.SET, 0, SeekType.SET, stop), "seek refused");
    }

    /**
     * PAUSED cannot complete here, as with tee and queues: alpha's sink must preroll on a new buffer, and
     * the stream waits for the stalled branch; the change must return (ASYNC) instead of blocking, and
     * PLAYING, a flushing seek and READY must all go through.
     */
    private static void stateChangesWhileStalled(Scenario.Live live) throws Exception {
        assertTrue(live.waitForStall("na", 400), "the stream never stalled behind the clock-waiting sink");
        assertEquals(StateChangeReturn.ASYNC, live.run.pipeline.setState(State.PAUSED));
        assertNotEquals(StateChangeReturn.FAILURE, live.run.pipeline.setState(State.PLAYING));
        long before = live.count("na");
        seek(live, -1);
        assertTrue(live.waitFor(() -> live.count("na") > before), "no frame after the flushing seek");
        assertTrue(live.waitForStall("na", 400), "the stream did not stall again after the seek");
        live.change(State.READY);
    }

    /**
     * The src pad grew while alpha starved (what lets x264enc preroll), then stopped at the bound: here
     * the time one (3 s of 30 fps frames), before the 200 buffers.
     */
    private static String stalledBounded(Scenario.Live live) {
        long alpha = live.count("na");
        long bound = HandOffLimits.DEFAULTS.maxTimeNanos() * 30 / 1_000_000_000L;
        long stalls = live.name.contains("seek") ? 2 : 1; // a flushing seek drops the queue and fills it again
        assertTrue(alpha >= bound * stalls && alpha <= (bound + 10) * stalls, "alpha frames " + alpha + ", bound " + bound);
        return "stalled after " + alpha + " alpha frames; every state change in time";
    }

    private static void liveChange(Scenario.Live live, String property, Object value) throws Exception {
        assertTrue(live.waitFor(() -> live.counts.values().stream().anyMatch(c -> c.get() >= 5)), "no frames");
        Element m = live.run.pipeline.getElementByName("m");
        m.set(property, value);
        if (!"background-location".equals(property)) {
            live.run.awaitEnd(live.secondsLeft());
        }
    }

    private static String eos(Scenario.Live live, String... sinks) {
        assertTrue(live.run.errors.isEmpty(), () -> "errors: " + live.run.errors);
        StringBuilder s = new StringBuilder("EOS");
        for (String sink : sinks) {
            s.append(", ").append(sink).append('=').append(live.count(sink));
        }
        return s.toString();
    }

    private static String error(Scenario.Live live, String... words) {
        assertTrue(!live.run.errors.isEmpty(), "an error was expected");
        String first = live.run.errors.get(0);
        for (String w : words) {
            assertTrue(first.contains(w), () -> "the first error should say '" + w + "': " + live.run.errors);
        }
        return "error: " + first.lines().findFirst().orElse("");
    }

    private static String warned(Scenario.Live live, String... words) {
        String all = String.join("\n", live.run.warnings);
        for (String w : words) {
            assertTrue(all.contains(w), () -> "a warning should say '" + w + "': " + live.run.warnings);
        }
        return "warning: " + live.run.warnings.get(0).lines().findFirst().orElse("");
    }
}

package dev.rvm.gst.element;

import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.elements.AppSink;
import org.freedesktop.gstreamer.elements.AppSrc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The background pad with two real sources: the person (black frames: alpha 0 on the luma stand-in,
 * so every composite pixel is the background) over a moving test pattern at another frame rate.
 */
class RvmMatteBackgroundPadTest {
    private static final long MS = 1_000_000L;
    /** background-color in these pipelines: blue. */
    private static final int[] BLUE = {0, 0, 255};

    @BeforeAll
    static void gst() {
        GstTestSupport.initWithLuma(0);
    }

    private record Frame(long pts, byte[] rgb) {}

    private static String person(int frames) {
        return "videotestsrc num-buffers=" + frames + " pattern=black ! video/x-raw,format=RGB,width=32,height=24,framerate=10/1"
                + " ! rvmmatte name=m background-color=0xff0000ff ! video/x-raw,format=RGB ! appsink name=out sync=false ";
    }

    /** A ball moving over 25 fps frames, copied to an appsink as it enters the background pad. */
    private static String ball(String extra) {
        return "videotestsrc pattern=ball " + extra + " ! video/x-raw,format=RGB,width=32,height=24,framerate=25/1"
                + " ! tee name=bt bt. ! queue ! appsink name=bgcopy sync=false bt. ! queue ! m.background ";
    }

    /** Each composite is the latest background frame at or before its timestamp (0, 100, 200 ms ... vs 0, 40, 80 ms ...). */
    @Test
    void personOverAMovingPatternMatchedByTimestamp() {
        List<Frame> out;
        List<Frame> background;
        try (var run = new GstTestSupport.Run(person(20) + ball("num-buffers=60"))) {
            run.play();
            out = frames((AppSink) run.pipeline.getElementByName("out"));
            background = frames((AppSink) run.pipeline.getElementByName("bgcopy"));
            run.assertEos(30);
        }
        assertEquals(20, out.size());
        assertEquals(60, background.size());
        int distinct = 0;
        for (Frame f : out) {
            Frame expected = latestAtOrBefore(background, f.pts());
            assertArrayEquals(expected.rgb(), f.rgb(), "composite at " + f.pts() / MS + " ms is the background of "
                    + expected.pts() / MS + " ms");
            int index = background.indexOf(expected);
            if (index > 0 && !Arrays.equals(background.get(index - 1).rgb(), expected.rgb())) {
                distinct++; // the frame before differs: a match off by one would have failed
            }
        }
        assertTrue(distinct >= 10, "the pattern moves between the matched frames: " + distinct);
    }

    @Test
    void backgroundEndingFirstFallsBackToTheColourAndTheStreamEnds() {
        List<Frame> out;
        try (var run = new GstTestSupport.Run(person(12) + ball("num-buffers=5"))) { // 0-200 ms
            run.play();
            out = frames((AppSink) run.pipeline.getElementByName("out"));
            frames((AppSink) run.pipeline.getElementByName("bgcopy"));
            run.assertEos(30);
        }
        assertEquals(12, out.size());
        assertFalse(isSolid(out.get(0).rgb(), BLUE), "the ball at 0 ms");
        for (Frame f : out.subList(2, 12)) {
            assertTrue(isSolid(f.rgb(), BLUE), "background-color after the background's last frame, at " + f.pts() / MS);
        }
    }

    @Test
    void backgroundStartingLaterShowsTheColourUntilItsFirstFrame() {
        List<Frame> out;
        try (var run = new GstTestSupport.Run(person(15) + ball("num-buffers=20 timestamp-offset=" + 1000 * MS))) {
            run.play();
            out = frames((AppSink) run.pipeline.getElementByName("out"));
            frames((AppSink) run.pipeline.getElementByName("bgcopy"));
            run.assertEos(30);
        }
        assertEquals(15, out.size());
        for (Frame f : out) {
            assertEquals(f.pts() < 1000 * MS, isSolid(f.rgb(), BLUE), "colour only before 1 s, at " + f.pts() / MS + " ms");
        }
    }

    /** A background pad that is linked but gets nothing: one bounded wait, then the colour; no hang. */
    @Test
    void silentBackgroundCostsOneWaitThenTheColour() {
        long start = System.nanoTime();
        try (var run = new GstTestSupport.Run(person(10) + "appsrc name=bg format=time is-live=false"
                + " caps=video/x-raw,format=RGB,width=8,height=8,framerate=25/1 ! m.background")) {
            AppSink sink = (AppSink) run.pipeline.getElementByName("out");
            run.play();
            List<Frame> out = frames(sink);
            assertEquals(10, out.size());
            for (Frame f : out) {
                assertTrue(isSolid(f.rgb(), BLUE), "colour at " + f.pts() / MS);
            }
            ((AppSrc) run.pipeline.getElementByName("bg")).endOfStream();
            run.assertEos(30);
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds < 15, "one wait of " + BackgroundInput.WAIT_NANOS / MS + " ms, not one per frame: " + seconds + " s");
    }

    /** Any size: a 64x64 red picture covers the 32x24 frame. */
    @Test
    void backgroundOfAnotherSizeCoversTheFrame() {
        try (var run = new GstTestSupport.Run(person(3) + "videotestsrc pattern=red num-buffers=10"
                + " ! video/x-raw,format=BGRx,width=64,height=64,framerate=10/1 ! m.background")) {
            run.play();
            List<Frame> out = frames((AppSink) run.pipeline.getElementByName("out"));
            run.assertEos(30);
            assertEquals(3, out.size());
            for (Frame f : out) {
                assertTrue(isSolid(f.rgb(), new int[] {255, 0, 0}), "red everywhere");
            }
        }
    }

    /** The background pad takes raw RGB video only: other caps get an error that names the pad and the fix. */
    @Test
    void nonVideoCapsOnTheBackgroundPadAreAClearError() {
        for (String caps : List.of("audio/x-raw,format=S16LE,rate=44100,channels=1,layout=interleaved",
                "video/x-raw,format=I420,width=16,height=16,framerate=25/1")) {
            try (var run = new GstTestSupport.Run(person(30) + "appsrc name=bg format=time ! m.background")) {
                AppSrc bg = (AppSrc) run.pipeline.getElementByName("bg");
                run.play();
                bg.setCaps(Caps.fromString(caps));
                bg.pushBuffer(new Buffer(64));
                run.awaitEnd(30);
                assertFalse(run.errors.isEmpty(), caps + " must fail");
                assertTrue(run.errors.get(0).contains("background pad takes raw video")
                        && run.errors.get(0).contains("videoconvert"), () -> "first error: " + run.errors);
            }
        }
    }

    /** The background's own EOS and events never reach src: the person stream decides when it ends. */
    @Test
    void theCompositeHasThePersonsFramesAndTimestampsOnly() {
        List<Frame> out;
        try (var run = new GstTestSupport.Run(person(8) + ball("num-buffers=3"))) {
            run.play();
            out = frames((AppSink) run.pipeline.getElementByName("out"));
            frames((AppSink) run.pipeline.getElementByName("bgcopy"));
            run.assertEos(30);
        }
        List<Long> pts = out.stream().map(f -> f.pts() / MS).toList();
        assertEquals(List.of(0L, 100L, 200L, 300L, 400L, 500L, 600L, 700L), pts);
    }

    private static Frame latestAtOrBefore(List<Frame> background, long pts) {
        Frame best = null;
        for (Frame b : background) {
            if (b.pts() <= pts) {
                best = b;
            }
        }
        return best;
    }

    /** Packed RGB rows of 32 pixels (96 bytes, no padding). */
    private static boolean isSolid(byte[] rgb, int[] colour) {
        for (int i = 0; i < rgb.length; i += 3) {
            for (int k = 0; k < 3; k++) {
                if ((rgb[i + k] & 0xFF) != colour[k]) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<Frame> frames(AppSink sink) {
        List<Frame> frames = new ArrayList<>();
        Sample s;
        while ((s = sink.pullSample()) != null) {
            frames.add(new Frame(s.getBuffer().getPresentationTimestamp(), RvmMattePipelineTest.bytes(s)));
            s.dispose();
        }
        return frames;
    }
}

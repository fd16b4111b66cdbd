package dev.rvm.gst.element;

import dev.rvm.gst.media.SampleMedia;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.MattingStream;
import dev.rvm.matting.MattingStreams;
import dev.rvm.matting.PixelFormat;
import org.freedesktop.gstreamer.elements.AppSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The element on the real core and model: its 8-bit alpha is the core's, bit for bit, on decoded frames. */
class RvmMatteCoreAlphaTest {
    private static final int FRAMES = 12;

    @BeforeAll
    static void realCore() {
        GstTestSupport.initWithCore();
    }

    @AfterAll
    static void backToLuma() {
        GstTestSupport.initWithLuma(0);
    }

    @Test
    void elementAlphaEqualsTheCoresOnTheSameDecodedFrames() {
        Path clip = SampleMedia.talkingHead();
        List<byte[]> frames;
        List<byte[]> alphas;
        try (var run = new GstTestSupport.Run("filesrc location=" + clip + " ! decodebin ! videoconvert"
                + " ! video/x-raw,format=RGB ! identity eos-after=" + FRAMES + " ! tee name=t"
                + " t. ! queue ! appsink name=frames sync=false"
                + " t. ! queue ! rvmmatte name=m downsample-ratio=0.5 m.alpha ! appsink name=a sync=false")) {
            run.play();
            frames = RvmMattePipelineTest.pull((AppSink) run.pipeline.getElementByName("frames"));
            alphas = RvmMattePipelineTest.pull((AppSink) run.pipeline.getElementByName("a"));
            run.assertEos(300);
        }
        assertEquals(frames.size(), alphas.size(), "one matte per decoded frame");
        assertTrue(frames.size() >= FRAMES, "decoded " + frames.size());

        FrameLayout layout = new FrameLayout(400, 300, PixelFormat.RGB, 1200);
        List<byte[]> expected = new ArrayList<>();
        try (MattingStream core = MattingStreams.open(MattingSettings.DEFAULTS.withDownsampleRatio(0.5f))) {
            for (int i = 0; i < frames.size(); i++) {
                ByteBuffer in = ByteBuffer.allocateDirect(frames.get(i).length).put(frames.get(i)).flip();
                core.submit(in, layout, i, f -> {
                    ByteBuffer out = ByteBuffer.allocate(400 * 300);
                    f.writeAlpha(out, 400);
                    expected.add(out.array());
                });
            }
            core.drain(f -> { });
        }
        for (int i = 0; i < frames.size(); i++) {
            assertArrayEquals(expected.get(i), alphas.get(i), "alpha of frame " + i);
        }
    }
}

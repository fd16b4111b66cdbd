package dev.rvm.samples;

import dev.rvm.gst.GstRuntime;
import dev.rvm.gst.media.SampleMedia;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.elements.AppSink;

import java.nio.ByteBuffer;

/**
 * The streaming tests' camera: the first picture of the real-person sample video, repeated at 30 fps
 * as a live source. The recurrent model settles on a still picture within a few frames, so any
 * late frame a receiver decodes can be checked against one reference matte.
 */
final class FrozenFrame {
    /** The samples scale every source to this size before rvmmatte. */
    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    /** The tests stream at this ratio: a 2-core machine shared with others keeps up at 30 fps. */
    static final String RATIO = "downsample-ratio=0.25";
    private static byte[] reference;

    private FrozenFrame() {
    }

    /** A SOURCE for the sample scripts: {@code frames} frames, live at 30 fps, then EOS. */
    static String liveSource(int frames) {
        return source(frames, true);
    }

    private static String source(int frames, boolean live) {
        return "filesrc location=\"" + SampleMedia.talkingHead() + "\" ! decodebin ! videoconvert"
                + " ! imagefreeze num-buffers=" + frames + " is-live=" + live + " ! video/x-raw,framerate=30/1";
    }

    /** rvmmatte's settled GRAY8 matte of the picture at 640x480 at {@link #RATIO}, made once. */
    static synchronized byte[] referenceAlpha() {
        if (reference == null) {
            GstRuntime.start("samples-test");
            reference = referenceAlpha(RATIO);
        }
        return reference;
    }

    /** rvmmatte's settled GRAY8 matte of the picture at 640x480 (tight rows), with these settings. */
    private static byte[] referenceAlpha(String matteSettings) {
        String description = source(20, false) + " ! videoconvert ! videoscale ! video/x-raw,width=" + WIDTH
                + ",height=" + HEIGHT + " ! rvmmatte name=m " + matteSettings + " m.alpha ! appsink name=alpha sync=false";
        try (RunningPipeline run = new RunningPipeline(description)) {
            AppSink sink = (AppSink) run.pipeline.getElementByName("alpha");
            run.play();
            byte[] alpha = null;
            Sample sample;
            while ((sample = sink.pullSample()) != null) {
                Buffer buffer = sample.getBuffer();
                ByteBuffer pixels = buffer.map(false);
                alpha = new byte[WIDTH * HEIGHT];
                pixels.get(0, alpha); // 640 is a multiple of 4: GRAY8 rows have no padding
                buffer.unmap();
                sample.dispose();
            }
            if (alpha == null) {
                throw new AssertionError("no reference matte: " + run.errors);
            }
            return alpha;
        }
    }
}

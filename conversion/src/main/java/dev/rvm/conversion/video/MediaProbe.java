package dev.rvm.conversion.video;

import dev.rvm.conversion.gst.PadQueries;
import dev.rvm.conversion.gst.StrictLaunch;
import dev.rvm.gst.BusErrors;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Format;
import org.freedesktop.gstreamer.Fraction;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.message.MessageType;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What streams a media file has, found by letting decodebin expose its pads (no frames decoded), and how
 * many video frames its container announces: the count a complete decode must reach.
 *
 * @param announcedFrames the video frames the container says it holds, or -1 when it does not say
 *                        (no duration, or a variable frame rate)
 * @param width           the decoded video's width, 0 when unknown
 * @param height          the decoded video's height, 0 when unknown
 */
public record MediaProbe(boolean hasVideo, boolean hasAudio, long announcedFrames, int width, int height) {

    public MediaProbe(boolean hasVideo, boolean hasAudio) {
        this(hasVideo, hasAudio, -1, 0, 0);
    }

    public static MediaProbe of(Path file) throws InterruptedException {
        Pipeline p = StrictLaunch.parse("filesrc location=" + VideoPipeline.quote(file) + " ! decodebin name=d");
        AtomicBoolean video = new AtomicBoolean();
        AtomicBoolean audio = new AtomicBoolean();
        AtomicLong frames = new AtomicLong(-1);
        int[] size = new int[2];
        AtomicReference<String> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Element d = p.getElementByName("d");
        d.connect((Element.PAD_ADDED) (el, pad) -> {
            Caps caps = pad.getCurrentCaps();
            String name = caps == null ? "" : caps.getStructure(0).getName();
            if (name.startsWith("video/") && video.compareAndSet(false, true)) {
                Structure s = caps.getStructure(0);
                frames.set(announcedFrames(pad, s));
                if (s.hasField("width") && s.hasField("height")) {
                    size[0] = s.getInteger("width");
                    size[1] = s.getInteger("height");
                }
            }
            audio.compareAndSet(false, name.startsWith("audio/"));
        });
        d.connect((Element.NO_MORE_PADS) el -> done.countDown());
        Bus bus = p.getBus();
        bus.connect((Bus.MESSAGE) (b, m) -> {
            if (m.getType() == MessageType.ERROR) {
                error.compareAndSet(null, String.valueOf(BusErrors.parse(m)));
                done.countDown();
            }
        });
        try {
            p.pause();
            if (!done.await(30, TimeUnit.SECONDS)) {
                throw new IllegalArgumentException("--input " + file + ": no streams found within 30 s");
            }
        } finally {
            p.setState(State.NULL);
            p.dispose();
            java.lang.ref.Reference.reachabilityFence(bus); // its Java wrapper holds the listener
        }
        if (!video.get()) {
            throw new IllegalArgumentException("--input " + file + " has no video stream GStreamer can decode"
                    + (error.get() == null ? "" : " (" + error.get().lines().findFirst().orElse("") + ")")
                    + "; the file is damaged, cut short or not a video");
        }
        return new MediaProbe(true, audio.get(), frames.get(), size[0], size[1]);
    }

    /** Frames as the demuxer counts them, else duration x frame rate; -1 when neither is known. */
    private static long announcedFrames(Pad pad, Structure caps) {
        long counted = PadQueries.duration(pad, Format.DEFAULT);
        if (counted > 0) {
            return counted;
        }
        long nanos = PadQueries.duration(pad, Format.TIME);
        if (nanos <= 0 || !caps.hasField("framerate")) {
            return -1;
        }
        Fraction rate = caps.getFraction("framerate");
        if (rate.getNumerator() <= 0 || rate.getDenominator() <= 0) {
            return -1; // variable frame rate: the container announces time, not frames
        }
        return Math.round(nanos / 1e9 * rate.getNumerator() / rate.getDenominator());
    }
}

package dev.rvm.conversion.video;

import dev.rvm.gst.BusErrors;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.message.MessageType;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** What streams a media file has, found by letting decodebin expose its pads (no frames decoded). */
public record MediaProbe(boolean hasVideo, boolean hasAudio) {

    public static MediaProbe of(Path file) throws InterruptedException {
        Pipeline p = (Pipeline) Gst.parseLaunch("filesrc location=\"" + file + "\" ! decodebin name=d");
        AtomicBoolean video = new AtomicBoolean();
        AtomicBoolean audio = new AtomicBoolean();
        AtomicReference<String> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Element d = p.getElementByName("d");
        d.connect((Element.PAD_ADDED) (el, pad) -> {
            Caps caps = pad.getCurrentCaps();
            String name = caps == null ? "" : caps.getStructure(0).getName();
            video.compareAndSet(false, name.startsWith("video/"));
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
                    + (error.get() == null ? "" : " (" + error.get().lines().findFirst().orElse("") + ")"));
        }
        return new MediaProbe(true, audio.get());
    }
}

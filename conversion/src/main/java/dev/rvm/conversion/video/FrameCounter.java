package dev.rvm.conversion.video;

import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeInfo;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;

import java.util.concurrent.atomic.AtomicLong;

/** Counts the frames that reach an element's sink pad: what was decoded, whatever the container claims. */
final class FrameCounter implements Pad.PROBE {
    private final AtomicLong frames = new AtomicLong();

    static FrameCounter on(Element element) {
        FrameCounter counter = new FrameCounter();
        element.getStaticPad("sink").addProbe(PadProbeType.BUFFER, counter);
        return counter;
    }

    @Override
    public PadProbeReturn probeCallback(Pad pad, PadProbeInfo info) {
        frames.incrementAndGet();
        return PadProbeReturn.OK;
    }

    long frames() {
        return frames.get();
    }
}

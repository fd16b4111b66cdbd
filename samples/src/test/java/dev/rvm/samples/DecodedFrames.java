package dev.rvm.samples;

import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.elements.AppSink;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Counts the RGB frames reaching an appsink and keeps the last one (tight rows, 3 bytes a pixel). */
final class DecodedFrames {
    /** One picture, packed RGB. */
    record Frame(int width, int height, byte[] rgb) {
    }

    /** What a receiver's SINK becomes in the tests: RGB into an appsink named "frames". */
    static final String SINK = "video/x-raw,format=RGB ! appsink name=frames sync=false emit-signals=true";

    private final AtomicInteger count = new AtomicInteger();
    private final AtomicReference<Frame> last = new AtomicReference<>();

    DecodedFrames(RunningPipeline receiver) {
        AppSink sink = (AppSink) receiver.pipeline.getElementByName("frames");
        sink.connect((AppSink.NEW_SAMPLE) s -> {
            Sample sample = s.pullSample();
            try {
                Structure caps = sample.getCaps().getStructure(0);
                int width = caps.getInteger("width");
                int height = caps.getInteger("height");
                int stride = (width * 3 + 3) & ~3; // GStreamer pads RGB rows to 4 bytes
                Buffer buffer = sample.getBuffer();
                ByteBuffer pixels = buffer.map(false);
                byte[] rgb = new byte[width * height * 3];
                for (int y = 0; y < height; y++) {
                    pixels.get(y * stride, rgb, y * width * 3, width * 3);
                }
                buffer.unmap();
                last.set(new Frame(width, height, rgb));
                count.incrementAndGet();
            } finally {
                sample.dispose();
            }
            return org.freedesktop.gstreamer.FlowReturn.OK;
        });
    }

    /** Until {@code n} frames arrived or the time is up; returns how many arrived. */
    int awaitCount(int n, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        while (count.get() < n && System.nanoTime() < end) {
            LoopbackPorts.sleep(50);
        }
        return count.get();
    }

    int count() {
        return count.get();
    }

    Frame last() {
        return last.get();
    }
}

package dev.rvm.conversion.video;

import dev.rvm.conversion.gst.PipelineRunner;
import dev.rvm.conversion.gst.PipelineWatch;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.PixelFormat;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.FlowReturn;
import org.freedesktop.gstreamer.Format;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.StateChangeReturn;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.elements.AppSink;
import org.freedesktop.gstreamer.event.SeekFlags;
import org.freedesktop.gstreamer.event.SeekType;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decodes frames {@code from} to {@code to - 1} of a video as packed RGBx, in order. The pipeline seeks
 * (accurately) to frame {@code from}: the demuxer goes back to the keyframe at or before it and the
 * decoder drops what lies before, so a range deep in a long video costs its own frames plus at most
 * one group of pictures. Frames are identified by their presentation time in the {@link FrameIndex}.
 */
public final class FrameRangeDecoder implements AutoCloseable {

    /** A decoded frame; its pixels are valid until the next {@link #next()} or {@link #close()}. */
    public record Frame(int index, ByteBuffer pixels, FrameLayout layout) {
    }

    private static final long STALL_SECONDS = 120;
    private static final Sample END = null;

    private final Path file;
    private final FrameIndex index;
    private final int from;
    private final int to;
    private final Pipeline pipeline;
    private final PipelineWatch watch;
    private final BlockingQueue<Object> samples = new ArrayBlockingQueue<>(4);
    private final AtomicBoolean closed = new AtomicBoolean();
    private Sample current;
    private Buffer currentBuffer;
    private int nextIndex;

    private FrameRangeDecoder(Path file, FrameIndex index, int from, int to) {
        this.file = file;
        this.index = index;
        this.from = from;
        this.to = to;
        this.nextIndex = from;
        this.pipeline = (Pipeline) Gst.parseLaunch("filesrc location=" + VideoPipeline.quote(file) + " ! decodebin name=d "
                + "queue name=q ! videoconvert ! video/x-raw,format=RGBx ! appsink name=frames sync=false emit-signals=true"
                + " enable-last-sample=false");
        this.watch = new PipelineWatch(pipeline, "decoding " + file);
        Element queue = pipeline.getElementByName("q");
        AtomicBoolean videoLinked = new AtomicBoolean();
        pipeline.getElementByName("d").connect((Element.PAD_ADDED) (element, pad) -> {
            Caps caps = pad.getCurrentCaps();
            String kind = caps == null ? "" : caps.getStructure(0).getName();
            if (kind.startsWith("video/") && videoLinked.compareAndSet(false, true)) {
                pad.link(queue.getStaticPad("sink"));
            } else {
                Element sink = ElementFactory.make("fakesink", null);
                sink.set("sync", false);
                sink.set("async", false);
            sink.set("async", false); // one demuxer thread feeds every stream: a sink waiting to preroll would block the others
                ((Bin) pipeline).add(sink);
                sink.syncStateWithParent();
                pad.link(sink.getStaticPad("sink"));
            }
        });
        AppSink sink = (AppSink) pipeline.getElementByName("frames");
        sink.connect((AppSink.NEW_SAMPLE) s -> {
            Sample sample = s.pullSample();
            return offer(sample) ? FlowReturn.OK : FlowReturn.FLUSHING;
        });
        sink.connect((AppSink.EOS) s -> offer(END));
    }

    /**
     * Opens a decoder for frames [from, to) of {@code file}.
     *
     * @throws IllegalArgumentException for a range outside the video
     */
    public static FrameRangeDecoder open(Path file, FrameIndex index, int from, int to) throws InterruptedException {
        if (from < 0 || to > index.frames() || from >= to) {
            throw new IllegalArgumentException("frames [" + from + ", " + to + ") are not inside " + file
                    + ", which has " + index.frames() + " frames");
        }
        FrameRangeDecoder d = new FrameRangeDecoder(file, index, from, to);
        try {
            d.start();
            return d;
        } catch (RuntimeException | InterruptedException e) {
            d.close();
            throw e;
        }
    }

    private void start() throws InterruptedException {
        if (from > 0 || to < index.frames()) {
            CountDownLatch prerolled = new CountDownLatch(1);
            Bus.ASYNC_DONE done = source -> prerolled.countDown();
            pipeline.getBus().connect(done);
            try {
                if (pipeline.pause() == StateChangeReturn.ASYNC) {
                    awaitPreroll(prerolled);
                }
            } finally {
                pipeline.getBus().disconnect(done);
            }
            watch.check();
            long stop = to < index.frames() ? index.seekNanos(to) : -1;
            // a failed seek leaves the decoder at frame 0: the frames before `from` are then skipped below
            pipeline.seek(1.0, Format.TIME, EnumSet.of(SeekFlags.FLUSH, SeekFlags.ACCURATE),
                    SeekType.SET, index.seekNanos(from), stop < 0 ? SeekType.NONE : SeekType.SET, stop);
        }
        pipeline.play();
    }

    private void awaitPreroll(CountDownLatch prerolled) throws InterruptedException {
        for (int waited = 0; waited < STALL_SECONDS * 4; waited++) {
            if (prerolled.await(250, TimeUnit.MILLISECONDS)) {
                return;
            }
            watch.check();
        }
        throw new PipelineRunner.PipelineFailure("opening " + file + " stalled: no first frame within " + STALL_SECONDS + " s");
    }

    private boolean offer(Object sample) {
        try {
            while (!closed.get()) {
                if (samples.offer(sample == null ? Boolean.FALSE : sample, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sample instanceof Sample s) {
            s.dispose();
        }
        return false;
    }

    /** The next frame of the range, or null after its last one. */
    public Frame next() throws InterruptedException {
        release();
        while (nextIndex < to) {
            Object item = take();
            if (!(item instanceof Sample sample)) {
                watch.check();
                throw new PipelineRunner.PipelineFailure("decoding " + file + " ended at frame " + nextIndex + " of "
                        + index.frames() + ": the file is shorter than its index says (damaged?)");
            }
            Buffer buffer = sample.getBuffer();
            int i = index.frameAt(buffer.getPresentationTimestamp());
            if (i < 0) {
                buffer.dispose();
                sample.dispose();
                throw new PipelineRunner.PipelineFailure("decoding " + file + ": a frame at " + buffer.getPresentationTimestamp()
                        + " ns is not in the stream's index");
            }
            if (i < nextIndex) {
                buffer.dispose();
                sample.dispose(); // before the range (no seek, or a frame the decoder kept at the seek point)
                continue;
            }
            if (i > nextIndex) {
                buffer.dispose();
                sample.dispose();
                throw new PipelineRunner.PipelineFailure("decoding " + file + ": frame " + nextIndex + " is missing"
                        + " (the decoder went on at frame " + i + ")");
            }
            nextIndex++;
            current = sample;
            currentBuffer = buffer;
            Structure s = sample.getCaps().getStructure(0);
            int w = s.getInteger("width");
            int h = s.getInteger("height");
            ByteBuffer pixels = buffer.map(false);
            return new Frame(i, pixels, FrameLayout.packed(w, h, PixelFormat.RGBX));
        }
        return null;
    }

    private Object take() throws InterruptedException {
        for (int waited = 0; waited < STALL_SECONDS * 4; waited++) {
            Object item = samples.poll(250, TimeUnit.MILLISECONDS);
            if (item != null) {
                return item;
            }
            watch.check();
        }
        throw new PipelineRunner.PipelineFailure("decoding " + file + " stalled: no frame for " + STALL_SECONDS + " s");
    }

    private void release() {
        if (currentBuffer != null) {
            currentBuffer.unmap();
            currentBuffer.dispose();
            currentBuffer = null;
        }
        if (current != null) {
            current.dispose();
            current = null;
        }
    }

    @Override
    public void close() {
        release();
        closed.set(true);
        pipeline.setState(State.NULL);
        for (Object left = samples.poll(); left != null; left = samples.poll()) {
            if (left instanceof Sample s) {
                s.dispose();
            }
        }
        pipeline.dispose();
    }
}

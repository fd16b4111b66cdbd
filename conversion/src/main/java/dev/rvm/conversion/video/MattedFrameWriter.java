package dev.rvm.conversion.video;

import dev.rvm.conversion.gst.PipelineWatch;
import dev.rvm.matting.Background;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattedFrame;
import dev.rvm.matting.PixelFormat;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.FlowReturn;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.elements.AppSrc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes matted frames handed in by Java code to the outputs of a {@link VideoConvertOptions}: one
 * appsrc per output feeding the same encoder and muxer (or PNG) branches as {@code ./rvm convert}.
 * No audio: a piece of a video gets its sound when the pieces are joined ({@link VideoStitcher}).
 */
public final class MattedFrameWriter implements AutoCloseable {

    private static final Background TRANSPARENT = new Background.Transparent();
    private static final long FINISH_SECONDS = 300;

    private final VideoConvertOptions options;
    private final Pipeline pipeline;
    private final PipelineWatch watch;
    private final List<Output> outputs = new ArrayList<>();
    private boolean finished;

    /** One output: what goes in its buffers and the appsrc that takes them. */
    private record Output(AppSrc source, int size, Kind kind) {
    }

    private enum Kind { COMPOSITION, ALPHA, FOREGROUND }

    private final int width;
    private final int height;

    /**
     * @param firstNumber the number of the first PNG written (PNG outputs are named by frame number)
     */
    public MattedFrameWriter(VideoConvertOptions options, int width, int height, int rateNumerator, int rateDenominator,
                             int firstNumber) throws IOException {
        this.options = options;
        this.width = width;
        this.height = height;
        for (Path out : new Path[]{options.composition(), options.alpha(), options.foreground()}) {
            if (out != null) {
                Files.createDirectories(options.pngSequence() ? out : out.toAbsolutePath().getParent());
            }
        }
        String rate = rateNumerator + "/" + rateDenominator;
        StringBuilder d = new StringBuilder();
        if (options.composition() != null) {
            String format = options.background() == null ? "RGBA" : "RGBx";
            d.append(source("composition", format, rate));
            d.append(options.pngSequence() ? VideoPipeline.pngBranch(options.composition(), firstNumber)
                    : compositionBranch(options));
        }
        if (options.alpha() != null) {
            d.append(source("alpha", "GRAY8", rate)).append(branch(options.alpha(), firstNumber));
        }
        if (options.foreground() != null) {
            d.append(source("foreground", "RGBx", rate)).append(branch(options.foreground(), firstNumber));
        }
        pipeline = (Pipeline) Gst.parseLaunch(d.toString());
        watch = new PipelineWatch(pipeline, "writing " + describe(options));
        if (options.composition() != null) {
            add("composition", width * 4 * height, Kind.COMPOSITION);
        }
        if (options.alpha() != null) {
            add("alpha", alphaStride() * height, Kind.ALPHA);
        }
        if (options.foreground() != null) {
            add("foreground", width * 4 * height, Kind.FOREGROUND);
        }
        pipeline.play();
    }

    private String source(String name, String format, String rate) {
        return "appsrc name=" + name + " format=time block=true max-bytes=" + (long) width * height * 16
                + " caps=\"video/x-raw,format=" + format + ",width=" + width + ",height=" + height + ",framerate=" + rate
                + "\" ! ";
    }

    private static String compositionBranch(VideoConvertOptions o) {
        VideoFormat f = VideoFormat.of(o.composition(), o.background() == null, "composition");
        return "queue ! " + f.encoder(o.videoMbps()) + f.muxer() + " ! filesink location=" + VideoPipeline.quote(o.composition()) + ' ';
    }

    private String branch(Path out, int firstNumber) {
        return options.pngSequence() ? VideoPipeline.pngBranch(out, firstNumber) : VideoPipeline.videoBranch(out, options.videoMbps());
    }

    private void add(String name, int size, Kind kind) {
        outputs.add(new Output((AppSrc) pipeline.getElementByName(name), size, kind));
    }

    /** GStreamer pads GRAY8 rows to 4 bytes. */
    private int alphaStride() {
        return (width + 3) & ~3;
    }

    /** Writes one frame shown from {@code ptsNanos} for {@code durationNanos}. */
    public void write(MattedFrame frame, long ptsNanos, long durationNanos) {
        watch.check();
        for (Output o : outputs) {
            Buffer b = new Buffer(o.size());
            ByteBuffer dst = b.map(true);
            switch (o.kind()) {
                case COMPOSITION -> {
                    Background bg = options.background() == null ? TRANSPARENT : options.background();
                    frame.writeComposite(bg, dst, FrameLayout.packed(width, height,
                            options.background() == null ? PixelFormat.RGBA : PixelFormat.RGBX));
                }
                case ALPHA -> frame.writeAlpha(dst, alphaStride());
                case FOREGROUND -> frame.writeForeground(dst, FrameLayout.packed(width, height, PixelFormat.RGBX));
            }
            b.unmap();
            b.setPresentationTimestamp(ptsNanos);
            b.setDuration(durationNanos);
            FlowReturn flow = o.source().pushBuffer(b);
            if (flow != FlowReturn.OK) {
                watch.check();
                throw new IllegalStateException("writing " + describe(options) + " stopped (" + flow + ")");
            }
        }
    }

    /** Ends every output and waits until the files are complete. */
    public void finish() throws InterruptedException {
        for (Output o : outputs) {
            o.source().endOfStream();
        }
        watch.awaitEnd(FINISH_SECONDS);
        finished = true;
    }

    @Override
    public void close() {
        pipeline.setState(State.NULL);
        pipeline.dispose();
    }

    /** Whether {@link #finish()} completed. */
    public boolean finished() {
        return finished;
    }

    private static String describe(VideoConvertOptions o) {
        List<String> names = new ArrayList<>();
        for (Path p : new Path[]{o.composition(), o.alpha(), o.foreground()}) {
            if (p != null) {
                names.add(p.toString());
            }
        }
        return String.join(", ", names);
    }
}

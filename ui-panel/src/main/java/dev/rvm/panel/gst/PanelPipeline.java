package dev.rvm.panel.gst;

import dev.rvm.gst.GstRuntime;
import dev.rvm.panel.control.PanelThreads;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.Format;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.event.SeekFlags;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;

/**
 * The standalone panel's own pipeline: an input, the matting element, and a synchronised sink on each
 * of its outputs (alpha and fgr are requested by linking them; the element only produces what is
 * linked). Files loop, as an editor preview does; a video background loops with them.
 *
 * <pre>input ! videoconvert ! matte  matte.src ! queue ! fakesink  matte.alpha ! ...  matte.fgr ! ...</pre>
 */
public final class PanelPipeline implements AutoCloseable {

    /** Outputs of rvmmatte: composite, matte, foreground. */
    public static final String[] OUTPUT_PADS = {"src", "alpha", "fgr"};

    private final Pipeline pipeline;
    private volatile String lastError;
    private final Element matte;
    private final ExecutorService looper = PanelThreads.single("rvm-panel-loop");

    private PanelPipeline(Bin input, Element matte) {
        this.matte = matte;
        pipeline = new Pipeline("rvm-panel");
        Element convert = ElementFactory.make("videoconvert", "input-convert");
        // BGRx in and BGRA out read as ARGB ints: the preview copies them row by row
        Element bgrx = ElementFactory.make("capsfilter", "input-format");
        bgrx.setCaps(Caps.fromString("video/x-raw,format=BGRx"));
        pipeline.addMany(input, convert, bgrx, matte);
        if (!Element.linkMany(input, convert, bgrx, matte)) {
            throw new IllegalStateException("cannot link the input to " + matte.getName());
        }
        for (String pad : OUTPUT_PADS) {
            Element queue = ElementFactory.make("queue", "queue-" + pad);
            // A short queue keeps the preview (tapped before it) close to what the sinks show.
            queue.set("max-size-buffers", 2);
            queue.set("max-size-time", 0L);
            queue.set("max-size-bytes", 0);
            Element sink = ElementFactory.make("fakesink", "sink-" + pad);
            sink.set("sync", true);
            sink.set("qos", true);
            sink.set("max-lateness", 40_000_000L);
            pipeline.addMany(queue, sink);
            boolean linked = Element.linkPads(matte, pad, queue, "sink");
            if (pad.equals("src")) {
                Element bgra = ElementFactory.make("capsfilter", "composite-format");
                bgra.setCaps(Caps.fromString("video/x-raw,format=BGRA"));
                pipeline.add(bgra);
                linked &= Element.linkMany(queue, bgra, sink);
            } else {
                linked &= queue.link(sink);
            }
            if (!linked) {
                throw new IllegalStateException("cannot link pad " + pad + " of " + matte.getName());
            }
        }
        pipeline.getBus().connect((Bus.EOS) source -> looper.execute(this::rewind));
        pipeline.getBus().connect((Bus.ERROR) (source, code, message) ->
                lastError = (source == null ? "pipeline" : source.getName()) + ": " + message);
    }

    /**
     * @param input "FILE", "/dev/videoN", or a gst-launch description such as {@code videotestsrc}; null
     *              for a test pattern
     * @param matte the matting element, not yet in a pipeline
     */
    public static PanelPipeline open(String input, Element matte) {
        GstRuntime.start("rvm-panel");
        Path file = input == null ? null : Path.of(input);
        Bin bin = file != null && Files.isRegularFile(file) ? DecodedVideo.of("input", file)
                : Gst.parseBinFromDescription(inputDescription(input), true);
        return new PanelPipeline(bin, matte);
    }

    /** Fails with a message naming the input and the fix when it is neither a file, a camera nor a source description. */
    public static void checkInput(String input) {
        if (input != null && !Files.isRegularFile(Path.of(input))) {
            inputDescription(input);
        }
    }

    /** The gst-launch description of a camera or source given on the command line; fails clearly on a missing file. */
    static String inputDescription(String input) {
        if (input == null || input.isBlank()) {
            return "videotestsrc pattern=ball is-live=true ! video/x-raw,width=640,height=360,framerate=30/1";
        }
        if (input.startsWith("/dev/video")) {
            return "v4l2src device=" + quoted(input);
        }
        if (input.contains("/") || input.contains(".") && !input.contains(" ")) {
            throw new IllegalArgumentException("input " + input + " does not exist; give a video file, a /dev/videoN camera, "
                    + "or a GStreamer source description");
        }
        return input;
    }

    private static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public Element matte() {
        return matte;
    }

    /** The last error the pipeline posted, or null. */
    public String lastError() {
        return lastError;
    }

    public void play() {
        pipeline.play();
    }

    private void rewind() {
        pipeline.seekSimple(Format.TIME, EnumSet.of(SeekFlags.FLUSH, SeekFlags.KEY_UNIT), 0);
    }

    @Override
    public void close() {
        looper.shutdownNow();
        pipeline.setState(State.NULL);
        pipeline.dispose();
    }
}

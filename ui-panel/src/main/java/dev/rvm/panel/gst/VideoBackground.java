package dev.rvm.panel.gst;

import dev.rvm.matting.MattingException;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadLinkException;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A video file behind the person: {@code uridecodebin ! videoconvert ! queue} in the matte's pipeline,
 * linked to the element's {@code background} request pad, which matches its frames to the person's by
 * running time (colour when it has ended). It plays from the start with the pipeline; a seek of the
 * pipeline (the panel's loop) reaches it through the element.
 */
final class VideoBackground {
    private static final String PAD = "background";

    private final Element matte;
    private final Pipeline pipeline;
    private Bin branch;
    private Pad pad;
    private Path file;

    VideoBackground(Element matte, Pipeline pipeline) {
        this.matte = matte;
        this.pipeline = pipeline;
    }

    /** Shows {@code video} behind the person (replacing another one); the element keeps its other settings. */
    synchronized void play(Path video) {
        if (video.equals(file) && branch != null) {
            return;
        }
        if (!Files.isReadable(video)) {
            throw new MattingException("background video " + video + " does not exist or cannot be read");
        }
        stop();
        Element rgb = ElementFactory.make("capsfilter", "background-format");
        rgb.setCaps(Caps.fromString("video/x-raw,format=BGRx"));
        Bin bin = DecodedVideo.of("background", video, rgb, ElementFactory.make("queue", "background-queue"));
        Pad requested = matte.getRequestPad(PAD);
        if (requested == null) {
            throw new MattingException(matte.getName() + " gives no background pad (is it rvmmatte, and is its background"
                    + " pad taken by another video?)");
        }
        pipeline.add(bin);
        try {
            bin.getStaticPad("src").link(requested);
        } catch (PadLinkException e) {
            matte.releaseRequestPad(requested);
            pipeline.remove(bin);
            throw new MattingException("cannot link the background video to " + matte.getName() + ": " + e.getMessage(), e);
        }
        bin.syncStateWithParent();
        branch = bin;
        pad = requested;
        file = video;
    }

    /**
     * Takes the video away. The element's pad goes first: the branch's thread may be waiting inside it for
     * the person stream, and the branch cannot stop while it does.
     */
    synchronized void stop() {
        if (branch == null) {
            return;
        }
        matte.releaseRequestPad(pad);
        branch.setState(State.NULL);
        pipeline.remove(branch);
        branch.dispose();
        branch = null;
        pad = null;
        file = null;
    }

    synchronized boolean playing() {
        return branch != null;
    }
}

package dev.rvm.conversion.video;

import dev.rvm.conversion.gst.PipelineRunner;
import dev.rvm.gst.GstRuntime;
import dev.rvm.gst.media.SampleMedia;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;

import java.nio.file.Path;

/** Short real clips cut from the sample video with GStreamer, for tests (media are never committed). */
public final class TestClips {
    private TestClips() {
    }

    /**
     * About the first {@code frames} frames of the sample (a few more: read the count from its index) (400x300, 25 fps) re-encoded as H.264 with a keyframe
     * every {@code keyframeInterval} frames and B-frames, plus a tone as sound when {@code sound}.
     */
    public static Path cut(Path target, int frames, int keyframeInterval, boolean sound) throws InterruptedException {
        GstRuntime.start("test-clips");
        String video = "filesrc location=\"" + SampleMedia.talkingHead() + "\" ! decodebin ! identity eos-after=" + frames
                + " ! videoconvert ! video/x-raw,format=I420 ! x264enc key-int-max=" + keyframeInterval
                + " bframes=2 speed-preset=ultrafast ! queue ! mux. ";
        String audio = sound ? "audiotestsrc num-buffers=" + (frames * 44100 / 25 / 1024 + 1)
                + " ! audioconvert ! avenc_aac ! queue ! mux. " : "";
        Pipeline p = (Pipeline) Gst.parseLaunch(video + audio + "mp4mux name=mux ! filesink location=\"" + target + "\"");
        try {
            PipelineRunner.run(p, null, 60);
        } finally {
            p.dispose();
        }
        return target;
    }
}

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
     * The first {@code frames} frames of the sample, or one more (read the count from its index) (400x300, 25 fps), re-encoded as H.264 with a keyframe
     * every {@code keyframeInterval} frames and B-frames, plus a tone as sound when {@code sound}.
     */
    public static Path cut(Path target, int frames, int keyframeInterval, boolean sound) throws InterruptedException {
        GstRuntime.start("test-clips");
        // one decoder thread: a frame-threaded decoder still hands out a few frames after identity's EOS, with
        // timestamps seconds ahead, and x264enc + mp4mux then write a ctts entry qtdemux ignores as corrupt (every
        // timestamp of the clip falls back to its decode time and the first frame is lost)
        String video = "filesrc location=\"" + SampleMedia.talkingHead() + "\" ! qtdemux name=demux demux.video_0"
                + " ! h264parse ! avdec_h264 max-threads=1 ! identity eos-after=" + frames
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

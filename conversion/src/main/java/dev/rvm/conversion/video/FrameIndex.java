package dev.rvm.conversion.video;

import dev.rvm.conversion.gst.PipelineRunner;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.BufferFlags;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.Fraction;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.glib.Natives;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every frame of a video's first video stream by presentation time, and which ones are keyframes,
 * read from the demuxed packets without decoding (a scan of an hour of H.264 takes seconds). Frame
 * {@code i} is the i-th frame in presentation order; a decoder started at a keyframe reproduces every
 * frame from there on, which is what lets a video be matted in independent pieces.
 *
 * @param presentationNanos each frame's presentation time, ascending
 * @param keyframes         indices of the frames a decoder can start at, ascending (always has 0)
 * @param rateNumerator     the stream's frame rate as a fraction; 0/1 when it declares none (variable rate)
 * @param streamOffsetNanos presentation time minus stream time (the position seeks are given in): an mp4
 *                          edit list that hides the first B-frame delay shifts them apart
 */
public record FrameIndex(int width, int height, long[] presentationNanos, int[] keyframes, int rateNumerator,
                         int rateDenominator, long streamOffsetNanos, boolean hasAudio) implements Serializable {

    public FrameIndex {
        if (presentationNanos.length == 0 || keyframes.length == 0 || keyframes[0] != 0 || rateDenominator <= 0) {
            throw new IllegalArgumentException("a frame index needs frames, a keyframe at frame 0 and a frame rate");
        }
    }

    /** The nominal frame period: from the frame rate, or the mean spacing of a variable-rate stream. */
    public long frameNanos() {
        if (rateNumerator > 0) {
            return 1_000_000_000L * rateDenominator / rateNumerator;
        }
        int n = presentationNanos.length;
        return n > 1 ? Math.max(1, (presentationNanos[n - 1] - presentationNanos[0]) / (n - 1)) : 40_000_000L;
    }

    public int frames() {
        return presentationNanos.length;
    }

    /** Presentation time of frame {@code i}; {@code i == frames()} gives the end of the last frame. */
    public long nanos(int i) {
        return i == frames() ? presentationNanos[i - 1] + frameNanos() : presentationNanos[i];
    }

    /** The position a seek to frame {@code i} names (its stream time). */
    public long seekNanos(int i) {
        return nanos(i) - streamOffsetNanos;
    }

    /** Duration of the video: the end of its last frame. */
    public long durationNanos() {
        return nanos(frames()) - presentationNanos[0];
    }

    public double framesPerSecond() {
        return 1e9 / frameNanos();
    }

    /** The last keyframe at or before frame {@code i}: where decoding frame {@code i} starts. */
    public int keyframeAtOrBefore(int i) {
        int k = Arrays.binarySearch(keyframes, i);
        return k >= 0 ? keyframes[k] : keyframes[-k - 2];
    }

    /** The frame whose presentation time is {@code nanos} (the nearest one), or -1 if none is within half a frame. */
    public int frameAt(long nanos) {
        int k = Arrays.binarySearch(presentationNanos, nanos);
        if (k >= 0) {
            return k;
        }
        int after = -k - 1;
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int c = Math.max(0, after - 1); c <= Math.min(frames() - 1, after); c++) {
            long d = Math.abs(presentationNanos[c] - nanos);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance * 2 <= frameNanos() ? best : -1;
    }

    /** How long a scan may go without progress before the file is taken for damaged. */
    private static final long STALL_SECONDS = 10;

    /** Scans {@code file}; an unreadable or video-less file is refused with the reason. */
    public static FrameIndex scan(Path file) throws InterruptedException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " does not exist or is not a file");
        }
        Pipeline p = (Pipeline) Gst.parseLaunch("filesrc location=" + VideoPipeline.quote(file) + " ! parsebin name=parse");
        Packets packets = new Packets();
        AtomicBoolean audio = new AtomicBoolean();
        Element parse = ((Bin) p).getElementByName("parse");
        parse.connect((Element.PAD_ADDED) (element, pad) -> {
            Caps caps = pad.getCurrentCaps();
            if (caps == null) {
                caps = pad.queryCaps(null); // a parser that has not negotiated yet (vp9parse): the media type is enough here
            }
            String kind = caps == null || caps.isEmpty() ? "" : caps.getStructure(0).getName();
            audio.compareAndSet(false, kind.startsWith("audio/"));
            if (kind.startsWith("video/") && packets.take()) {
                pad.addProbe(PadProbeType.BUFFER, (pd, info) -> {
                    packets.add(pd, info.getBuffer());
                    return PadProbeReturn.OK;
                });
                pad.addEventProbe((pd, event) -> {
                    // the event's type from the event itself: gst1-java-core may hand out a stale wrapper class
                    Pointer raw = Natives.getRawPointer(event);
                    if (raw.getInt(Layout.GST_EVENT_TYPE) == Layout.EVENT_SEGMENT) {
                        packets.segment(raw);
                    }
                    return PadProbeReturn.OK;
                });
            }
            Element sink = ElementFactory.make("fakesink", null);
            sink.set("sync", false);
            sink.set("async", false); // one demuxer thread feeds every stream: a sink waiting to preroll would block the others
            p.add(sink);
            sink.syncStateWithParent();
            pad.link(sink.getStaticPad("sink"));
        });
        try {
            PipelineRunner.run(p, null, STALL_SECONDS);
        } catch (PipelineRunner.PipelineFailure e) {
            throw new IllegalArgumentException(file + " cannot be read as a video: " + e.getMessage().lines().findFirst().orElse(""), e);
        } finally {
            p.dispose();
        }
        return packets.index(file, audio.get());
    }

    /** Packets of the video stream as the parser hands them out (decode order). */
    private static final class Packets {
        private final List<long[]> seen = new ArrayList<>(); // {pts, keyframe ? 1 : 0}
        private boolean taken;
        private Structure caps;
        /** Packets without a presentation time so far, and whether a timed one came after one of them. */
        private int untimed;
        private boolean missingTimestamps;
        private Memory segment;
        /** Offsets of GstSegment's start and stop (guint64 after flags, rate, applied_rate, format, base, offset). */
        private static final int SEGMENT_START = 48;
        private static final int SEGMENT_STOP = 56;

        synchronized boolean take() {
            if (taken) {
                return false; // the first video stream only
            }
            taken = true;
            return true;
        }

        /** Whether a decoder keeps a frame: it overlaps the segment, as GstVideoDecoder clips (start inclusive, stop exclusive). */
        private boolean presented(long pts, long duration) {
            long start = segment.getLong(SEGMENT_START);
            long stop = segment.getLong(SEGMENT_STOP);
            long end = pts + (duration == -1 ? 1 : Math.max(1, duration));
            return end > start && (stop == -1 || pts < stop);
        }

        synchronized void segment(Pointer event) {
            if (segment == null) {
                segment = new Memory(Layout.GST_SEGMENT_SIZE);
                GstNative.gst_event_copy_segment(event, segment);
            }
        }

        synchronized void add(Pad pad, Buffer b) {
            if (caps == null) {
                Caps negotiated = pad.getCurrentCaps();
                caps = negotiated == null ? null : negotiated.getStructure(0).copy();
            }
            long pts = b.getPresentationTimestamp();
            if (pts == -1) {
                untimed++;
                return;
            }
            // untimed packets only at the end (qtdemux now and then hands on one past the edit list's end, which
            // no decoder presents) are left out; between timed ones, frames could not be addressed
            missingTimestamps |= untimed > 0;
            if (segment != null && !presented(pts, b.getDuration())) {
                return; // outside the presented part (an mp4 edit list can cut frames at either end): never decoded
            }
            seen.add(new long[]{pts, b.getFlags().contains(BufferFlags.DELTA_UNIT) ? 0 : 1});
        }

        synchronized FrameIndex index(Path file, boolean hasAudio) {
            if (!taken) {
                throw new IllegalArgumentException(file + " has no video stream");
            }
            if (missingTimestamps || seen.isEmpty() && untimed > 0) {
                throw new IllegalArgumentException(file + ": its video packets carry no presentation times, so frames cannot be"
                        + " addressed; remux it into mp4 or mkv (for example: ffmpeg -i IN -c copy OUT.mkv)");
            }
            if (seen.isEmpty()) {
                throw new IllegalArgumentException(file + " has a video stream without frames");
            }
            seen.sort((a, b) -> Long.compare(a[0], b[0]));
            long[] pts = new long[seen.size()];
            List<Integer> keys = new ArrayList<>();
            for (int i = 0; i < pts.length; i++) {
                pts[i] = seen.get(i)[0];
                if (seen.get(i)[1] == 1) {
                    keys.add(i);
                }
            }
            int num = 0;
            int den = 1;
            if (caps != null && caps.hasField("framerate")) {
                Fraction f = caps.getFraction("framerate");
                if (f.getNumerator() > 0 && f.getDenominator() > 0) {
                    num = f.getNumerator();
                    den = f.getDenominator();
                }
            }
            if (keys.isEmpty() || keys.get(0) != 0) {
                throw new IllegalArgumentException(file + ": its first frame is not a keyframe, so it cannot be decoded from"
                        + " the start; re-encode it (for example with ./rvm convert)");
            }
            long offset = 0;
            if (segment != null) {
                long streamTime = GstNative.gst_segment_to_stream_time(segment, Layout.FORMAT_TIME, pts[0]);
                offset = streamTime == -1 ? 0 : pts[0] - streamTime;
            }
            int w = caps != null && caps.hasIntField("width") ? caps.getInteger("width") : 0;
            int h = caps != null && caps.hasIntField("height") ? caps.getInteger("height") : 0;
            return new FrameIndex(w, h, pts, keys.stream().mapToInt(Integer::intValue).toArray(), num, den, offset, hasAudio);
        }
    }
}

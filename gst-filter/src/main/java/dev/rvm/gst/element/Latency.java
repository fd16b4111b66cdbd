package dev.rvm.gst.element;

import com.sun.jna.Pointer;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;

/**
 * The LATENCY query on a src pad: upstream's latency plus what the element adds, its measured
 * processing time and the chunk's wait ({@link ProcessingLatency}).
 */
final class Latency {
    private Latency() {
    }

    /** Answers the query through the sink pad's peer; false when upstream does not answer. */
    static boolean answer(Pointer sinkPad, Pointer query, State state, int seqChunk) {
        if (GstNative.gst_pad_peer_query(sinkPad, query) == 0) {
            return false;
        }
        int[] live = new int[1];
        long[] min = new long[1];
        long[] max = new long[1];
        GstNative.gst_query_parse_latency(query, live, min, max);
        long own = ownNanos(state, seqChunk);
        GstNative.gst_query_set_latency(query, live[0], min[0] + own, max[0] == Layout.CLOCK_TIME_NONE ? max[0] : max[0] + own);
        return true;
    }

    static long ownNanos(State state, int seqChunk) {
        VideoCaps video = state.video;
        long period = video == null ? 0 : video.frameDurationNanos();
        return state.latency.answer(period, seqChunk);
    }
}

package dev.rvm.gst.element;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessingLatencyTest {
    private static final long MS = 1_000_000L;
    private static final long PERIOD = 40 * MS;

    /** Frames 0..n-1 arriving one period apart, each taking {@code ms} (the first takes {@code firstMs}). */
    private static int run(ProcessingLatency l, long fromTag, int n, long firstMs, long ms) {
        int announcements = 0;
        for (long tag = fromTag; tag < fromTag + n; tag++) {
            long arrival = tag * PERIOD;
            l.arrived(tag, arrival);
            if (l.finished(tag, arrival + (tag == 0 ? firstMs : ms) * MS)) {
                announcements++;
            }
        }
        return announcements;
    }

    @Test
    void beforeAnyFrameTheAnswerIsSeqChunkFramePeriods() {
        ProcessingLatency l = new ProcessingLatency();
        assertEquals(PERIOD, l.answer(PERIOD, 1));
        assertEquals(3 * PERIOD, l.answer(PERIOD, 3));
    }

    @Test
    void theAnswerIsTheMeasuredTimeWithoutTheSlowFirstFrame() {
        ProcessingLatency l = new ProcessingLatency();
        run(l, 0, 30, 900, 25);
        assertEquals(25 * MS, l.answer(PERIOD, 1));
    }

    @Test
    void aChunkAddsHalfItsWaitToTheMeanSoTheFirstFrameIsCovered() {
        ProcessingLatency l = new ProcessingLatency();
        // seq-chunk 3 at 40 ms: the frames of a chunk took 80+10, 40+10 and 10 ms, mean 50 ms
        for (long tag = 0; tag < 300; tag++) {
            l.arrived(tag, tag * PERIOD);
            long waited = (2 - tag % 3) * PERIOD;
            l.finished(tag, tag * PERIOD + waited + 10 * MS);
        }
        assertEquals(90 * MS, l.answer(PERIOD, 3), 5 * MS, "the first frame of each chunk took 90 ms");
    }

    @Test
    void aSubstantialChangeIsAnnouncedOnceUntilThePipelineAsksAgain() {
        ProcessingLatency l = new ProcessingLatency();
        l.answer(PERIOD, 1); // the pipeline asked at PLAYING, before any frame: 40 ms
        assertEquals(1, run(l, 0, 60, 25, 25), "25 ms is far from 40 ms: one message until the pipeline asks again");
        assertEquals(25 * MS, l.answer(PERIOD, 1));
        assertEquals(0, run(l, 60, 60, 25, 26), "4 % more is no news");
        assertTrue(run(l, 120, 60, 40, 40) >= 1, "from 25 to 40 ms is");
    }

    @Test
    void theFirstEstimateIsAnnouncedWhenNoAnswerWasGivenYet() {
        // a live pipeline's query at PLAYING fails while the source has not negotiated
        ProcessingLatency l = new ProcessingLatency();
        assertEquals(1, run(l, 0, 60, 25, 25));
    }

    @Test
    void resetStartsAfresh() {
        ProcessingLatency l = new ProcessingLatency();
        run(l, 0, 30, 25, 25);
        l.reset();
        assertEquals(PERIOD, l.answer(PERIOD, 1));
        assertFalse(l.finished(0, 5 * MS), "the first frame after a reset is warm-up again");
    }
}

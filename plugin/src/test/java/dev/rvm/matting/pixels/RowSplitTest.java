package dev.rvm.matting.pixels;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowSplitTest {

    @Test
    void bothBandsRunEveryRowOnceAndTheWorkersFailureReachesTheCaller() {
        try (RowSplit split = new RowSplit(true)) {
            int[] rows = new int[1000];
            AtomicInteger bands = new AtomicInteger();
            for (int round = 0; round < 50; round++) {
                split.forBands(1000, 1000, (band, from, to) -> {
                    bands.addAndGet(1 << band);
                    for (int y = from; y < to; y++) {
                        rows[y]++;
                    }
                });
            }
            for (int y = 0; y < rows.length; y++) {
                assertEquals(50, rows[y], "row " + y);
            }
            assertEquals(50 * 3, bands.get(), "band 0 on the caller and band 1 on the worker, every round");
            var e = assertThrows(IllegalStateException.class, () -> split.forBands(1000, 1000, (band, from, to) -> {
                if (band == 1) {
                    throw new IllegalStateException("worker band failed");
                }
            }));
            assertEquals("worker band failed", e.getMessage());
            int[] after = {0};
            split.forRows(1000, 1000, (from, to, scratch) -> {
                synchronized (after) {
                    after[0] += to - from;
                }
            });
            assertEquals(1000, after[0], "the split still works after a failure");
        }
    }

    @Test
    void smallFramesStayOnTheCaller() {
        try (RowSplit split = new RowSplit(true)) {
            Thread caller = Thread.currentThread();
            split.forBands(100, 100, (band, from, to) -> assertTrue(band == 0 && from == 0 && to == 100
                    && Thread.currentThread() == caller));
        }
    }
}

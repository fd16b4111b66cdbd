package dev.rvm.gst.element;

import org.freedesktop.gstreamer.State;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Memory of the element in one long-lived process: a stalled branch holds at most the hand-off's
 * bound, and an editor opening and closing pipelines (NULL->PLAYING->NULL on the real model) stays
 * flat. Figures are printed with the processor and load.
 */
class RvmMatteMemoryTest {
    private static final int CYCLES = 50;
    private static final int WARM_UP = 5;
    private static final long MIB = 1024;

    @AfterAll
    static void standIn() {
        GstTestSupport.initWithLuma(0);
    }

    @Test
    void fiftyPipelineCyclesInOneProcessStayWithinTenPercent() throws Exception {
        GstTestSupport.initWithCore();
        List<Long> rss = new ArrayList<>();
        for (int i = 0; i < CYCLES; i++) {
            try (var run = new GstTestSupport.Run("videotestsrc num-buffers=5 ! video/x-raw,width=160,height=120 ! "
                    + "videoconvert ! rvmmatte name=m downsample-ratio=0.5 m.src ! fakesink m.alpha ! fakesink m.fgr ! fakesink")) {
                run.play().assertEos(30);
            }
            System.gc();
            rss.add(rssKiB());
        }
        long base = rss.get(WARM_UP - 1);
        long max = rss.subList(WARM_UP, CYCLES).stream().mapToLong(Long::longValue).max().orElseThrow();
        System.out.printf(Locale.ROOT, "%s, load %s: RSS per cycle (KiB) %s%n", processor(), load(), rss);
        System.out.printf(Locale.ROOT, "RSS after cycle %d: %d KiB; highest after it: %d KiB (%+.1f %%)%n",
                WARM_UP, base, max, 100.0 * (max - base) / base);
        assertTrue(max <= base * 1.10, "RSS grew from " + base + " to " + max + " KiB over " + CYCLES + " cycles");
    }

    /**
     * 1280x720 RGBA at 60 fps behind a sink that never takes a frame: the src pad's hand-off grows while
     * alpha is starved, up to the element's byte bound (512 MiB, before 3 s = 180 frames), then the
     * stream waits and memory stays where it is (a 400-frame growth was 1.4 GiB here).
     */
    @Test
    void aStalledBranchHoldsAtMostTheHandOffBound() throws Exception {
        GstTestSupport.initWithLuma(0);
        String frames = "videotestsrc ! video/x-raw,format=RGBA,width=1280,height=720,framerate=60/1 ! rvmmatte name=m ";
        try (var warm = new GstTestSupport.Run(frames.replace("videotestsrc", "videotestsrc num-buffers=10")
                + "m.src ! fakesink sync=false m.alpha ! fakesink sync=false")) {
            warm.play().assertEos(30);
        }
        System.gc();
        long before = rssKiB();
        try (var run = new GstTestSupport.Run(frames + "m.src ! fakesink sync=true ts-offset=1000000000000"
                + " m.alpha ! fakesink name=na sync=false")) {
            run.play();
            long stalled = waitForPlateau();
            Thread.sleep(1000);
            long later = rssKiB();
            long frame = 1280L * 720 * 4;
            System.out.printf(Locale.ROOT, "%s, load %s: stalled branch RSS %d KiB before, %d KiB stalled (+%d MiB),"
                    + " %d KiB a second later; bound %d MiB = %d frames%n", processor(), load(), before, stalled,
                    (stalled - before) / MIB, later, HandOffLimits.DEFAULTS.maxBytes() >> 20,
                    HandOffLimits.DEFAULTS.maxBytes() / frame);
            assertTrue(stalled - before < (HandOffLimits.DEFAULTS.maxBytes() >> 10) + 160 * MIB,
                    "RSS grew " + (stalled - before) / MIB + " MiB under a stalled branch");
            assertTrue(later - stalled < 16 * MIB, "RSS still growing: " + stalled + " -> " + later + " KiB");
            run.pipeline.setState(State.NULL);
        }
    }

    /** RSS once it stops rising for half a second (at most 20 s). */
    private static long waitForPlateau() throws Exception {
        long last = rssKiB();
        long since = System.nanoTime();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            Thread.sleep(50);
            long now = rssKiB();
            if (now > last + MIB) {
                last = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(500)) {
                return now;
            }
        }
        return rssKiB();
    }

    static long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }

    static String processor() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown processor");
    }

    static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}

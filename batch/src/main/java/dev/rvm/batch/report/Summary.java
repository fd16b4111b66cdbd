package dev.rvm.batch.report;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The table printed at the end of a run, one row per video. */
public final class Summary {

    private Summary() {
    }

    public static void print(PrintStream out, List<VideoOutcome> videos, double wallSeconds, double startupSeconds) {
        int width = Math.max(5, videos.stream().mapToInt(v -> v.video().length()).max().orElse(5));
        String row = "%-" + width + "s  %-7s  %7s  %6s  %7s  %8s  %6s  %s%n";
        out.printf(Locale.ROOT, row, "video", "status", "frames", "pieces", "resumed", "task s", "fps", "output / error");
        for (VideoOutcome v : videos) {
            boolean ran = !v.failed() && v.seconds() > 0;
            out.printf(Locale.ROOT, row, v.video(), v.status(), v.frames() > 0 ? Integer.toString(v.frames()) : "-",
                    v.chunks() > 0 ? Integer.toString(v.chunks()) : "-", v.chunks() > 0 ? Integer.toString(v.resumed()) : "-",
                    ran ? String.format(Locale.ROOT, "%.1f", v.seconds()) : "-",
                    ran ? String.format(Locale.ROOT, "%.1f", v.frames() / v.seconds()) : "-",
                    v.failed() ? v.error() : v.output());
        }
        long done = videos.stream().filter(v -> VideoOutcome.DONE.equals(v.status())).count();
        long skipped = videos.stream().filter(v -> VideoOutcome.SKIPPED.equals(v.status())).count();
        long failed = videos.stream().filter(VideoOutcome::failed).count();
        out.printf(Locale.ROOT, "%d done, %d skipped (complete before), %d failed; %.1f s wall, Spark start-up %.1f s%n",
                done, skipped, failed, wallSeconds, startupSeconds);
    }
}

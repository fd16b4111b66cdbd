package dev.rvm.batch.report;

/**
 * How one video of a run ended, for the summary table and the manifest.
 *
 * @param status   done (matted now), skipped (complete from an earlier run), failed
 * @param resumed  pieces an earlier, interrupted run had committed
 * @param seconds  task time spent on the video in this run (its pieces and its stitch)
 * @param executors the JVMs (pid@host) that matted its pieces in this run
 */
public record VideoOutcome(String video, String input, String status, int frames, int chunks, int resumed, double seconds,
                           String output, String error, java.util.List<String> executors) {

    public static final String DONE = "done";
    public static final String SKIPPED = "skipped";
    public static final String FAILED = "FAILED";

    public boolean failed() {
        return FAILED.equals(status);
    }
}

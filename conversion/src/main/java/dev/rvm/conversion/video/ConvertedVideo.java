package dev.rvm.conversion.video;

/**
 * What a finished video conversion wrote.
 *
 * @param frames          frames decoded and matted into every output
 * @param announcedFrames frames the input's container announces, or -1 when it does not say
 */
public record ConvertedVideo(long frames, long announcedFrames) {

    /**
     * Frames a complete decode may fall short of the announced count: the announced count of a stream known
     * by duration is rounded, and an edit list may hide a frame at either end.
     */
    static final long ROUNDING = 1;

    /** Whether the input ended early (only an {@code allowTruncated} run returns such a result). */
    public boolean truncated() {
        return announcedFrames > 0 && frames + ROUNDING < announcedFrames;
    }
}

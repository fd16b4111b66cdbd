package dev.rvm.batch.plan;

import java.io.Serializable;

/**
 * One unit of work: frames {@code [first, end)} of a video, matted after a warm-up from frame
 * {@code warmupFrom} that starts from zero memory and is dropped. The decoder starts at
 * {@code decodeFrom}, the keyframe at or before the warm-up.
 *
 * @param number the piece's place in its video, from 0
 * @param of     how many pieces the video has
 */
public record ChunkSpec(String video, String path, String videoKey, int number, int of, int decodeFrom, int warmupFrom,
                        int first, int end) implements Serializable {

    public int frames() {
        return end - first;
    }

    public int warmupFrames() {
        return first - warmupFrom;
    }

    /** The directory name of this piece. */
    public String dirName() {
        return String.format("chunk-%05d", number);
    }

    @Override
    public String toString() {
        return video + " piece " + (number + 1) + "/" + of + " (frames " + first + "-" + (end - 1) + ")";
    }
}

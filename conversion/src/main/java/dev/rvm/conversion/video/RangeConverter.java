package dev.rvm.conversion.video;

import dev.rvm.gst.GstRuntime;
import dev.rvm.matting.MattedFrame;
import dev.rvm.matting.MattingStream;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/**
 * Mattes one piece of a video, frames {@code [first, end)}, into the outputs of a
 * {@link VideoConvertOptions}. The recurrent network starts from zero memory at frame
 * {@code warmupFrom <= first}: frames {@code [warmupFrom, first)} are matted only to build that memory
 * and are not written, so a piece starting mid-video matches a run from the video's start. Output
 * timestamps start at 0 at frame {@code first}; PNGs are numbered by frame ({@code first} first).
 */
public final class RangeConverter {

    /** Which frames of a video a piece covers. */
    public record Range(int warmupFrom, int first, int end) {
        public Range {
            if (warmupFrom < 0 || warmupFrom > first || first >= end) {
                throw new IllegalArgumentException("a range needs 0 <= warm-up start <= first < end; got "
                        + warmupFrom + ", " + first + ", " + end);
            }
        }

        public int frames() {
            return end - first;
        }
    }

    private RangeConverter() {
    }

    /**
     * Mattes the range with {@code stream} (freshly opened or reset: its memory must be empty).
     *
     * @param outputs  where to write (their {@code input} is ignored: {@code input} is read)
     * @param written  told the number of frames written so far, after each one
     * @return frames written
     */
    public static int run(Path input, FrameIndex index, Range range, MattingStream stream, VideoConvertOptions outputs,
                          IntConsumer written) throws IOException, InterruptedException {
        GstRuntime.start("rvm-convert");
        int[] count = {0};
        try (FrameRangeDecoder decoder = FrameRangeDecoder.open(input, index, range.warmupFrom(), range.end())) {
            FrameRangeDecoder.Frame frame = decoder.next();
            if (frame == null) {
                throw new IOException(input + ": no frame decoded at frame " + range.warmupFrom());
            }
            try (MattedFrameWriter writer = new MattedFrameWriter(outputs, frame.layout().width(), frame.layout().height(),
                    index.rateNumerator(), index.rateDenominator(), range.first())) {
                MattingStream.ResultHandler keep = result -> {
                    int i = (int) result.tag();
                    if (i >= range.first()) {
                        write(writer, result, index, range, i);
                        written.accept(++count[0]);
                    }
                };
                for (; frame != null; frame = decoder.next()) {
                    stream.submit(frame.pixels(), frame.layout(), frame.index(), keep);
                }
                stream.drain(keep);
                writer.finish();
            }
        }
        if (count[0] != range.frames()) {
            throw new IOException(input + ": wrote " + count[0] + " frames of [" + range.first() + ", " + range.end() + ")");
        }
        return count[0];
    }

    private static void write(MattedFrameWriter writer, MattedFrame result, FrameIndex index, Range range, int i) {
        long start = index.nanos(range.first());
        writer.write(result, index.nanos(i) - start, index.nanos(i + 1) - index.nanos(i));
    }
}

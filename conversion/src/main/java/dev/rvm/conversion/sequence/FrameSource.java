package dev.rvm.conversion.sequence;

import dev.rvm.matting.FrameLayout;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where the frames to matte come from (an image directory now, a video decoder later). Sources check
 * what they can before the first frame, so bad input is refused before any output is written.
 */
public interface FrameSource extends AutoCloseable {

    /** One decoded frame: pixels valid until the next call to {@link #next()}. */
    record Frame(String name, ByteBuffer pixels, FrameLayout layout) {
    }

    /** Number of frames, or -1 when unknown up front. */
    int size();

    /** The names of all frames in order when known up front (so clashing outputs are refused early), else empty. */
    default java.util.List<String> frameNames() {
        return java.util.List.of();
    }

    /** Width and height every frame has. */
    int width();

    int height();

    /** The next frame, or null at the end. */
    Frame next() throws IOException;

    @Override
    void close() throws IOException;
}

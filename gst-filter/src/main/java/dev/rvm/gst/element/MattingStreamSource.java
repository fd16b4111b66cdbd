package dev.rvm.gst.element;

import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.MattingStream;
import dev.rvm.matting.MattingStreams;

/** Opens the matting stream an element instance runs on (the core's, or another for embedding). */
@FunctionalInterface
public interface MattingStreamSource {

    MattingStream open(MattingSettings settings);

    /** The element is done with a stream it opened here. */
    default void release(MattingStream stream) {
        stream.close();
    }

    /** The matting core. */
    static MattingStreamSource core() {
        return MattingStreams::open;
    }
}

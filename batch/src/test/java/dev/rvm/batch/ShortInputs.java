package dev.rvm.batch;

import dev.rvm.conversion.video.TestClips;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The inputs of the batch runs under test: two 3 s clips with sound cut from the sample, and a damaged one. */
final class ShortInputs {
    private ShortInputs() {
    }

    /** Writes talk-a.mp4, talk-b.mp4 and damaged.mp4 (the first 1/40 of talk-a) into {@code dir}/in. */
    static Path create(Path dir) throws Exception {
        Path inputs = Files.createDirectories(dir.resolve("in"));
        TestClips.cut(inputs.resolve("talk-a.mp4"), 75, 25, true);
        TestClips.cut(inputs.resolve("talk-b.mp4"), 75, 25, true);
        byte[] whole = Files.readAllBytes(inputs.resolve("talk-a.mp4"));
        Files.write(inputs.resolve("damaged.mp4"), Arrays.copyOf(whole, whole.length / 40));
        return inputs;
    }
}

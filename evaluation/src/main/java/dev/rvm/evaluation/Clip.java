package dev.rvm.evaluation;

import java.nio.file.Path;
import java.util.List;

/**
 * One clip to evaluate: {@code DATASET/CLIP} under both roots, with the frame file names found in
 * the ground truth's {@code pha/} (sorted, the order dtSSD needs).
 */
public record Clip(String dataset, String name, Path trueDir, Path predDir, List<String> frames) {
    public Clip {
        frames = List.copyOf(frames);
    }

    public Path truePha(int frame) {
        return trueDir.resolve("pha").resolve(frames.get(frame));
    }

    public Path predPha(int frame) {
        return predDir.resolve("pha").resolve(frames.get(frame));
    }

    public Path trueFgr(int frame) {
        return trueDir.resolve("fgr").resolve(frames.get(frame));
    }

    public Path predFgr(int frame) {
        return predDir.resolve("fgr").resolve(frames.get(frame));
    }

    public String label() {
        return dataset + "/" + name;
    }
}

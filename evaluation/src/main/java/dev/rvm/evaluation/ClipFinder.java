package dev.rvm.evaluation;

import dev.rvm.matting.files.FrameFiles;
import dev.rvm.matting.files.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds every clip of upstream's layout ({@code ROOT/DATASET/CLIP/pha/FRAME.png}, plus {@code fgr/}
 * for the foreground metrics) in the ground truth and checks, before any work starts, that the
 * prediction has every frame: a run fails in a second, not after an hour.
 */
public final class ClipFinder {
    private ClipFinder() {
    }

    public static List<Clip> find(Path predRoot, Path trueRoot, boolean needsForeground) {
        requireDirectory(trueRoot, "--true-dir");
        requireDirectory(predRoot, "--pred-dir");
        List<Clip> clips = new ArrayList<>();
        for (Path datasetDir : subdirectories(trueRoot)) {
            for (Path clipDir : subdirectories(datasetDir)) {
                if (!Files.isDirectory(clipDir.resolve("pha"))) {
                    continue;
                }
                String dataset = datasetDir.getFileName().toString();
                String name = clipDir.getFileName().toString();
                List<String> frames = frameNames(clipDir.resolve("pha"));
                if (frames.isEmpty()) {
                    throw new InvalidInputException("no frames in " + clipDir.resolve("pha")
                            + "; expected PNG or JPEG files (or remove the empty clip)");
                }
                Clip clip = new Clip(dataset, name, clipDir, predRoot.resolve(dataset).resolve(name), frames);
                requireFrames(clip, needsForeground);
                clips.add(clip);
            }
        }
        if (clips.isEmpty()) {
            throw new InvalidInputException("no clips found under " + trueRoot
                    + "; expected the layout DATASET/CLIP/pha/FRAME.png");
        }
        return clips;
    }

    private static void requireFrames(Clip clip, boolean needsForeground) {
        for (int i = 0; i < clip.frames().size(); i++) {
            requireFile(clip.predPha(i), "missing prediction frame " + clip.predPha(i)
                    + " (the ground truth has " + clip.truePha(i) + "); every ground-truth frame needs a prediction");
            if (needsForeground) {
                String fix = "; add it or leave the fgr_* metrics out with --metrics";
                requireFile(clip.trueFgr(i), "missing ground-truth foreground " + clip.trueFgr(i) + fix);
                requireFile(clip.predFgr(i), "missing prediction foreground " + clip.predFgr(i) + fix);
            }
        }
    }

    private static void requireFile(Path file, String message) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(message);
        }
    }

    private static void requireDirectory(Path dir, String option) {
        String problem = FrameFiles.directoryProblem(dir);
        if (problem != null) {
            throw new InvalidInputException(option + " " + dir + " " + problem + "; give the directory laid out as DATASET/CLIP/pha/FRAME.png");
        }
    }

    private static List<Path> subdirectories(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static List<String> frameNames(Path dir) {
        return FrameFiles.list(dir).stream().map(p -> p.getFileName().toString()).toList();
    }
}

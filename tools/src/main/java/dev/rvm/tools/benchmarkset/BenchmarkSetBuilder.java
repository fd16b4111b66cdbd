package dev.rvm.tools.benchmarkset;

import dev.rvm.matting.MattingSettings;
import dev.rvm.conversion.composite.CompositeJob;
import dev.rvm.conversion.composite.CompositeSettings;
import dev.rvm.conversion.sequence.ConvertOptions;
import dev.rvm.conversion.sequence.ImageSequenceSource;
import dev.rvm.conversion.sequence.SequenceConverter;
import dev.rvm.matting.files.InvalidInputException;
import dev.rvm.matting.compositing.OpenCvLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Builds an evaluation set with approximate ground truth in upstream's layout
 * ({@code OUTPUT/DATASET/CLIP/{com,pha,fgr}}), for a clip that has no true matte:
 * <ol>
 * <li>clip {@code original}: the recorded frames as {@code com}, and as {@code pha}/{@code fgr} the
 * model's own output at downsample ratio 1.0, its most detailed setting (the reference);</li>
 * <li>one clip per background image: the reference foreground and alpha composited over it.</li>
 * </ol>
 * Scoring a model run on these clips against them measures how far the matte moves when the
 * background changes or the ratio drops, relative to the model's best answer on the real frames; it
 * says nothing about errors the reference itself makes.
 *
 * <p>The set is built in a sibling directory and renamed into place at the end, so a failed run
 * leaves no half-built set behind.
 */
public final class BenchmarkSetBuilder {

    /** The clip whose {@code com} frames are the recorded ones. */
    public static final String ORIGINAL_CLIP = "original";
    public static final float REFERENCE_RATIO = 1f;

    /** Writes the recorded frames (PNG, name order = time order) into an empty directory. */
    @FunctionalInterface
    public interface FrameWriter {
        void writeFrames(Path dir) throws IOException;
    }

    private BenchmarkSetBuilder() {
    }

    /**
     * Builds the set; {@code matting} gives the model and threads (its ratio is replaced by
     * {@link #REFERENCE_RATIO}). Returns the number of frames per clip.
     */
    public static int build(Path output, String dataset, FrameWriter frames, List<BackgroundImage> backgrounds,
                            MattingSettings matting, Consumer<String> log) throws IOException {
        requireUsableOutput(output);
        for (BackgroundImage bg : backgrounds) {
            if (bg.name().equals(ORIGINAL_CLIP) || !bg.name().matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("background name '" + bg.name()
                        + "' must be letters, digits, _ or - and not '" + ORIGINAL_CLIP + "'");
            }
        }
        Path absolute = output.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        WorkDirectories.delete(partial);
        try {
            Path original = partial.resolve(dataset).resolve(ORIGINAL_CLIP);
            Path com = Files.createDirectories(original.resolve("com"));
            log.accept("frames -> " + output.resolve(dataset).resolve(ORIGINAL_CLIP).resolve("com"));
            frames.writeFrames(com);
            int count;
            log.accept("reference matte (model at downsample ratio " + REFERENCE_RATIO + ")");
            try (ImageSequenceSource source = ImageSequenceSource.open(com)) {
                ConvertOptions reference = new ConvertOptions(null, original.resolve("pha"), original.resolve("fgr"), null,
                        matting.withDownsampleRatio(REFERENCE_RATIO));
                count = new SequenceConverter(reference).run(source, done -> { });
            }
            Path decodedBackgrounds = Files.createDirectories(partial.resolve(".backgrounds"));
            for (BackgroundImage bg : backgrounds) {
                log.accept("composite over " + bg.name() + " (" + bg.file().getFileName() + ")");
                CompositeJob.run(new CompositeSettings(original.resolve("fgr"), original.resolve("pha"),
                        plainPng(bg, decodedBackgrounds), partial.resolve(dataset).resolve(bg.name()), null));
            }
            WorkDirectories.delete(decodedBackgrounds);
            Files.writeString(partial.resolve("README.txt"), readme(dataset, backgrounds, count), StandardCharsets.UTF_8);
            if (Files.exists(output)) {
                Files.delete(output); // empty, checked above
            }
            Files.move(partial, absolute);
            return count;
        } finally {
            WorkDirectories.delete(partial);
        }
    }

    /**
     * The compositor decodes a still background once per frame; a file with a profile libpng warns
     * about would print that warning for every frame, so it is decoded once and stored as plain PNG.
     */
    private static Path plainPng(BackgroundImage bg, Path dir) throws IOException {
        OpenCvLoader.ensureLoaded();
        Mat image = Imgcodecs.imread(bg.file().toString(), Imgcodecs.IMREAD_COLOR);
        try {
            if (image.empty()) {
                throw new InvalidInputException("cannot decode background image " + bg.file());
            }
            Path target = dir.resolve(bg.name() + ".png");
            if (!Imgcodecs.imwrite(target.toString(), image)) {
                throw new IOException("cannot write " + target);
            }
            return target;
        } finally {
            image.release();
        }
    }

    /** Refuses an output that holds anything: the set is always built from scratch. */
    public static void requireUsableOutput(Path output) throws IOException {
        if (Files.exists(output) && !isEmptyDirectory(output)) {
            throw new InvalidInputException("output " + output + " already exists and is not empty;"
                    + " give a new or empty directory (the set is always built from scratch)");
        }
    }

    private static String readme(String dataset, List<BackgroundImage> backgrounds, int frames) {
        StringBuilder s = new StringBuilder();
        s.append("APPROXIMATE ground truth, made by ./rvm benchmark-set - not a matting benchmark.\n\n");
        s.append(dataset).append("/").append(ORIGINAL_CLIP).append("/com: ").append(frames)
                .append(" recorded frames; pha, fgr: the built-in model's output on them at downsample ratio ")
                .append(REFERENCE_RATIO).append(" (the reference).\n");
        for (BackgroundImage bg : backgrounds) {
            s.append(dataset).append("/").append(bg.name()).append(": the reference composited over ")
                    .append(bg.file().getFileName()).append("\n");
        }
        s.append("\nScores against this set measure how stable the matte is under background changes and\n"
                + "downsampling, relative to the model's own best output. See docs/evaluation.md.\n");
        return s.toString();
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}

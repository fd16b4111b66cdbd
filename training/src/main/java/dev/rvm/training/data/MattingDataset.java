package dev.rvm.training.data;

import dev.rvm.matting.files.FrameFiles;
import dev.rvm.matting.files.InvalidInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

/** A source of matting sequences (foreground, alpha, background), one per index of an epoch. */
public interface MattingDataset {
    /** Samples in one epoch (upstream's {@code __len__}). */
    int size();

    /** Sequence {@code index}, with the random choices (frames, background) drawn from {@code r}. */
    MattingClip load(int index, Random r);

    /** True for still images repeated over the sequence (upstream's ImageMatte), which use that preset. */
    boolean stills();

    String describe();

    /**
     * Opens {@code root} in whichever upstream layout it has: VideoMatte240K
     * ({@code fgr/CLIP/FRAME} + {@code pha/CLIP/FRAME}) or ImageMatte ({@code fgr/FILE} + {@code pha/FILE}).
     */
    static MattingDataset open(Path root, Backgrounds backgrounds, int seqLength, int maxShortSide, boolean training) {
        Path fgr = root.resolve("fgr");
        if (!Files.isDirectory(fgr) || !Files.isDirectory(root.resolve("pha"))) {
            throw new InvalidInputException("--data " + root + " has no fgr/ and pha/ directories; expected VideoMatte240K's layout "
                    + "(fgr/CLIP/FRAME.png + pha/CLIP/FRAME.png) or ImageMatte's (fgr/NAME.png + pha/NAME.png)");
        }
        boolean clips;
        try (Stream<Path> entries = Files.list(fgr)) {
            clips = entries.anyMatch(Files::isDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + fgr, e);
        }
        if (clips) {
            return new VideoMatteDataset(root, backgrounds, seqLength, maxShortSide, training);
        }
        if (FrameFiles.list(fgr).isEmpty()) {
            throw new InvalidInputException(fgr + " holds neither clip directories nor PNG/JPEG images");
        }
        return new ImageMatteDataset(root, backgrounds, seqLength, maxShortSide, training);
    }
}

package dev.rvm.training.data;

import dev.rvm.matting.files.FrameFiles;
import dev.rvm.matting.files.InvalidInputException;
import dev.rvm.training.augment.FrameSampler;
import org.opencv.core.Mat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Upstream's {@code ImageMatteDataset}: still foregrounds {@code ROOT/fgr/NAME} with alphas
 * {@code ROOT/pha/NAME}, each repeated over the sequence (the motion augmentation makes it move);
 * an epoch is as long as the larger of the foregrounds and the backgrounds.
 */
public final class ImageMatteDataset implements MattingDataset {
    private final Path root;
    private final Backgrounds backgrounds;
    private final int seqLength;
    private final int maxShortSide;
    private final FrameSampler sampler;
    private final List<String> names;

    ImageMatteDataset(Path root, Backgrounds backgrounds, int seqLength, int maxShortSide, boolean training) {
        this.root = root;
        this.backgrounds = backgrounds;
        this.seqLength = seqLength;
        this.maxShortSide = maxShortSide;
        this.sampler = training ? FrameSampler.training() : FrameSampler.validation();
        this.names = FrameFiles.list(root.resolve("fgr")).stream().map(p -> p.getFileName().toString()).toList();
        for (String n : names) {
            if (!Files.isRegularFile(root.resolve("pha").resolve(n))) {
                throw new InvalidInputException("missing alpha " + root.resolve("pha").resolve(n) + " for foreground "
                        + root.resolve("fgr").resolve(n));
            }
        }
    }

    @Override
    public int size() {
        return Math.max(names.size(), backgrounds.size());
    }

    @Override
    public boolean stills() {
        return true;
    }

    @Override
    public MattingClip load(int i, Random r) {
        List<Mat> bgrs = backgrounds.sample(seqLength, sampler, maxShortSide, r);
        String name = names.get(i % names.size());
        return new MattingClip(Images.repeat(Images.rgb(root.resolve("fgr").resolve(name), maxShortSide), seqLength),
                Images.repeat(Images.grey(root.resolve("pha").resolve(name), maxShortSide, false), seqLength), bgrs);
    }

    @Override
    public String describe() {
        return "ImageMatte layout " + root + ": " + names.size() + " foregrounds";
    }
}

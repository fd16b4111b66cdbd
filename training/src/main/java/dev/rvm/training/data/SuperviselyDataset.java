package dev.rvm.training.data;

import dev.rvm.matting.files.FrameFiles;
import dev.rvm.matting.files.InvalidInputException;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Upstream's {@code SuperviselyPersonDataset}: images in {@code img/} and masks in {@code seg/},
 * paired by sorted order (same count required); a mask pixel above 0 is a person.
 */
public final class SuperviselyDataset implements SegmentationDataset {
    private final Path imgDir;
    private final List<Path> imgs;
    private final List<Path> segs;
    private final int maxShortSide;

    SuperviselyDataset(Path imgDir, Path segDir, int maxShortSide) {
        this.imgDir = imgDir;
        this.imgs = FrameFiles.list(imgDir);
        this.segs = FrameFiles.list(segDir);
        this.maxShortSide = maxShortSide;
        if (imgs.isEmpty() || imgs.size() != segs.size()) {
            throw new InvalidInputException("Supervisely layout " + imgDir.getParent() + ": img/ has " + imgs.size()
                    + " images and seg/ " + segs.size() + " masks; they pair by name order and must match one to one");
        }
    }

    @Override
    public int size() {
        return imgs.size();
    }

    @Override
    public boolean video() {
        return false;
    }

    @Override
    public SegmentationClip load(int index, Random r) {
        Mat img = Images.rgb(imgs.get(index % imgs.size()), maxShortSide);
        Mat grey = Images.grey(segs.get(index % segs.size()), maxShortSide, true);
        Mat seg = new Mat();
        Core.compare(grey, new Scalar(0), seg, Core.CMP_GT);
        grey.release();
        Mat f = new Mat();
        seg.convertTo(f, org.opencv.core.CvType.CV_32FC1, 1 / 255.0);
        seg.release();
        return new SegmentationClip(new ArrayList<>(List.of(img)), new ArrayList<>(List.of(f)));
    }

    @Override
    public String describe() {
        return "Supervisely " + imgDir.getParent() + ": " + imgs.size() + " images";
    }
}

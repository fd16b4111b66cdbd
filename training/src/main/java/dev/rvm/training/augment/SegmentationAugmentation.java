package dev.rvm.training.augment;

import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Upstream's augmentations of the segmentation data, to the training size:
 * {@code CocoPanopticTrainAugmentation} for still images (affine with rotation 20 and shear 10
 * degrees, a random resized crop of 50-100 % of the area, flip, colour jitter 0.1) and
 * {@code YouTubeVISAugmentation} for clips (one random resized crop of 80-100 % for the clip,
 * colour jitter 0.3/0.3/0.3/0.15, greyscale 5 %, flip).
 */
public final class SegmentationAugmentation {
    private static final ColorJitter IMAGE_JITTER = new ColorJitter(0.1, 0.1, 0.1, 0.1);
    private static final ColorJitter VIDEO_JITTER = new ColorJitter(0.3, 0.3, 0.3, 0.15);

    private final int width;
    private final int height;

    public SegmentationAugmentation(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Consumes the lists; returns {imgs, segs} at the training size. */
    public List<List<Mat>> apply(List<Mat> imgsIn, List<Mat> segsIn, boolean video, Random r) {
        List<Mat> imgs = new ArrayList<>(imgsIn);
        List<Mat> segs = new ArrayList<>(segsIn);
        double aspect = (double) width / height;
        if (video) {
            ImageOps.Crop crop = ImageOps.randomResizedCrop(r, imgs.get(0).cols(), imgs.get(0).rows(), 0.8, 1, 0.9 * aspect, 1.1 * aspect);
            Augmentation.map(imgs, m -> ImageOps.resizedCrop(m, crop, width, height, false));
            Augmentation.map(segs, m -> ImageOps.resizedCrop(m, crop, width, height, false));
            VIDEO_JITTER.apply(imgs, r);
            if (r.nextDouble() < 0.05) {
                Augmentation.map(imgs, ImageOps::grey3);
            }
            if (r.nextDouble() < 0.5) {
                Augmentation.map(imgs, ImageOps::hflip);
                Augmentation.map(segs, ImageOps::hflip);
            }
            return List.of(imgs, segs);
        }
        Mat first = imgs.get(0);
        ImageOps.Affine a = ImageOps.Affine.random(r, 20, 0.1, 1, 1, -10, 10, first.cols(), first.rows());
        Augmentation.map(imgs, m -> ImageOps.affine(m, a, false));
        Augmentation.map(segs, m -> ImageOps.affine(m, a, true));
        ImageOps.Crop crop = ImageOps.randomResizedCrop(r, imgs.get(0).cols(), imgs.get(0).rows(), 0.5, 1, 0.7 * aspect, 1.3 * aspect);
        Augmentation.map(imgs, m -> ImageOps.resizedCrop(m, crop, width, height, false));
        Augmentation.map(segs, m -> ImageOps.resizedCrop(m, crop, width, height, true));
        if (r.nextDouble() < 0.5) {
            Augmentation.map(imgs, ImageOps::hflip);
            Augmentation.map(segs, ImageOps::hflip);
        }
        IMAGE_JITTER.apply(imgs, r);
        return List.of(imgs, segs);
    }
}

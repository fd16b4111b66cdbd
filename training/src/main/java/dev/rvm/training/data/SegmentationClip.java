package dev.rvm.training.data;

import dev.rvm.training.augment.Augmentation;
import org.opencv.core.Mat;

import java.util.List;

/** Images with their person masks (1 = person), one per frame; a single frame for still datasets. */
public record SegmentationClip(List<Mat> imgs, List<Mat> segs) {
    public void release() {
        Augmentation.release(imgs);
        Augmentation.release(segs);
    }
}

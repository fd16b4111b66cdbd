package dev.rvm.training.data;

import dev.rvm.training.augment.Augmentation;
import org.opencv.core.Mat;

import java.util.List;

/** One matting sequence before augmentation: foregrounds, alphas and backgrounds, frame by frame. */
public record MattingClip(List<Mat> fgrs, List<Mat> phas, List<Mat> bgrs) {
    public void release() {
        Augmentation.release(fgrs);
        Augmentation.release(phas);
        Augmentation.release(bgrs);
    }
}

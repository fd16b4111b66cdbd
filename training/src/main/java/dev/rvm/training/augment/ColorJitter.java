package dev.rvm.training.augment;

import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * torchvision's {@code ColorJitter(brightness, contrast, saturation, hue)}: factors drawn once
 * (uniform in {@code [max(0, 1 - x), 1 + x]}, hue in {@code [-h, h]}), applied in a random order,
 * the same to every frame given.
 */
public record ColorJitter(double brightness, double contrast, double saturation, double hue) {

    public void apply(List<Mat> frames, Random r) {
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3));
        Collections.shuffle(order, r);
        double b = ImageOps.uniform(r, Math.max(0, 1 - brightness), 1 + brightness);
        double c = ImageOps.uniform(r, Math.max(0, 1 - contrast), 1 + contrast);
        double s = ImageOps.uniform(r, Math.max(0, 1 - saturation), 1 + saturation);
        double h = ImageOps.uniform(r, -hue, hue);
        for (int op : order) {
            switch (op) {
                case 0 -> Augmentation.map(frames, m -> ImageOps.brightness(m, b));
                case 1 -> Augmentation.map(frames, m -> ImageOps.contrast(m, c));
                case 2 -> Augmentation.map(frames, m -> ImageOps.saturation(m, s));
                default -> Augmentation.map(frames, m -> ImageOps.hue(m, h));
            }
        }
    }
}

package dev.rvm.training.augment;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * Upstream's {@code MotionAugmentation} (dataset/augmentation.py) for a matting sequence: affine
 * motions interpolated over the clip with a random easing curve (foreground, background, or both
 * together), a static affine of each, a random resized crop to the training size, flips, grain
 * noise, colour jitter that drifts over the clip, greyscale, sharpness, motion blur, and pauses.
 * Every random draw comes from the generator given, so a seed fixes the result.
 */
public final class MotionAugmentation {

    /** The probabilities of each part, as upstream's presets. */
    public record Settings(double fgrAffine, double bgrAffine, double noise, double colorJitter, double grayscale,
                           double sharpness, double blur, double hflip, double pause, boolean staticAffine) {
        /** {@code VideoMatteTrainAugmentation}. */
        public static final Settings VIDEO_MATTE_TRAIN = new Settings(0.3, 0.3, 0.1, 0.3, 0.02, 0.1, 0.02, 0.5, 0.03, true);
        /** {@code ImageMatteAugmentation}. */
        public static final Settings IMAGE_MATTE_TRAIN = new Settings(0.95, 0.3, 0.05, 0.3, 0.03, 0.05, 0.02, 0.5, 0.03, true);
        /** {@code VideoMatteValidAugmentation}: only the static affine and the resized crop (both random, as upstream). */
        public static final Settings VALID = new Settings(0, 0, 0, 0, 0, 0, 0, 0, 0, true);
        /** No randomness at all: a centred crop to the size (for held-out evaluation). */
        public static final Settings NONE = new Settings(0, 0, 0, 0, 0, 0, 0, 0, 0, false);
    }

    /** The augmented sequence, all frames {@code width x height}. The caller releases the images. */
    public record Result(List<Mat> fgrs, List<Mat> phas, List<Mat> bgrs) {
        public void release() {
            Augmentation.release(fgrs);
            Augmentation.release(phas);
            Augmentation.release(bgrs);
        }
    }

    private static final double ASPECT_LO = 0.9;
    private static final double ASPECT_HI = 1.1;

    private final Settings p;
    private final int width;
    private final int height;

    public MotionAugmentation(Settings settings, int width, int height) {
        this.p = settings;
        this.width = width;
        this.height = height;
    }

    /** Consumes the input lists (their images are released or reused). */
    public Result apply(List<Mat> fgrsIn, List<Mat> phasIn, List<Mat> bgrsIn, Random r) {
        List<Mat> fgrs = new ArrayList<>(fgrsIn);
        List<Mat> phas = new ArrayList<>(phasIn);
        List<Mat> bgrs = new ArrayList<>(bgrsIn);
        if (r.nextDouble() < p.fgrAffine()) {
            motionAffine(r, List.of(fgrs, phas));
        }
        if (r.nextDouble() < p.bgrAffine() / 2) {
            motionAffine(r, List.of(bgrs));
        }
        if (r.nextDouble() < p.bgrAffine() / 2) {
            motionAffine(r, List.of(fgrs, phas, bgrs));
        }
        if (p.staticAffine()) {
            staticAffine(r, List.of(fgrs, phas), 0.5, 1);
            staticAffine(r, List.of(bgrs), 1, 1.5);
        }
        // upstream's crops are square with aspect 0.9..1.1; for a WxH size the range follows W/H
        double aspect = (double) width / height;
        ImageOps.Crop fc = p.staticAffine() || p.fgrAffine() > 0
                ? ImageOps.randomResizedCrop(r, fgrs.get(0).cols(), fgrs.get(0).rows(), 1, 1, ASPECT_LO * aspect, ASPECT_HI * aspect)
                : centralCrop(fgrs.get(0), aspect);
        Augmentation.map(fgrs, m -> ImageOps.resizedCrop(m, fc, width, height, false));
        Augmentation.map(phas, m -> ImageOps.resizedCrop(m, fc, width, height, false));
        ImageOps.Crop bc = p.staticAffine() || p.bgrAffine() > 0
                ? ImageOps.randomResizedCrop(r, bgrs.get(0).cols(), bgrs.get(0).rows(), 1, 1, ASPECT_LO * aspect, ASPECT_HI * aspect)
                : centralCrop(bgrs.get(0), aspect);
        Augmentation.map(bgrs, m -> ImageOps.resizedCrop(m, bc, width, height, false));

        if (r.nextDouble() < p.hflip()) {
            Augmentation.map(fgrs, ImageOps::hflip);
            Augmentation.map(phas, ImageOps::hflip);
        }
        if (r.nextDouble() < p.hflip()) {
            Augmentation.map(bgrs, ImageOps::hflip);
        }
        if (r.nextDouble() < p.noise()) {
            motionNoise(r, List.of(fgrs, bgrs));
        }
        if (r.nextDouble() < p.colorJitter()) {
            motionColorJitter(r, fgrs);
        }
        if (r.nextDouble() < p.colorJitter()) {
            motionColorJitter(r, bgrs);
        }
        if (r.nextDouble() < p.grayscale()) {
            Augmentation.map(fgrs, ImageOps::grey3);
            Augmentation.map(bgrs, ImageOps::grey3);
        }
        if (r.nextDouble() < p.sharpness()) {
            double sharpness = r.nextDouble() * 8;
            for (List<Mat> frames : List.of(fgrs, phas, bgrs)) {
                Augmentation.map(frames, m -> ImageOps.sharpness(m, sharpness));
            }
        }
        if (r.nextDouble() < p.blur() / 3) {
            motionBlur(r, List.of(fgrs, phas));
        }
        if (r.nextDouble() < p.blur() / 3) {
            motionBlur(r, List.of(bgrs));
        }
        if (r.nextDouble() < p.blur() / 3) {
            motionBlur(r, List.of(fgrs, phas, bgrs));
        }
        if (r.nextDouble() < p.pause()) {
            motionPause(r, List.of(fgrs, phas, bgrs));
        }
        return new Result(fgrs, phas, bgrs);
    }

    private static ImageOps.Crop centralCrop(Mat m, double aspect) {
        int w = m.cols();
        int h = m.rows();
        if ((double) w / h > aspect) {
            w = (int) Math.round(h * aspect);
        } else {
            h = (int) Math.round(w / aspect);
        }
        return new ImageOps.Crop((m.rows() - h) / 2, (m.cols() - w) / 2, h, w);
    }

    private static void staticAffine(Random r, List<List<Mat>> groups, double scaleLo, double scaleHi) {
        Mat first = groups.get(0).get(0);
        ImageOps.Affine a = ImageOps.Affine.random(r, 10, 0.1, scaleLo, scaleHi, -5, 5, first.cols(), first.rows());
        for (List<Mat> frames : groups) {
            Augmentation.map(frames, m -> ImageOps.affine(m, a, false));
        }
    }

    /** {@code _motion_affine}: two random affines A and B, eased from A at the first frame to B at the last. */
    private static void motionAffine(Random r, List<List<Mat>> groups) {
        Mat first = groups.get(0).get(0);
        ImageOps.Affine a = ImageOps.Affine.random(r, 10, 0.1, 0.9, 1.1, -5, 5, first.cols(), first.rows());
        ImageOps.Affine b = ImageOps.Affine.random(r, 10, 0.1, 0.9, 1.1, -5, 5, first.cols(), first.rows());
        DoubleUnaryOperator easing = Easing.random(r);
        int frames = groups.get(0).size();
        for (List<Mat> list : groups) {
            Augmentation.mapIndexed(list, (t, m) -> ImageOps.affine(m, a.lerp(b, easing.applyAsDouble(Augmentation.progress(t, frames))), false));
        }
    }

    /** {@code _motion_noise}: Gaussian grain 1-4 px, colour or monochrome, the same grain size for all. */
    private static void motionNoise(Random r, List<List<Mat>> groups) {
        double grain = r.nextDouble() * 3 + 1;
        boolean monochrome = r.nextDouble() < 0.5;
        for (List<Mat> frames : groups) {
            double amplitude = r.nextDouble() * 0.2 / grain;
            Augmentation.map(frames, m -> {
                int channels = monochrome ? 1 : m.channels();
                int nh = (int) Math.round(m.rows() / grain);
                int nw = (int) Math.round(m.cols() / grain);
                float[] values = new float[nh * nw * channels];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (r.nextGaussian() * amplitude);
                }
                Mat noise = new Mat(nh, nw, CvType.CV_32FC(channels));
                noise.put(0, 0, values);
                Mat full = grain != 1 ? ImageOps.resize(noise, m.cols(), m.rows(), false) : noise;
                if (monochrome && m.channels() > 1) {
                    Mat expanded = new Mat();
                    Core.merge(List.of(full, full, full), expanded);
                    if (full != noise) {
                        full.release();
                    }
                    full = expanded;
                }
                Mat out = new Mat();
                Core.add(m, full, out);
                ImageOps.clamp01(out);
                if (full != noise) {
                    full.release();
                }
                noise.release();
                return out;
            });
        }
    }

    /**
     * {@code _motion_color_jitter}: brightness, contrast, saturation and hue drift between two random
     * settings over the clip. As upstream, the saturation factor follows the brightness values.
     */
    private static void motionColorJitter(Random r, List<Mat> frames) {
        double[] v = new double[8];
        for (int i = 0; i < 8; i++) {
            v[i] = r.nextGaussian() * 0.1;
        }
        double strength = r.nextDouble() * 0.2;
        DoubleUnaryOperator easing = Easing.random(r);
        int count = frames.size();
        Augmentation.mapIndexed(frames, (t, m) -> {
            double pct = easing.applyAsDouble(Augmentation.progress(t, count)) * strength;
            Mat a = ImageOps.brightness(m, Math.max(1 + Augmentation.lerp(v[0], v[1], pct), 0.1));
            Mat b = ImageOps.contrast(a, Math.max(1 + Augmentation.lerp(v[2], v[3], pct), 0.1));
            a.release();
            Mat c = ImageOps.saturation(b, Math.max(1 + Augmentation.lerp(v[0], v[1], pct), 0.1));
            b.release();
            Mat d = ImageOps.hue(c, Math.min(0.5, Math.max(-0.5, Augmentation.lerp(v[6], v[7], pct) * 0.1)));
            c.release();
            return d;
        });
    }

    /** {@code _motion_blur}: Gaussian blur whose sigma (0-10) drifts over the clip. */
    private static void motionBlur(Random r, List<List<Mat>> groups) {
        double blurA = r.nextDouble() * 10;
        double blurB = r.nextDouble() * 10;
        DoubleUnaryOperator easing = Easing.random(r);
        int count = groups.get(0).size();
        for (List<Mat> frames : groups) {
            Augmentation.mapIndexed(frames, (t, m) -> {
                double blur = Math.max(Augmentation.lerp(blurA, blurB, easing.applyAsDouble(Augmentation.progress(t, count))), 0);
                if (blur == 0) {
                    return m.clone();
                }
                int k = (int) (blur * 2);
                if (k % 2 == 0) {
                    k++;
                }
                return ImageOps.gaussianBlur(m, k, blur);
            });
        }
    }

    /** {@code _motion_pause}: from a random frame, the next frames repeat it for a random length. */
    private static void motionPause(Random r, List<List<Mat>> groups) {
        int frames = groups.get(0).size();
        if (frames < 2) {
            return;
        }
        int pauseFrame = r.nextInt(frames - 1);
        int pauseLength = r.nextInt(frames - pauseFrame);
        for (List<Mat> list : groups) {
            Augmentation.mapIndexed(list, (t, m) -> t > pauseFrame && t < pauseFrame + pauseLength
                    ? list.get(pauseFrame).clone() : m.clone());
        }
    }
}

package dev.rvm.training.augment;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * torchvision's functional transforms as upstream's augmentation uses them, on float OpenCV images
 * (RGB {@code CV_32FC3} or one channel {@code CV_32FC1}, values in [0, 1]). Each returns a new
 * image; the caller releases what it no longer needs.
 */
public final class ImageOps {
    private ImageOps() {
    }

    /** Parameters of {@code RandomAffine}: rotation degrees, translation in pixels, scale, shear degrees. */
    public record Affine(double angle, double tx, double ty, double scale, double shearX, double shearY) {
        /** {@code transforms.RandomAffine.get_params} for an image of {@code width x height}. */
        public static Affine random(Random r, double degrees, double translate, double scaleLo, double scaleHi,
                                    double shearLo, double shearHi, int width, int height) {
            double angle = uniform(r, -degrees, degrees);
            double maxDx = translate * width;
            double maxDy = translate * height;
            double tx = Math.round(uniform(r, -maxDx, maxDx));
            double ty = Math.round(uniform(r, -maxDy, maxDy));
            double scale = uniform(r, scaleLo, scaleHi);
            double shearX = uniform(r, shearLo, shearHi);
            return new Affine(angle, tx, ty, scale, shearX, 0);
        }

        public Affine lerp(Affine b, double t) {
            return new Affine(Augmentation.lerp(angle, b.angle, t), Augmentation.lerp(tx, b.tx, t), Augmentation.lerp(ty, b.ty, t),
                    Augmentation.lerp(scale, b.scale, t), Augmentation.lerp(shearX, b.shearX, t), Augmentation.lerp(shearY, b.shearY, t));
        }
    }

    static double uniform(Random r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    /**
     * {@code F.affine}: rotation about the centre (positive = counter-clockwise on screen, as
     * torchvision), scale, shear, then translation; outside the source is 0. The matrix is
     * torchvision's {@code _get_inverse_affine_matrix}, applied as an inverse map.
     */
    public static Mat affine(Mat img, Affine p, boolean nearest) {
        double cx = (img.cols() - 1) * 0.5;
        double cy = (img.rows() - 1) * 0.5;
        double rot = Math.toRadians(p.angle());
        double sx = Math.toRadians(p.shearX());
        double sy = Math.toRadians(p.shearY());
        double a = Math.cos(rot - sy) / Math.cos(sy);
        double b = -Math.cos(rot - sy) * Math.tan(sx) / Math.cos(sy) - Math.sin(rot);
        double c = Math.sin(rot - sy) / Math.cos(sy);
        double d = -Math.sin(rot - sy) * Math.tan(sx) / Math.cos(sy) + Math.cos(rot);
        double[] m = {d / p.scale(), -b / p.scale(), 0, -c / p.scale(), a / p.scale(), 0};
        m[2] += m[0] * (-cx - p.tx()) + m[1] * (-cy - p.ty());
        m[5] += m[3] * (-cx - p.tx()) + m[4] * (-cy - p.ty());
        m[2] += cx;
        m[5] += cy;
        Mat matrix = new Mat(2, 3, CvType.CV_64F);
        matrix.put(0, 0, m);
        Mat out = new Mat();
        Imgproc.warpAffine(img, out, matrix, img.size(), (nearest ? Imgproc.INTER_NEAREST : Imgproc.INTER_LINEAR)
                | Imgproc.WARP_INVERSE_MAP, Core.BORDER_CONSTANT, Scalar.all(0));
        matrix.release();
        return out;
    }

    /** A crop {@code (top, left, h, w)}, as {@code RandomResizedCrop.get_params} returns it. */
    public record Crop(int top, int left, int height, int width) {
    }

    /**
     * {@code RandomResizedCrop.get_params}: ten tries at an area fraction in {@code scale} and a
     * log-uniform aspect ratio (width / height) in {@code ratio}, then the central crop.
     */
    public static Crop randomResizedCrop(Random r, int width, int height, double scaleLo, double scaleHi,
                                         double ratioLo, double ratioHi) {
        double area = (double) width * height;
        double logLo = Math.log(ratioLo);
        double logHi = Math.log(ratioHi);
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * uniform(r, scaleLo, scaleHi);
            double aspect = Math.exp(uniform(r, logLo, logHi));
            int w = (int) Math.round(Math.sqrt(target * aspect));
            int h = (int) Math.round(Math.sqrt(target / aspect));
            if (w > 0 && w <= width && h > 0 && h <= height) {
                int top = r.nextInt(height - h + 1);
                int left = r.nextInt(width - w + 1);
                return new Crop(top, left, h, w);
            }
        }
        double inRatio = (double) width / height;
        int w;
        int h;
        if (inRatio < ratioLo) {
            w = width;
            h = (int) Math.round(w / ratioLo);
        } else if (inRatio > ratioHi) {
            h = height;
            w = (int) Math.round(h * ratioHi);
        } else {
            w = width;
            h = height;
        }
        return new Crop((height - h) / 2, (width - w) / 2, h, w);
    }

    /** {@code F.resized_crop}: the crop (zero outside the image) scaled to {@code outW x outH}. */
    public static Mat resizedCrop(Mat img, Crop c, int outW, int outH, boolean nearest) {
        Rect inside = new Rect(0, 0, img.cols(), img.rows());
        Rect want = new Rect(c.left(), c.top(), c.width(), c.height());
        Mat cropped;
        if (inside.contains(want.tl()) && want.x + want.width <= img.cols() && want.y + want.height <= img.rows()) {
            cropped = img.submat(want);
        } else {
            cropped = Mat.zeros(c.height(), c.width(), img.type());
            int x0 = Math.max(0, want.x);
            int y0 = Math.max(0, want.y);
            int x1 = Math.min(img.cols(), want.x + want.width);
            int y1 = Math.min(img.rows(), want.y + want.height);
            if (x1 > x0 && y1 > y0) {
                img.submat(new Rect(x0, y0, x1 - x0, y1 - y0)).copyTo(cropped.submat(new Rect(x0 - want.x, y0 - want.y, x1 - x0, y1 - y0)));
            }
        }
        Mat out = resize(cropped, outW, outH, nearest);
        cropped.release();
        return out;
    }

    public static Mat resize(Mat img, int width, int height, boolean nearest) {
        Mat out = new Mat();
        Imgproc.resize(img, out, new Size(width, height), 0, 0, nearest ? Imgproc.INTER_NEAREST : Imgproc.INTER_LINEAR);
        return out;
    }

    public static Mat hflip(Mat img) {
        Mat out = new Mat();
        Core.flip(img, out, 1);
        return out;
    }

    /** {@code F.rgb_to_grayscale}: 0.2989 R + 0.587 G + 0.114 B, one channel. */
    public static Mat grey(Mat rgb) {
        List<Mat> ch = new ArrayList<>();
        Core.split(rgb, ch);
        Mat out = new Mat();
        Core.addWeighted(ch.get(0), 0.2989, ch.get(1), 0.587, 0, out);
        Core.scaleAdd(ch.get(2), 0.114, out, out);
        ch.forEach(Mat::release);
        return out;
    }

    public static Mat grey3(Mat rgb) {
        Mat g = grey(rgb);
        Mat out = new Mat();
        Core.merge(List.of(g, g, g), out);
        g.release();
        return out;
    }

    /** {@code clamp(f * img + (1 - f) * other, 0, 1)}; {@code other} a same-size image or null for a constant. */
    private static Mat blend(Mat img, Mat other, double constant, double f) {
        Mat out = new Mat();
        if (other != null) {
            Core.addWeighted(img, f, other, 1 - f, 0, out);
        } else {
            img.convertTo(out, -1, f, (1 - f) * constant);
        }
        clamp01(out);
        return out;
    }

    static void clamp01(Mat m) {
        Imgproc.threshold(m, m, 1, 1, Imgproc.THRESH_TRUNC);
        Imgproc.threshold(m, m, 0, 0, Imgproc.THRESH_TOZERO);
    }

    public static Mat brightness(Mat img, double f) {
        return blend(img, null, 0, f);
    }

    public static Mat contrast(Mat img, double f) {
        Mat g = grey(img);
        double mean = Core.mean(g).val[0];
        g.release();
        return blend(img, null, mean, f);
    }

    public static Mat saturation(Mat img, double f) {
        Mat g = grey3(img);
        Mat out = blend(img, g, 0, f);
        g.release();
        return out;
    }

    /** {@code F.adjust_hue}: hue rotated by {@code h} of a full turn, h in [-0.5, 0.5]. */
    public static Mat hue(Mat img, double h) {
        Mat hsv = new Mat();
        Imgproc.cvtColor(img, hsv, Imgproc.COLOR_RGB2HSV);
        List<Mat> ch = new ArrayList<>();
        Core.split(hsv, ch);
        Mat hueChannel = ch.get(0);
        Core.add(hueChannel, Scalar.all(h * 360), hueChannel);
        // wrap to [0, 360)
        Mat over = new Mat();
        Core.compare(hueChannel, Scalar.all(360), over, Core.CMP_GE);
        Core.subtract(hueChannel, Scalar.all(360), hueChannel, over);
        Mat under = new Mat();
        Core.compare(hueChannel, Scalar.all(0), under, Core.CMP_LT);
        Core.add(hueChannel, Scalar.all(360), hueChannel, under);
        Core.merge(ch, hsv);
        Mat out = new Mat();
        Imgproc.cvtColor(hsv, out, Imgproc.COLOR_HSV2RGB);
        clamp01(out);
        hsv.release();
        over.release();
        under.release();
        ch.forEach(Mat::release);
        return out;
    }

    /**
     * {@code F.adjust_sharpness}: blend with the image smoothed by {@code [[1,1,1],[1,5,1],[1,1,1]] / 13}
     * (border pixels stay as they are), factor 0 = smooth, 1 = unchanged, 2 = sharper.
     */
    public static Mat sharpness(Mat img, double f) {
        Mat kernel = new Mat(3, 3, CvType.CV_32F);
        kernel.put(0, 0, 1 / 13f, 1 / 13f, 1 / 13f, 1 / 13f, 5 / 13f, 1 / 13f, 1 / 13f, 1 / 13f, 1 / 13f);
        Mat smooth = new Mat();
        Imgproc.filter2D(img, smooth, -1, kernel);
        kernel.release();
        if (img.rows() > 2 && img.cols() > 2) {
            // torchvision keeps the one-pixel border of the original
            Mat border = img.clone();
            smooth.submat(1, img.rows() - 1, 1, img.cols() - 1).copyTo(border.submat(1, img.rows() - 1, 1, img.cols() - 1));
            smooth.release();
            smooth = border;
        } else {
            smooth.release();
            smooth = img.clone();
        }
        Mat out = blend(img, smooth, 0, f);
        smooth.release();
        return out;
    }

    /** {@code F.gaussian_blur}: separable Gaussian of odd size {@code k}, reflect borders. */
    public static Mat gaussianBlur(Mat img, int k, double sigma) {
        Mat out = new Mat();
        Imgproc.GaussianBlur(img, out, new Size(k, k), sigma, sigma, Core.BORDER_REFLECT_101);
        return out;
    }
}

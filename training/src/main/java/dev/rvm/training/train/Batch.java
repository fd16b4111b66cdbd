package dev.rvm.training.train;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.util.List;

/**
 * Sequences made into the float arrays the network takes: {@code [B, T, C, H, W]}, channels first.
 * {@code a} is the image (foreground, or the segmentation input), {@code b} the alpha (or mask),
 * {@code c} the background (null for segmentation).
 */
public record Batch(int batch, int frames, int height, int width, float[] a, float[] b, float[] c) {

    /** Copies each frame into its slot; {@code per} holds the sequences of the batch in order. */
    static void put(float[] target, int channels, int height, int width, int sequence, int frames, List<Mat> per) {
        int plane = height * width;
        float[] hwc = new float[plane * channels];
        for (int t = 0; t < per.size(); t++) {
            Mat m = per.get(t);
            if (m.type() != CvType.CV_32FC(channels) || m.rows() != height || m.cols() != width) {
                throw new IllegalStateException("frame " + t + " is " + m + ", expected " + width + "x" + height + "x" + channels);
            }
            m.get(0, 0, hwc);
            int base = (sequence * frames + t) * channels * plane;
            for (int i = 0; i < plane; i++) {
                for (int ch = 0; ch < channels; ch++) {
                    target[base + ch * plane + i] = hwc[i * channels + ch];
                }
            }
        }
    }
}

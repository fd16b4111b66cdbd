package dev.rvm.evaluation;

/**
 * An image as the evaluation sees it: 8-bit values divided by 255, row-major, channels interleaved
 * (alpha has one channel, foreground three in OpenCV's BGR order, which no metric cares about).
 */
public record FloatImage(int width, int height, int channels, float[] values) {
    public FloatImage {
        if (values.length != width * height * channels) {
            throw new IllegalArgumentException("expected " + width * height * channels + " values, got " + values.length);
        }
    }

    public static FloatImage alpha(int width, int height, float... values) {
        return new FloatImage(width, height, 1, values);
    }

    public int pixels() {
        return width * height;
    }

    public boolean sameShape(FloatImage other) {
        return width == other.width && height == other.height && channels == other.channels;
    }
}

package dev.rvm.training.train;

/** A frame size, written {@code WxH} on the command line ({@code 512} alone is square). */
public record Size2(int width, int height) {
    public Size2 {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("size must be positive, got " + width + "x" + height);
        }
    }

    public static Size2 parse(String text, String option) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            int x = t.indexOf('x');
            if (x < 0) {
                int s = Integer.parseInt(t);
                return new Size2(s, s);
            }
            return new Size2(Integer.parseInt(t.substring(0, x)), Integer.parseInt(t.substring(x + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " must be WxH (e.g. 512x288) or one number for a square; got '" + text + "'");
        }
    }

    public long pixels() {
        return (long) width * height;
    }

    /** The longer side: images larger than this on their shorter side are shrunk on load. */
    public int longSide() {
        return Math.max(width, height);
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}

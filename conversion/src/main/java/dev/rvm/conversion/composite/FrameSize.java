package dev.rvm.conversion.composite;

/** Width x height of the clips {@code ./rvm composite} writes. */
public record FrameSize(int width, int height) {
    public FrameSize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
    }

    /** Parses {@code 512x288}. */
    public static FrameSize parse(String text) {
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                return new FrameSize(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("--resize expects WIDTHxHEIGHT such as 512x288, got '" + text + "'");
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}

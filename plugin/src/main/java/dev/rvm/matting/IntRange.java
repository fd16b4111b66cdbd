package dev.rvm.matting;

/**
 * The values an integer setting accepts, inclusive. One instance per setting, read by every place that
 * takes the setting (the element's property, the command line's option, presets), so that a value one of
 * them accepts is never refused later by another.
 */
public record IntRange(int min, int max) {

    public IntRange {
        if (min > max) {
            throw new IllegalArgumentException("empty range " + min + ".." + max);
        }
    }

    public boolean contains(int value) {
        return value >= min && value <= max;
    }

    /**
     * Returns {@code value} when it is in range, else fails with a message naming the setting as the
     * user wrote it ({@code --seq-chunk} on the command line, {@code seq-chunk} as a property).
     */
    public int check(String name, int value) {
        if (!contains(value)) {
            throw new IllegalArgumentException(name + " must be in " + this + "; got " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return min + ".." + max;
    }
}

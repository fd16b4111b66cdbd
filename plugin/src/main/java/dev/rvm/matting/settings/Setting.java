package dev.rvm.matting.settings;

import java.util.List;
import java.util.Locale;

/**
 * One user-facing setting, described once: its name (the element property and the CLI option), a
 * short label, one line of documentation, its type and range, its default, and whether it may change
 * while a stream plays. Hosts derive what they show from it: gst-inspect's property specs, the panel's
 * controls, preset fields and command-line options; {@link #check} is the one validation of its range.
 *
 * @param <T> the Java type of its values
 */
public sealed interface Setting<T> permits Setting.Text, Setting.Int, Setting.Argb, Setting.Real, Setting.Flag,
        Setting.Choice {

    /** Lower-case words joined by '-': {@code seq-chunk}. */
    String name();

    /** What people call it: {@code Sequence chunk}. */
    String label();

    /** One line saying what it does, with the meaning of special values. */
    String doc();

    T defaultValue();

    /** True when a playing stream picks a change up; false when it is read as the stream starts. */
    boolean live();

    Class<T> valueType();

    /**
     * The value as it will be used; throws an {@link IllegalArgumentException} that names the setting
     * and what it takes when the value is outside the setting's range.
     */
    T check(T value);

    /** The value written as text (a command line, a preset); refused like {@link #check}. */
    T parse(String text);

    /** The text {@link #parse} reads back. */
    String format(T value);

    /** {@link #check} for a value typed only at run time (a property write). */
    default T checkObject(Object value) {
        if (value != null && !valueType().isInstance(value)) {
            throw new IllegalArgumentException(name() + " takes a " + valueType().getSimpleName() + ", got " + value);
        }
        return check(valueType().cast(value));
    }

    private static IllegalArgumentException refused(Setting<?> s, String takes, Object got) {
        return new IllegalArgumentException(s.name() + " must be " + takes + "; got " + got);
    }

    /**
     * Free text. Null stands for the default.
     *
     * @param required    what an empty value lacks (it is refused), or null when empty is fine
     * @param suggestions values offered to pick from (others are allowed)
     */
    record Text(String name, String label, String doc, String defaultValue, String required,
            List<String> suggestions, boolean live) implements Setting<String> {

        public Text {
            suggestions = List.copyOf(suggestions);
        }

        @Override
        public Class<String> valueType() {
            return String.class;
        }

        @Override
        public String check(String value) {
            String v = value == null ? defaultValue : value;
            if (required != null && (v == null || v.isBlank())) {
                throw refused(this, required, "an empty value");
            }
            return v;
        }

        @Override
        public String parse(String text) {
            return check(text);
        }

        @Override
        public String format(String value) {
            return value == null ? "" : value;
        }
    }

    /** A whole number in {@code [min, max]}. */
    record Int(String name, String label, String doc, int min, int max, Integer defaultValue, boolean live)
            implements Setting<Integer> {

        @Override
        public Class<Integer> valueType() {
            return Integer.class;
        }

        @Override
        public Integer check(Integer value) {
            if (value == null || value < min || value > max) {
                throw refused(this, "a whole number in " + min + ".." + max, value);
            }
            return value;
        }

        @Override
        public Integer parse(String text) {
            try {
                return check(Integer.parseInt(text.strip()));
            } catch (NumberFormatException e) {
                throw refused(this, "a whole number in " + min + ".." + max, "'" + text + "'");
            }
        }

        @Override
        public String format(Integer value) {
            return value.toString();
        }
    }

    /** A colour as 32 bits 0xAARRGGBB (Java carries them in an int; GStreamer in an unsigned int). */
    record Argb(String name, String label, String doc, Integer defaultValue, boolean live) implements Setting<Integer> {

        @Override
        public Class<Integer> valueType() {
            return Integer.class;
        }

        @Override
        public Integer check(Integer value) {
            if (value == null) {
                throw refused(this, "a colour 0xAARRGGBB", null);
            }
            return value;
        }

        /** {@code #RRGGBB} (opaque), {@code #AARRGGBB} or {@code 0xAARRGGBB}; the prefix may be left out. */
        @Override
        public Integer parse(String text) {
            String t = text.strip();
            String hex = t.startsWith("#") ? t.substring(1) : t.regionMatches(true, 0, "0x", 0, 2) ? t.substring(2) : t;
            if (!hex.matches("[0-9a-fA-F]{6}|[0-9a-fA-F]{8}")) {
                throw refused(this, "a colour #RRGGBB, #AARRGGBB or 0xAARRGGBB", "'" + text + "'");
            }
            int v = Integer.parseUnsignedInt(hex, 16);
            return hex.length() == 6 ? 0xFF000000 | v : v;
        }

        @Override
        public String format(Integer value) {
            return String.format(Locale.ROOT, "0x%08X", value);
        }
    }

    /**
     * A number in {@code [min, max]}.
     *
     * @param zeroWord the word for 0 when 0 means something else than the number (0 is "auto"), or null;
     *                 in text, 0 is then written as that word and the range excludes it
     */
    record Real(String name, String label, String doc, float min, float max, Float defaultValue, String zeroWord,
            boolean live) implements Setting<Float> {

        @Override
        public Class<Float> valueType() {
            return Float.class;
        }

        @Override
        public Float check(Float value) {
            if (value == null || !(value >= min && value <= max)) {
                throw refused(this, range(), value);
            }
            return value;
        }

        @Override
        public Float parse(String text) {
            String t = text.strip();
            if (zeroWord != null && t.equalsIgnoreCase(zeroWord)) {
                return 0f;
            }
            float v;
            try {
                v = Float.parseFloat(t);
            } catch (NumberFormatException e) {
                throw refused(this, range(), "'" + text + "'");
            }
            if (zeroWord != null && v == 0f) {
                throw refused(this, range(), text);
            }
            try {
                return check(v);
            } catch (IllegalArgumentException e) {
                throw refused(this, range(), text);
            }
        }

        @Override
        public String format(Float value) {
            return zeroWord != null && value == 0f ? zeroWord : Float.toString(value);
        }

        private String range() {
            if (zeroWord != null && min == 0f) {
                return "in (0, " + number(max) + "] or " + zeroWord;
            }
            return "in [" + number(min) + ", " + number(max) + "]";
        }

        private static String number(float f) {
            return f == Math.rint(f) ? Integer.toString((int) f) : Float.toString(f);
        }
    }

    record Flag(String name, String label, String doc, Boolean defaultValue, boolean live) implements Setting<Boolean> {

        @Override
        public Class<Boolean> valueType() {
            return Boolean.class;
        }

        @Override
        public Boolean check(Boolean value) {
            if (value == null) {
                throw refused(this, "true or false", null);
            }
            return value;
        }

        @Override
        public Boolean parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1", "on" -> true;
                case "false", "no", "0", "off" -> false;
                default -> throw refused(this, "true or false", "'" + text + "'");
            };
        }

        @Override
        public String format(Boolean value) {
            return value.toString();
        }
    }

    /**
     * One of a list of values, named by their nicks. The list is what this setting offers, in the order
     * hosts number them (GStreamer's enum values): it may be a part of the enum.
     */
    record Choice<E extends Enum<E> & Nicked>(String name, String label, String doc, Class<E> valueType,
            List<E> values, E defaultValue, boolean live) implements Setting<E> {

        public Choice {
            values = List.copyOf(values);
            if (!values.contains(defaultValue)) {
                throw new IllegalArgumentException(name + ": the default " + defaultValue + " is not one of " + values);
            }
        }

        public List<String> nicks() {
            return values.stream().map(Nicked::nick).toList();
        }

        /** The host's number of a value (its place in {@link #values}). */
        public int indexOf(E value) {
            return values.indexOf(check(value));
        }

        public E at(int index) {
            if (index < 0 || index >= values.size()) {
                throw refused(this, "one of " + String.join(", ", nicks()), index);
            }
            return values.get(index);
        }

        @Override
        public E check(E value) {
            if (!values.contains(value)) {
                throw refused(this, "one of " + String.join(", ", nicks()), value == null ? null : value.nick());
            }
            return value;
        }

        @Override
        public E parse(String text) {
            String t = text.strip();
            for (E v : values) {
                if (v.nick().equalsIgnoreCase(t)) {
                    return v;
                }
            }
            throw refused(this, "one of " + String.join(", ", nicks()), "'" + text + "'");
        }

        @Override
        public String format(E value) {
            return value.nick();
        }
    }
}

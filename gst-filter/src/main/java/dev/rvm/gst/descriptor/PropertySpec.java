package dev.rvm.gst.descriptor;

import java.util.List;

/**
 * One GObject property of an element, declared once: the Java element installs it in class_init and
 * the native loader's C declaration is generated from it, so gst-inspect shows the same thing either way.
 */
public sealed interface PropertySpec {

    String name();

    String nick();

    String blurb();

    /** False for read-only statistics. */
    boolean writable();

    /** True when it may change while PLAYING; false means NULL or READY only. */
    boolean mutableWhilePlaying();

    record StringProp(String name, String nick, String blurb, String defaultValue, boolean writable,
            boolean mutableWhilePlaying) implements PropertySpec {}

    record IntProp(String name, String nick, String blurb, int min, int max, int defaultValue, boolean writable,
            boolean mutableWhilePlaying) implements PropertySpec {}

    /** Unsigned 32-bit (ARGB colours); Java carries the bits in an int. */
    record UIntProp(String name, String nick, String blurb, int defaultValue, boolean writable,
            boolean mutableWhilePlaying) implements PropertySpec {}

    record FloatProp(String name, String nick, String blurb, float min, float max, float defaultValue,
            boolean writable, boolean mutableWhilePlaying) implements PropertySpec {}

    record DoubleProp(String name, String nick, String blurb, double min, double max, double defaultValue,
            boolean writable, boolean mutableWhilePlaying) implements PropertySpec {}

    record BoolProp(String name, String nick, String blurb, boolean defaultValue, boolean writable,
            boolean mutableWhilePlaying) implements PropertySpec {}

    /** An enum property; values are (value, nick) pairs, nicks are what gst-launch accepts. */
    record EnumProp(String name, String nick, String blurb, String typeName, List<String> valueNicks,
            int defaultValue, boolean writable, boolean mutableWhilePlaying) implements PropertySpec {}
}

package dev.rvm.gst;

import dev.rvm.matting.settings.Setting;
import dev.rvm.matting.settings.SettingValues;
import org.freedesktop.gstreamer.Element;

import java.util.List;

/**
 * Settings in and out of an {@code rvmmatte} element's properties from a Java application
 * (gst1-java-core): the property is the setting's name, a choice travels as its place in the setting's
 * list, and values are checked by the setting before they reach the element.
 */
public final class MatteProperties {
    private MatteProperties() {
    }

    /** Sets one property; a null (an unset file) leaves it as it is. */
    public static <T> void set(Element matte, Setting<T> setting, T value) {
        T checked = setting.check(value);
        if (checked == null) {
            return;
        }
        matte.set(setting.name(), setting instanceof Setting.Choice<?> c ? c.values().indexOf(checked) : checked);
    }

    /** Sets these settings from {@code values}, in the order given. */
    public static void setAll(Element matte, List<Setting<?>> settings, SettingValues values) {
        for (Setting<?> s : settings) {
            copy(matte, s, values);
        }
    }

    private static <T> void copy(Element matte, Setting<T> s, SettingValues values) {
        set(matte, s, values.get(s));
    }

    /**
     * The settings as gst-launch properties, {@code name=value} separated by spaces (null values left
     * out): what {@code gst-launch-1.0 ... ! rvmmatte PROPERTIES ! ...} takes.
     */
    public static String launchSyntax(List<Setting<?>> settings, SettingValues values) {
        StringBuilder text = new StringBuilder();
        for (Setting<?> s : settings) {
            String v = launchValue(s, values);
            if (v != null) {
                text.append(text.length() == 0 ? "" : " ").append(s.name()).append('=').append(v);
            }
        }
        return text.toString();
    }

    private static <T> String launchValue(Setting<T> s, SettingValues values) {
        T v = values.get(s);
        if (v == null) {
            return null;
        }
        if (s instanceof Setting.Text) {
            return '"' + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (s instanceof Setting.Argb) {
            return Integer.toUnsignedString((Integer) v);
        }
        if (s instanceof Setting.Real) {
            return Float.toString((Float) v); // the text form's "auto" is not a float gst-launch reads
        }
        return s.format(v);
    }

    public static <T> T get(Element matte, Setting<T> setting) {
        Object raw = matte.get(setting.name());
        if (setting instanceof Setting.Choice<?> c) {
            return setting.valueType().cast(c.at(((Number) raw).intValue()));
        }
        if (raw instanceof Number n && setting.valueType() == Integer.class) {
            return setting.valueType().cast(n.intValue());
        }
        if (raw instanceof Number n && setting.valueType() == Float.class) {
            return setting.valueType().cast(n.floatValue());
        }
        return setting.valueType().cast(raw);
    }
}

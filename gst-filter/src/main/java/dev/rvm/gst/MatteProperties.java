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

package dev.rvm.gst.gobject;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.rvm.gst.descriptor.Statistic;
import dev.rvm.gst.natives.GObjectNative;
import dev.rvm.gst.natives.Layout;
import dev.rvm.matting.settings.Setting;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * GObject's side of a {@link Setting}: its GParamSpec (type, range, default, flags), its GEnum for a
 * choice, and its values in and out of GValues. Choices travel as their place in the setting's list.
 */
final class ParamSpecs {
    /** Value names of registered GEnums: GLib keeps the pointers for the life of the process. */
    private static final List<Memory> ENUM_MEMORY = new ArrayList<>();

    private ParamSpecs() {
    }

    static Pointer of(Setting<?> s, String enumTypeName) {
        int flags = Layout.PARAM_READWRITE | (s.live() ? Layout.PARAM_MUTABLE_PLAYING : Layout.PARAM_MUTABLE_READY);
        String name = s.name();
        String nick = s.label();
        String blurb = s.doc();
        if (s instanceof Setting.Text t) {
            return GObjectNative.g_param_spec_string(name, nick, blurb, t.defaultValue(), flags);
        } else if (s instanceof Setting.Int i) {
            return GObjectNative.g_param_spec_int(name, nick, blurb, i.min(), i.max(), i.defaultValue(), flags);
        } else if (s instanceof Setting.Argb a) {
            return GObjectNative.g_param_spec_uint(name, nick, blurb, 0, -1, a.defaultValue(), flags);
        } else if (s instanceof Setting.Real r) {
            return GObjectNative.g_param_spec_float(name, nick, blurb, r.min(), r.max(), r.defaultValue(), flags);
        } else if (s instanceof Setting.Flag f) {
            return GObjectNative.g_param_spec_boolean(name, nick, blurb, f.defaultValue() ? 1 : 0, flags);
        }
        Setting.Choice<?> c = (Setting.Choice<?>) s;
        return GObjectNative.g_param_spec_enum(name, nick, blurb, enumType(enumTypeName, c.nicks()),
                c.values().indexOf(c.defaultValue()), flags);
    }

    static Pointer of(Statistic s) {
        return GObjectNative.g_param_spec_double(s.name(), s.nick(), s.blurb(), 0, Double.MAX_VALUE, 0,
                Layout.PARAM_READABLE);
    }

    /** The Java value of a GValue holding this setting's type. */
    static Object read(Setting<?> s, Pointer value) {
        if (s instanceof Setting.Text) {
            return GObjectNative.g_value_get_string(value);
        } else if (s instanceof Setting.Int) {
            return GObjectNative.g_value_get_int(value);
        } else if (s instanceof Setting.Argb) {
            return GObjectNative.g_value_get_uint(value);
        } else if (s instanceof Setting.Real) {
            return GObjectNative.g_value_get_float(value);
        } else if (s instanceof Setting.Flag) {
            return GObjectNative.g_value_get_boolean(value) != 0;
        }
        return ((Setting.Choice<?>) s).at(GObjectNative.g_value_get_enum(value));
    }

    static void write(Setting<?> s, Object v, Pointer value) {
        if (s instanceof Setting.Text) {
            GObjectNative.g_value_set_string(value, (String) v);
        } else if (s instanceof Setting.Int) {
            GObjectNative.g_value_set_int(value, (Integer) v);
        } else if (s instanceof Setting.Argb) {
            GObjectNative.g_value_set_uint(value, (Integer) v);
        } else if (s instanceof Setting.Real) {
            GObjectNative.g_value_set_float(value, (Float) v);
        } else if (s instanceof Setting.Flag) {
            GObjectNative.g_value_set_boolean(value, (Boolean) v ? 1 : 0);
        } else {
            GObjectNative.g_value_set_enum(value, ((Setting.Choice<?>) s).values().indexOf(v));
        }
    }

    /** Registers (or reuses, e.g. when the native loader declared it first) a GEnum numbered by list place. */
    static synchronized long enumType(String typeName, List<String> nicks) {
        long existing = GObjectNative.g_type_from_name(typeName);
        if (existing != 0) {
            return existing;
        }
        Memory values = new Memory((long) Layout.GENUM_VALUE_SIZE * (nicks.size() + 1));
        values.clear();
        for (int i = 0; i < nicks.size(); i++) {
            long at = (long) i * Layout.GENUM_VALUE_SIZE;
            values.setInt(at + Layout.GENUM_VALUE_VALUE, i);
            values.setPointer(at + Layout.GENUM_VALUE_NAME, cString(nicks.get(i)));
            values.setPointer(at + Layout.GENUM_VALUE_NICK, cString(nicks.get(i)));
        }
        ENUM_MEMORY.add(values);
        return GObjectNative.g_enum_register_static(typeName, values);
    }

    private static Memory cString(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        Memory m = new Memory(bytes.length + 1L);
        m.write(0, bytes, 0, bytes.length);
        m.setByte(bytes.length, (byte) 0);
        ENUM_MEMORY.add(m);
        return m;
    }
}

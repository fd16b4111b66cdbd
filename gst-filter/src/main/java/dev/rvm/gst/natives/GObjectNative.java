package dev.rvm.gst.natives;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/** The GLib/GObject calls needed to define a new GType from Java (JNA direct mapping: no varargs). */
public final class GObjectNative {
    static {
        Native.register(GObjectNative.class, NativeLibrary.getInstance("gobject-2.0"));
    }

    private GObjectNative() {
    }

    public static native long g_type_from_name(String name);
    public static native void g_type_query(long type, Pointer query);
    public static native long g_type_register_static_simple(long parent, String name, int classSize,
            Callback classInit, int instanceSize, Callback instanceInit, int flags);
    public static native Pointer g_type_class_peek_parent(Pointer klass);
    public static native int g_type_check_instance_is_a(Pointer instance, long type);
    public static native long g_enum_register_static(String name, Pointer values);

    public static native void g_object_class_install_property(Pointer klass, int id, Pointer pspec);
    public static native Pointer g_param_spec_string(String name, String nick, String blurb, String def, int flags);
    public static native Pointer g_param_spec_int(String name, String nick, String blurb, int min, int max, int def, int flags);
    public static native Pointer g_param_spec_uint(String name, String nick, String blurb, int min, int max, int def, int flags);
    public static native Pointer g_param_spec_float(String name, String nick, String blurb, float min, float max, float def, int flags);
    public static native Pointer g_param_spec_double(String name, String nick, String blurb, double min, double max, double def, int flags);
    public static native Pointer g_param_spec_boolean(String name, String nick, String blurb, int def, int flags);
    public static native Pointer g_param_spec_enum(String name, String nick, String blurb, long enumType, int def, int flags);

    public static native void g_value_init(Pointer value, long type);
    public static native void g_value_unset(Pointer value);
    public static native int g_value_get_int(Pointer value);
    public static native void g_value_set_int(Pointer value, int v);
    public static native int g_value_get_uint(Pointer value);
    public static native void g_value_set_uint(Pointer value, int v);
    public static native float g_value_get_float(Pointer value);
    public static native void g_value_set_float(Pointer value, float v);
    public static native double g_value_get_double(Pointer value);
    public static native void g_value_set_double(Pointer value, double v);
    public static native int g_value_get_boolean(Pointer value);
    public static native void g_value_set_boolean(Pointer value, int v);
    public static native int g_value_get_enum(Pointer value);
    public static native void g_value_set_enum(Pointer value, int v);
    public static native String g_value_get_string(Pointer value);
    public static native void g_value_set_string(Pointer value, String v);
    public static native void g_value_set_uint64(Pointer value, long v);

    public static native int g_signal_newv(String name, long itype, int flags, Pointer classClosure,
            Pointer accumulator, Pointer accuData, Pointer marshaller, long returnType, int nParams, Pointer paramTypes);
    public static native Pointer g_cclosure_new(Callback callback, Pointer data, Pointer destroy);
}

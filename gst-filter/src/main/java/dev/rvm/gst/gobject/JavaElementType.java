package dev.rvm.gst.gobject;

import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.rvm.gst.descriptor.ElementDescriptor;
import dev.rvm.gst.descriptor.PadSpec;
import dev.rvm.gst.descriptor.PropertySpec;
import dev.rvm.gst.natives.Callbacks;
import dev.rvm.gst.natives.GObjectNative;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Defines a GstElement subclass from an {@link ElementDescriptor} with plain JNA: class_init installs
 * metadata, pad templates, properties and action signals; instance_init creates the pads and the Java
 * instance; property, state-change and finalize vfuncs dispatch to that instance. Every callback object
 * lives in a field of this (never collected) type object, and no Java exception escapes a callback.
 */
public final class JavaElementType {
    /** Every registered type, so their callbacks stay reachable for the life of the process. */
    private static final Map<String, JavaElementType> TYPES = new ConcurrentHashMap<>();
    /** Enum GType names -> value-name memory kept alive (GLib keeps the pointers). */
    private static final List<Memory> ENUM_MEMORY = new ArrayList<>();

    private final ElementDescriptor descriptor;
    private final ElementFactory factory;
    private final Map<Long, ElementInstance> instances = new ConcurrentHashMap<>();
    private volatile Pointer parentClass;
    private long type;

    private final Callbacks.ClassInit classInit = this::classInit;
    private final Callbacks.InstanceInit instanceInit = this::instanceInit;
    private final Callbacks.PropertyAccessor setProperty = this::setProperty;
    private final Callbacks.PropertyAccessor getProperty = this::getProperty;
    private final Callbacks.ChangeState changeState = this::changeState;
    private final Callbacks.Finalize finalizer = this::finalizeInstance;
    private final List<Callbacks.ActionSignal> signalHandlers = new ArrayList<>();

    private JavaElementType(ElementDescriptor descriptor, ElementFactory factory) {
        this.descriptor = descriptor;
        this.factory = factory;
        for (Object cb : List.of(classInit, instanceInit, setProperty, getProperty, changeState, finalizer)) {
            keepThreadsAttached((com.sun.jna.Callback) cb);
        }
    }

    /**
     * Registers the element under {@code factoryName} (normally the descriptor's) with the given rank.
     * The GType is created once per process; later calls only add the factory name. Returns the GType.
     */
    public static synchronized long register(ElementDescriptor descriptor, String factoryName, int rank,
            ElementFactory factory) {
        JavaElementType t = TYPES.get(descriptor.typeName());
        if (t == null) {
            t = new JavaElementType(descriptor, factory);
            t.type = t.registerType();
            TYPES.put(descriptor.typeName(), t);
        }
        if (GstNative.gst_element_register(null, factoryName, rank, t.type) == 0) {
            throw new IllegalStateException("gst_element_register(" + factoryName + ") failed");
        }
        return t.type;
    }

    /** Streaming threads call back often: keep them attached to the JVM instead of attaching per call. */
    public static void keepThreadsAttached(com.sun.jna.Callback cb) {
        Native.setCallbackThreadInitializer(cb, new CallbackThreadInitializer(true, false, "gst-callback"));
    }

    private long registerType() {
        long existing = GObjectNative.g_type_from_name(descriptor.typeName());
        if (existing != 0) {
            throw new IllegalStateException("GType " + descriptor.typeName() + " exists but was not made here");
        }
        long parent = GstNative.gst_element_get_type();
        Memory query = new Memory(Layout.GTYPE_QUERY_SIZE);
        GObjectNative.g_type_query(parent, query);
        int classSize = query.getInt(Layout.GTYPE_QUERY_CLASS_SIZE);
        int instanceSize = query.getInt(Layout.GTYPE_QUERY_INSTANCE_SIZE);
        long t = GObjectNative.g_type_register_static_simple(parent, descriptor.typeName(), classSize, classInit,
                instanceSize, instanceInit, 0);
        if (t == 0) {
            throw new IllegalStateException("g_type_register_static_simple(" + descriptor.typeName() + ") failed");
        }
        return t;
    }

    private void classInit(Pointer klass, Pointer data) {
        try {
            parentClass = GObjectNative.g_type_class_peek_parent(klass);
            klass.setPointer(Layout.GOBJECT_CLASS_SET_PROPERTY, functionPointer(setProperty));
            klass.setPointer(Layout.GOBJECT_CLASS_GET_PROPERTY, functionPointer(getProperty));
            klass.setPointer(Layout.GOBJECT_CLASS_FINALIZE, functionPointer(finalizer));
            klass.setPointer(Layout.GST_ELEMENT_CLASS_CHANGE_STATE, functionPointer(changeState));
            // set_metadata (not set_static_metadata): JNA's strings are temporary and GStreamer must copy them
            GstNative.gst_element_class_set_metadata(klass, descriptor.longName(), descriptor.classification(),
                    descriptor.description(), descriptor.author());
            for (PadSpec pad : descriptor.pads()) {
                Pointer caps = GstNative.gst_caps_from_string(pad.caps());
                Pointer template = GstNative.gst_pad_template_new(pad.name(),
                        pad.source() ? Layout.PAD_SRC : Layout.PAD_SINK, Layout.PAD_ALWAYS, caps);
                GstNative.gst_mini_object_unref(caps);
                GstNative.gst_element_class_add_pad_template(klass, template);
            }
            for (int i = 0; i < descriptor.properties().size(); i++) {
                GObjectNative.g_object_class_install_property(klass, i + 1, paramSpec(descriptor.properties().get(i)));
            }
            for (String signal : descriptor.actionSignals()) {
                Callbacks.ActionSignal handler = (instance, userData) -> {
                    try {
                        ElementInstance e = instances.get(Pointer.nativeValue(instance));
                        if (e != null) {
                            e.actionSignal(signal);
                        }
                    } catch (Throwable t) {
                        t.printStackTrace();
                    }
                };
                signalHandlers.add(handler);
                Pointer closure = GObjectNative.g_cclosure_new(handler, null, null);
                GObjectNative.g_signal_newv(signal, type(klass), Layout.SIGNAL_RUN_LAST_ACTION, closure, null, null,
                        null, Layout.G_TYPE_NONE, 0, null);
            }
        } catch (Throwable t) {
            t.printStackTrace();
        }
    }

    /** The GType of a class struct is its first field. */
    private static long type(Pointer klass) {
        return klass.getLong(0);
    }

    private static Pointer functionPointer(com.sun.jna.Callback cb) {
        return com.sun.jna.CallbackReference.getFunctionPointer(cb);
    }

    private static Pointer paramSpec(PropertySpec p) {
        int flags = p.writable()
                ? Layout.PARAM_READWRITE | (p.mutableWhilePlaying() ? Layout.PARAM_MUTABLE_PLAYING : Layout.PARAM_MUTABLE_READY)
                : Layout.PARAM_READABLE;
        if (p instanceof PropertySpec.StringProp s) {
            return GObjectNative.g_param_spec_string(s.name(), s.nick(), s.blurb(), s.defaultValue(), flags);
        } else if (p instanceof PropertySpec.IntProp s) {
            return GObjectNative.g_param_spec_int(s.name(), s.nick(), s.blurb(), s.min(), s.max(), s.defaultValue(), flags);
        } else if (p instanceof PropertySpec.UIntProp s) {
            return GObjectNative.g_param_spec_uint(s.name(), s.nick(), s.blurb(), 0, -1, s.defaultValue(), flags);
        } else if (p instanceof PropertySpec.FloatProp s) {
            return GObjectNative.g_param_spec_float(s.name(), s.nick(), s.blurb(), s.min(), s.max(), s.defaultValue(), flags);
        } else if (p instanceof PropertySpec.DoubleProp s) {
            return GObjectNative.g_param_spec_double(s.name(), s.nick(), s.blurb(), s.min(), s.max(), s.defaultValue(), flags);
        } else if (p instanceof PropertySpec.BoolProp s) {
            return GObjectNative.g_param_spec_boolean(s.name(), s.nick(), s.blurb(), s.defaultValue() ? 1 : 0, flags);
        } else if (p instanceof PropertySpec.EnumProp s) {
            return GObjectNative.g_param_spec_enum(s.name(), s.nick(), s.blurb(), enumType(s), s.defaultValue(), flags);
        }
        throw new IllegalArgumentException("unknown property kind " + p);
    }

    /** Registers (or reuses, e.g. when the native loader declared it first) the GEnum of an enum property. */
    static synchronized long enumType(PropertySpec.EnumProp p) {
        long existing = GObjectNative.g_type_from_name(p.typeName());
        if (existing != 0) {
            return existing;
        }
        List<String> nicks = p.valueNicks();
        Memory values = new Memory((long) Layout.GENUM_VALUE_SIZE * (nicks.size() + 1));
        values.clear();
        for (int i = 0; i < nicks.size(); i++) {
            Memory name = cString(nicks.get(i));
            Memory nick = cString(nicks.get(i));
            values.setInt((long) i * Layout.GENUM_VALUE_SIZE, i);
            values.setPointer((long) i * Layout.GENUM_VALUE_SIZE + 8, name);
            values.setPointer((long) i * Layout.GENUM_VALUE_SIZE + 16, nick);
        }
        ENUM_MEMORY.add(values);
        return GObjectNative.g_enum_register_static(p.typeName(), values);
    }

    private static Memory cString(String s) {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Memory m = new Memory(bytes.length + 1L);
        m.write(0, bytes, 0, bytes.length);
        m.setByte(bytes.length, (byte) 0);
        ENUM_MEMORY.add(m);
        return m;
    }

    private void instanceInit(Pointer instance, Pointer klass) {
        try {
            Map<String, Pointer> pads = new LinkedHashMap<>();
            for (PadSpec spec : descriptor.pads()) {
                Pointer template = GstNative.gst_element_class_get_pad_template(klass, spec.name());
                pads.put(spec.name(), GstNative.gst_pad_new_from_template(template, spec.name()));
            }
            ElementInstance e = factory.create(instance, pads);
            instances.put(Pointer.nativeValue(instance), e);
            for (Pointer pad : pads.values()) {
                GstNative.gst_element_add_pad(instance, pad);
            }
        } catch (Throwable t) {
            t.printStackTrace();
        }
    }

    private void setProperty(Pointer object, int id, Pointer value, Pointer pspec) {
        try {
            ElementInstance e = instances.get(Pointer.nativeValue(object));
            if (e == null || id < 1 || id > descriptor.properties().size()) {
                return;
            }
            PropertySpec p = descriptor.property(id);
            Object v;
            if (p instanceof PropertySpec.StringProp) {
                v = GObjectNative.g_value_get_string(value);
            } else if (p instanceof PropertySpec.IntProp) {
                v = GObjectNative.g_value_get_int(value);
            } else if (p instanceof PropertySpec.UIntProp) {
                v = GObjectNative.g_value_get_uint(value);
            } else if (p instanceof PropertySpec.FloatProp) {
                v = GObjectNative.g_value_get_float(value);
            } else if (p instanceof PropertySpec.DoubleProp) {
                v = GObjectNative.g_value_get_double(value);
            } else if (p instanceof PropertySpec.BoolProp) {
                v = GObjectNative.g_value_get_boolean(value) != 0;
            } else {
                v = GObjectNative.g_value_get_enum(value);
            }
            e.setProperty(p.name(), v);
        } catch (Throwable t) {
            t.printStackTrace();
        }
    }

    private void getProperty(Pointer object, int id, Pointer value, Pointer pspec) {
        try {
            ElementInstance e = instances.get(Pointer.nativeValue(object));
            if (e == null || id < 1 || id > descriptor.properties().size()) {
                return;
            }
            PropertySpec p = descriptor.property(id);
            Object v = e.getProperty(p.name());
            if (p instanceof PropertySpec.StringProp) {
                GObjectNative.g_value_set_string(value, (String) v);
            } else if (p instanceof PropertySpec.IntProp) {
                GObjectNative.g_value_set_int(value, (Integer) v);
            } else if (p instanceof PropertySpec.UIntProp) {
                GObjectNative.g_value_set_uint(value, (Integer) v);
            } else if (p instanceof PropertySpec.FloatProp) {
                GObjectNative.g_value_set_float(value, (Float) v);
            } else if (p instanceof PropertySpec.DoubleProp) {
                GObjectNative.g_value_set_double(value, (Double) v);
            } else if (p instanceof PropertySpec.BoolProp) {
                GObjectNative.g_value_set_boolean(value, (Boolean) v ? 1 : 0);
            } else {
                GObjectNative.g_value_set_enum(value, (Integer) v);
            }
        } catch (Throwable t) {
            t.printStackTrace();
        }
    }

    private int changeState(Pointer element, int transition) {
        try {
            ElementInstance e = instances.get(Pointer.nativeValue(element));
            if (e != null && !e.beforeTransition(transition)) {
                return Layout.STATE_CHANGE_FAILURE;
            }
            Function parent = Function.getFunction(parentClass.getPointer(Layout.GST_ELEMENT_CLASS_CHANGE_STATE));
            int result = parent.invokeInt(new Object[] {element, transition});
            if (result != Layout.STATE_CHANGE_FAILURE && e != null) {
                e.afterTransition(transition);
            }
            return result;
        } catch (Throwable t) {
            t.printStackTrace();
            return Layout.STATE_CHANGE_FAILURE;
        }
    }

    private void finalizeInstance(Pointer object) {
        try {
            ElementInstance e = instances.remove(Pointer.nativeValue(object));
            if (e != null) {
                e.dispose();
            }
        } catch (Throwable t) {
            t.printStackTrace();
        }
        try {
            Function.getFunction(parentClass.getPointer(Layout.GOBJECT_CLASS_FINALIZE)).invokeVoid(new Object[] {object});
        } catch (Throwable t) {
            t.printStackTrace();
        }
    }
}

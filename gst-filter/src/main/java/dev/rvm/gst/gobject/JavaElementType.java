package dev.rvm.gst.gobject;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.rvm.gst.descriptor.ElementDescriptor;
import dev.rvm.gst.descriptor.PadSpec;
import dev.rvm.gst.descriptor.Statistic;
import dev.rvm.gst.natives.Callbacks;
import dev.rvm.gst.natives.GObjectNative;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;
import dev.rvm.matting.settings.Setting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Defines a GstElement subclass from an {@link ElementDescriptor} with plain JNA: class_init installs
 * metadata, pad templates, properties (from the descriptor's settings) and action signals; instance_init
 * creates the pads and the Java instance; property, state-change and finalize vfuncs dispatch to that
 * instance. Every callback object lives in a field of this (never collected) type object, and every
 * callback runs {@link Guarded}: failures are logged through the type's debug category.
 */
public final class JavaElementType {
    /** Every registered type, so their callbacks stay reachable for the life of the process. */
    private static final Map<String, JavaElementType> TYPES = new ConcurrentHashMap<>();

    private final ElementDescriptor descriptor;
    private final ElementFactory factory;
    private final DebugCategory log;
    private volatile Pointer parentClass;
    private long type;

    private final Callbacks.ClassInit classInit = this::classInit;
    private final Callbacks.InstanceInit instanceInit = this::instanceInit;
    private final Callbacks.PropertyAccessor setProperty = this::setProperty;
    private final Callbacks.PropertyAccessor getProperty = this::getProperty;
    private final Callbacks.ChangeState changeState = this::changeState;
    private final Callbacks.Finalize finalizer = this::finalizeInstance;
    private final Callbacks.RequestNewPad requestNewPad = this::requestNewPad;
    private final Callbacks.ReleasePad releasePad = this::releasePad;
    private final List<Callbacks.ActionSignal> signalHandlers = new ArrayList<>();

    private JavaElementType(ElementDescriptor descriptor, DebugCategory log, ElementFactory factory) {
        this.descriptor = descriptor;
        this.factory = factory;
        this.log = log;
        for (Callback cb : List.of(classInit, instanceInit, setProperty, getProperty, changeState, finalizer,
                requestNewPad, releasePad)) {
            keepThreadsAttached(cb);
        }
    }

    /**
     * Registers the element under {@code factoryName} (normally the descriptor's) with the given rank.
     * The GType is created once per process; later calls only add the factory name. Returns the GType.
     *
     * @param log where the type's callbacks log their failures
     */
    public static synchronized long register(ElementDescriptor descriptor, String factoryName, int rank,
            DebugCategory log, ElementFactory factory) {
        JavaElementType t = TYPES.get(descriptor.typeName());
        if (t == null) {
            t = new JavaElementType(descriptor, log, factory);
            t.type = t.registerType();
            TYPES.put(descriptor.typeName(), t);
        }
        if (GstNative.gst_element_register(null, factoryName, rank, t.type) == 0) {
            throw new IllegalStateException("gst_element_register(" + factoryName + ") failed");
        }
        return t.type;
    }

    /** Streaming threads call back often: keep them attached to the JVM instead of attaching per call. */
    public static void keepThreadsAttached(Callback cb) {
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
        Guarded.run(log, null, "class_init of " + descriptor.typeName(), () -> {
            parentClass = GObjectNative.g_type_class_peek_parent(klass);
            klass.setPointer(Layout.GOBJECT_CLASS_SET_PROPERTY, functionPointer(setProperty));
            klass.setPointer(Layout.GOBJECT_CLASS_GET_PROPERTY, functionPointer(getProperty));
            klass.setPointer(Layout.GOBJECT_CLASS_FINALIZE, functionPointer(finalizer));
            klass.setPointer(Layout.GST_ELEMENT_CLASS_CHANGE_STATE, functionPointer(changeState));
            if (descriptor.pads().stream().anyMatch(PadSpec::request)) {
                klass.setPointer(Layout.GST_ELEMENT_CLASS_REQUEST_NEW_PAD, functionPointer(requestNewPad));
                klass.setPointer(Layout.GST_ELEMENT_CLASS_RELEASE_PAD, functionPointer(releasePad));
            }
            // set_metadata (not set_static_metadata): JNA's strings are temporary and GStreamer must copy them
            GstNative.gst_element_class_set_metadata(klass, descriptor.longName(), descriptor.classification(),
                    descriptor.description(), descriptor.author());
            for (PadSpec pad : descriptor.pads()) {
                try (Ref caps = Ref.miniObject(GstNative.gst_caps_from_string(pad.caps()))) {
                    GstNative.gst_element_class_add_pad_template(klass, GstNative.gst_pad_template_new(pad.name(),
                            pad.source() ? Layout.PAD_SRC : Layout.PAD_SINK,
                            pad.request() ? Layout.PAD_REQUEST : Layout.PAD_ALWAYS, caps.get()));
                }
            }
            installProperties(klass);
            long classType = klass.getLong(Layout.GTYPE_CLASS_TYPE);
            for (String signal : descriptor.actionSignals()) {
                Callbacks.ActionSignal handler = (instance, userData) -> Guarded.run(log, instance, "signal " + signal, () -> {
                    ElementInstance e = InstanceRegistry.get(instance);
                    if (e != null) {
                        e.actionSignal(signal);
                    }
                });
                signalHandlers.add(handler);
                Pointer closure = GObjectNative.g_cclosure_new(handler, null, null);
                GObjectNative.g_signal_newv(signal, classType, Layout.SIGNAL_RUN_LAST_ACTION, closure, null, null,
                        null, Layout.G_TYPE_NONE, 0, null);
            }
        });
    }

    private void installProperties(Pointer klass) {
        for (int id = 1; id <= descriptor.propertyCount(); id++) {
            Setting<?> setting = descriptor.settingAt(id);
            Pointer spec = setting != null
                    ? ParamSpecs.of(setting, setting instanceof Setting.Choice<?> c ? descriptor.enumTypeName(c) : null)
                    : ParamSpecs.of(descriptor.statisticAt(id));
            GObjectNative.g_object_class_install_property(klass, id, spec);
        }
    }

    private static Pointer functionPointer(Callback cb) {
        return CallbackReference.getFunctionPointer(cb);
    }

    private void instanceInit(Pointer instance, Pointer klass) {
        Guarded.run(log, instance, "instance_init of " + descriptor.typeName(), () -> {
            Map<String, Pointer> pads = new LinkedHashMap<>();
            for (PadSpec spec : descriptor.pads()) {
                if (spec.request()) {
                    continue;
                }
                Pointer template = GstNative.gst_element_class_get_pad_template(klass, spec.name());
                pads.put(spec.name(), GstNative.gst_pad_new_from_template(template, spec.name()));
            }
            InstanceRegistry.add(instance, factory.create(instance, pads));
            for (Pointer pad : pads.values()) {
                GstNative.gst_element_add_pad(instance, pad);
            }
        });
    }

    /** GStreamer refs the returned pad for the caller; the element keeps the reference gst_element_add_pad took. */
    private Pointer requestNewPad(Pointer element, Pointer template, Pointer name, Pointer caps) {
        try {
            ElementInstance e = InstanceRegistry.get(element);
            if (e == null) {
                return null;
            }
            String templateName = template.getPointer(Layout.GST_PAD_TEMPLATE_NAME_TEMPLATE).getString(0);
            Pointer pad = e.requestPad(templateName, template);
            log.log(DebugCategory.DEBUG, element, pad == null ? "refused a request for " + templateName
                    : "made request pad " + templateName);
            return pad;
        } catch (Throwable t) {
            Guarded.failed(log, element, "request_new_pad", t);
            return null;
        }
    }

    private void releasePad(Pointer element, Pointer pad) {
        Guarded.run(log, element, "release_pad", () -> {
            ElementInstance e = InstanceRegistry.get(element);
            if (e != null) {
                e.releasePad(pad);
            }
        });
    }

    /** A value the setting refuses is logged as a warning and the property keeps its value. */
    private void setProperty(Pointer object, int id, Pointer value, Pointer pspec) {
        Guarded.run(log, object, "set_property", () -> {
            ElementInstance e = InstanceRegistry.get(object);
            Setting<?> setting = descriptor.settingAt(id);
            if (e == null || setting == null) {
                return;
            }
            Object v = ParamSpecs.read(setting, value);
            try {
                e.set(setting, v);
                log.log(DebugCategory.DEBUG, object, "set " + setting.name() + " = " + v);
            } catch (IllegalArgumentException refused) {
                log.log(DebugCategory.WARNING, object, "refused: " + refused.getMessage());
            }
        });
    }

    private void getProperty(Pointer object, int id, Pointer value, Pointer pspec) {
        Guarded.run(log, object, "get_property", () -> {
            ElementInstance e = InstanceRegistry.get(object);
            if (e == null) {
                return;
            }
            Setting<?> setting = descriptor.settingAt(id);
            Statistic statistic = descriptor.statisticAt(id);
            if (setting != null) {
                ParamSpecs.write(setting, e.get(setting), value);
            } else if (statistic != null) {
                GObjectNative.g_value_set_double(value, e.read(statistic));
            }
        });
    }

    private int changeState(Pointer element, int transition) {
        return Guarded.call(log, element, "state change " + transition, Layout.STATE_CHANGE_FAILURE, () -> {
            ElementInstance e = InstanceRegistry.get(element);
            if (e != null && !e.beforeTransition(transition)) {
                return Layout.STATE_CHANGE_FAILURE;
            }
            Function parent = Function.getFunction(parentClass.getPointer(Layout.GST_ELEMENT_CLASS_CHANGE_STATE));
            int result = parent.invokeInt(new Object[] {element, transition});
            if (result != Layout.STATE_CHANGE_FAILURE && e != null) {
                e.afterTransition(transition);
            }
            return result;
        });
    }

    private void finalizeInstance(Pointer object) {
        Guarded.run(log, null, "finalize", () -> {
            ElementInstance e = InstanceRegistry.remove(object);
            if (e != null) {
                e.dispose();
            }
        });
        Guarded.run(log, null, "finalize of the parent class",
                () -> Function.getFunction(parentClass.getPointer(Layout.GOBJECT_CLASS_FINALIZE)).invokeVoid(new Object[] {object}));
    }
}

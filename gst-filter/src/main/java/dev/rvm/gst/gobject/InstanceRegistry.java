package dev.rvm.gst.gobject;

import com.sun.jna.Pointer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Java side of every live element instance, by the address of its GObject: the one place vfuncs
 * and pad functions find the instance a C call is about. Filled by instance_init, emptied by finalize.
 */
public final class InstanceRegistry {
    private static final Map<Long, ElementInstance> INSTANCES = new ConcurrentHashMap<>();

    private InstanceRegistry() {
    }

    static void add(Pointer object, ElementInstance instance) {
        INSTANCES.put(Pointer.nativeValue(object), instance);
    }

    static ElementInstance remove(Pointer object) {
        return INSTANCES.remove(Pointer.nativeValue(object));
    }

    /** The instance of this GObject, or null (not one of ours, or already finalized). */
    public static ElementInstance get(Pointer object) {
        return object == null ? null : INSTANCES.get(Pointer.nativeValue(object));
    }
}

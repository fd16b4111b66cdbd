package dev.rvm.gst.natives;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The GStreamer core calls the element needs, bound with JNA direct mapping (fast, but no varargs and
 * no {@code Pointer[]}: out-parameters are one-element primitive arrays).
 */
public final class GstNative {
    static {
        Native.register(GstNative.class, NativeLibrary.getInstance("gstreamer-1.0"));
    }

    private GstNative() {
    }

    public static native int gst_is_initialized();
    public static native void gst_segtrap_set_enabled(int enabled);
    public static native long gst_element_get_type();
    public static native int gst_element_register(Pointer plugin, String name, int rank, long type);
    public static native void gst_element_class_set_metadata(Pointer klass, String longname, String classification,
            String description, String author);
    public static native Pointer gst_pad_template_new(String name, int direction, int presence, Pointer caps);
    public static native void gst_element_class_add_pad_template(Pointer klass, Pointer template);
    public static native Pointer gst_element_class_get_pad_template(Pointer klass, String name);

    public static native Pointer gst_pad_new_from_template(Pointer template, String name);
    public static native void gst_pad_set_chain_function_full(Pointer pad, Callback f, Pointer data, Pointer notify);
    public static native void gst_pad_set_event_function_full(Pointer pad, Callback f, Pointer data, Pointer notify);
    public static native void gst_pad_set_query_function_full(Pointer pad, Callback f, Pointer data, Pointer notify);
    public static native void gst_pad_set_activatemode_function_full(Pointer pad, Callback f, Pointer data, Pointer notify);
    public static native void gst_pad_use_fixed_caps(Pointer pad);
    public static native int gst_element_add_pad(Pointer element, Pointer pad);
    public static native int gst_element_remove_pad(Pointer element, Pointer pad);
    public static native int gst_pad_set_active(Pointer pad, int active);
    public static native Pointer gst_pad_get_current_caps(Pointer pad);
    public static native Pointer gst_pad_get_sticky_event(Pointer pad, int type, int index);
    public static native int gst_pad_check_reconfigure(Pointer pad);
    public static native void gst_pad_mark_reconfigure(Pointer pad);
    public static native int gst_pad_push(Pointer pad, Pointer buffer);
    public static native int gst_pad_push_event(Pointer pad, Pointer event);
    public static native int gst_pad_event_default(Pointer pad, Pointer parent, Pointer event);
    public static native int gst_pad_query_default(Pointer pad, Pointer parent, Pointer query);
    public static native int gst_pad_peer_query(Pointer pad, Pointer query);
    public static native int gst_pad_is_linked(Pointer pad);
    public static native Pointer gst_pad_get_peer(Pointer pad);
    public static native long gst_proxy_pad_get_type();
    public static native Pointer gst_proxy_pad_get_internal(Pointer pad);
    public static native void gst_object_unref(Pointer object);
    public static native Pointer gst_object_ref(Pointer object);
    public static native int gst_pad_start_task(Pointer pad, Callback f, Pointer data, Pointer notify);
    public static native int gst_pad_pause_task(Pointer pad);
    public static native int gst_pad_stop_task(Pointer pad);

    public static native Pointer gst_mini_object_ref(Pointer object);
    public static native void gst_mini_object_unref(Pointer object);

    public static native Pointer gst_buffer_new_allocate(Pointer allocator, long size, Pointer params);
    public static native int gst_buffer_map(Pointer buffer, Pointer info, int flags);
    public static native void gst_buffer_unmap(Pointer buffer, Pointer info);
    public static native int gst_buffer_copy_into(Pointer dst, Pointer src, int flags, long offset, long size);
    /** state: a one-element array, 0 to start. */
    public static native Pointer gst_buffer_iterate_meta(Pointer buffer, long[] state);
    public static native int gst_buffer_remove_meta(Pointer buffer, Pointer meta);
    /** A NULL-terminated array of tag strings (owned by GStreamer). */
    public static native Pointer gst_meta_api_type_get_tags(long api);

    public static native Pointer gst_caps_from_string(String caps);
    public static native Pointer gst_caps_copy(Pointer caps);
    /** Takes ownership of caps2; caps1 must be writable. */
    public static native void gst_caps_append(Pointer caps1, Pointer caps2);
    public static native int gst_caps_is_empty(Pointer caps);
    public static native String gst_structure_get_name(Pointer structure);
    public static native Pointer gst_caps_get_structure(Pointer caps, int index);
    public static native String gst_caps_to_string(Pointer caps);
    public static native String gst_structure_get_string(Pointer structure, String field);
    public static native int gst_structure_get_int(Pointer structure, String field, int[] value);
    public static native int gst_structure_get_fraction(Pointer structure, String field, int[] num, int[] den);
    public static native void gst_structure_set_value(Pointer structure, String field, Pointer value);
    public static native void gst_structure_remove_field(Pointer structure, String field);
    public static native Pointer gst_structure_new_empty(String name);

    public static native void gst_event_parse_caps(Pointer event, long[] caps);
    public static native Pointer gst_event_new_caps(Pointer caps);
    public static native Pointer gst_event_new_gap(long timestamp, long duration);
    public static native Pointer gst_event_new_flush_start();
    public static native Pointer gst_event_new_flush_stop(int resetTime);
    public static native void gst_event_copy_segment(Pointer event, Pointer segment);
    public static native void gst_event_parse_qos(Pointer event, int[] type, double[] proportion, long[] diff, long[] timestamp);
    public static native int gst_event_get_seqnum(Pointer event);
    public static native long gst_segment_to_running_time(Pointer segment, int format, long position);
    public static native long gst_segment_to_stream_time(Pointer segment, int format, long position);

    public static native void gst_query_parse_accept_caps(Pointer query, long[] caps);
    public static native void gst_query_set_accept_caps_result(Pointer query, int result);
    public static native Pointer gst_query_new_latency();
    public static native int gst_element_query(Pointer element, Pointer query);
    public static native void gst_query_parse_caps(Pointer query, long[] filter);
    public static native Pointer gst_pad_get_pad_template_caps(Pointer pad);
    public static native int gst_caps_is_fixed(Pointer caps);
    public static native int gst_caps_can_intersect(Pointer a, Pointer b);
    public static native Pointer gst_caps_intersect_full(Pointer a, Pointer b, int mode);
    public static native Pointer gst_pad_peer_query_caps(Pointer pad, Pointer filter);
    public static native void gst_query_set_caps_result(Pointer query, Pointer caps);
    public static native void gst_query_parse_latency(Pointer query, int[] live, long[] min, long[] max);
    public static native void gst_query_set_latency(Pointer query, int live, long min, long max);

    public static native Pointer gst_message_new_element(Pointer src, Pointer structure);
    public static native Pointer gst_message_new_qos(Pointer src, int live, long runningTime, long streamTime,
            long timestamp, long duration);
    public static native void gst_message_set_qos_stats(Pointer message, int format, long processed, long dropped);
    public static native void gst_message_set_qos_values(Pointer message, long jitter, double proportion, int quality);
    public static native int gst_element_post_message(Pointer element, Pointer message);
    public static native Pointer gst_message_new_latency(Pointer src);
    public static native int gst_bin_recalculate_latency(Pointer bin);
    /** Takes ownership of text and debug (g_malloc'ed). */
    public static native void gst_element_message_full(Pointer element, int type, int domain, int code,
            Pointer text, Pointer debug, String file, String function, int line);
    public static native int gst_core_error_quark();
    public static native int gst_stream_error_quark();
    public static native int gst_resource_error_quark();
    public static native int gst_library_error_quark();

    public static native void gst_message_parse_error(Pointer message, long[] gerror, long[] debug);
    public static native void gst_message_parse_warning(Pointer message, long[] gerror, long[] debug);

    public static native Pointer _gst_debug_category_new(String name, int color, String description);
    public static native void gst_debug_log_literal(Pointer category, int level, String file, String function,
            int line, Pointer object, String message);
}

/*
 * Every struct offset, size and enum value the Java element uses, read from the installed GStreamer and
 * GLib headers. One "TYPE NAME value" line each (TYPE is the Java type, int or long), named like the
 * Java constants. The build (layout.sh) turns the output into dev.rvm.gst.natives.Layout, so no number
 * is written by hand; StructLayoutTest compiles this again and compares, so a build made against other
 * headers fails its tests instead of corrupting memory at run time.
 */
#include <gst/gst.h>
#include <stddef.h>
#include <stdio.h>

#define P(name, value) printf("int %s %lld\n", name, (long long) (value))
#define L(name, value) printf("long %s %lld\n", name, (long long) (value))

int main(void) {
    P("GTYPE_QUERY_SIZE", sizeof(GTypeQuery));
    P("GTYPE_QUERY_CLASS_SIZE", offsetof(GTypeQuery, class_size));
    P("GTYPE_QUERY_INSTANCE_SIZE", offsetof(GTypeQuery, instance_size));
    P("GOBJECT_CLASS_SET_PROPERTY", offsetof(GObjectClass, set_property));
    P("GOBJECT_CLASS_GET_PROPERTY", offsetof(GObjectClass, get_property));
    P("GOBJECT_CLASS_FINALIZE", offsetof(GObjectClass, finalize));
    P("GTYPE_CLASS_TYPE", offsetof(GTypeClass, g_type));
    P("GST_ELEMENT_CLASS_CHANGE_STATE", offsetof(GstElementClass, change_state));
    P("GST_ELEMENT_CLASS_REQUEST_NEW_PAD", offsetof(GstElementClass, request_new_pad));
    P("GST_ELEMENT_CLASS_RELEASE_PAD", offsetof(GstElementClass, release_pad));
    P("GST_PAD_TEMPLATE_NAME_TEMPLATE", offsetof(GstPadTemplate, name_template));
    P("GST_MAP_INFO_SIZE", sizeof(GstMapInfo));
    P("GST_MAP_INFO_DATA", offsetof(GstMapInfo, data));
    P("GST_MAP_INFO_SIZE_FIELD", offsetof(GstMapInfo, size));
    P("GST_EVENT_TYPE", offsetof(GstEvent, type));
    P("GST_QUERY_TYPE", offsetof(GstQuery, type));
    P("GST_BUFFER_PTS", offsetof(GstBuffer, pts));
    P("GST_BUFFER_DURATION", offsetof(GstBuffer, duration));
    P("GST_SEGMENT_SIZE", sizeof(GstSegment));
    P("GVALUE_SIZE", sizeof(GValue));
    P("GENUM_VALUE_SIZE", sizeof(GEnumValue));
    P("GENUM_VALUE_VALUE", offsetof(GEnumValue, value));
    P("GENUM_VALUE_NAME", offsetof(GEnumValue, value_name));
    P("GENUM_VALUE_NICK", offsetof(GEnumValue, value_nick));
    P("GERROR_MESSAGE", offsetof(GError, message));
    P("DEBUG_CATEGORY_THRESHOLD", offsetof(GstDebugCategory, threshold));
    P("EVENT_FLUSH_START", GST_EVENT_FLUSH_START);
    P("EVENT_FLUSH_STOP", GST_EVENT_FLUSH_STOP);
    P("EVENT_STREAM_START", GST_EVENT_STREAM_START);
    P("EVENT_CAPS", GST_EVENT_CAPS);
    P("EVENT_SEGMENT", GST_EVENT_SEGMENT);
    P("EVENT_EOS", GST_EVENT_EOS);
    P("EVENT_QOS", GST_EVENT_QOS);
    P("EVENT_SEEK", GST_EVENT_SEEK);
    P("EVENT_TYPE_SERIALIZED", GST_EVENT_TYPE_SERIALIZED);
    P("QUERY_LATENCY", GST_QUERY_LATENCY);
    P("QUERY_CAPS", GST_QUERY_CAPS);
    P("QUERY_ACCEPT_CAPS", GST_QUERY_ACCEPT_CAPS);
    P("STATE_CHANGE_NULL_TO_READY", GST_STATE_CHANGE_NULL_TO_READY);
    P("STATE_CHANGE_READY_TO_PAUSED", GST_STATE_CHANGE_READY_TO_PAUSED);
    P("STATE_CHANGE_PAUSED_TO_READY", GST_STATE_CHANGE_PAUSED_TO_READY);
    P("STATE_CHANGE_READY_TO_NULL", GST_STATE_CHANGE_READY_TO_NULL);
    P("STATE_CHANGE_SUCCESS", GST_STATE_CHANGE_SUCCESS);
    P("STATE_CHANGE_FAILURE", GST_STATE_CHANGE_FAILURE);
    P("FLOW_OK", GST_FLOW_OK);
    P("FLOW_NOT_LINKED", GST_FLOW_NOT_LINKED);
    P("FLOW_FLUSHING", GST_FLOW_FLUSHING);
    P("FLOW_EOS", GST_FLOW_EOS);
    P("FLOW_NOT_NEGOTIATED", GST_FLOW_NOT_NEGOTIATED);
    P("FLOW_ERROR", GST_FLOW_ERROR);
    P("FLOW_NOT_SUPPORTED", GST_FLOW_NOT_SUPPORTED);
    P("PAD_SRC", GST_PAD_SRC);
    P("PAD_SINK", GST_PAD_SINK);
    P("PAD_ALWAYS", GST_PAD_ALWAYS);
    P("PAD_SOMETIMES", GST_PAD_SOMETIMES);
    P("PAD_REQUEST", GST_PAD_REQUEST);
    P("PAD_MODE_PUSH", GST_PAD_MODE_PUSH);
    P("MAP_READ", GST_MAP_READ);
    P("MAP_WRITE", GST_MAP_WRITE);
    P("BUFFER_COPY_FLAGS_AND_TIMESTAMPS", GST_BUFFER_COPY_FLAGS | GST_BUFFER_COPY_TIMESTAMPS);
    P("BUFFER_COPY_METADATA", GST_BUFFER_COPY_METADATA);
    P("GST_META_INFO", offsetof(GstMeta, info));
    P("GST_META_INFO_API", offsetof(GstMetaInfo, api));
    P("QUERY_ALLOCATION", GST_QUERY_ALLOCATION);
    P("FORMAT_TIME", GST_FORMAT_TIME);
    L("CLOCK_TIME_NONE", GST_CLOCK_TIME_NONE);
    P("MESSAGE_ERROR", GST_MESSAGE_ERROR);
    P("MESSAGE_WARNING", GST_MESSAGE_WARNING);
    P("STREAM_ERROR_FAILED", GST_STREAM_ERROR_FAILED);
    P("STREAM_ERROR_FORMAT", GST_STREAM_ERROR_FORMAT);
    P("CORE_ERROR_NEGOTIATION", GST_CORE_ERROR_NEGOTIATION);
    P("RESOURCE_ERROR_NOT_FOUND", GST_RESOURCE_ERROR_NOT_FOUND);
    P("RESOURCE_ERROR_OPEN_READ", GST_RESOURCE_ERROR_OPEN_READ);
    P("LIBRARY_ERROR_INIT", GST_LIBRARY_ERROR_INIT);
    P("LEVEL_ERROR", GST_LEVEL_ERROR);
    P("LEVEL_WARNING", GST_LEVEL_WARNING);
    P("LEVEL_INFO", GST_LEVEL_INFO);
    P("LEVEL_DEBUG", GST_LEVEL_DEBUG);
    P("LEVEL_LOG", GST_LEVEL_LOG);
    P("FORMAT_BUFFERS", GST_FORMAT_BUFFERS);
    P("CAPS_INTERSECT_FIRST", GST_CAPS_INTERSECT_FIRST);
    P("PARAM_READABLE", G_PARAM_READABLE);
    P("PARAM_READWRITE", G_PARAM_READWRITE);
    P("PARAM_MUTABLE_READY", GST_PARAM_MUTABLE_READY);
    P("PARAM_MUTABLE_PLAYING", GST_PARAM_MUTABLE_PLAYING);
    P("SIGNAL_RUN_LAST_ACTION", G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION);
    L("G_TYPE_NONE", G_TYPE_NONE);
    L("G_TYPE_BOOLEAN", G_TYPE_BOOLEAN);
    L("G_TYPE_INT", G_TYPE_INT);
    L("G_TYPE_UINT", G_TYPE_UINT);
    L("G_TYPE_UINT64", G_TYPE_UINT64);
    L("G_TYPE_DOUBLE", G_TYPE_DOUBLE);
    L("G_TYPE_STRING", G_TYPE_STRING);
    return 0;
}

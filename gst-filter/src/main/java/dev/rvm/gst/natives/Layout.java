package dev.rvm.gst.natives;

/**
 * Struct offsets, sizes and enum values from the GStreamer 1.22 / GLib 2.74 headers on x86-64. Not
 * guessed: {@code gst-filter/native/struct-offsets.c} prints them from the headers and
 * {@code StructLayoutTest} compiles it and compares with these numbers.
 */
public final class Layout {
    private Layout() {
    }

    public static final int GTYPE_QUERY_SIZE = 24;
    public static final int GTYPE_QUERY_CLASS_SIZE = 16;
    public static final int GTYPE_QUERY_INSTANCE_SIZE = 20;

    public static final int GOBJECT_CLASS_SET_PROPERTY = 24;
    public static final int GOBJECT_CLASS_GET_PROPERTY = 32;
    public static final int GOBJECT_CLASS_FINALIZE = 48;
    public static final int GST_ELEMENT_CLASS_CHANGE_STATE = 272;

    public static final int GST_MAP_INFO_SIZE = 104;
    public static final int GST_MAP_INFO_DATA = 16;
    public static final int GST_MAP_INFO_SIZE_FIELD = 24;
    public static final int GST_EVENT_TYPE = 64;
    public static final int GST_QUERY_TYPE = 64;
    public static final int GST_BUFFER_PTS = 72;
    public static final int GST_BUFFER_DURATION = 88;
    public static final int GST_SEGMENT_SIZE = 120;
    public static final int GVALUE_SIZE = 24;
    public static final int GENUM_VALUE_SIZE = 24;

    public static final int EVENT_FLUSH_START = 2563;
    public static final int EVENT_FLUSH_STOP = 5127;
    public static final int EVENT_STREAM_START = 10254;
    public static final int EVENT_CAPS = 12814;
    public static final int EVENT_SEGMENT = 17934;
    public static final int EVENT_EOS = 28174;
    public static final int EVENT_QOS = 48641;
    public static final int EVENT_SEEK = 51201;
    public static final int EVENT_TYPE_SERIALIZED = 4;
    public static final int QUERY_LATENCY = 7683;
    public static final int QUERY_CAPS = 43523;
    public static final int QUERY_ACCEPT_CAPS = 40963;

    public static final int STATE_CHANGE_NULL_TO_READY = 10;
    public static final int STATE_CHANGE_READY_TO_PAUSED = 19;
    public static final int STATE_CHANGE_PAUSED_TO_READY = 26;
    public static final int STATE_CHANGE_READY_TO_NULL = 17;
    public static final int STATE_CHANGE_SUCCESS = 1;
    public static final int STATE_CHANGE_FAILURE = 0;

    public static final int FLOW_OK = 0;
    public static final int FLOW_NOT_LINKED = -1;
    public static final int FLOW_FLUSHING = -2;
    public static final int FLOW_EOS = -3;
    public static final int FLOW_NOT_NEGOTIATED = -4;
    public static final int FLOW_ERROR = -5;

    public static final int PAD_SRC = 1;
    public static final int PAD_SINK = 2;
    public static final int PAD_ALWAYS = 0;
    public static final int PAD_MODE_PUSH = 1;

    public static final int MAP_READ = 1;
    public static final int MAP_WRITE = 2;
    public static final int BUFFER_COPY_FLAGS_AND_TIMESTAMPS = 1 | 2;
    public static final int FORMAT_TIME = 3;
    public static final long CLOCK_TIME_NONE = -1L;

    public static final int MESSAGE_ERROR = 1 << 1;
    public static final int MESSAGE_WARNING = 1 << 2;
    public static final int STREAM_ERROR_FAILED = 1;
    public static final int STREAM_ERROR_FORMAT = 11;
    public static final int CORE_ERROR_NEGOTIATION = 7;
    public static final int RESOURCE_ERROR_NOT_FOUND = 3;
    public static final int RESOURCE_ERROR_OPEN_READ = 5;
    public static final int LIBRARY_ERROR_INIT = 3;

    public static final int PARAM_READABLE = 1;
    public static final int PARAM_READWRITE = 3;
    public static final int PARAM_MUTABLE_READY = 1024;
    public static final int PARAM_MUTABLE_PLAYING = 4096;
    public static final int SIGNAL_RUN_LAST_ACTION = 34;

    public static final long G_TYPE_NONE = 4;
    public static final long G_TYPE_BOOLEAN = 20;
    public static final long G_TYPE_INT = 24;
    public static final long G_TYPE_UINT = 28;
    public static final long G_TYPE_UINT64 = 44;
    public static final long G_TYPE_DOUBLE = 60;
    public static final long G_TYPE_STRING = 64;
}

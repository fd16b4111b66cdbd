package dev.rvm.gst.element;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.rvm.gst.gobject.DebugCategory;
import dev.rvm.gst.gobject.ElementInstance;
import dev.rvm.gst.gobject.JavaElementType;
import dev.rvm.gst.natives.Callbacks;
import dev.rvm.gst.natives.GLibNative;
import dev.rvm.gst.natives.GObjectNative;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;
import dev.rvm.matting.Background;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattedFrame;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.MattingStream;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

import static dev.rvm.gst.natives.Layout.FLOW_ERROR;
import static dev.rvm.gst.natives.Layout.FLOW_NOT_NEGOTIATED;
import static dev.rvm.gst.natives.Layout.FLOW_OK;

/**
 * One {@code rvmmatte} instance. The sink pad's thread mattes each frame through the core and hands
 * the results to three {@link OutputPad}s (src = composite, alpha = GRAY8 matte, fgr = RGB foreground),
 * each pushing from its own task. Properties live in an immutable {@link ElementSettings} snapshot; all
 * streaming state lives in {@link Streaming} and is dropped on PAUSED->READY and on flushes.
 */
final class RvmMatte implements ElementInstance {
    static final DebugCategory LOG = new DebugCategory("rvmmatte", "Robust Video Matting element");

    // Pad functions are shared by all instances (they look the instance up by the pad's parent).
    private static final Map<Long, RvmMatte> BY_ELEMENT = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Callbacks.PadFunction SINK_CHAIN = (pad, parent, buffer) -> {
        RvmMatte e = BY_ELEMENT.get(Pointer.nativeValue(parent));
        if (e == null) {
            GstNative.gst_mini_object_unref(buffer);
            return FLOW_ERROR;
        }
        return e.chain(buffer);
    };
    private static final Callbacks.PadFunction SINK_EVENT = (pad, parent, event) -> {
        RvmMatte e = BY_ELEMENT.get(Pointer.nativeValue(parent));
        return e == null ? GstNative.gst_pad_event_default(pad, parent, event) : e.sinkEvent(pad, parent, event);
    };
    private static final Callbacks.PadFunction SINK_QUERY = (pad, parent, query) -> {
        RvmMatte e = BY_ELEMENT.get(Pointer.nativeValue(parent));
        return e == null ? GstNative.gst_pad_query_default(pad, parent, query) : e.sinkQuery(pad, parent, query);
    };
    private static final Callbacks.PadFunction SRC_EVENT = (pad, parent, event) -> {
        RvmMatte e = BY_ELEMENT.get(Pointer.nativeValue(parent));
        return e == null ? GstNative.gst_pad_event_default(pad, parent, event) : e.srcEvent(pad, parent, event);
    };
    private static final Callbacks.PadFunction SRC_QUERY = (pad, parent, query) -> {
        RvmMatte e = BY_ELEMENT.get(Pointer.nativeValue(parent));
        return e == null ? GstNative.gst_pad_query_default(pad, parent, query) : e.srcQuery(pad, parent, query);
    };
    private static final Callbacks.ActivateModeFunction SRC_ACTIVATE = (pad, parent, mode, active) -> {
        RvmMatte e = BY_ELEMENT.get(Pointer.nativeValue(parent));
        return e == null ? 0 : e.activateSrc(pad, mode, active != 0);
    };

    static {
        for (com.sun.jna.Callback cb : List.of(SINK_CHAIN, SINK_EVENT, SINK_QUERY, SRC_EVENT, SRC_QUERY, SRC_ACTIVATE)) {
            JavaElementType.keepThreadsAttached(cb);
        }
    }

    private final Pointer element;
    private final MattingStreamSource streams;
    private final Pointer sinkPad;
    private final OutputPad composite;
    private final OutputPad alpha;
    private final OutputPad foreground;
    private final List<OutputPad> outputs;
    private volatile ElementSettings settings = ElementSettings.DEFAULTS;
    private volatile double lastInferenceMillis;
    private volatile boolean resetRequested;
    /** QoS: running time before which frames are too late to matte; written by src event threads. */
    private volatile long earliestTime = Layout.CLOCK_TIME_NONE;
    /** Opened at NULL->READY, closed at READY->NULL; used only by the streaming thread in between. */
    private MattingStream stream;
    private final Streaming streaming = new Streaming();

    RvmMatte(Pointer element, Map<String, Pointer> pads, MattingStreamSource streams) {
        this.element = element;
        this.streams = streams;
        this.sinkPad = pads.get("sink");
        Object handoff = new Object();
        this.composite = new OutputPad("src", pads.get("src"), handoff);
        this.alpha = new OutputPad("alpha", pads.get("alpha"), handoff);
        this.foreground = new OutputPad("fgr", pads.get("fgr"), handoff);
        this.outputs = List.of(composite, alpha, foreground);
        outputs.forEach(o -> o.setSiblings(outputs));
        GstNative.gst_pad_set_chain_function_full(sinkPad, SINK_CHAIN, null, null);
        GstNative.gst_pad_set_event_function_full(sinkPad, SINK_EVENT, null, null);
        GstNative.gst_pad_set_query_function_full(sinkPad, SINK_QUERY, null, null);
        for (OutputPad out : outputs) {
            GstNative.gst_pad_set_event_function_full(out.pad, SRC_EVENT, null, null);
            GstNative.gst_pad_set_query_function_full(out.pad, SRC_QUERY, null, null);
            GstNative.gst_pad_set_activatemode_function_full(out.pad, SRC_ACTIVATE, null, null);
            GstNative.gst_pad_use_fixed_caps(out.pad);
        }
        BY_ELEMENT.put(Pointer.nativeValue(element), this);
    }

    // ---- properties, signals, states ---------------------------------------------------------

    @Override
    public void setProperty(String name, Object value) {
        synchronized (this) {
            settings = settings.with(name, value);
        }
        LOG.log(DebugCategory.DEBUG, element, "set " + name + " = " + value);
    }

    @Override
    public Object getProperty(String name) {
        return RvmMatteDescriptor.INFERENCE_MS.equals(name) ? lastInferenceMillis : settings.get(name);
    }

    @Override
    public void actionSignal(String name) {
        if ("reset".equals(name)) {
            resetRequested = true;
        }
    }

    @Override
    public boolean beforeTransition(int transition) {
        if (transition == Layout.STATE_CHANGE_NULL_TO_READY) {
            return openStream();
        }
        return true;
    }

    @Override
    public void afterTransition(int transition) {
        if (transition == Layout.STATE_CHANGE_PAUSED_TO_READY) {
            streaming.clear(stream);
            earliestTime = Layout.CLOCK_TIME_NONE;
        } else if (transition == Layout.STATE_CHANGE_READY_TO_NULL) {
            closeStream();
        }
    }

    @Override
    public void dispose() {
        closeStream();
        streaming.clear(null);
        BY_ELEMENT.remove(Pointer.nativeValue(element));
    }

    private boolean openStream() {
        ElementSettings s = settings;
        try {
            s.compositeBackground(); // a bad background picture is a READY failure, not a mid-stream one
            MattingSettings matting = s.matting();
            LOG.log(DebugCategory.INFO, element, "opening matting stream " + matting);
            stream = streams.open(matting);
            return true;
        } catch (RuntimeException | LinkageError e) {
            String text = e.getMessage() != null ? e.getMessage() : e.toString();
            postError(GstNative.gst_resource_error_quark(), Layout.RESOURCE_ERROR_OPEN_READ,
                    "rvmmatte could not start: " + text, stackTrace(e));
            return false;
        }
    }

    private void closeStream() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    // ---- sink pad ------------------------------------------------------------------------------

    private int sinkEvent(Pointer pad, Pointer parent, Pointer event) {
        try {
            int type = event.getInt(Layout.GST_EVENT_TYPE);
            switch (type) {
                case Layout.EVENT_CAPS:
                    return onCaps(event);
                case Layout.EVENT_SEGMENT:
                    GstNative.gst_event_copy_segment(event, streaming.segment);
                    streaming.haveSegment = true;
                    return forwardSerialized(event, false);
                case Layout.EVENT_EOS:
                    drain();
                    return forwardSerialized(event, true);
                case Layout.EVENT_FLUSH_START:
                    for (OutputPad out : outputs) {
                        GstNative.gst_pad_push_event(out.pad, GstNative.gst_mini_object_ref(event));
                        out.flush();
                    }
                    GstNative.gst_mini_object_unref(event);
                    return 1;
                case Layout.EVENT_FLUSH_STOP:
                    streaming.reset(stream);
                    earliestTime = Layout.CLOCK_TIME_NONE;
                    for (OutputPad out : outputs) {
                        GstNative.gst_pad_push_event(out.pad, GstNative.gst_mini_object_ref(event));
                        out.start();
                    }
                    GstNative.gst_mini_object_unref(event);
                    return 1;
                default:
                    if ((type & Layout.EVENT_TYPE_SERIALIZED) != 0) {
                        return forwardSerialized(event, false);
                    }
                    return GstNative.gst_pad_event_default(pad, parent, event);
            }
        } catch (Throwable t) {
            LOG.log(DebugCategory.ERROR, element, "event handling failed: " + t);
            return 0;
        }
    }

    /**
     * Upstream offering exactly one format the element cannot take will fail with a bare
     * "not-negotiated"; say here what is wrong and how to fix it before that happens.
     */
    private int sinkQuery(Pointer pad, Pointer parent, Pointer query) {
        try {
            int type = query.getInt(Layout.GST_QUERY_TYPE);
            if (type == Layout.QUERY_CAPS || type == Layout.QUERY_ACCEPT_CAPS) {
                long[] offered = new long[1];
                if (type == Layout.QUERY_CAPS) {
                    GstNative.gst_query_parse_caps(query, offered);
                } else {
                    GstNative.gst_query_parse_accept_caps(query, offered);
                }
                if (offered[0] != 0) {
                    explainUnusableCaps(pad, new Pointer(offered[0]));
                }
                if (type == Layout.QUERY_CAPS) {
                    Pointer caps = sinkCapsFor(offered[0] != 0 ? new Pointer(offered[0]) : null);
                    GstNative.gst_query_set_caps_result(query, caps);
                    GstNative.gst_mini_object_unref(caps);
                    return 1;
                }
            }
            return GstNative.gst_pad_query_default(pad, parent, query);
        } catch (Throwable t) {
            LOG.log(DebugCategory.ERROR, element, "sink query failed: " + t);
            return 0;
        }
    }

    /**
     * The composite keeps the input's channel order (RGB-first in, RGBA out; BGR-first in, BGRA
     * out), so when downstream of src takes only one of RGBA/BGRA the sink asks upstream for the
     * matching input formats, letting a videoconvert in front pick one that negotiates.
     */
    private Pointer sinkCapsFor(Pointer filter) {
        Pointer downstream = GstNative.gst_pad_peer_query_caps(composite.pad, null);
        boolean rgba = takes(downstream, "RGBA");
        boolean bgra = takes(downstream, "BGRA");
        GstNative.gst_mini_object_unref(downstream);
        String formats = rgba == bgra ? RvmMatteDescriptor.SINK_FORMATS : rgba ? "{ RGB, RGBA, RGBx }" : "{ BGR, BGRA, BGRx }";
        Pointer caps = GstNative.gst_caps_from_string("video/x-raw, format=(string)" + formats + ", " + RvmMatteDescriptor.SIZE);
        if (filter == null) {
            return caps;
        }
        Pointer filtered = GstNative.gst_caps_intersect_full(filter, caps, CAPS_INTERSECT_FIRST);
        GstNative.gst_mini_object_unref(caps);
        return filtered;
    }

    private static final int CAPS_INTERSECT_FIRST = 1;

    private static boolean takes(Pointer downstream, String format) {
        Pointer one = GstNative.gst_caps_from_string("video/x-raw, format=(string)" + format);
        boolean yes = GstNative.gst_caps_can_intersect(downstream, one) != 0;
        GstNative.gst_mini_object_unref(one);
        return yes;
    }

    private void explainUnusableCaps(Pointer pad, Pointer offered) {
        if (GstNative.gst_caps_is_fixed(offered) == 0) {
            return;
        }
        Pointer template = GstNative.gst_pad_get_pad_template_caps(pad);
        boolean formatKnown = GstNative.gst_caps_can_intersect(offered, template) != 0;
        GstNative.gst_mini_object_unref(template);
        Pointer acceptable = sinkCapsFor(null);
        boolean usable = GstNative.gst_caps_can_intersect(offered, acceptable) != 0;
        GstNative.gst_mini_object_unref(acceptable);
        if (!formatKnown) {
            postError(GstNative.gst_core_error_quark(), Layout.CORE_ERROR_NEGOTIATION,
                    "rvmmatte cannot take " + GstNative.gst_caps_to_string(offered)
                            + "; put videoconvert before rvmmatte",
                    "the sink pad takes " + RvmMatteDescriptor.SINK_FORMATS);
        } else if (!usable) {
            postError(GstNative.gst_core_error_quark(), Layout.CORE_ERROR_NEGOTIATION,
                    "rvmmatte cannot turn " + GstNative.gst_caps_to_string(offered)
                            + " into what follows its src pad; put videoconvert before or after rvmmatte",
                    "the composite keeps the input's channel order (RGB-first in: RGBA out, BGR-first in: BGRA out)"
                            + " and the element after src takes only the other one");
        }
    }

    /** Hands a serialized event to every src pad's queue, behind the buffers already there. */
    private int forwardSerialized(Pointer event, boolean eos) {
        for (OutputPad out : outputs) {
            out.pushEvent(GstNative.gst_mini_object_ref(event), eos);
        }
        GstNative.gst_mini_object_unref(event);
        return 1;
    }

    private int onCaps(Pointer event) {
        long[] capsOut = new long[1];
        GstNative.gst_event_parse_caps(event, capsOut);
        Pointer caps = new Pointer(capsOut[0]);
        VideoCaps video = VideoCaps.parse(caps);
        if (video.format() == null || video.width() <= 0 || video.height() <= 0) {
            postError(GstNative.gst_core_error_quark(), Layout.CORE_ERROR_NEGOTIATION,
                    "rvmmatte cannot take " + GstNative.gst_caps_to_string(caps) + " on its sink pad",
                    "supported: packed 8-bit RGB, BGR, RGBA, BGRA, RGBx, BGRx; put videoconvert before rvmmatte");
            GstNative.gst_mini_object_unref(event);
            return 0;
        }
        drain(); // frames still buffered in a chunk belong to the old caps
        LOG.log(DebugCategory.INFO, element, "negotiated " + video);
        streaming.configure(video);
        pushCaps(composite, VideoCaps.derive(caps, video.compositeFormat() == dev.rvm.matting.PixelFormat.RGBA ? "RGBA" : "BGRA", false));
        pushCaps(alpha, VideoCaps.derive(caps, "GRAY8", true));
        pushCaps(foreground, VideoCaps.derive(caps, "RGB", false));
        GstNative.gst_mini_object_unref(event);
        return 1;
    }

    private static void pushCaps(OutputPad out, Pointer caps) {
        Pointer event = GstNative.gst_event_new_caps(caps);
        GstNative.gst_mini_object_unref(caps);
        out.pushEvent(event, false);
    }

    private int chain(Pointer buffer) {
        try {
            VideoCaps video = streaming.video;
            if (video == null || stream == null) {
                GstNative.gst_mini_object_unref(buffer);
                postError(GstNative.gst_core_error_quark(), Layout.CORE_ERROR_NEGOTIATION,
                        "rvmmatte got a buffer before caps", null);
                return FLOW_NOT_NEGOTIATED;
            }
            ElementSettings s = settings;
            applySettings(s);
            if (resetRequested) {
                resetRequested = false;
                streaming.reset(stream);
            }
            if (s.qos() && isLate(buffer)) {
                skipLateFrame(buffer);
                return combinedFlow();
            }
            Memory map = streaming.inMap;
            if (GstNative.gst_buffer_map(buffer, map, Layout.MAP_READ) == 0) {
                GstNative.gst_mini_object_unref(buffer);
                postError(GstNative.gst_stream_error_quark(), Layout.STREAM_ERROR_FAILED,
                        "rvmmatte could not read an input buffer", null);
                return FLOW_ERROR;
            }
            try {
                FrameLayout layout = streaming.inLayout;
                long size = map.getLong(Layout.GST_MAP_INFO_SIZE_FIELD);
                if (size < layout.byteSize()) {
                    postError(GstNative.gst_stream_error_quark(), Layout.STREAM_ERROR_FORMAT,
                            "rvmmatte got a " + size + "-byte buffer for a " + layout + " frame", null);
                    return FLOW_ERROR;
                }
                ByteBuffer pixels = map.getPointer(Layout.GST_MAP_INFO_DATA).getByteBuffer(0, size);
                // the pending list keeps its own reference: the result may come chunks later
                long tag = streaming.remember(GstNative.gst_mini_object_ref(buffer));
                streaming.latency.arrived(tag, System.nanoTime());
                stream.submit(pixels, layout, tag, this::onResult);
            } finally {
                GstNative.gst_buffer_unmap(buffer, map);
                GstNative.gst_mini_object_unref(buffer);
            }
            return combinedFlow();
        } catch (Throwable t) {
            postError(GstNative.gst_stream_error_quark(), Layout.STREAM_ERROR_FAILED,
                    "rvmmatte failed on a frame: " + (t.getMessage() != null ? t.getMessage() : t), stackTrace(t));
            return FLOW_ERROR;
        }
    }

    private int combinedFlow() {
        return FlowCombiner.combine(composite.lastFlow(), alpha.lastFlow(), foreground.lastFlow());
    }

    /** Ratio and chunk changes need no new session; the core applies them between frames. */
    private void applySettings(ElementSettings s) {
        MattingSettings wanted = s.matting();
        if (!wanted.equals(stream.settings())) {
            stream.update(wanted);
        }
    }

    private void drain() {
        if (stream != null && streaming.video != null) {
            stream.drain(this::onResult);
        }
    }

    /** Turns one matted frame into a buffer per linked src pad; unlinked pads cost nothing. */
    private void onResult(MattedFrame frame) {
        Pointer input = streaming.take(frame.tag());
        try {
            lastInferenceMillis = frame.inferenceMillis();
            VideoCaps video = streaming.video;
            if (composite.isLinked()) {
                FrameLayout layout = streaming.compositeLayout;
                Background bg = settings.compositeBackground();
                Pointer out = newFrame(input, layout.byteSize());
                frame.writeComposite(bg, mapForWrite(out), layout);
                unmapOut(out);
                composite.pushBuffer(out);
            }
            if (alpha.isLinked()) {
                Pointer out = newFrame(input, video.alphaSize());
                ByteBuffer pixels = mapForWrite(out);
                frame.writeAlpha(pixels, video.alphaStride());
                streaming.keepAlpha(pixels);
                unmapOut(out);
                alpha.pushBuffer(out);
            }
            if (foreground.isLinked()) {
                FrameLayout layout = streaming.foregroundLayout;
                Pointer out = newFrame(input, (long) layout.stride() * layout.height());
                frame.writeForeground(mapForWrite(out), layout);
                unmapOut(out);
                foreground.pushBuffer(out);
            }
            if (settings.postMessages()) {
                postInferenceMessage(input, frame.inferenceMillis());
            }
            if (streaming.latency.finished(frame.tag(), System.nanoTime())) {
                GstNative.gst_element_post_message(element, GstNative.gst_message_new_latency(element));
            }
        } finally {
            if (input != null) {
                GstNative.gst_mini_object_unref(input);
            }
        }
    }

    private static Pointer newFrame(Pointer input, long size) {
        Pointer out = GstNative.gst_buffer_new_allocate(null, size, null);
        if (input != null) {
            GstNative.gst_buffer_copy_into(out, input, Layout.BUFFER_COPY_FLAGS_AND_TIMESTAMPS, 0, -1);
        }
        return out;
    }

    private ByteBuffer mapForWrite(Pointer buffer) {
        Memory map = streaming.outMap;
        if (GstNative.gst_buffer_map(buffer, map, Layout.MAP_WRITE) == 0) {
            throw new IllegalStateException("could not map an output buffer for writing");
        }
        return map.getPointer(Layout.GST_MAP_INFO_DATA).getByteBuffer(0, map.getLong(Layout.GST_MAP_INFO_SIZE_FIELD));
    }

    private void unmapOut(Pointer buffer) {
        GstNative.gst_buffer_unmap(buffer, streaming.outMap);
    }

    // ---- QoS -------------------------------------------------------------------------------------

    private boolean isLate(Pointer buffer) {
        long earliest = earliestTime;
        if (earliest == Layout.CLOCK_TIME_NONE || !streaming.haveSegment || streaming.pendingCount() > 0) {
            return false;
        }
        long pts = buffer.getLong(Layout.GST_BUFFER_PTS);
        if (pts == Layout.CLOCK_TIME_NONE) {
            return false;
        }
        long running = GstNative.gst_segment_to_running_time(streaming.segment, Layout.FORMAT_TIME, pts);
        return running != Layout.CLOCK_TIME_NONE && Long.compareUnsigned(running, earliest) < 0;
    }

    /**
     * A frame that would arrive too late anyway: no inference; the alpha pad repeats the last matte
     * (alpha keeps its rate for alphacombine), src and fgr get a GAP, and a QoS message says so.
     */
    private void skipLateFrame(Pointer buffer) {
        long pts = buffer.getLong(Layout.GST_BUFFER_PTS);
        long duration = buffer.getLong(Layout.GST_BUFFER_DURATION);
        streaming.dropped++;
        if (alpha.isLinked() && streaming.lastAlpha != null) {
            Pointer out = newFrame(buffer, streaming.lastAlpha.capacity());
            mapForWrite(out).put(streaming.lastAlpha.duplicate());
            unmapOut(out);
            alpha.pushBuffer(out);
        }
        for (OutputPad out : List.of(composite, foreground)) {
            out.pushEvent(GstNative.gst_event_new_gap(pts, duration), false);
        }
        long running = GstNative.gst_segment_to_running_time(streaming.segment, Layout.FORMAT_TIME, pts);
        long streamTime = GstNative.gst_segment_to_stream_time(streaming.segment, Layout.FORMAT_TIME, pts);
        Pointer msg = GstNative.gst_message_new_qos(element, 0, running, streamTime, pts, duration);
        GstNative.gst_message_set_qos_stats(msg, 4 /* GST_FORMAT_BUFFERS */, streaming.processed, streaming.dropped);
        GstNative.gst_element_post_message(element, msg);
        LOG.log(DebugCategory.DEBUG, element, "late frame at running time " + running + " skipped");
        GstNative.gst_mini_object_unref(buffer);
    }

    // ---- src pads --------------------------------------------------------------------------------

    private int activateSrc(Pointer pad, int mode, boolean active) {
        try {
            for (OutputPad out : outputs) {
                if (out.pad.equals(pad)) {
                    if (active) {
                        out.start();
                    } else {
                        out.stop();
                    }
                    return 1;
                }
            }
            return 0;
        } catch (Throwable t) {
            LOG.log(DebugCategory.ERROR, element, "pad activation failed: " + t);
            return 0;
        }
    }

    private int srcEvent(Pointer pad, Pointer parent, Pointer event) {
        try {
            int type = event.getInt(Layout.GST_EVENT_TYPE);
            if (type == Layout.EVENT_QOS && pad.equals(composite.pad)) {
                int[] qosType = new int[1];
                double[] proportion = new double[1];
                long[] diff = new long[1];
                long[] timestamp = new long[1];
                GstNative.gst_event_parse_qos(event, qosType, proportion, diff, timestamp);
                earliestTime = diff[0] > 0 ? timestamp[0] + diff[0] : Layout.CLOCK_TIME_NONE;
            } else if (type == Layout.EVENT_SEEK) {
                // Three sinks each send the application's seek; upstream must see it once.
                int seqnum = GstNative.gst_event_get_seqnum(event);
                synchronized (streaming) {
                    if (seqnum == streaming.lastSeekSeqnum) {
                        GstNative.gst_mini_object_unref(event);
                        return 1;
                    }
                    streaming.lastSeekSeqnum = seqnum;
                }
            }
            return GstNative.gst_pad_event_default(pad, parent, event);
        } catch (Throwable t) {
            LOG.log(DebugCategory.ERROR, element, "src event failed: " + t);
            return 0;
        }
    }

    private int srcQuery(Pointer pad, Pointer parent, Pointer query) {
        try {
            if (query.getInt(Layout.GST_QUERY_TYPE) == Layout.QUERY_LATENCY) {
                if (GstNative.gst_pad_peer_query(sinkPad, query) == 0) {
                    return 0;
                }
                int[] live = new int[1];
                long[] min = new long[1];
                long[] max = new long[1];
                GstNative.gst_query_parse_latency(query, live, min, max);
                long own = ownLatencyNanos();
                GstNative.gst_query_set_latency(query, live[0], min[0] + own,
                        max[0] == Layout.CLOCK_TIME_NONE ? max[0] : max[0] + own);
                return 1;
            }
            return GstNative.gst_pad_query_default(pad, parent, query);
        } catch (Throwable t) {
            LOG.log(DebugCategory.ERROR, element, "src query failed: " + t);
            return 0;
        }
    }

    /** Latency the element adds: its measured processing time and the chunk's wait ({@link ProcessingLatency}). */
    long ownLatencyNanos() {
        VideoCaps video = streaming.video;
        long period = video == null ? 0 : video.frameDurationNanos();
        long own = streaming.latency.answer(period, settings.seqChunk());
        LOG.log(DebugCategory.DEBUG, element, "latency answered: " + own / 1_000_000.0 + " ms");
        return own;
    }

    // ---- messages --------------------------------------------------------------------------------

    private void postInferenceMessage(Pointer input, double millis) {
        Pointer s = GstNative.gst_structure_new_empty("rvmmatte");
        Memory v = streaming.gvalue;
        v.clear();
        GObjectNative.g_value_init(v, Layout.G_TYPE_DOUBLE);
        GObjectNative.g_value_set_double(v, millis);
        GstNative.gst_structure_set_value(s, "inference-ms", v);
        GObjectNative.g_value_unset(v);
        v.clear();
        GObjectNative.g_value_init(v, Layout.G_TYPE_UINT64);
        GObjectNative.g_value_set_uint64(v, input == null ? Layout.CLOCK_TIME_NONE : input.getLong(Layout.GST_BUFFER_PTS));
        GstNative.gst_structure_set_value(s, "timestamp", v);
        GObjectNative.g_value_unset(v);
        GstNative.gst_element_post_message(element, GstNative.gst_message_new_element(element, s));
    }

    void postError(int domain, int code, String text, String debug) {
        LOG.log(DebugCategory.ERROR, element, text + (debug == null ? "" : " (" + debug + ")"));
        GstNative.gst_element_message_full(element, Layout.MESSAGE_ERROR, domain, code, GLibNative.g_strdup(text),
                debug == null ? null : GLibNative.g_strdup(debug), "RvmMatte.java", "rvmmatte", 0);
    }

    /** A failure the user can fix gets its cause chain; a bug gets the whole stack trace. */
    private static String stackTrace(Throwable t) {
        if (t instanceof dev.rvm.matting.MattingException || t instanceof IllegalArgumentException) {
            StringBuilder chain = new StringBuilder(t.getClass().getName());
            for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
                chain.append("\ncaused by ").append(c);
            }
            return chain.toString();
        }
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    // ---- streaming state ---------------------------------------------------------------------------

    /** What the stream has negotiated and carries between frames; touched by the streaming thread. */
    private final class Streaming {
        final Memory inMap = new Memory(Layout.GST_MAP_INFO_SIZE);
        final Memory outMap = new Memory(Layout.GST_MAP_INFO_SIZE);
        final Memory segment = new Memory(Layout.GST_SEGMENT_SIZE);
        final Memory gvalue = new Memory(Layout.GVALUE_SIZE);
        final ProcessingLatency latency = new ProcessingLatency();
        boolean haveSegment;
        volatile VideoCaps video;
        FrameLayout inLayout;
        FrameLayout compositeLayout;
        FrameLayout foregroundLayout;
        /** Input buffers (reffed) whose results are still to come, in submit order. */
        private final ArrayDeque<long[]> pending = new ArrayDeque<>();
        private long nextTag;
        /** The last matte, repeated on the alpha pad when QoS skips a frame. */
        ByteBuffer lastAlpha;
        long processed;
        long dropped;
        int lastSeekSeqnum = -1;

        void configure(VideoCaps v) {
            video = v;
            inLayout = v.layout();
            compositeLayout = v.compositeLayout();
            foregroundLayout = v.foregroundLayout();
            lastAlpha = null;
        }

        void keepAlpha(ByteBuffer written) {
            if (lastAlpha == null || lastAlpha.capacity() != written.remaining()) {
                lastAlpha = ByteBuffer.allocateDirect(written.remaining());
            }
            lastAlpha.clear();
            lastAlpha.put(written.duplicate());
            lastAlpha.flip();
        }

        long remember(Pointer buffer) {
            long tag = nextTag++;
            pending.addLast(new long[] {tag, Pointer.nativeValue(buffer)});
            return tag;
        }

        int pendingCount() {
            return pending.size();
        }

        /** The input buffer submitted with this tag (ownership passes to the caller), or null. */
        Pointer take(long tag) {
            processed++;
            while (!pending.isEmpty()) {
                long[] head = pending.pollFirst();
                if (head[0] == tag) {
                    return new Pointer(head[1]);
                }
                GstNative.gst_mini_object_unref(new Pointer(head[1]));
            }
            return null;
        }

        /** FLUSH and the reset signal: forget temporal memory and frames waiting in a chunk. */
        void reset(MattingStream s) {
            if (s != null) {
                s.reset();
            }
            dropPending();
            lastAlpha = null;
        }

        /** PAUSED->READY: everything negotiated goes too. */
        void clear(MattingStream s) {
            reset(s);
            video = null;
            haveSegment = false;
            processed = 0;
            dropped = 0;
            latency.reset();
            lastSeekSeqnum = -1;
        }

        private void dropPending() {
            for (long[] p : pending) {
                GstNative.gst_mini_object_unref(new Pointer(p[1]));
            }
            pending.clear();
        }
    }
}

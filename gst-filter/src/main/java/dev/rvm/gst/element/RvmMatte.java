package dev.rvm.gst.element;

import com.sun.jna.Pointer;
import dev.rvm.gst.descriptor.Statistic;
import dev.rvm.gst.gobject.DebugCategory;
import dev.rvm.gst.gobject.ElementInstance;
import dev.rvm.gst.gobject.ErrorText;
import dev.rvm.gst.gobject.PadFunctions;
import dev.rvm.gst.natives.GstNative;
import dev.rvm.gst.natives.Layout;
import dev.rvm.matting.Background;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattedFrame;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.MattingStream;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.settings.Setting;
import dev.rvm.matting.settings.SettingValues;

import java.nio.ByteBuffer;
import java.util.Map;

import static dev.rvm.gst.natives.Layout.FLOW_ERROR;
import static dev.rvm.gst.natives.Layout.FLOW_NOT_NEGOTIATED;

/**
 * One {@code rvmmatte} instance. The sink pad's thread mattes each frame through the core and hands
 * the results to the src pads ({@link OutputPads}: src = composite, and on request alpha = GRAY8 matte,
 * fgr = RGB foreground), each pushing from its own task; a requested {@code background} pad brings the
 * video the person is composited over ({@link BackgroundInput}). Property values are an immutable
 * {@link SettingValues} swapped on each write; everything a stream carries is in {@link State},
 * replaced on PAUSED->READY. Negotiation, request pads, QoS, latency and bus messages have their own
 * classes; this one dispatches.
 */
final class RvmMatte implements ElementInstance {
    static final DebugCategory LOG = new DebugCategory("rvmmatte", "Robust Video Matting element");

    /** Property values and the core's settings derived from them, read as one by the streaming thread. */
    private record Settings(SettingValues values, MattingSettings matting) {
        Settings(SettingValues values) {
            this(values, SettingsTable.matting(values));
        }
    }

    private final Pointer element;
    private final MattingStreamSource streams;
    private final Pointer sinkPad;
    private final Pointer srcPad;
    private final OutputPads outputs = new OutputPads(LOG);
    private final FrameOutputs frames = new FrameOutputs(outputs);
    private final ElementMessages messages;
    private final Negotiation negotiation;
    private final RequestPads requests;
    private final Qos qos;
    private volatile Settings settings = new Settings(RvmMatteDescriptor.SETTINGS.defaults());
    private volatile double lastInferenceMillis;
    private volatile boolean resetRequested;
    /** Opened at NULL->READY, closed at READY->NULL; used only by the streaming thread in between. */
    private MattingStream stream;
    private volatile State state = new State();
    private final MattingStream.ResultHandler onResult = this::onResult;

    RvmMatte(Pointer element, Map<String, Pointer> pads, MattingStreamSource streams) {
        this.element = element;
        this.streams = streams;
        this.messages = new ElementMessages(element, LOG);
        this.negotiation = new Negotiation(outputs, messages);
        this.requests = new RequestPads(element, outputs, messages, LOG);
        this.qos = new Qos(element, LOG, outputs, frames, messages);
        this.sinkPad = pads.get("sink");
        PadFunctions.sink(sinkPad);
        srcPad = pads.get(Output.COMPOSITE.padName);
        outputs.add(Output.COMPOSITE, srcPad);
    }

    // ---- properties, signals, states ---------------------------------------------------------

    @Override
    public DebugCategory log() {
        return LOG;
    }

    @Override
    public synchronized void set(Setting<?> setting, Object value) {
        settings = new Settings(settings.values().withObject(setting, value));
    }

    @Override
    public Object get(Setting<?> setting) {
        return settings.values().get(setting);
    }

    @Override
    public double read(Statistic statistic) {
        return statistic.equals(RvmMatteDescriptor.INFERENCE_MS) ? lastInferenceMillis : 0;
    }

    @Override
    public void actionSignal(String name) {
        if (RvmMatteDescriptor.RESET_SIGNAL.equals(name)) {
            resetRequested = true;
        }
    }

    @Override
    public boolean beforeTransition(int transition) {
        BackgroundInput bg = requests.background();
        if (bg != null && transition == Layout.STATE_CHANGE_PAUSED_TO_READY) {
            bg.personFlushing(); // a chain waiting for the background must let the sink deactivate
        } else if (bg != null && transition == Layout.STATE_CHANGE_READY_TO_PAUSED) {
            bg.personResumed();
        }
        return transition != Layout.STATE_CHANGE_NULL_TO_READY || openStream();
    }

    @Override
    public void afterTransition(int transition) {
        if (transition == Layout.STATE_CHANGE_PAUSED_TO_READY) {
            State old = state;
            state = new State();
            old.release(stream);
            requests.dropReleased();
        } else if (transition == Layout.STATE_CHANGE_READY_TO_NULL) {
            closeStream();
        }
    }

    @Override
    public Pointer requestPad(String templateName, Pointer template) {
        return requests.request(templateName, template);
    }

    @Override
    public void releasePad(Pointer pad) {
        requests.release(pad);
    }

    @Override
    public void dispose() {
        closeStream();
        state.release(null);
        requests.dispose();
    }

    /** A bad background picture or model is a READY failure, not a mid-stream one. */
    private boolean openStream() {
        SettingValues s = settings.values();
        try {
            SettingsTable.background(s);
            MattingSettings matting = SettingsTable.matting(s);
            LOG.log(DebugCategory.INFO, element, "opening matting stream " + matting);
            stream = streams.open(matting);
            return true;
        } catch (RuntimeException | LinkageError e) {
            messages.error(GstNative.gst_resource_error_quark(), Layout.RESOURCE_ERROR_OPEN_READ,
                    "rvmmatte could not start: " + ErrorText.message(e), ErrorText.detail(e));
            return false;
        }
    }

    private void closeStream() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    // ---- pad functions -----------------------------------------------------------------------

    @Override
    public boolean event(Pointer pad, Pointer parent, Pointer event) {
        BackgroundInput bg = requests.background();
        if (bg != null && pad.equals(bg.pad)) {
            return bg.event(event);
        }
        return pad.equals(sinkPad) ? sinkEvent(pad, parent, event) : srcEvent(pad, parent, event);
    }

    @Override
    public boolean query(Pointer pad, Pointer parent, Pointer query) {
        int type = query.getInt(Layout.GST_QUERY_TYPE);
        BackgroundInput bg = requests.background();
        if (bg != null && pad.equals(bg.pad)) {
            return bg.query(query);
        }
        if (pad.equals(sinkPad)) {
            if (type == Layout.QUERY_ALLOCATION) {
                return false; // downstream's pools and metas are for src's formats, not for what the sink takes
            }
            return negotiation.answersSinkQuery(pad, query, type) || GstNative.gst_pad_query_default(pad, parent, query) != 0;
        }
        if (type == Layout.QUERY_LATENCY) {
            return Latency.answer(sinkPad, query, state, settings.matting().seqChunk());
        }
        return GstNative.gst_pad_query_default(pad, parent, query) != 0;
    }

    @Override
    public boolean activateMode(Pointer pad, int mode, boolean active) {
        BackgroundInput bg = requests.background();
        if (bg != null && pad.equals(bg.pad)) {
            bg.setFlushing(!active);
            return true;
        }
        OutputPad out = outputs.find(pad);
        if (out == null) {
            return !active; // a released pad, already stopped
        }
        if (active) {
            out.start();
        } else {
            out.stop();
        }
        return true;
    }

    private boolean sinkEvent(Pointer pad, Pointer parent, Pointer event) {
        State st = state;
        int type = event.getInt(Layout.GST_EVENT_TYPE);
        if ((type & Layout.EVENT_TYPE_SERIALIZED) != 0) {
            outputs.prime(st, negotiation); // serialized events hold the stream lock: the chain is not running
        }
        BackgroundInput bg = requests.background();
        switch (type) {
            case Layout.EVENT_CAPS:
                return onCaps(st, event);
            case Layout.EVENT_STREAM_START:
                st.keepStreamStart(event);
                outputs.pushSerialized(event, false);
                return true;
            case Layout.EVENT_SEGMENT:
                GstNative.gst_event_copy_segment(event, st.segment);
                st.haveSegment = true;
                st.keepSegment(event);
                outputs.pushSerialized(event, false);
                return true;
            case Layout.EVENT_EOS:
                drain(st);
                if (bg != null) {
                    bg.personEnded();
                }
                outputs.pushSerialized(event, true);
                return true;
            case Layout.EVENT_FLUSH_START:
                if (bg != null) {
                    bg.personFlushing();
                }
                outputs.flushStart(event);
                return true;
            case Layout.EVENT_FLUSH_STOP:
                st.forget(stream);
                st.earliestTime = Layout.CLOCK_TIME_NONE;
                if (bg != null) {
                    bg.personResumed();
                }
                outputs.flushStop(event);
                return true;
            default:
                if ((type & Layout.EVENT_TYPE_SERIALIZED) != 0) {
                    outputs.pushSerialized(event, false);
                    return true;
                }
                return GstNative.gst_pad_event_default(pad, parent, event) != 0;
        }
    }

    private boolean onCaps(State st, Pointer event) {
        VideoCaps video = negotiation.parseSinkCaps(event);
        if (video == null) {
            GstNative.gst_mini_object_unref(event);
            return false;
        }
        drain(st); // frames still buffered in a chunk belong to the old caps
        st.configure(video, Negotiation.capsOf(event));
        boolean opaque = opaque(settings.values());
        CompositeFormat composite = negotiation.chooseComposite(st, opaque);
        GstNative.gst_mini_object_unref(event);
        if (composite == null) {
            negotiation.compositeRefused(st, opaque);
            return false;
        }
        st.compositeFormat = composite;
        st.opaque = opaque;
        LOG.log(DebugCategory.INFO, element, "negotiated " + video + ", composite " + composite.gstName);
        negotiation.pushSrcCaps(st);
        return true;
    }

    /** Something is behind the person, so the composite needs no alpha and may be YUV. */
    private boolean opaque(SettingValues values) {
        return requests.background() != null || values.get(SettingsTable.BACKGROUND) != Background.Kind.TRANSPARENT;
    }


    private boolean srcEvent(Pointer pad, Pointer parent, Pointer event) {
        int type = event.getInt(Layout.GST_EVENT_TYPE);
        OutputPad composite = outputs.get(Output.COMPOSITE);
        if (type == Layout.EVENT_QOS && composite != null && pad.equals(composite.pad)) {
            Qos.onQosEvent(state, event);
        } else if (type == Layout.EVENT_SEEK && !state.firstSeek(GstNative.gst_event_get_seqnum(event))) {
            GstNative.gst_mini_object_unref(event); // each sink sends the application's seek; upstream needs one
            return true;
        }
        return GstNative.gst_pad_event_default(pad, parent, event) != 0;
    }

    // ---- the stream ----------------------------------------------------------------------------

    @Override
    public int chain(Pointer pad, Pointer buffer) {
        BackgroundInput bg = requests.background();
        if (bg != null && pad.equals(bg.pad)) {
            return bg.chain(buffer);
        }
        State st = state;
        if (st.video == null || stream == null) {
            GstNative.gst_mini_object_unref(buffer);
            messages.notNegotiated("rvmmatte got a buffer before caps", null);
            return FLOW_NOT_NEGOTIATED;
        }
        outputs.prime(st, negotiation);
        Settings s = settings;
        boolean opaque = opaque(s.values());
        if (opaque != st.opaque || GstNative.gst_pad_check_reconfigure(srcPad) != 0) {
            negotiation.renegotiate(st, opaque);
        }
        if (!s.matting().equals(stream.settings())) {
            stream.update(s.matting()); // ratio and chunk need no new session; the core applies them between frames
        }
        if (resetRequested) {
            resetRequested = false;
            st.forget(stream);
        }
        if (s.values().get(RvmMatteDescriptor.QOS) && Qos.isLate(st, buffer)) {
            qos.skip(st, buffer);
            return outputs.combinedFlow();
        }
        ByteBuffer pixels = st.inMap.map(buffer, Layout.MAP_READ);
        if (pixels == null) {
            GstNative.gst_mini_object_unref(buffer);
            messages.error(GstNative.gst_stream_error_quark(), Layout.STREAM_ERROR_FAILED,
                    "rvmmatte could not read an input buffer", null);
            return FLOW_ERROR;
        }
        try {
            FrameLayout layout = st.inLayout;
            if (st.inMap.size() < layout.byteSize()) {
                messages.error(GstNative.gst_stream_error_quark(), Layout.STREAM_ERROR_FORMAT,
                        "rvmmatte got a " + st.inMap.size() + "-byte buffer for a " + layout + " frame", null);
                return FLOW_ERROR;
            }
            // the pending list keeps its own reference: the result may come chunks later
            long tag = st.remember(GstNative.gst_mini_object_ref(buffer));
            st.latency.arrived(tag, System.nanoTime());
            stream.submit(pixels, layout, tag, onResult);
        } finally {
            st.inMap.unmap(buffer);
            GstNative.gst_mini_object_unref(buffer);
        }
        return outputs.combinedFlow();
    }

    @Override
    public void chainFailed(Pointer pad, Throwable failure) {
        messages.error(GstNative.gst_stream_error_quark(), Layout.STREAM_ERROR_FAILED,
                "rvmmatte failed on a frame: " + ErrorText.message(failure), ErrorText.detail(failure));
    }

    private void drain(State st) {
        if (stream != null && st.video != null) {
            stream.drain(onResult);
        }
    }

    /** One matted frame: a buffer per linked src pad, then the inference message when asked for. */
    private void onResult(MattedFrame frame) {
        State st = state;
        Pointer input = st.take(frame.tag());
        BackgroundInput bg = requests.background();
        try {
            lastInferenceMillis = frame.inferenceMillis();
            SettingValues s = settings.values();
            frames.push(st, frame, input, Backdrop.forFrame(st, input, s, bg));
            if (s.get(RvmMatteDescriptor.POST_MESSAGES)) {
                messages.inference(input, frame.inferenceMillis(), st.gvalue);
            }
            if (st.latency.finished(frame.tag(), System.nanoTime())) {
                GstNative.gst_element_post_message(element, GstNative.gst_message_new_latency(element));
            }
        } finally {
            if (bg != null) {
                bg.releaseHeld();
            }
            if (input != null) {
                GstNative.gst_mini_object_unref(input);
            }
        }
    }
}

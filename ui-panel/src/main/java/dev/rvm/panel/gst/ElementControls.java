package dev.rvm.panel.gst;

import dev.rvm.panel.PanelThreads;
import dev.rvm.matting.Device;
import dev.rvm.matting.MattingException;
import dev.rvm.matting.preset.BackgroundChoice;
import dev.rvm.panel.control.MattingControls;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Format;
import org.freedesktop.gstreamer.GstObject;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.event.SeekFlags;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@link MattingControls} over an {@code rvmmatte} element, by its GObject properties. Ratio, chunk
 * and background change while playing. Model and device choose the network session, which the element
 * opens when it starts, so those changes stop the pipeline, set the property, and resume at the same
 * position; if the element then fails to start, the old value is put back and the pipeline resumed.
 */
public final class ElementControls implements MattingControls, AutoCloseable {

    private static final long START_TIMEOUT_S = 20;
    /** A second failure this soon after a restart means restarting does not help. */
    private static final long RESTART_GUARD_NS = TimeUnit.SECONDS.toNanos(10);

    private final Element matte;
    private final Pipeline pipeline;
    private volatile Listener listener;
    private volatile String lastError;
    private final Bus.ERROR busErrors = this::onBusError;
    private final ExecutorService recovery = PanelThreads.single("rvm-panel-recovery");
    // state changes made by the panel are synchronized on this, never two at once
    private volatile boolean changingState;
    private long lastRestart = Long.MIN_VALUE / 2;

    public ElementControls(Element matte, Pipeline pipeline) {
        this.matte = Objects.requireNonNull(matte, "matte");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        pipeline.getBus().connect(busErrors);
    }

    public Element element() {
        return matte;
    }

    @Override
    public void setListener(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void setModel(String model) {
        if (!model.equals(matte.get("model"))) {
            whileStopped("model", model);
        }
    }

    @Override
    public void setDevice(Device device) {
        if (!(matte.get("device") instanceof Number n && n.intValue() == device.ordinal())) {
            whileStopped("device", device.ordinal());
        }
    }

    @Override
    public void setDownsampleRatio(float ratio) {
        matte.set("downsample-ratio", ratio);
    }

    @Override
    public void setSeqChunk(int frames) {
        matte.set("seq-chunk", frames);
    }

    @Override
    public void setBackground(BackgroundChoice b) {
        MattePresets.applyBackground(matte, b);
    }

    @Override
    public void reset() {
        matte.emit("reset");
    }

    @Override
    public double lastInferenceMillis() {
        if (!matte.listPropertyNames().contains("inference-ms")) {
            return Double.NaN;
        }
        return matte.get("inference-ms") instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private void onBusError(GstObject source, int code, String message) {
        String text = (source == null ? "pipeline" : source.getName()) + ": " + message;
        lastError = text;
        report(text);
        if (!changingState && source != null && matte.getName().equals(source.getName())) {
            recovery.execute(() -> restartAfter(text));
        }
    }

    /**
     * A frame the element could not matte stops the pipeline; start it again where it was, so one bad
     * moment (or a setting the model refused) does not end the session. Gives up if it fails again at once.
     */
    private synchronized void restartAfter(String error) {
        if (changingState) {
            return; // the panel's own stop/start reports its failure itself
        }
        long now = System.nanoTime();
        if (now - lastRestart < RESTART_GUARD_NS) {
            report(error + " (stopped: it failed again right after a restart; change the settings and press play)");
            return;
        }
        lastRestart = now;
        long position = pipeline.queryPosition(Format.TIME);
        pipeline.setState(State.NULL);
        if (resume(State.PLAYING, position)) {
            report(String.format(Locale.ROOT, "%s (restarted at %.1f s)", error, Math.max(0, position) / 1e9));
        }
    }

    private void report(String text) {
        Listener l = listener;
        if (l != null) {
            l.onError(text);
        }
    }

    @Override
    public void close() {
        pipeline.getBus().disconnect(busErrors);
        recovery.shutdownNow();
    }

    /** Sets a property the element reads only when it starts, keeping the playback position. */
    private synchronized void whileStopped(String property, Object value) {
        changingState = true;
        try {
            stopSetResume(property, value);
        } finally {
            changingState = false;
        }
    }

    private void stopSetResume(String property, Object value) {
        State before = pipeline.getState(TimeUnit.SECONDS.toNanos(5));
        if (before == State.NULL || before == State.VOID_PENDING) {
            matte.set(property, value);
            return;
        }
        Object old = matte.get(property);
        long position = pipeline.queryPosition(Format.TIME);
        lastError = null;
        pipeline.setState(State.NULL);
        matte.set(property, value);
        if (resume(before, position)) {
            return;
        }
        String why = awaitError();
        pipeline.setState(State.NULL);
        matte.set(property, old);
        resume(before, position);
        throw new MattingException(String.format(Locale.ROOT, "%s %s did not start%s; kept %s", property, value,
                why == null ? "" : " (" + why + ")", old));
    }

    /** The element's error message arrives on the bus a moment after the failed state change. */
    private String awaitError() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (lastError == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return lastError;
    }

    private boolean resume(State target, long position) {
        pipeline.setState(State.PAUSED);
        State reached = pipeline.getState(TimeUnit.SECONDS.toNanos(START_TIMEOUT_S));
        if (reached != State.PAUSED && reached != State.PLAYING) {
            return false;
        }
        if (position > 0) {
            pipeline.seekSimple(Format.TIME, EnumSet.of(SeekFlags.FLUSH, SeekFlags.ACCURATE), position);
            pipeline.getState(TimeUnit.SECONDS.toNanos(START_TIMEOUT_S));
        }
        pipeline.setState(target);
        return true;
    }
}

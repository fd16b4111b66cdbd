package dev.rvm.panel.gst;

import dev.rvm.gst.MatteProperties;
import dev.rvm.gst.RvmMatteElement;
import dev.rvm.panel.control.PanelThreads;
import dev.rvm.matting.Background;
import dev.rvm.matting.MattingException;
import dev.rvm.matting.edges.EdgeSettings;
import dev.rvm.matting.preset.BackgroundChoice;
import dev.rvm.matting.settings.Setting;
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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link MattingControls} over an {@code rvmmatte} element, by its GObject properties, and a video
 * background through its background pad ({@link VideoBackground}). Live settings (ratio, chunk,
 * background) change while playing. The others (model, device, threads) choose the
 * network session, which the element opens when it starts, so those changes stop the pipeline, set the
 * property, and resume at the same position; if the element then fails to start, the old value is put
 * back and the pipeline resumed.
 */
public final class ElementControls implements MattingControls, AutoCloseable {

    private static final long START_TIMEOUT_S = 20;
    /** A second failure this soon after a restart means restarting does not help. */
    private static final long RESTART_GUARD_NS = TimeUnit.SECONDS.toNanos(10);

    private final Element matte;
    private final Pipeline pipeline;
    /** Held from the start: a disposed pipeline has no bus to disconnect from. */
    private final Bus bus;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Listener listener;
    private volatile String lastError;
    private final Bus.ERROR busErrors = this::onBusError;
    private final ExecutorService recovery = PanelThreads.single("rvm-panel-recovery");
    private final VideoBackground video;
    // state changes made by the panel are synchronized on this, never two at once
    private volatile boolean changingState;
    private long lastRestart = Long.MIN_VALUE / 2;

    public ElementControls(Element matte, Pipeline pipeline) {
        this.matte = Objects.requireNonNull(matte, "matte");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.bus = pipeline.getBus();
        this.video = new VideoBackground(matte, pipeline);
        bus.connect(busErrors);
    }

    public Element element() {
        return matte;
    }

    @Override
    public void setListener(Listener listener) {
        this.listener = listener;
    }

    /** A live setting is set at once; one read at start is set while stopped, if it changes. */
    @Override
    public <T> void set(Setting<T> setting, T value) {
        if (setting.live()) {
            MatteProperties.set(matte, setting, value);
        } else if (!Objects.equals(MatteProperties.get(matte, setting), setting.check(value))) {
            whileStopped(setting, value);
        }
    }

    /** A video plays into the element's background pad (the colour shows when it ends); others are properties. */
    @Override
    public void setBackground(BackgroundChoice b) {
        if (b.kind() == Background.Kind.VIDEO) {
            video.play(b.video());
        } else {
            video.stop();
        }
        MattePresets.applyBackground(matte, b);
    }

    @Override
    public void setEdges(EdgeSettings edges) {
        MattePresets.applyEdges(matte, edges);
    }

    @Override
    public void reset() {
        matte.emit(RvmMatteElement.RESET_SIGNAL);
    }

    @Override
    public double lastInferenceMillis() {
        if (!matte.listPropertyNames().contains(RvmMatteElement.INFERENCE_MS)) {
            return Double.NaN;
        }
        return matte.get(RvmMatteElement.INFERENCE_MS) instanceof Number n ? n.doubleValue() : Double.NaN;
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

    /** Idempotent: the window's close and the host's may both come. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            bus.disconnect(busErrors);
            recovery.shutdownNow();
        }
    }

    /** Sets a property the element reads only when it starts, keeping the playback position. */
    private synchronized <T> void whileStopped(Setting<T> setting, T value) {
        changingState = true;
        try {
            stopSetResume(setting, value);
        } finally {
            changingState = false;
        }
    }

    private <T> void stopSetResume(Setting<T> setting, T value) {
        State before = pipeline.getState(TimeUnit.SECONDS.toNanos(5));
        if (before == State.NULL || before == State.VOID_PENDING) {
            MatteProperties.set(matte, setting, value);
            return;
        }
        T old = MatteProperties.get(matte, setting);
        long position = pipeline.queryPosition(Format.TIME);
        lastError = null;
        pipeline.setState(State.NULL);
        MatteProperties.set(matte, setting, value);
        if (resume(before, position)) {
            return;
        }
        String why = awaitError();
        pipeline.setState(State.NULL);
        MatteProperties.set(matte, setting, old);
        resume(before, position);
        throw new MattingException(String.format(Locale.ROOT, "%s %s did not start%s; kept %s", setting.name(),
                setting.format(value), why == null ? "" : " (" + why + ")", setting.format(old)));
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

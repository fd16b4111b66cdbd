package dev.rvm.panel;

import dev.rvm.gst.RvmMatteElement;
import dev.rvm.matting.preset.Preset;
import dev.rvm.panel.control.MattingControls;
import dev.rvm.panel.control.PanelPresenter;
import dev.rvm.panel.control.PanelThreads;
import dev.rvm.panel.control.ViewMode;
import dev.rvm.panel.gst.ElementControls;
import dev.rvm.panel.gst.FrameTap;
import dev.rvm.panel.preview.FrameSlot;
import dev.rvm.panel.preview.PreviewCanvas;
import dev.rvm.panel.view.MattingPanel;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.GstObject;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.Pipeline;

import javax.swing.SwingUtilities;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The editor panel attached to a matting element in a host's pipeline: what a host editor embeds.
 * Create on the Event Dispatch Thread, add {@link #component()} to a window, {@link #close()} when done.
 *
 * <pre>{@code
 * EditorPanel panel = EditorPanel.attach(pipeline, pipeline.getElementByName("matte"), Preset.DEFAULTS);
 * frame.add(panel.component());
 * }</pre>
 *
 * The preview watches the element's pads with probes: the input on {@code sink}, the composite on
 * {@code src}, and the {@code alpha} and {@code fgr} request pads when the host asked for them (now or
 * later; the element produces only linked outputs). Without them the alpha and foreground views stay
 * empty.
 */
public final class EditorPanel implements AutoCloseable {

    private static final long STATS_PERIOD_NS = 1_000_000_000L;
    private static final String FACTORY = RvmMatteElement.FACTORY_NAME;

    private final MattingControls controls;
    private final FrameTap source;
    private final FrameTap composite;
    private final FrameTap alpha;
    private final FrameTap foreground;
    private final MattingPanel panel;
    private final PanelPresenter presenter;
    private final ExecutorService controlThread = PanelThreads.single("rvm-panel-control");
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Element matte;
    /** Taps alpha and fgr when the host requests them after the panel attached. */
    private final Element.PAD_ADDED padsAdded;
    // streaming-thread state of the stats and input-format reports
    private long statsSince = System.nanoTime();
    private int framesSince;
    private int lastWidth;
    private int lastHeight;
    private double lastFps = -1;

    private EditorPanel(Element matte, MattingControls controls, Preset initial) {
        this.controls = controls;
        PreviewCanvas canvas = new PreviewCanvas(FrameSlot.color(), FrameSlot.color(), FrameSlot.grayscale(), FrameSlot.color());
        source = new FrameTap(canvas.source(), null, this::onSourceFrame);
        composite = new FrameTap(canvas.composite(), matte, this::onCompositeFrame);
        alpha = new FrameTap(canvas.alpha(), null, t -> canvas.frameArrived());
        foreground = new FrameTap(canvas.foreground(), null, t -> canvas.frameArrived());
        attach(source, matte, "sink");
        attach(composite, matte, "src");
        padsAdded = (element, pad) -> {
            if (pad.getName().equals("alpha")) {
                alpha.attach(pad);
            } else if (pad.getName().equals("fgr")) {
                foreground.attach(pad);
            }
        };
        matte.connect(padsAdded);
        this.matte = matte;
        attachIfRequested(alpha, matte, "alpha");
        attachIfRequested(foreground, matte, "fgr");
        canvas.onModeChange(mode -> {
            source.setCopying(mode.shows(ViewMode.Stream.SOURCE));
            composite.setCopying(mode.shows(ViewMode.Stream.COMPOSITE));
            alpha.setCopying(mode.shows(ViewMode.Stream.ALPHA));
            foreground.setCopying(mode.shows(ViewMode.Stream.FOREGROUND));
        });
        panel = new MattingPanel(canvas);
        presenter = new PanelPresenter(controls, panel, initial, controlThread, SwingUtilities::invokeLater);
        panel.bind(presenter);
        presenter.start();
    }

    /** Attaches to an {@code rvmmatte} element and applies {@code initial} to it. */
    public static EditorPanel attach(Pipeline pipeline, Element matte, Preset initial) {
        return new EditorPanel(matte, new ElementControls(matte, pipeline), initial);
    }

    /** Attaches to the {@code rvmmatte} element of a host's pipeline. */
    public static EditorPanel attach(Pipeline pipeline, Preset initial) {
        Element matte = pipeline.getElementsRecursive().stream()
                .filter(e -> e.getFactory() != null && FACTORY.equals(e.getFactory().getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("pipeline " + pipeline.getName() + " has no " + FACTORY
                        + " element; add one (e.g. ... ! videoconvert ! rvmmatte ! ...) or hand the panel the element"));
        return attach(pipeline, matte, initial);
    }

    /** Attaches to an {@code rvmmatte} element that already sits in a pipeline. */
    public static EditorPanel attach(Element matte, Preset initial) {
        GstObject top = matte;
        while (top.getParent() != null) {
            top = top.getParent();
        }
        if (!(top instanceof Pipeline pipeline)) {
            throw new IllegalArgumentException(matte.getName() + " is not in a pipeline yet; add it to one before attaching the panel");
        }
        return attach(pipeline, matte, initial);
    }

    /** Attaches with other controls (an element with another property set, tests). */
    public static EditorPanel attach(Element matte, MattingControls controls, Preset initial) {
        return new EditorPanel(matte, controls, initial);
    }

    public MattingPanel component() {
        return panel;
    }

    public PanelPresenter presenter() {
        return presenter;
    }

    public MattingControls controls() {
        return controls;
    }

    /** The taps on the input and the three outputs, for hosts that want the frames too. */
    public FrameTap sourceTap() {
        return source;
    }

    public FrameTap compositeTap() {
        return composite;
    }

    public FrameTap alphaTap() {
        return alpha;
    }

    public FrameTap foregroundTap() {
        return foreground;
    }

    private static void attach(FrameTap tap, Element matte, String padName) {
        Pad pad = matte.getStaticPad(padName);
        if (pad == null) {
            throw new IllegalArgumentException(matte.getName() + " has no pad " + padName
                    + "; the panel needs an rvmmatte element (pads sink and src; alpha and fgr on request)");
        }
        tap.attach(pad);
    }

    private static void attachIfRequested(FrameTap tap, Element matte, String padName) {
        Pad pad = matte.getStaticPad(padName);
        if (pad != null) {
            tap.attach(pad);
        }
    }

    private void onSourceFrame(FrameTap tap) {
        if (tap.width() != lastWidth || tap.height() != lastHeight || tap.framesPerSecond() != lastFps) {
            lastWidth = tap.width();
            lastHeight = tap.height();
            lastFps = tap.framesPerSecond();
            presenter.onInputFormat(lastWidth, lastHeight, lastFps);
        }
        panel.preview().frameArrived();
    }

    private void onCompositeFrame(FrameTap tap) {
        framesSince++;
        long now = System.nanoTime();
        if (now - statsSince >= STATS_PERIOD_NS) {
            presenter.onStats(framesSince * 1e9 / (now - statsSince), controls.lastInferenceMillis());
            statsSince = now;
            framesSince = 0;
        }
        panel.preview().frameArrived();
    }

    /** Idempotent; the host's pipeline stays the host's. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        matte.disconnect(padsAdded);
        for (FrameTap t : new FrameTap[] {source, composite, alpha, foreground}) {
            t.detach();
        }
        controlThread.shutdown();
        if (controls instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the panel's element controls failed", e);
            }
        }
        try {
            controlThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.rvm.panel;

import com.formdev.flatlaf.FlatDarkLaf;
import dev.rvm.matting.preset.Preset;
import dev.rvm.panel.control.MattingControls;
import dev.rvm.panel.gst.PanelPipeline;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** The standalone panel ({@code ./rvm panel}): the editor panel in its own window over its own pipeline. */
public final class PanelWindow {

    private final JFrame frame;
    private final EditorPanel panel;
    private final PanelPipeline pipeline;
    private final CountDownLatch closed = new CountDownLatch(1);
    /** The host's close and the window's windowClosed may both come, on two threads. */
    private final AtomicBoolean closing = new AtomicBoolean();

    private PanelWindow(PanelPipeline pipeline, MattingControls controls, Preset preset) {
        this.pipeline = pipeline;
        panel = controls == null
                ? EditorPanel.attach(pipeline.matte(), preset)
                : EditorPanel.attach(pipeline.matte(), controls, preset);
        frame = new JFrame("RVM matting panel");
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.add(panel.component());
        frame.pack();
        frame.setLocationRelativeTo(null);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                close();
            }
        });
    }

    /** Installs the look once per JVM; FlatLaf scales with the screen (HiDPI) by itself. */
    public static void installLook() {
        if (!(javax.swing.UIManager.getLookAndFeel() instanceof FlatDarkLaf)) {
            FlatDarkLaf.setup();
        }
    }

    /** Builds the window on the EDT over an {@code rvmmatte} pipeline, shows it and starts the pipeline. */
    public static PanelWindow open(PanelPipeline pipeline, Preset preset) {
        return open(pipeline, null, preset);
    }

    /** As {@link #open(PanelPipeline, Preset)}, with other controls for the matting element (null: its properties). */
    public static PanelWindow open(PanelPipeline pipeline, MattingControls controls, Preset preset) {
        AtomicReference<PanelWindow> window = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                installLook();
                PanelWindow w = new PanelWindow(pipeline, controls, preset);
                w.frame.setVisible(true);
                window.set(w);
            });
        } catch (InvocationTargetException e) {
            pipeline.close();
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the panel", e);
        }
        pipeline.play();
        return window.get();
    }

    public JFrame frame() {
        return frame;
    }

    public EditorPanel panel() {
        return panel;
    }

    public PanelPipeline pipeline() {
        return pipeline;
    }

    /** Blocks until the user closes the window. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        panel.close();
        pipeline.close();
        if (frame.isDisplayable()) {
            SwingUtilities.invokeLater(frame::dispose);
        }
        closed.countDown();
    }
}

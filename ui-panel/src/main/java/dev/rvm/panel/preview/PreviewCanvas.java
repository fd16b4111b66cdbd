package dev.rvm.panel.preview;

import dev.rvm.panel.control.ViewMode;

import javax.swing.JComponent;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Draws the latest frames in the chosen view mode, scaled to fit with the aspect kept. Transparent
 * parts of the composite show a checkerboard. Painting happens on the EDT; frames arrive on streaming
 * threads, which only call {@link #frameArrived()}.
 */
public final class PreviewCanvas extends JComponent {

    private static final int CHECK = 8;
    /** Neutral, so the frame's own colours are judged against grey. */
    private static final Color SURROUND = new Color(0x1C1C1C);
    private static final int OVERLAY_STRENGTH = 150;

    private final FrameSlot source;
    private final FrameSlot composite;
    private final FrameSlot alpha;
    private final FrameSlot foreground;
    private final TexturePaint checkerboard;
    private volatile ViewMode mode = ViewMode.COMPOSITE;
    private java.util.function.Consumer<ViewMode> modeListener = m -> { };
    private BufferedImage overlay;
    private int[] overlayPixels;

    public PreviewCanvas(FrameSlot source, FrameSlot composite, FrameSlot alpha, FrameSlot foreground) {
        this.source = source;
        this.composite = composite;
        this.alpha = alpha;
        this.foreground = foreground;
        this.checkerboard = checkerboard();
        setPreferredSize(new Dimension(640, 400));
        setOpaque(true);
        setName("preview");
    }

    public FrameSlot source() {
        return source;
    }

    public FrameSlot composite() {
        return composite;
    }

    public FrameSlot alpha() {
        return alpha;
    }

    public FrameSlot foreground() {
        return foreground;
    }

    public void setMode(ViewMode mode) {
        this.mode = mode;
        modeListener.accept(mode);
        repaint();
    }

    /** Told when the view mode changes (the panel stops copying streams the view does not draw). */
    public void onModeChange(java.util.function.Consumer<ViewMode> listener) {
        this.modeListener = listener;
        listener.accept(mode);
    }

    public ViewMode mode() {
        return mode;
    }

    /** Called by streaming threads; Swing folds many requests into one paint. */
    public void frameArrived() {
        repaint();
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setColor(SURROUND);
            g.fillRect(0, 0, getWidth(), getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            boolean drawn = switch (mode) {
                case COMPOSITE -> drawOverCheckerboard(g, composite, fit(composite, 1, 0));
                case ALPHA -> draw(g, alpha, fit(alpha, 1, 0));
                case FOREGROUND -> draw(g, foreground, fit(foreground, 1, 0));
                case SIDE_BY_SIDE -> draw(g, source, fit(source, 2, 0)) & drawOverCheckerboard(g, composite, fit(source, 2, 1));
                case RED_OVERLAY -> drawOverlay(g, fit(source, 1, 0));
            };
            if (!drawn) {
                String text = "Waiting for video...";
                g.setColor(Color.LIGHT_GRAY);
                FontMetrics fm = g.getFontMetrics();
                g.drawString(text, (getWidth() - fm.stringWidth(text)) / 2, getHeight() / 2);
            }
        } finally {
            g.dispose();
        }
    }

    /** Where the {@code index}-th of {@code columns} equally sized frames goes, fitted to the component. */
    private Rectangle fit(FrameSlot slot, int columns, int index) {
        int[] size = new int[2];
        slot.read(img -> {
            size[0] = img.getWidth();
            size[1] = img.getHeight();
        });
        if (size[0] == 0) {
            return null;
        }
        double scale = Math.min((double) getWidth() / (size[0] * columns), (double) getHeight() / size[1]);
        int w = (int) Math.round(size[0] * scale);
        int h = (int) Math.round(size[1] * scale);
        int x0 = (getWidth() - w * columns) / 2;
        return new Rectangle(x0 + index * w, (getHeight() - h) / 2, w, h);
    }

    private static boolean draw(Graphics2D g, FrameSlot slot, Rectangle r) {
        if (r == null) {
            return false;
        }
        boolean[] drawn = {false};
        slot.read(img -> drawn[0] = g.drawImage(img, r.x, r.y, r.width, r.height, null) || true);
        return drawn[0];
    }

    private boolean drawOverCheckerboard(Graphics2D g, FrameSlot slot, Rectangle r) {
        if (r == null) {
            return false;
        }
        g.setPaint(checkerboard);
        g.fillRect(r.x, r.y, r.width, r.height);
        return draw(g, slot, r);
    }

    private boolean drawOverlay(Graphics2D g, Rectangle r) {
        if (!draw(g, source, r)) {
            return false;
        }
        alpha.read(img -> {
            int w = img.getWidth();
            int h = img.getHeight();
            if (overlay == null || overlay.getWidth() != w || overlay.getHeight() != h) {
                overlay = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
                overlayPixels = ((DataBufferInt) overlay.getRaster().getDataBuffer()).getData();
            }
            PixelCopy.redOverlay(alpha.grayPixels(), overlayPixels, w * h, OVERLAY_STRENGTH);
        });
        if (overlay != null) {
            g.drawImage(overlay, r.x, r.y, r.width, r.height, null);
        }
        return true;
    }

    private static TexturePaint checkerboard() {
        BufferedImage tile = new BufferedImage(2 * CHECK, 2 * CHECK, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = tile.createGraphics();
        g.setColor(new Color(0xCCCCCC));
        g.fillRect(0, 0, 2 * CHECK, 2 * CHECK);
        g.setColor(new Color(0x999999));
        g.fillRect(0, 0, CHECK, CHECK);
        g.fillRect(CHECK, CHECK, CHECK, CHECK);
        g.dispose();
        return new TexturePaint(tile, new Rectangle(0, 0, 2 * CHECK, 2 * CHECK));
    }
}

package dev.rvm.panel.view;

import dev.rvm.matting.edges.EdgeSettings;
import dev.rvm.panel.control.PanelPresenter;

import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.util.Locale;
import java.util.function.Consumer;

import static dev.rvm.matting.edges.EdgeSettings.CLIP_BLACK;
import static dev.rvm.matting.edges.EdgeSettings.CLIP_WHITE;
import static dev.rvm.matting.edges.EdgeSettings.FEATHER;
import static dev.rvm.matting.edges.EdgeSettings.INVERT;
import static dev.rvm.matting.edges.EdgeSettings.SHRINK_GROW;

/**
 * The edge controls' widgets: the two clip levels, shrink/grow and feather as sliders with their value
 * beside them, and invert. Labels, tooltips, ranges and names come from the edge settings.
 */
final class EdgeRows {
    /** Slider steps of a clip level (0..1): a hundredth, finer than a matte's edge needs. */
    static final int LEVEL_STEPS = 100;

    final JSlider clipBlack = new JSlider(0, LEVEL_STEPS, level(CLIP_BLACK.defaultValue()));
    final JSlider clipWhite = new JSlider(0, LEVEL_STEPS, level(CLIP_WHITE.defaultValue()));
    final JSlider shrinkGrow = new JSlider(SHRINK_GROW.min(), SHRINK_GROW.max(), SHRINK_GROW.defaultValue());
    final JSlider feather = new JSlider(FEATHER.min(), FEATHER.max(), FEATHER.defaultValue());
    final JCheckBox invert = new JCheckBox(INVERT.label());
    private final JLabel clipBlackValue = new JLabel();
    private final JLabel clipWhiteValue = new JLabel();
    private final JLabel shrinkGrowValue = new JLabel();
    private final JLabel featherValue = new JLabel();

    EdgeRows() {
        clipBlack.setName(CLIP_BLACK.name());
        clipWhite.setName(CLIP_WHITE.name());
        shrinkGrow.setName(SHRINK_GROW.name());
        feather.setName(FEATHER.name());
        invert.setName(INVERT.name());
        clipBlack.setToolTipText(CLIP_BLACK.doc());
        clipWhite.setToolTipText(CLIP_WHITE.doc());
        shrinkGrow.setToolTipText(SHRINK_GROW.doc());
        feather.setToolTipText(FEATHER.doc());
        invert.setToolTipText(INVERT.doc());
        // the value beside each slider follows it while dragging, before the element has it
        clipBlack.addChangeListener(e -> clipBlackValue.setText(levelText(clipBlack.getValue())));
        clipWhite.addChangeListener(e -> clipWhiteValue.setText(levelText(clipWhite.getValue())));
        shrinkGrow.addChangeListener(e -> shrinkGrowValue.setText(shrinkGrowText(shrinkGrow.getValue())));
        feather.addChangeListener(e -> featherValue.setText(feather.getValue() + " px"));
        show(EdgeSettings.NONE);
    }

    void addTo(FormRows rows) {
        rows.section("Edges");
        rows.row(CLIP_BLACK.label(), withValue(clipBlack, clipBlackValue));
        rows.row(CLIP_WHITE.label(), withValue(clipWhite, clipWhiteValue));
        rows.row(SHRINK_GROW.label(), withValue(shrinkGrow, shrinkGrowValue));
        rows.row(FEATHER.label(), withValue(feather, featherValue));
        rows.row("", invert);
    }

    /** Moves the widgets to these settings (the caller keeps their listeners quiet). */
    void show(EdgeSettings e) {
        clipBlack.setValue(level(e.clipBlack()));
        clipWhite.setValue(level(e.clipWhite()));
        shrinkGrow.setValue(e.shrinkGrow());
        feather.setValue(e.feather());
        invert.setSelected(e.invert());
        clipBlackValue.setText(levelText(clipBlack.getValue()));
        clipWhiteValue.setText(levelText(clipWhite.getValue()));
        shrinkGrowValue.setText(shrinkGrowText(e.shrinkGrow()));
        featherValue.setText(e.feather() + " px");
    }

    /** Each widget tells the presenter its setting's new value; applied while dragging, like the ratio. */
    void wire(Consumer<Consumer<PanelPresenter>> user) {
        clipBlack.addChangeListener(e -> user.accept(p -> p.choose(CLIP_BLACK, clipBlack.getValue() / (float) LEVEL_STEPS)));
        clipWhite.addChangeListener(e -> user.accept(p -> p.choose(CLIP_WHITE, clipWhite.getValue() / (float) LEVEL_STEPS)));
        shrinkGrow.addChangeListener(e -> user.accept(p -> p.choose(SHRINK_GROW, shrinkGrow.getValue())));
        feather.addChangeListener(e -> user.accept(p -> p.choose(FEATHER, feather.getValue())));
        invert.addActionListener(e -> user.accept(p -> p.choose(INVERT, invert.isSelected())));
    }

    private static int level(float value) {
        return Math.round(value * LEVEL_STEPS);
    }

    private static String levelText(int steps) {
        return String.format(Locale.ROOT, "%.2f", steps / (float) LEVEL_STEPS);
    }

    private static String shrinkGrowText(int pixels) {
        return pixels == 0 ? "0 px" : pixels > 0 ? "shrink " + pixels + " px" : "grow " + -pixels + " px";
    }

    private static JComponent withValue(JSlider slider, JLabel value) {
        JPanel row = new JPanel(new BorderLayout(6, 0));
        row.add(slider, BorderLayout.CENTER);
        value.setPreferredSize(new Dimension(80, value.getPreferredSize().height));
        row.add(value, BorderLayout.EAST);
        return row;
    }
}

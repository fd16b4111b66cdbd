package dev.rvm.panel.view;

import dev.rvm.matting.Device;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.preset.BackgroundChoice;
import dev.rvm.matting.Background.Kind;
import dev.rvm.matting.preset.Preset;
import dev.rvm.panel.control.PanelPresenter;
import dev.rvm.panel.control.PanelView;
import dev.rvm.panel.control.ViewMode;
import dev.rvm.panel.preview.PreviewCanvas;

import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JColorChooser;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSlider;
import javax.swing.JSpinner;
import javax.swing.JTextArea;
import javax.swing.JToggleButton;
import javax.swing.SpinnerNumberModel;
import javax.swing.filechooser.FileNameExtensionFilter;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridBagLayout;
import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import static dev.rvm.matting.SettingsTable.BACKGROUND;
import static dev.rvm.matting.SettingsTable.BACKGROUND_COLOR;
import static dev.rvm.matting.SettingsTable.BLUR_STRENGTH;
import static dev.rvm.matting.SettingsTable.DEVICE;
import static dev.rvm.matting.SettingsTable.DOWNSAMPLE_RATIO;
import static dev.rvm.matting.SettingsTable.MODEL;
import static dev.rvm.matting.SettingsTable.SEQ_CHUNK;

/**
 * The editor panel: a live preview with view modes, and the controls of the matting element. A host
 * embeds it as any Swing component; it holds no pipeline logic (see {@link PanelPresenter}). Widgets
 * fire user choices only; {@link #showSettings} moves them without firing.
 */
public final class MattingPanel extends JPanel implements PanelView {

    static final int RATIO_STEPS = 100;
    /** The blur slider covers the useful part of the setting's range (a larger radius looks the same). */
    private static final int BLUR_SLIDER_MAX = 64;

    private final PreviewCanvas preview;
    private PanelPresenter presenter;
    private boolean updating;

    final JComboBox<Kind> backgroundKind = new JComboBox<>(Kind.values());
    final JButton colorButton = new JButton("Colour...");
    final JButton imageButton = new JButton("Image...");
    final JButton videoButton = new JButton("Video...");
    final JSlider blurStrength = new JSlider(BLUR_STRENGTH.min(), Math.min(BLUR_SLIDER_MAX, BLUR_STRENGTH.max()),
            BLUR_STRENGTH.defaultValue());
    final JCheckBox autoRatio = new JCheckBox(capitalized(DOWNSAMPLE_RATIO.zeroWord()));
    final JSlider ratio = new JSlider(5, Math.round(DOWNSAMPLE_RATIO.max() * RATIO_STEPS), 50);
    final JLabel resolution = new JLabel("-");
    final JSpinner seqChunk = new JSpinner(new SpinnerNumberModel((int) SEQ_CHUNK.defaultValue(), SEQ_CHUNK.min(),
            SEQ_CHUNK.max(), 1));
    final JLabel latency = new JLabel("-");
    final JComboBox<String> model = new JComboBox<>(MODEL.suggestions().toArray(String[]::new));
    final JButton modelFile = new JButton("ONNX...");
    final JComboBox<Device> device = new JComboBox<>(Device.values());
    final JButton reset = new JButton("Reset state");
    final JButton savePreset = new JButton("Save preset...");
    final JButton loadPreset = new JButton("Load preset...");
    final Map<ViewMode, JToggleButton> viewButtons = new EnumMap<>(ViewMode.class);
    final JLabel stats = new JLabel("-");
    final JTextArea error = new JTextArea(2, 20);
    final EdgeRows edges = new EdgeRows();
    private final ColorSwatch swatch = new ColorSwatch();

    public MattingPanel(PreviewCanvas preview) {
        super(new BorderLayout());
        this.preview = preview;
        add(preview, BorderLayout.CENTER);
        add(viewBar(), BorderLayout.NORTH);
        add(new JScrollPane(controls(), JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED,
                JScrollPane.HORIZONTAL_SCROLLBAR_NEVER), BorderLayout.EAST);
        add(statusBar(), BorderLayout.SOUTH);
        wire();
    }

    /** Connects the widgets to their presenter (made with this panel as its view). */
    public void bind(PanelPresenter presenter) {
        this.presenter = presenter;
    }

    public PreviewCanvas preview() {
        return preview;
    }

    // ---- PanelView --------------------------------------------------------------------------------

    @Override
    public void showSettings(Preset p) {
        updating = true;
        try {
            BackgroundChoice b = p.background();
            backgroundKind.setSelectedItem(b.kind());
            swatch.color = new Color(b.color(), true);
            colorButton.repaint();
            imageButton.setToolTipText(b.image() == null ? "No image chosen" : b.image().toString());
            videoButton.setToolTipText(b.video() == null ? "No video chosen" : b.video().toString());
            blurStrength.setValue(b.blurStrength());
            MattingSettings m = p.matting();
            autoRatio.setSelected(m.downsampleRatio() == 0f);
            ratio.setEnabled(m.downsampleRatio() != 0f);
            if (m.downsampleRatio() != 0f) {
                ratio.setValue(Math.round(m.downsampleRatio() * RATIO_STEPS));
            }
            seqChunk.setValue(m.seqChunk());
            // built-in names plus the one ONNX file in use, so refused files do not pile up
            javax.swing.DefaultComboBoxModel<String> models = new javax.swing.DefaultComboBoxModel<>(
                    MODEL.suggestions().toArray(String[]::new));
            if (models.getIndexOf(m.model()) < 0) {
                models.addElement(m.model());
            }
            models.setSelectedItem(m.model());
            model.setModel(models);
            model.setToolTipText(m.model());
            device.setSelectedItem(m.device());
            edges.show(m.edges());
            blurStrength.setEnabled(b.kind() == Kind.BLUR);
        } finally {
            updating = false;
        }
    }

    @Override
    public void showViewMode(ViewMode mode) {
        viewButtons.get(mode).setSelected(true);
        preview.setMode(mode);
    }

    @Override
    public void showInternalResolution(String text) {
        resolution.setText(text);
    }

    @Override
    public void showChunkLatency(String text) {
        latency.setText(text);
    }

    @Override
    public void showStats(String text) {
        stats.setText(text);
    }

    @Override
    public void showError(String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
        revalidate();
    }

    // ---- layout -----------------------------------------------------------------------------------

    private JComponent viewBar() {
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 4));
        ButtonGroup group = new ButtonGroup();
        for (ViewMode mode : ViewMode.values()) {
            JToggleButton b = new JToggleButton(mode.label);
            b.setName("view-" + mode.name());
            b.putClientProperty("JButton.buttonType", "roundRect");
            group.add(b);
            bar.add(b);
            viewButtons.put(mode, b);
            b.addActionListener(e -> user(p -> p.chooseViewMode(mode)));
        }
        return bar;
    }

    private JComponent controls() {
        JPanel form = new JPanel(new GridBagLayout());
        form.setBorder(BorderFactory.createEmptyBorder(8, 12, 8, 12));
        FormRows rows = new FormRows(form);
        rows.section(BACKGROUND.label());
        rows.row("Kind", backgroundKind);
        colorButton.setIcon(swatch);
        JPanel files = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        files.add(colorButton);
        files.add(imageButton);
        files.add(videoButton);
        rows.row("", files);
        rows.row(BLUR_STRENGTH.label(), blurStrength);
        edges.addTo(rows);
        rows.section(DOWNSAMPLE_RATIO.label());
        rows.row("", autoRatio);
        rows.row("Ratio", ratio);
        rows.row("Network sees", resolution);
        rows.section(SEQ_CHUNK.label());
        rows.row("Frames", seqChunk);
        rows.row("Latency", latency);
        rows.section(MODEL.label());
        JPanel modelRow = new JPanel(new BorderLayout(4, 0));
        modelRow.add(model, BorderLayout.CENTER);
        modelRow.add(modelFile, BorderLayout.EAST);
        rows.row("Network", modelRow);
        rows.row(DEVICE.label(), device);
        rows.row("", reset);
        rows.section("Preset");
        JPanel presetRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        presetRow.add(savePreset);
        presetRow.add(loadPreset);
        rows.row("", presetRow);
        rows.fill();
        names();
        return form;
    }

    private JComponent statusBar() {
        JPanel bar = new JPanel(new BorderLayout(8, 4));
        bar.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
        stats.setName("stats");
        bar.add(stats, BorderLayout.NORTH);
        error.setName("error");
        error.setEditable(false);
        error.setLineWrap(true);
        error.setWrapStyleWord(true);
        error.setForeground(new Color(0xD0, 0x30, 0x30));
        error.setOpaque(false);
        error.setVisible(false);
        bar.add(error, BorderLayout.CENTER);
        return bar;
    }

    private void names() {
        backgroundKind.setRenderer(new javax.swing.DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(javax.swing.JList<?> list, Object value, int index,
                    boolean selected, boolean focused) {
                return super.getListCellRendererComponent(list, value instanceof Kind k ? k.label : value, index, selected, focused);
            }
        });
        backgroundKind.setToolTipText(BACKGROUND.doc());
        colorButton.setToolTipText(BACKGROUND_COLOR.doc());
        blurStrength.setToolTipText(BLUR_STRENGTH.doc());
        ratio.setToolTipText(DOWNSAMPLE_RATIO.doc());
        autoRatio.setToolTipText(DOWNSAMPLE_RATIO.doc());
        seqChunk.setToolTipText(SEQ_CHUNK.doc());
        device.setToolTipText(DEVICE.doc());
        backgroundKind.setName("background-kind");
        colorButton.setName("background-color");
        imageButton.setName("background-image");
        videoButton.setName("background-video");
        blurStrength.setName("blur-strength");
        autoRatio.setName("ratio-auto");
        ratio.setName("ratio");
        resolution.setName("resolution");
        seqChunk.setName("seq-chunk");
        latency.setName("latency");
        model.setName("model");
        device.setName("device");
        reset.setName("reset");
        model.setEditable(false);
        model.setPrototypeDisplayValue("mobilenetv3 (built in)"); // a long ONNX path must not widen the column
    }

    // ---- user input -------------------------------------------------------------------------------

    private void wire() {
        backgroundKind.addActionListener(e -> user(p -> {
            Kind k = (Kind) backgroundKind.getSelectedItem();
            if (k == Kind.IMAGE && p.settings().background().image() == null) {
                chooseFile("Background image", new FileNameExtensionFilter("PNG or JPEG", "png", "jpg", "jpeg"), p::chooseImage);
            } else if (k == Kind.VIDEO && p.settings().background().video() == null) {
                chooseFile("Background video", null, p::chooseVideo);
            } else {
                p.chooseBackgroundKind(k);
            }
        }));
        colorButton.addActionListener(e -> user(p -> {
            Color c = JColorChooser.showDialog(this, "Background colour", new Color(p.settings().background().color(), true));
            if (c != null) {
                p.chooseColor(c.getRGB());
            }
        }));
        imageButton.addActionListener(e -> user(p -> chooseFile("Background image",
                new FileNameExtensionFilter("PNG or JPEG", "png", "jpg", "jpeg"), p::chooseImage)));
        videoButton.addActionListener(e -> user(p -> chooseFile("Background video", null, p::chooseVideo)));
        blurStrength.addChangeListener(e -> user(p -> p.chooseBlurStrength(blurStrength.getValue())));
        autoRatio.addActionListener(e -> user(p -> {
            ratio.setEnabled(!autoRatio.isSelected());
            p.chooseDownsampleRatio(autoRatio.isSelected() ? 0f : ratio.getValue() / (float) RATIO_STEPS);
        }));
        // Applied while dragging: the element takes a new ratio between frames.
        ratio.addChangeListener(e -> user(p -> {
            if (!autoRatio.isSelected()) {
                p.chooseDownsampleRatio(ratio.getValue() / (float) RATIO_STEPS);
            }
        }));
        seqChunk.addChangeListener(e -> user(p -> p.chooseSeqChunk((Integer) seqChunk.getValue())));
        model.addActionListener(e -> user(p -> p.chooseModel((String) model.getSelectedItem())));
        modelFile.addActionListener(e -> user(p -> chooseFile("ONNX model", new FileNameExtensionFilter("ONNX model", "onnx"),
                f -> p.chooseModel(f.toString()))));
        device.addActionListener(e -> user(p -> p.chooseDevice((Device) device.getSelectedItem())));
        reset.addActionListener(e -> user(PanelPresenter::resetState));
        edges.wire(this::user);
        FileNameExtensionFilter json = new FileNameExtensionFilter("Preset (JSON)", "json");
        savePreset.addActionListener(e -> user(p -> {
            JFileChooser chooser = new JFileChooser();
            chooser.setFileFilter(json);
            if (chooser.showSaveDialog(this) == JFileChooser.APPROVE_OPTION) {
                File f = chooser.getSelectedFile();
                p.savePreset(f.getName().toLowerCase(Locale.ROOT).endsWith(".json") ? f.toPath() : Path.of(f.getPath() + ".json"));
            }
        }));
        loadPreset.addActionListener(e -> user(p -> chooseFile("Load preset", json, p::loadPreset)));
    }

    private void user(Consumer<PanelPresenter> action) {
        if (!updating && presenter != null) {
            action.accept(presenter);
        }
    }

    private void chooseFile(String title, FileNameExtensionFilter filter, Consumer<Path> then) {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle(title);
        if (filter != null) {
            chooser.setFileFilter(filter);
        }
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            then.accept(chooser.getSelectedFile().toPath());
        } else if (presenter != null) {
            showSettings(presenter.settings()); // a cancelled choice puts the kind back
        }
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    @Override
    public Dimension getPreferredSize() {
        Dimension d = super.getPreferredSize();
        return new Dimension(Math.max(d.width, 1000), Math.max(d.height, 560));
    }
}

package dev.rvm.panel.control;

import dev.rvm.matting.Background;
import dev.rvm.matting.Device;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.edges.EdgeSettings;
import dev.rvm.matting.preset.BackgroundChoice;
import dev.rvm.matting.preset.Preset;
import dev.rvm.matting.preset.PresetJson;
import dev.rvm.matting.settings.Setting;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The panel's logic, free of Swing: turns user choices into element changes and element reports into
 * text. User methods are called on the UI thread; element calls run on {@code controlThread} so a busy
 * pipeline never freezes the window; view updates go through {@code uiThread}.
 *
 * <p>The controls show a choice at once; if the element refuses it, the panel shows why and the
 * controls go back to the last settings the element accepted.
 */
public final class PanelPresenter implements MattingControls.Listener {

    private final MattingControls controls;
    private final PanelView view;
    private final Executor controlThread;
    private final Executor uiThread;
    private final ChoiceCheck check;

    // UI-thread state
    private Preset shown;
    private Preset applied;
    private ViewMode viewMode = ViewMode.COMPOSITE;
    private int inputWidth;
    private int inputHeight;
    private double inputFps;

    public PanelPresenter(MattingControls controls, PanelView view, Preset initial, Executor controlThread,
            Executor uiThread) {
        this.controls = controls;
        this.view = view;
        this.controlThread = controlThread;
        this.uiThread = uiThread;
        this.check = new ChoiceCheck();
        this.shown = initial;
        this.applied = initial;
        controls.setListener(this);
    }

    /** Shows the initial settings and applies all of them to the element. */
    public void start() {
        view.showSettings(shown);
        view.showViewMode(viewMode);
        refreshDerived();
        Preset p = shown;
        apply(p, c -> applyAll(c, p));
    }

    public Preset settings() {
        return shown;
    }

    public ViewMode viewMode() {
        return viewMode;
    }

    // ---- user choices (UI thread) -------------------------------------------------------------

    public void chooseBackgroundKind(Background.Kind kind) {
        BackgroundChoice b = shown.background();
        if (kind == b.kind()) {
            return;
        }
        if (kind == Background.Kind.IMAGE && b.image() == null) {
            refuse("Choose an image file for the background (PNG or JPEG).");
            return;
        }
        if (kind == Background.Kind.VIDEO && b.video() == null) {
            refuse("Choose a video file for the background.");
            return;
        }
        changeBackground(b.withKind(kind));
    }

    public void chooseColor(int argb) {
        changeBackground(shown.background().withColor(argb));
    }

    public void chooseImage(Path file) {
        String problem = check.picture(file);
        if (problem != null) {
            refuse(problem);
            return;
        }
        changeBackground(shown.background().withImage(file));
    }

    public void chooseVideo(Path file) {
        String problem = check.readableFile(file, "background video");
        if (problem != null) {
            refuse(problem);
            return;
        }
        changeBackground(shown.background().withVideo(file));
    }

    public void chooseBlurStrength(int strength) {
        changeBackground(shown.background().withBlur(strength));
    }

    /** A fixed ratio in (0, 1], or 0 for automatic. */
    public void chooseDownsampleRatio(float ratio) {
        choose(SettingsTable.DOWNSAMPLE_RATIO, ratio);
    }

    public void chooseSeqChunk(int frames) {
        choose(SettingsTable.SEQ_CHUNK, frames);
    }

    public void chooseModel(String model) {
        if (model.equals(shown.matting().model())) {
            return;
        }
        String problem = check.model(model);
        if (problem != null) {
            refuse(problem);
            return;
        }
        choose(SettingsTable.MODEL, model);
    }

    public void chooseDevice(Device device) {
        choose(SettingsTable.DEVICE, device);
    }

    /**
     * Any matting setting but the background ones (the edge controls among them); a value outside its
     * range, or clip levels that cross, are refused here with the setting's message.
     */
    public <T> void choose(Setting<T> setting, T value) {
        if (Objects.equals(value, shown.get(setting))) {
            return;
        }
        Preset next;
        try {
            next = shown.with(setting, value);
        } catch (IllegalArgumentException e) {
            refuse(messageOf(e));
            return;
        }
        change(next, c -> c.set(setting, value));
    }

    public void resetState() {
        controlThread.execute(() -> {
            try {
                controls.reset();
            } catch (RuntimeException e) {
                uiThread.execute(() -> view.showError(messageOf(e)));
            }
        });
    }

    public void chooseViewMode(ViewMode mode) {
        viewMode = mode;
        view.showViewMode(mode);
    }

    public void savePreset(Path file) {
        Preset p = shown;
        controlThread.execute(() -> {
            try {
                PresetJson.write(file, p);
                uiThread.execute(() -> view.showError(null));
            } catch (RuntimeException e) {
                uiThread.execute(() -> view.showError(messageOf(e)));
            }
        });
    }

    public void loadPreset(Path file) {
        controlThread.execute(() -> {
            Preset p;
            try {
                p = PresetJson.read(file);
            } catch (RuntimeException e) {
                uiThread.execute(() -> view.showError(messageOf(e)));
                return;
            }
            uiThread.execute(() -> {
                String problem = problemWith(p);
                if (problem != null) {
                    refuse("Preset " + file + ": " + problem);
                    return;
                }
                change(p, c -> applyAll(c, p));
            });
        });
    }

    // ---- element reports (GStreamer threads) ---------------------------------------------------

    @Override
    public void onInputFormat(int width, int height, double framesPerSecond) {
        uiThread.execute(() -> {
            inputWidth = width;
            inputHeight = height;
            inputFps = framesPerSecond;
            refreshDerived();
        });
    }

    @Override
    public void onStats(double framesPerSecond, double inferenceMillis) {
        String text = Double.isNaN(inferenceMillis)
                ? String.format(Locale.ROOT, "%.1f fps", framesPerSecond)
                : String.format(Locale.ROOT, "%.1f fps, %.1f ms/frame", framesPerSecond, inferenceMillis);
        uiThread.execute(() -> view.showStats(text));
    }

    @Override
    public void onError(String message) {
        uiThread.execute(() -> view.showError(message));
    }

    // ---- derived text --------------------------------------------------------------------------

    /** "auto (0.853): 512x384"; the size is what the network sees, floor(side * ratio) like upstream. */
    public static String internalResolution(MattingSettings s, int width, int height) {
        String ratio = s.downsampleRatio() == 0f ? "auto" : String.format(Locale.ROOT, "%.3f", s.downsampleRatio());
        if (width <= 0 || height <= 0) {
            return ratio;
        }
        float r = s.effectiveRatio(width, height);
        int w = Math.max(1, (int) Math.floor(width * r));
        int h = Math.max(1, (int) Math.floor(height * r));
        return (s.downsampleRatio() == 0f ? String.format(Locale.ROOT, "auto (%.3f)", r) : ratio) + ": " + w + "x" + h;
    }

    /** A chunk of n frames holds each result back until n frames have arrived: n - 1 frame times. */
    public static String chunkLatency(int frames, double fps) {
        int waiting = frames - 1;
        if (waiting == 0) {
            return "no added latency";
        }
        String perFrames = waiting + (waiting == 1 ? " frame" : " frames");
        if (!(fps > 0)) {
            return "+" + perFrames;
        }
        return String.format(Locale.ROOT, "+%d ms (%s at %s fps)", Math.round(waiting * 1000 / fps), perFrames,
                fps == Math.rint(fps) ? String.valueOf((long) fps) : String.format(Locale.ROOT, "%.2f", fps));
    }

    // ---- internals -----------------------------------------------------------------------------

    private void changeBackground(BackgroundChoice b) {
        change(shown.withBackground(b), c -> c.setBackground(b));
    }

    private void change(Preset next, Consumer<MattingControls> action) {
        shown = next;
        view.showSettings(next); // a choice can move other controls too (an image makes the kind "image")
        refreshDerived();
        apply(next, action);
    }

    private void apply(Preset next, Consumer<MattingControls> action) {
        controlThread.execute(() -> {
            try {
                action.accept(controls);
                uiThread.execute(() -> {
                    applied = next;
                    view.showError(null);
                });
            } catch (RuntimeException e) {
                String message = messageOf(e);
                uiThread.execute(() -> {
                    shown = applied;
                    view.showSettings(shown);
                    refreshDerived();
                    view.showError(message);
                });
            }
        });
    }

    /** Every matting setting in table order, then the edge controls and the background, each as a group. */
    private static void applyAll(MattingControls c, Preset p) {
        for (Setting<?> s : SettingsTable.MATTING.settings()) {
            if (!SettingsTable.BACKGROUND_GROUP.contains(s) && !EdgeSettings.SETTINGS.contains(s)) {
                applyOne(c, s, p);
            }
        }
        c.setEdges(p.matting().edges());
        c.setBackground(p.background());
    }

    private static <T> void applyOne(MattingControls c, Setting<T> s, Preset p) {
        c.set(s, p.get(s));
    }

    private String problemWith(Preset p) {
        String problem = check.model(p.matting().model());
        BackgroundChoice b = p.background();
        if (problem == null && b.kind() == Background.Kind.IMAGE) {
            problem = check.picture(b.image());
        }
        if (problem == null && b.kind() == Background.Kind.VIDEO) {
            problem = check.readableFile(b.video(), "background video");
        }
        return problem;
    }

    private void refuse(String message) {
        view.showSettings(shown);
        view.showError(message);
    }

    private void refreshDerived() {
        MattingSettings m = shown.matting();
        view.showInternalResolution(internalResolution(m, inputWidth, inputHeight));
        view.showChunkLatency(chunkLatency(m.seqChunk(), inputFps));
    }

    private static String messageOf(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}

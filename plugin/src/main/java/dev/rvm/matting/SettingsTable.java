package dev.rvm.matting;

import dev.rvm.matting.Background.Kind;
import dev.rvm.matting.edges.EdgeSettings;
import dev.rvm.matting.settings.Setting;
import dev.rvm.matting.settings.SettingTable;
import dev.rvm.matting.settings.SettingValues;
import dev.rvm.models.ModelRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Every setting of matting, written down once: the {@code rvmmatte} element's properties (gst-inspect,
 * the native loader's declaration), the panel's controls, preset fields and command-line options are
 * derived from these descriptions, and their ranges are checked here only. The edge controls are
 * described with their record, {@link EdgeSettings}, and listed here with the others.
 */
public final class SettingsTable {
    private SettingsTable() {
    }

    /** The model's default as a constant (annotations need one). */
    public static final String DEFAULT_MODEL = ModelRegistry.MOBILENETV3;

    public static final Setting.Text MODEL = new Setting.Text("model", "Model",
            "Built-in model name (mobilenetv3) or path to an ONNX file with the RVM signature", DEFAULT_MODEL,
            "a built-in model name or an ONNX file", ModelRegistry.builtInNames(), false);
    public static final Setting.Real DOWNSAMPLE_RATIO = new Setting.Real("downsample-ratio", "Downsample ratio",
            "Scale at which the network sees the frame; 0 = auto (min(512 / longest side, 1))", 0f, 1f, 0f, "auto",
            true);
    /** Live: the core regroups frames between two calls. */
    public static final Setting.Int SEQ_CHUNK = new Setting.Int("seq-chunk", "Sequence chunk",
            "Frames per model call; more frames raise throughput and add latency. Each value above 1 builds a "
                    + "sequence model once (about 15 MB, cached as mobilenetv3-seqN-*.onnx)", 1, 64, 1, true);
    /** The kinds a stream composites over by itself (a video background needs a second input). */
    public static final Setting.Choice<Kind> BACKGROUND = new Setting.Choice<>("background", "Background",
            "What the composite shows behind the person: none = straight alpha, color, image, blur", Kind.class,
            List.of(Kind.TRANSPARENT, Kind.COLOR, Kind.IMAGE, Kind.BLUR), Kind.TRANSPARENT, true);
    public static final Setting.Argb BACKGROUND_COLOR = new Setting.Argb("background-color", "Background colour",
            "Background colour as 0xAARRGGBB (default: upstream RVM green)", Background.UPSTREAM_GREEN, true);
    public static final Setting.Text BACKGROUND_LOCATION = new Setting.Text("background-location",
            "Background picture", "PNG or JPEG shown behind the person when background=image (scaled to cover)",
            null, null, List.of(), true);
    public static final Setting.Int BLUR_STRENGTH = new Setting.Int("blur-strength", "Blur strength",
            "Blur radius in pixels when background=blur", 1, 256, 16, true);
    public static final Setting.Choice<Device> DEVICE = new Setting.Choice<>("device", "Device",
            "Where the network runs: cpu, or cuda when the ONNX Runtime GPU build is present", Device.class,
            List.of(Device.values()), Device.CPU, false);
    public static final Setting.Int THREADS = new Setting.Int("threads", "Threads",
            "ONNX Runtime intra-op threads; 0 = one per core", 0, 1024, 0, false);

    /** In the order hosts list them. */
    public static final SettingTable MATTING = SettingTable.of(MODEL, DOWNSAMPLE_RATIO, SEQ_CHUNK, BACKGROUND,
            BACKGROUND_COLOR, BACKGROUND_LOCATION, BLUR_STRENGTH, EdgeSettings.CLIP_BLACK, EdgeSettings.CLIP_WHITE,
            EdgeSettings.SHRINK_GROW, EdgeSettings.FEATHER, EdgeSettings.INVERT, DEVICE, THREADS);

    /** The background settings, the kind last: written in this order, no frame sees half a change. */
    public static final List<Setting<?>> BACKGROUND_GROUP =
            List.of(BACKGROUND_COLOR, BACKGROUND_LOCATION, BLUR_STRENGTH, BACKGROUND);

    /**
     * What the matting core needs to open a stream; refused (IllegalArgumentException) when the values
     * do not go together (clip-black at or above clip-white).
     */
    public static MattingSettings matting(SettingValues v) {
        return new MattingSettings(v.get(MODEL), v.get(DOWNSAMPLE_RATIO), v.get(SEQ_CHUNK), v.get(THREADS), v.get(DEVICE),
                EdgeSettings.of(v));
    }

    public static SettingValues withMatting(SettingValues v, MattingSettings m) {
        return m.edges().writeTo(v.with(MODEL, m.model()).with(DOWNSAMPLE_RATIO, m.downsampleRatio())
                .with(SEQ_CHUNK, m.seqChunk()).with(THREADS, m.threads()).with(DEVICE, m.device()));
    }

    /**
     * The background to composite over; an image that cannot be read fails with a message naming the
     * settings, so a host refuses it when the stream starts rather than on the first frame.
     */
    public static Background background(SettingValues v) {
        Kind kind = v.get(BACKGROUND);
        Path picture = null;
        if (kind == Kind.IMAGE) {
            String location = v.get(BACKGROUND_LOCATION);
            if (location == null || location.isBlank()) {
                throw new MattingException(BACKGROUND.name() + "=" + kind.nick() + " needs " + BACKGROUND_LOCATION.name()
                        + "=FILE (a PNG or JPEG)");
            }
            picture = Path.of(location);
            if (!Files.isReadable(picture)) {
                throw new MattingException(BACKGROUND_LOCATION.name() + " " + picture + " is not a readable file; "
                        + "give the path of a PNG or JPEG picture");
            }
        }
        return Background.of(kind, v.get(BACKGROUND_COLOR), picture, v.get(BLUR_STRENGTH));
    }

    /** The settings that say {@code b}; the others keep their values. */
    public static SettingValues withBackground(SettingValues v, Background b) {
        SettingValues out = v.with(BACKGROUND, b.kind());
        if (b instanceof Background.Color c) {
            out = out.with(BACKGROUND_COLOR, c.argb());
        } else if (b instanceof Background.Picture p) {
            out = out.with(BACKGROUND_LOCATION, p.file().toString());
        } else if (b instanceof Background.Blur blur) {
            out = out.with(BLUR_STRENGTH, blur.strength());
        }
        return out;
    }
}

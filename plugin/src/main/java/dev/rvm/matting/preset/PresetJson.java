package dev.rvm.matting.preset;

import dev.rvm.models.AtomicFiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rvm.matting.Background;
import dev.rvm.matting.Device;
import dev.rvm.matting.MattingException;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.edges.EdgeSettings;
import dev.rvm.matting.settings.Nicked;
import dev.rvm.matting.settings.Setting;
import dev.rvm.matting.settings.SettingValues;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads and writes presets as JSON. The file is meant to be read and edited by people: colours are
 * {@code "#AARRGGBB"}, enums are lower-case words, {@code "downsampleRatio": "auto"} means 0. Relative
 * background paths are resolved against the preset's own folder, so a preset can travel with its pictures.
 * The {@code edges} fields are the edge settings' names in camel case ({@code clip-black} is
 * {@code clipBlack}); a preset without them leaves the matte untouched.
 *
 * <pre>{@code
 * { "format": "rvm-matting-preset", "version": 1,
 *   "model": "mobilenetv3", "device": "cpu", "threads": 0,
 *   "downsampleRatio": "auto", "seqChunk": 1,
 *   "background": { "kind": "color", "color": "#FF78FF9B", "image": null, "video": null, "blurStrength": 16 },
 *   "edges": { "clipBlack": 0.0, "clipWhite": 1.0, "shrinkGrow": 0, "feather": 0, "invert": false } }
 * }</pre>
 */
public final class PresetJson {
    private PresetJson() {
    }

    public static final String FORMAT = "rvm-matting-preset";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Reads a preset file; every problem is reported with the file and the field that is wrong. */
    public static Preset read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new MattingException("preset " + file + " does not exist; give the path of a JSON preset saved by ./rvm panel");
        } catch (IOException e) {
            throw new MattingException("preset " + file + " cannot be read: " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(text, base, file.toString());
    }

    /** Parses preset JSON; {@code baseDir} anchors relative background paths, {@code source} names it in errors. */
    public static Preset parse(String json, Path baseDir, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MattingException("preset " + source + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MattingException("preset " + source + " must be a JSON object");
        }
        Fields f = new Fields(root, source);
        String format = f.text("format", FORMAT);
        if (!FORMAT.equals(format)) {
            throw new MattingException("preset " + source + ": \"format\" is \"" + format + "\", expected \"" + FORMAT + "\"");
        }
        int version = f.integer("version", VERSION);
        if (version != VERSION) {
            throw new MattingException("preset " + source + " has version " + version + "; this build reads version " + VERSION);
        }
        MattingSettings d = MattingSettings.DEFAULTS;
        try {
            MattingSettings matting = new MattingSettings(f.text("model", d.model()), f.ratio("downsampleRatio", d.downsampleRatio()),
                    f.integer("seqChunk", d.seqChunk()), f.integer("threads", d.threads()),
                    f.enumValue("device", Device.class, d.device()), edges(root.get("edges"), source));
            BackgroundChoice background = BackgroundChoice.DEFAULT;
            JsonNode bg = root.get("background");
            if (bg != null && !bg.isNull()) {
                if (!bg.isObject()) {
                    throw new IllegalArgumentException("\"background\" must be an object");
                }
                Fields b = new Fields(bg, source);
                BackgroundChoice def = BackgroundChoice.DEFAULT;
                background = new BackgroundChoice(b.enumValue("kind", Background.Kind.class, def.kind()),
                        b.color("color", def.color()), b.path("image", baseDir), b.path("video", baseDir),
                        b.integer("blurStrength", def.blurStrength()));
            }
            return new Preset(matting, background);
        } catch (IllegalArgumentException e) {
            throw new MattingException("preset " + source + ": " + e.getMessage());
        }
    }

    /** The JSON text of a preset (paths written as given). */
    public static String toJson(Preset preset) {
        ObjectNode root = JSON.createObjectNode();
        MattingSettings m = preset.matting();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("model", m.model());
        root.put("device", m.device().nick());
        root.put("threads", m.threads());
        if (m.downsampleRatio() == 0f) {
            root.put("downsampleRatio", SettingsTable.DOWNSAMPLE_RATIO.zeroWord());
        } else {
            root.put("downsampleRatio", m.downsampleRatio());
        }
        root.put("seqChunk", m.seqChunk());
        BackgroundChoice b = preset.background();
        ObjectNode bg = root.putObject("background");
        bg.put("kind", b.kind().name().toLowerCase(Locale.ROOT));
        bg.put("color", String.format("#%08X", b.color()));
        bg.put("image", b.image() == null ? null : b.image().toString());
        bg.put("video", b.video() == null ? null : b.video().toString());
        bg.put("blurStrength", b.blurStrength());
        ObjectNode edges = root.putObject("edges");
        SettingValues edgeValues = m.edges().writeTo(SettingsTable.MATTING.defaults());
        for (Setting<?> s : EdgeSettings.SETTINGS) {
            edges.set(field(s), JSON.valueToTree(edgeValues.get(s)));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** The preset's field for a setting: its name in camel case ({@code clip-black} is {@code clipBlack}). */
    static String field(Setting<?> s) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : s.name().toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** The {@code edges} object, each field typed and checked by its setting; absent fields keep the defaults. */
    private static EdgeSettings edges(JsonNode node, String source) {
        if (node == null || node.isNull()) {
            return EdgeSettings.NONE;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("\"edges\" must be an object");
        }
        SettingValues v = SettingsTable.MATTING.defaults();
        for (Setting<?> s : EdgeSettings.SETTINGS) {
            JsonNode value = node.get(field(s));
            if (value != null && !value.isNull()) {
                v = v.withObject(s, edgeValue(s, value, source));
            }
        }
        return EdgeSettings.of(v);
    }

    private static Object edgeValue(Setting<?> s, JsonNode v, String source) {
        String field = "\"edges\": \"" + field(s) + "\"";
        if (s instanceof Setting.Real && v.isNumber()) {
            return (float) v.asDouble();
        } else if (s instanceof Setting.Int && v.isIntegralNumber()) {
            return v.asInt();
        } else if (s instanceof Setting.Flag && v.isBoolean()) {
            return v.asBoolean();
        }
        String type = s instanceof Setting.Real ? "a number" : s instanceof Setting.Int ? "a whole number" : "true or false";
        throw new MattingException("preset " + source + ": " + field + " must be " + type + ", got " + v);
    }

    /** Writes through a temporary file and a rename, so a failed save never leaves half a preset. */
    public static void write(Path file, Preset preset) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(file, toJson(preset).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MattingException("preset " + file + " cannot be written: " + e.getMessage()
                    + "; choose a folder you can write to", e);
        }
    }

    /** Typed field access with defaults for absent fields and errors that name the field. */
    private record Fields(JsonNode node, String source) {

        String text(String name, String def) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return def;
            }
            if (!v.isTextual()) {
                throw new MattingException("preset " + source + ": \"" + name + "\" must be a string, got " + v);
            }
            return v.asText();
        }

        int integer(String name, int def) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return def;
            }
            if (!v.isIntegralNumber()) {
                throw new MattingException("preset " + source + ": \"" + name + "\" must be a whole number, got " + v);
            }
            return v.asInt();
        }

        float ratio(String name, float def) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return def;
            }
            String auto = SettingsTable.DOWNSAMPLE_RATIO.zeroWord();
            if (v.isTextual() && v.asText().equalsIgnoreCase(auto)) {
                return 0f;
            }
            if (!v.isNumber()) {
                throw new MattingException("preset " + source + ": \"" + name + "\" must be a number in (0, 1] or \"" + auto + "\", got " + v);
            }
            return (float) v.asDouble();
        }

        /** A value by its nick or its (lower-case) name: "none" and "transparent" are one background kind. */
        <E extends Enum<E> & Nicked> E enumValue(String name, Class<E> type, E def) {
            String s = text(name, null);
            if (s == null) {
                return def;
            }
            for (E c : type.getEnumConstants()) {
                if (c.name().equalsIgnoreCase(s) || c.nick().equalsIgnoreCase(s)) {
                    return c;
                }
            }
            throw new MattingException("preset " + source + ": \"" + name + "\" is \"" + s + "\"; use one of "
                    + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }

        int color(String name, int def) {
            String s = text(name, null);
            if (s == null) {
                return def;
            }
            try {
                return SettingsTable.BACKGROUND_COLOR.parse(s);
            } catch (IllegalArgumentException e) {
                throw new MattingException("preset " + source + ": \"" + name + "\" is \"" + s + "\"; write a colour as #RRGGBB or #AARRGGBB");
            }
        }

        Path path(String name, Path baseDir) {
            String s = text(name, null);
            if (s == null || s.isBlank()) {
                return null;
            }
            Path p = Path.of(s);
            return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p).normalize();
        }
    }
}

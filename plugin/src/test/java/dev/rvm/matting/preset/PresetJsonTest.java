package dev.rvm.matting.preset;

import dev.rvm.matting.Device;
import dev.rvm.matting.MattingException;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.edges.EdgeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetJsonTest {

    @TempDir
    Path dir;

    @Test
    void everySettingSurvivesAFileRoundTrip() throws Exception {
        Preset preset = new Preset(new MattingSettings("/models/custom.onnx", 0.375f, 4, 2, Device.CUDA,
                new EdgeSettings(0.1f, 0.85f, -3, 5, true)),
                new BackgroundChoice(dev.rvm.matting.Background.Kind.BLUR, 0x80112233, dir.resolve("beach.png"),
                        dir.resolve("waves.mp4"), 31));
        Path file = dir.resolve("sub/look.json");
        PresetJson.write(file, preset);
        assertEquals(preset, PresetJson.read(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "the temporary file of the atomic write is gone");
        }
    }

    @Test
    void absentFieldsTakeDefaultsAndAutoMeansZero() {
        Preset p = PresetJson.parse("{\"downsampleRatio\": \"auto\", \"background\": {\"kind\": \"color\", \"color\": \"#0000ff\"}}",
                dir, "test");
        assertEquals(MattingSettings.DEFAULTS, p.matting());
        assertEquals(dev.rvm.matting.Background.Kind.COLOR, p.background().kind());
        assertEquals(0xFF0000FF, p.background().color(), "#RRGGBB is opaque");
        assertTrue(PresetJson.toJson(p).contains("\"downsampleRatio\" : \"auto\""));
    }

    @Test
    void edgeControlsAreFieldsNamedLikeTheirSettings() {
        Preset p = Preset.DEFAULTS.withMatting(MattingSettings.DEFAULTS.withEdges(new EdgeSettings(0.2f, 0.9f, 4, 2, false)));
        String json = PresetJson.toJson(p);
        assertTrue(json.contains("\"edges\" : {") && json.contains("\"clipBlack\" : 0.2") && json.contains("\"clipWhite\" : 0.9")
                && json.contains("\"shrinkGrow\" : 4") && json.contains("\"feather\" : 2") && json.contains("\"invert\" : false"), json);
        assertEquals(p, PresetJson.parse(json, dir, "test"));
        assertEquals(new EdgeSettings(0f, 1f, 0, 0, true),
                PresetJson.parse("{\"edges\": {\"invert\": true}}", dir, "test").matting().edges(), "absent fields keep their defaults");
    }

    @Test
    void badEdgeControlsAreRefusedNamingTheFileAndTheSetting() {
        MattingException e = assertThrows(MattingException.class,
                () -> PresetJson.parse("{\"edges\": {\"feather\": -4}}", dir, "look.json"));
        assertEquals("preset look.json: feather must be a whole number in 0..64; got -4", e.getMessage());
        e = assertThrows(MattingException.class,
                () -> PresetJson.parse("{\"edges\": {\"clipBlack\": 0.7, \"clipWhite\": 0.4}}", dir, "look.json"));
        assertTrue(e.getMessage().startsWith("preset look.json: clip-black (0.7) must be below clip-white (0.4)"), e.getMessage());
        e = assertThrows(MattingException.class,
                () -> PresetJson.parse("{\"edges\": {\"shrinkGrow\": \"lots\"}}", dir, "look.json"));
        assertTrue(e.getMessage().contains("\"shrinkGrow\" must be a whole number"), e.getMessage());
    }

    @Test
    void relativePicturePathsAreResolvedAgainstThePresetFolder() throws Exception {
        Path file = dir.resolve("p.json");
        Files.writeString(file, "{\"background\": {\"kind\": \"image\", \"image\": \"pics/bg.png\"}}");
        assertEquals(dir.resolve("pics/bg.png").toAbsolutePath(), PresetJson.read(file).background().image());
    }

    @Test
    void badInputNamesTheFileAndTheField() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"seqChunk\": 0}");
        MattingException e = assertThrows(MattingException.class, () -> PresetJson.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("seq-chunk"), e.getMessage());

        Files.writeString(file, "{\"device\": \"tpu\"}");
        e = assertThrows(MattingException.class, () -> PresetJson.read(file));
        assertTrue(e.getMessage().contains("\"device\" is \"tpu\"") && e.getMessage().contains("cuda"), e.getMessage());

        Files.writeString(file, "{\"background\": {\"kind\": \"color\", \"color\": \"green\"}}");
        e = assertThrows(MattingException.class, () -> PresetJson.read(file));
        assertTrue(e.getMessage().contains("#RRGGBB"), e.getMessage());

        Files.writeString(file, "{not json");
        e = assertThrows(MattingException.class, () -> PresetJson.read(file));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());

        e = assertThrows(MattingException.class, () -> PresetJson.read(dir.resolve("missing.json")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}

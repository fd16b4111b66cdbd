package dev.rvm.matting.preset;

import dev.rvm.matting.Device;
import dev.rvm.matting.MattingException;
import dev.rvm.matting.MattingSettings;
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
        Preset preset = new Preset(new MattingSettings("/models/custom.onnx", 0.375f, 4, 2, Device.CUDA),
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

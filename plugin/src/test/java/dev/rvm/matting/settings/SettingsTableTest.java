package dev.rvm.matting.settings;

import dev.rvm.matting.Background;
import dev.rvm.matting.Device;
import dev.rvm.matting.MattingException;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.preset.BackgroundChoice;
import dev.rvm.matting.preset.Preset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.rvm.matting.SettingsTable.BACKGROUND;
import static dev.rvm.matting.SettingsTable.BACKGROUND_COLOR;
import static dev.rvm.matting.SettingsTable.BACKGROUND_LOCATION;
import static dev.rvm.matting.SettingsTable.BLUR_STRENGTH;
import static dev.rvm.matting.SettingsTable.DEVICE;
import static dev.rvm.matting.SettingsTable.DOWNSAMPLE_RATIO;
import static dev.rvm.matting.SettingsTable.MATTING;
import static dev.rvm.matting.SettingsTable.MODEL;
import static dev.rvm.matting.SettingsTable.SEQ_CHUNK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one description of each setting: its ranges, its text form, and the types built from it. */
class SettingsTableTest {

    @Test
    void rangesAreRefusedWithTheSettingsNameAndWhatItTakes() {
        assertEquals("seq-chunk must be a whole number in 1..64; got 0", refused(() -> SEQ_CHUNK.check(0)));
        assertEquals("downsample-ratio must be in (0, 1] or auto; got 1.5", refused(() -> DOWNSAMPLE_RATIO.check(1.5f)));
        assertEquals("downsample-ratio must be in (0, 1] or auto; got NaN", refused(() -> DOWNSAMPLE_RATIO.check(Float.NaN)));
        assertEquals("background must be one of none, color, image, blur; got video",
                refused(() -> BACKGROUND.check(Background.Kind.VIDEO)));
        assertTrue(refused(() -> MODEL.check(" ")).startsWith("model must be a built-in model name or an ONNX file"));
        // the core and the presets take their ranges from the same descriptions
        assertTrue(refused(() -> MattingSettings.DEFAULTS.withSeqChunk(65)).contains("seq-chunk"));
        assertTrue(refused(() -> BackgroundChoice.DEFAULT.withBlur(0)).contains("blur-strength"));
    }

    @Test
    void textFormsRoundTripAndZeroIsSpelledAuto() {
        assertEquals(0f, DOWNSAMPLE_RATIO.parse("auto"));
        assertEquals("auto", DOWNSAMPLE_RATIO.format(0f));
        assertEquals(0.25f, DOWNSAMPLE_RATIO.parse(DOWNSAMPLE_RATIO.format(0.25f)));
        assertEquals("downsample-ratio must be in (0, 1] or auto; got 0", refused(() -> DOWNSAMPLE_RATIO.parse("0")));
        assertEquals(0xFF00FF00, BACKGROUND_COLOR.parse("#00ff00"), "#RRGGBB is opaque");
        assertEquals(0x8000FF00, BACKGROUND_COLOR.parse(BACKGROUND_COLOR.format(0x8000FF00)));
        assertEquals(Background.Kind.TRANSPARENT, BACKGROUND.parse("none"));
        assertEquals(Device.CUDA, DEVICE.parse("CUDA"));
        assertEquals(List.of("cpu", "cuda"), DEVICE.nicks());
        assertEquals(3, BACKGROUND.indexOf(Background.Kind.BLUR), "hosts number the values in the setting's order");
        assertEquals(12, SEQ_CHUNK.parse(" 12 "));
    }

    @Test
    void valuesAreImmutableAndChecked() {
        SettingValues d = MATTING.defaults();
        SettingValues v = d.with(SEQ_CHUNK, 4).withObject(BACKGROUND, Background.Kind.COLOR);
        assertEquals(1, d.get(SEQ_CHUNK));
        assertEquals(4, v.get(SEQ_CHUNK));
        assertNotEquals(d, v);
        assertEquals(d, v.with(SEQ_CHUNK, 1).with(BACKGROUND, Background.Kind.TRANSPARENT));
        assertTrue(refused(() -> d.withObject(SEQ_CHUNK, "4")).contains("takes a Integer"));
        assertEquals(MODEL.defaultValue(), d.with(MODEL, null).get(MODEL), "a null text is the default");
        assertEquals(MattingSettings.DEFAULTS, SettingsTable.matting(d));
        assertEquals(Preset.DEFAULTS.values(), d);
        assertTrue(d.toString().contains("downsample-ratio=auto seq-chunk=1"), d.toString());
    }

    @Test
    void presetsAndBackgroundsGoThroughTheTable(@TempDir Path dir) throws Exception {
        Preset p = Preset.DEFAULTS.with(SEQ_CHUNK, 3).withBackground(BackgroundChoice.DEFAULT.withBlur(9));
        assertEquals(3, p.matting().seqChunk());
        SettingValues v = p.values();
        assertEquals(Background.Kind.BLUR, v.get(BACKGROUND));
        assertEquals(new Background.Blur(9), SettingsTable.background(v));
        assertEquals(p.background().toBackground(), SettingsTable.background(v));
        assertThrows(IllegalArgumentException.class, () -> Preset.DEFAULTS.with(BLUR_STRENGTH, 3));

        MattingException noFile = assertThrows(MattingException.class,
                () -> SettingsTable.background(v.with(BACKGROUND, Background.Kind.IMAGE)));
        assertTrue(noFile.getMessage().contains("background=image needs background-location=FILE"), noFile.getMessage());
        Path png = Files.write(dir.resolve("bg.png"), new byte[] {1});
        Background picture = SettingsTable.background(v.with(BACKGROUND, Background.Kind.IMAGE)
                .with(BACKGROUND_LOCATION, png.toString()));
        assertEquals(new Background.Picture(png), picture);
        assertEquals(picture, SettingsTable.background(SettingsTable.withBackground(MATTING.defaults(), picture)));
    }

    private static String refused(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}

package dev.rvm.panel.gst;

import dev.rvm.gst.GstRuntime;
import dev.rvm.gst.RvmMatteElement;
import dev.rvm.gst.media.SampleMedia;
import dev.rvm.matting.Background;
import dev.rvm.matting.Device;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.edges.EdgeSettings;
import dev.rvm.matting.preset.BackgroundChoice;
import dev.rvm.matting.preset.Preset;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.Pipeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The panel's controls over a real rvmmatte element (not started: no model is loaded). */
class ElementControlsTest {

    @BeforeAll
    static void gst() {
        GstRuntime.start("rvm-panel-controls-test");
    }

    @Test
    void settingsAndPresetsReachTheElementsPropertiesByTheTable() {
        Pipeline pipeline = new Pipeline("controls");
        Element matte = ElementFactory.make(RvmMatteElement.FACTORY_NAME, "matte");
        pipeline.add(matte);
        try (ElementControls controls = new ElementControls(matte, pipeline)) {
            controls.set(SettingsTable.SEQ_CHUNK, 4);
            controls.set(SettingsTable.DEVICE, Device.CUDA); // read at start: set while stopped
            assertEquals(4, matte.get("seq-chunk"));
            assertEquals(1, ((Number) matte.get("device")).intValue());
            controls.setBackground(BackgroundChoice.DEFAULT.withImage(Path.of("/pictures/beach.png")).withBlur(7));
            assertEquals(3, ((Number) matte.get("background")).intValue(), "blur, the fourth of the element's kinds");
            assertEquals(7, matte.get("blur-strength"));
            assertEquals("/pictures/beach.png", matte.get("background-location"));

            MattePresets.apply(matte, Preset.DEFAULTS.with(SettingsTable.DOWNSAMPLE_RATIO, 0.5f));
            assertEquals(0.5f, (Float) matte.get("downsample-ratio"), 1e-6);
            assertEquals(0, ((Number) matte.get("background")).intValue());
            // a video goes into the element's background pad (its properties keep the fallback colour)
            Path clip = SampleMedia.talkingHead();
            controls.setBackground(BackgroundChoice.DEFAULT.withColor(0xff0000ff).withVideo(clip));
            Pad background = matte.getStaticPad("background");
            assertTrue(background != null && background.isLinked(), "background pad requested and linked");
            assertEquals(0xff0000ff, ((Number) matte.get("background-color")).intValue());
            controls.setBackground(BackgroundChoice.DEFAULT.withVideo(clip).withBlur(5));
            assertNull(matte.getStaticPad("background"), "released when another kind is chosen");
            assertEquals(Background.Kind.BLUR, SettingsTable.BACKGROUND.at(((Number) matte.get("background")).intValue()));
            RuntimeException missing = assertThrows(RuntimeException.class, () -> controls.setBackground(
                    BackgroundChoice.DEFAULT.withVideo(Path.of("/videos/waves.mp4"))));
            assertTrue(missing.getMessage().contains("/videos/waves.mp4"), missing.getMessage());
            assertNull(matte.getStaticPad("background"));
        } finally {
            pipeline.dispose();
        }
    }

    /** The element refuses a write that crosses the clip levels, so a group of edge values is written in a safe order. */
    @Test
    void edgeControlsReachTheElementFromAnyLevelsItHolds() {
        Pipeline pipeline = new Pipeline("edges");
        Element matte = ElementFactory.make(RvmMatteElement.FACTORY_NAME, "matte");
        pipeline.add(matte);
        try (ElementControls controls = new ElementControls(matte, pipeline)) {
            EdgeSettings low = new EdgeSettings(0.1f, 0.3f, -2, 0, false);
            EdgeSettings high = new EdgeSettings(0.6f, 0.9f, 5, 7, true);
            for (EdgeSettings e : new EdgeSettings[] {low, high, low, EdgeSettings.NONE}) {
                controls.setEdges(e);
                assertEquals(e.clipBlack(), (Float) matte.get("clip-black"), 0f);
                assertEquals(e.clipWhite(), (Float) matte.get("clip-white"), 0f);
                assertEquals(e.shrinkGrow(), matte.get("shrink-grow"));
                assertEquals(e.feather(), matte.get("feather"));
                assertEquals(e.invert(), matte.get("invert"));
            }
            MattePresets.apply(matte, Preset.DEFAULTS.withMatting(Preset.DEFAULTS.matting().withEdges(high)));
            assertEquals(0.6f, (Float) matte.get("clip-black"), 0f, "a preset writes them the same way");
        } finally {
            pipeline.dispose();
        }
    }

    /** The window's windowClosed and the host's close both come, the second after the pipeline is gone. */
    @Test
    void closingTwiceAfterThePipelineIsDisposedIsQuiet() {
        Pipeline pipeline = new Pipeline("closing");
        Element matte = ElementFactory.make(RvmMatteElement.FACTORY_NAME, "matte");
        pipeline.add(matte);
        ElementControls controls = new ElementControls(matte, pipeline);
        controls.close();
        pipeline.dispose();
        assertDoesNotThrow(controls::close);
    }
}

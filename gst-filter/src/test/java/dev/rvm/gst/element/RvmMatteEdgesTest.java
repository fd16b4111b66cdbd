package dev.rvm.gst.element;

import dev.rvm.gst.MatteProperties;
import dev.rvm.gst.media.SampleMedia;
import dev.rvm.matting.edges.EdgeFilter;
import dev.rvm.matting.edges.EdgeSettings;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.elements.AppSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edge properties on the real core and model, over decoded frames of the sample clip: one element at
 * the defaults and one with a control set see the same frames through a tee, so the second one's alpha pad
 * must be the first one's matte edited by the filter, and its src pad (colour composite, or straight alpha)
 * must be written from that edited matte.
 */
class RvmMatteEdgesTest {
    private static final int FRAMES = 4;
    private static final int W = 400;
    private static final int H = 300;
    /** GRAY8 and RGB rows are padded to 4 bytes; 400 needs no padding. */
    private static final int ALPHA_STRIDE = W;
    private static final int RGB_STRIDE = 3 * W;
    private static final int BLUE = 0xFF0000FF;

    @BeforeAll
    static void realCore() {
        GstTestSupport.initWithCore();
    }

    @AfterAll
    static void backToLuma() {
        GstTestSupport.initWithLuma(0);
    }

    /** Plain and edited outputs of the same frames. */
    private record Outputs(List<byte[]> plainAlpha, List<byte[]> alpha, List<byte[]> src, List<byte[]> fgr) {}

    private static Outputs run(String edgeProperties, String background) {
        Path clip = SampleMedia.talkingHead();
        try (var run = new GstTestSupport.Run("filesrc location=" + clip + " ! decodebin ! videoconvert"
                + " ! video/x-raw,format=RGB ! identity eos-after=" + FRAMES + " ! tee name=t"
                + " t. ! queue ! rvmmatte name=plain downsample-ratio=0.5 plain.alpha ! appsink name=pa sync=false"
                + " t. ! queue ! rvmmatte name=m downsample-ratio=0.5 " + background + " " + edgeProperties
                + " m.alpha ! appsink name=a sync=false m.src ! video/x-raw,format=RGBA ! appsink name=c sync=false"
                + " m.fgr ! appsink name=f sync=false")) {
            run.play();
            // pulled in turn: each appsink holds a few buffers, the element waits for the slowest pad
            Outputs out = new Outputs(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            String[] names = {"pa", "a", "c", "f"};
            List<List<byte[]>> lists = List.of(out.plainAlpha(), out.alpha(), out.src(), out.fgr());
            boolean more = true;
            while (more) {
                more = false;
                for (int i = 0; i < names.length; i++) {
                    byte[] frame = pullOne((AppSink) run.pipeline.getElementByName(names[i]));
                    if (frame != null) {
                        lists.get(i).add(frame);
                        more = true;
                    }
                }
            }
            run.assertEos(300);
            assertTrue(out.plainAlpha().size() >= FRAMES, "matted " + out.plainAlpha().size() + " frames");
            for (List<byte[]> l : lists) {
                assertEquals(out.plainAlpha().size(), l.size(), "one buffer per frame on every pad");
            }
            return out;
        }
    }

    private static byte[] pullOne(AppSink sink) {
        var sample = sink.pullSample();
        if (sample == null) {
            return null;
        }
        var buffer = sample.getBuffer();
        ByteBuffer mapped = buffer.map(false);
        byte[] copy = new byte[mapped.remaining()];
        mapped.get(copy);
        buffer.unmap();
        sample.dispose();
        return copy;
    }

    private static byte[] filtered(byte[] alpha, EdgeSettings e) {
        return EdgeFilter.edited(alpha, W, H, e); // 400 wide: GRAY8 rows need no padding
    }

    /** The alpha pad carries the edited matte; the composite over blue is upstream's formula on it. */
    private static void assertEdgesApplied(EdgeSettings e, String properties) {
        Outputs o = run(properties, "background=color background-color=" + Integer.toUnsignedString(BLUE));
        int changed = 0;
        for (int k = 0; k < o.alpha().size(); k++) {
            byte[] expected = filtered(o.plainAlpha().get(k), e);
            assertArrayEquals(expected, o.alpha().get(k), properties + ": alpha pad of frame " + k);
            for (int i = 0; i < expected.length; i++) {
                changed += expected[i] != o.plainAlpha().get(k)[i] ? 1 : 0;
            }
            assertCompositeOver(o.src().get(k), o.fgr().get(k), o.alpha().get(k), properties + " frame " + k);
        }
        assertTrue(changed > 1000, properties + " changed only " + changed + " matte pixels");
    }

    private static void assertCompositeOver(byte[] rgba, byte[] fgr, byte[] alpha, String what) {
        int[] bg = {0, 0, 255};
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int a = alpha[y * ALPHA_STRIDE + x] & 0xFF;
                for (int c = 0; c < 3; c++) {
                    int f = fgr[y * RGB_STRIDE + 3 * x + c] & 0xFF;
                    int expected = Math.round((f * a + bg[c] * (255 - a)) / 255f);
                    int actual = rgba[4 * (y * W + x) + c] & 0xFF;
                    // fgr bytes are rounded from the floats the composite uses: at most one level apart
                    if (Math.abs(actual - expected) > 1) {
                        throw new AssertionError(what + ": composite at " + x + "," + y + " channel " + c + " is " + actual
                                + ", the edited matte " + a + " over blue gives " + expected);
                    }
                }
            }
        }
    }

    @Test
    void clipLevels() {
        assertEdgesApplied(EdgeSettings.NONE.withClip(0.3f, 0.7f), "clip-black=0.3 clip-white=0.7");
    }

    @Test
    void shrinkAndGrow() {
        assertEdgesApplied(EdgeSettings.NONE.withShrinkGrow(4), "shrink-grow=4");
        assertEdgesApplied(EdgeSettings.NONE.withShrinkGrow(-4), "shrink-grow=-4");
    }

    @Test
    void feather() {
        assertEdgesApplied(EdgeSettings.NONE.withFeather(6), "feather=6");
    }

    @Test
    void invert() {
        assertEdgesApplied(EdgeSettings.NONE.withInvert(true), "invert=true");
    }

    /** background=none: straight-alpha RGBA whose A is the edited matte and colour shows only where it is above 0. */
    @Test
    void allTogetherOnStraightAlpha() {
        EdgeSettings e = new EdgeSettings(0.1f, 0.9f, 2, 3, true);
        Outputs o = run("clip-black=0.1 clip-white=0.9 shrink-grow=2 feather=3 invert=true", "background=none");
        for (int k = 0; k < o.alpha().size(); k++) {
            byte[] expected = filtered(o.plainAlpha().get(k), e);
            assertArrayEquals(expected, o.alpha().get(k), "alpha pad of frame " + k);
            byte[] rgba = o.src().get(k);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int a = expected[y * ALPHA_STRIDE + x] & 0xFF;
                    int p = 4 * (y * W + x);
                    assertEquals(a, rgba[p + 3] & 0xFF, "A at " + x + "," + y);
                    if (a == 0) {
                        assertEquals(0, rgba[p] | rgba[p + 1] | rgba[p + 2], "no colour where the edited matte is 0");
                    } else {
                        assertEquals(o.fgr().get(k)[y * RGB_STRIDE + 3 * x] & 0xFF, rgba[p] & 0xFF, 1.0, "R is the foreground's");
                    }
                }
            }
        }
    }

    /** Bad values are refused and the element keeps the values it had; nothing reaches the stream. */
    @Test
    void badValuesAreRefusedAndTheElementKeepsItsValues() {
        Element m = ElementFactory.make("rvmmatte", "m");
        try {
            m.set("clip-black", 0.4f);
            m.set("clip-white", 0.3f);
            assertEquals(1f, (Float) m.get("clip-white"), 0f, "clip-white below clip-black is refused");
            m.set("clip-white", 0.8f);
            m.set("clip-black", 0.8f);
            assertEquals(0.4f, (Float) m.get("clip-black"), 0f, "clip-black at clip-white is refused");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MatteProperties.set(m, EdgeSettings.FEATHER, -2));
            assertEquals("feather must be a whole number in 0..64; got -2", e.getMessage());
        } finally {
            m.dispose();
        }
        // gst-launch syntax: GLib refuses a value outside the property's range and keeps the last one
        Bin bin = (Bin) Gst.parseLaunch("rvmmatte name=m feather=5 feather=-2 clip-black=0.5 clip-white=0.2 ! fakesink");
        try {
            Element parsed = bin.getElementByName("m");
            assertEquals(5, parsed.get("feather"));
            assertEquals(0.5f, (Float) parsed.get("clip-black"), 0f);
            assertEquals(1f, (Float) parsed.get("clip-white"), 0f);
        } finally {
            bin.dispose();
        }
    }
}

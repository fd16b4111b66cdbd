package dev.rvm.matting.engine;

import dev.rvm.matting.Background;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattedFrame;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.MattingStream;
import dev.rvm.matting.MattingStreams;
import dev.rvm.matting.PixelFormat;
import dev.rvm.matting.TinyRvmGraph;
import dev.rvm.matting.edges.EdgeFilter;
import dev.rvm.matting.edges.EdgeSettings;
import dev.rvm.matting.pixels.Composite;
import dev.rvm.matting.pixels.PlanarInput;
import dev.rvm.matting.pixels.RowSplit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edge controls inside a stream, through real ONNX Runtime calls on {@link TinyRvmGraph} (pha = mean(rgb)
 * + frames * ratio, fgr = src): every output follows the edited matte; at the defaults the matte is the
 * network's, bit for bit.
 */
class EdgeControlsStreamTest {
    private static final int W = 64;
    private static final int H = 48;
    private static final int BLUE = 0xFF0000FF;

    @TempDir
    static Path dir;
    static MattingSettings settings;

    @BeforeAll
    static void model() throws Exception {
        settings = MattingSettings.DEFAULTS.withModel(TinyRvmGraph.write(dir).toString()).withDownsampleRatio(0.5f).withThreads(1);
    }

    /** What a host takes out of one result. */
    record Outputs(float[] alpha, float[] fgr, byte[] alpha8, byte[] overBlue, byte[] straight) {
        static Outputs of(MattedFrame f) {
            float[] a = new float[W * H];
            f.alpha().get(a);
            float[] c = new float[3 * W * H];
            f.foreground().get(c);
            ByteBuffer a8 = ByteBuffer.allocate(W * H);
            f.writeAlpha(a8, W);
            ByteBuffer over = ByteBuffer.allocate(W * H * 4);
            f.writeComposite(new Background.Color(BLUE), over, FrameLayout.packed(W, H, PixelFormat.RGBA));
            ByteBuffer straight = ByteBuffer.allocate(W * H * 4);
            f.writeComposite(new Background.Transparent(), straight, FrameLayout.packed(W, H, PixelFormat.BGRA));
            return new Outputs(a, c, a8.array(), over.array(), straight.array());
        }
    }

    /** A person-like matte: a bright square with a soft rim on a dark, textured ground. */
    static byte[] frame(int seed) {
        byte[] rgb = new byte[W * H * 3];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double d = Math.max(Math.abs(x - 32 - seed), Math.abs(y - 24));
                int v = d < 10 ? 240 : d < 14 ? (int) (240 - 55 * (d - 10)) : 10 + (x * 7 + y * 3 + seed) % 20;
                int i = 3 * (y * W + x);
                rgb[i] = (byte) Math.min(255, v + 5);
                rgb[i + 1] = (byte) v;
                rgb[i + 2] = (byte) Math.max(0, v - 5);
            }
        }
        return rgb;
    }

    static List<Outputs> run(MattingSettings s, int frames) {
        List<Outputs> out = new ArrayList<>();
        try (MattingStream stream = MattingStreams.open(s)) {
            for (int i = 0; i < frames; i++) {
                stream.submit(ByteBuffer.wrap(frame(i)), FrameLayout.packed(W, H, PixelFormat.RGB), i, f -> out.add(Outputs.of(f)));
            }
            stream.drain(f -> out.add(Outputs.of(f)));
        }
        return out;
    }

    static byte[] filtered(byte[] alpha8, EdgeSettings e) {
        return EdgeFilter.edited(alpha8, W, H, e);
    }

    @Test
    void atTheDefaultsTheMatteIsTheNetworksBitForBit() {
        List<Outputs> plain = run(settings, 3);
        // frame 2 carries two frames of memory: pha = mean + 2 * 0.5, above 1 and not on the 8-bit grid
        float[] a = plain.get(2).alpha();
        float[] expectedMean = new float[a.length];
        byte[] rgb = frame(2);
        boolean offGrid = false;
        for (int i = 0; i < a.length; i++) {
            expectedMean[i] = ((rgb[3 * i] & 0xFF) / 255f + (rgb[3 * i + 1] & 0xFF) / 255f + (rgb[3 * i + 2] & 0xFF) / 255f) / 3f + 1f;
            offGrid |= a[i] * 255f != Math.round(a[i] * 255f);
        }
        assertArrayEquals(expectedMean, a, 1e-6f, "no pass touched the network's alpha");
        assertTrue(offGrid && a[0] > 1f, "the alpha was neither quantised nor clamped");
    }

    @Test
    void everyOutputFollowsTheEditedMatte() {
        MattingSettings settings = slowMemory(); // so later frames keep a matte below 1
        List<Outputs> plain = run(settings, 4);
        for (EdgeSettings e : List.of(EdgeSettings.NONE.withClip(0.3f, 0.7f), EdgeSettings.NONE.withShrinkGrow(3),
                EdgeSettings.NONE.withShrinkGrow(-3), EdgeSettings.NONE.withFeather(4), EdgeSettings.NONE.withInvert(true),
                new EdgeSettings(0.05f, 0.95f, 1, 2, true))) {
            List<Outputs> edged = run(settings.withEdges(e).withSeqChunk(2), 4);
            assertEquals(plain.size(), edged.size());
            for (int k = 0; k < plain.size(); k++) {
                Outputs p = plain.get(k);
                Outputs o = edged.get(k);
                String what = e + " frame " + k;
                assertArrayEquals(filtered(p.alpha8(), e), o.alpha8(), "alpha output is the filtered matte: " + what);
                assertArrayEquals(p.fgr(), o.fgr(), 0f, "the foreground is not premultiplied, so it stays: " + what);
                for (int i = 0; i < W * H; i++) {
                    assertEquals(PlanarInput.unit(o.alpha8()[i]), o.alpha()[i], 0f, "alpha() is the edited matte: " + what);
                }
                assertArrayEquals(compositeOverBlue(o.fgr(), o.alpha()), o.overBlue(), "composite over the edited matte: " + what);
                assertStraightAlpha(o, what);
            }
        }
    }

    @Test
    void aChangeWhilePlayingTakesEffectAtTheNextFrame() {
        MattingSettings settings = slowMemory();
        List<Outputs> plain = run(settings, 3);
        EdgeSettings inverted = EdgeSettings.NONE.withInvert(true);
        List<Outputs> out = new ArrayList<>();
        try (MattingStream stream = MattingStreams.open(settings)) {
            for (int i = 0; i < 3; i++) {
                if (i == 1) {
                    stream.update(stream.settings().withEdges(inverted));
                }
                if (i == 2) {
                    stream.update(stream.settings().withEdges(EdgeSettings.NONE));
                }
                stream.submit(ByteBuffer.wrap(frame(i)), FrameLayout.packed(W, H, PixelFormat.RGB), i, f -> out.add(Outputs.of(f)));
            }
        }
        assertArrayEquals(plain.get(0).alpha8(), out.get(0).alpha8());
        assertArrayEquals(filtered(plain.get(1).alpha8(), inverted), out.get(1).alpha8());
        assertArrayEquals(plain.get(2).alpha(), out.get(2).alpha(), 0f, "back at the defaults: untouched again");
    }

    private static MattingSettings slowMemory() {
        return settings.withDownsampleRatio(0.05f);
    }

    /** What upstream's composite gives for this foreground and matte, over the same blue. */
    private static byte[] compositeOverBlue(float[] fgr, float[] alpha) {
        ByteBuffer out = ByteBuffer.allocate(W * H * 4);
        Composite.over(FloatBuffer.wrap(fgr), 0, FloatBuffer.wrap(alpha), 0, new Composite.Source.Color(0f, 0f, 1f), out,
                FrameLayout.packed(W, H, PixelFormat.RGBA), RowSplit.serial());
        return out.array();
    }

    /** BGRA straight alpha: A is the edited matte, colour only where it is above 0. */
    private static void assertStraightAlpha(Outputs o, String what) {
        for (int i = 0; i < W * H; i++) {
            int a = o.straight()[4 * i + 3] & 0xFF;
            assertEquals(o.alpha8()[i] & 0xFF, a, "straight alpha A: " + what);
            if (a == 0) {
                assertEquals(0, o.straight()[4 * i + 2], "no colour where the edited matte is 0: " + what);
            }
        }
    }
}

package dev.rvm.matting.engine;

import dev.rvm.matting.Background;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.FrameTargets;
import dev.rvm.matting.MattedFrame;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.PixelFormat;
import dev.rvm.matting.edges.EdgeFilter;
import dev.rvm.matting.edges.EdgeSettings;
import dev.rvm.matting.pixels.Composite;
import dev.rvm.matting.pixels.PlanarInput;
import dev.rvm.matting.pixels.RowSplit;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edge controls on the coefficient path (the built-in model, its fused full-resolution pass) over
 * real webcam frames: the 8-bit matte is the filter's edit of the unedited stream's matte, and every
 * other output (float alpha, composite, straight alpha; in single writes and in one fused write, in
 * chunks) is made from that edited matte while the foreground stays the network's.
 */
class EdgeControlsCoefficientPathTest {

    private static final int W = CoefficientPathTest.W;
    private static final int H = CoefficientPathTest.H;
    private static final int FRAMES = 3;
    private static final FrameLayout IN = FrameLayout.packed(W, H, PixelFormat.BGRX);
    private static final FrameLayout RGBA = FrameLayout.packed(W, H, PixelFormat.RGBA);
    private static final Background.Color BLUE = new Background.Color(0xFF0000FF);

    record Outputs(float[] alpha, float[] fgr, byte[] alpha8, byte[] overBlue, byte[] straight, byte[] fusedAlpha8,
                   byte[] fusedOverBlue) {
        static Outputs of(MattedFrame f) {
            ByteBuffer over = ByteBuffer.allocateDirect(RGBA.byteSize());
            f.writeComposite(BLUE, over, RGBA);
            ByteBuffer a8 = ByteBuffer.allocate(W * H);
            f.writeAlpha(a8, W);
            ByteBuffer straight = ByteBuffer.allocate(RGBA.byteSize());
            f.writeComposite(new Background.Transparent(), straight, RGBA);
            float[] a = new float[W * H];
            f.alpha().get(a);
            float[] c = new float[3 * W * H];
            f.foreground().get(c);
            // all at once, as a host with several outputs writes them
            ByteBuffer fusedA8 = ByteBuffer.allocateDirect(W * H);
            ByteBuffer fusedOver = ByteBuffer.allocate(RGBA.byteSize());
            f.write(new FrameTargets().alpha(fusedA8, W).composite(BLUE, fusedOver, RGBA));
            return new Outputs(a, c, a8.array(), bytes(over), straight.array(), bytes(fusedA8), fusedOver.array());
        }

        private static byte[] bytes(ByteBuffer b) {
            byte[] out = new byte[b.capacity()];
            b.get(0, out);
            return out;
        }
    }

    static List<Outputs> run(MattingSettings s) {
        List<Outputs> out = new ArrayList<>();
        try (RecurrentMattingStream stream = new RecurrentMattingStream(s, RecurrentMattingStream.DEFAULT_OPENER)) {
            for (int i = 0; i < FRAMES; i++) {
                stream.submit(CoefficientPathTest.frame(20 + i, IN), IN, i, f -> out.add(Outputs.of(f)));
                assertTrue(stream.usesCoefficientModel());
            }
            stream.drain(f -> out.add(Outputs.of(f)));
        }
        return out;
    }

    @Test
    void everyOutputFollowsTheEditedMatte() {
        List<Outputs> plain = run(CoefficientPathTest.SETTINGS);
        for (Outputs p : plain) {
            assertArrayEquals(p.alpha8(), p.fusedAlpha8());
            assertArrayEquals(p.overBlue(), p.fusedOverBlue());
        }
        for (EdgeSettings e : List.of(EdgeSettings.NONE.withClip(0.3f, 0.7f), EdgeSettings.NONE.withShrinkGrow(3),
                EdgeSettings.NONE.withFeather(4), new EdgeSettings(0.05f, 0.95f, -2, 2, true))) {
            for (int chunk : new int[] {1, 2}) {
                List<Outputs> edged = run(CoefficientPathTest.SETTINGS.withEdges(e).withSeqChunk(chunk));
                assertEquals(FRAMES, edged.size());
                for (int k = 0; k < FRAMES; k++) {
                    Outputs p = plain.get(k);
                    Outputs o = edged.get(k);
                    String what = e + " seq-chunk " + chunk + " frame " + k;
                    byte[] expected = EdgeFilter.edited(p.alpha8(), W, H, e);
                    assertFalse(java.util.Arrays.equals(expected, p.alpha8()), "the control changes this matte: " + what);
                    if (chunk == 1) {
                        assertArrayEquals(expected, o.alpha8(), "alpha output is the filtered matte: " + what);
                        assertArrayEquals(p.fgr(), o.fgr(), 0f, "the foreground stays the network's: " + what);
                    }
                    assertArrayEquals(o.alpha8(), o.fusedAlpha8(), "one fused write, same matte: " + what);
                    for (int i = 0; i < W * H; i++) {
                        assertEquals(PlanarInput.unit(o.alpha8()[i]), o.alpha()[i], 0f, "alpha() is the edited matte: " + what);
                    }
                    byte[] over = compositeOverBlue(o.fgr(), o.alpha());
                    assertArrayEquals(over, o.overBlue(), "composite over the edited matte: " + what);
                    assertArrayEquals(over, o.fusedOverBlue(), "fused composite over the edited matte: " + what);
                    for (int i = 0; i < W * H; i++) {
                        int a = o.straight()[4 * i + 3] & 0xFF;
                        assertEquals(o.alpha8()[i] & 0xFF, a, "straight alpha A: " + what);
                        if (a == 0) {
                            assertEquals(0, o.straight()[4 * i], "no colour where the edited matte is 0: " + what);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aChangeWhilePlayingTakesEffectAtTheNextFrameAndTheDefaultsRestoreTheNetworksMatte() {
        List<Outputs> plain = run(CoefficientPathTest.SETTINGS);
        EdgeSettings inverted = EdgeSettings.NONE.withInvert(true);
        List<Outputs> out = new ArrayList<>();
        try (RecurrentMattingStream stream = new RecurrentMattingStream(CoefficientPathTest.SETTINGS,
                RecurrentMattingStream.DEFAULT_OPENER)) {
            for (int i = 0; i < FRAMES; i++) {
                stream.update(stream.settings().withEdges(i == 1 ? inverted : EdgeSettings.NONE));
                stream.submit(CoefficientPathTest.frame(20 + i, IN), IN, i, f -> out.add(Outputs.of(f)));
            }
        }
        assertArrayEquals(plain.get(0).alpha8(), out.get(0).alpha8());
        assertArrayEquals(EdgeFilter.edited(plain.get(1).alpha8(), W, H, inverted), out.get(1).alpha8());
        assertArrayEquals(plain.get(2).alpha(), out.get(2).alpha(), 0f, "back at the defaults: the network's float matte");
        assertArrayEquals(plain.get(2).overBlue(), out.get(2).overBlue());
    }

    /** What upstream's composite gives for this foreground and matte, over the same blue. */
    private static byte[] compositeOverBlue(float[] fgr, float[] alpha) {
        ByteBuffer out = ByteBuffer.allocate(RGBA.byteSize());
        Composite.over(FloatBuffer.wrap(fgr), 0, FloatBuffer.wrap(alpha), 0, new Composite.Source.Color(0f, 0f, 1f), out,
                RGBA, RowSplit.serial());
        return out.array();
    }
}

package dev.rvm.matting;

import dev.rvm.matting.engine.RecurrentMattingStream;
import dev.rvm.models.ReferenceFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The coefficient path (coefficient model + fused full-resolution pass) against the whole graph of
 * the same weights on the same 8-bit frames, state carried: every fixture set, at its reference
 * ratios and at 0.25 and 0.375. Float alpha and foreground within the fidelity bounds per frame; 8-bit
 * alpha within one level of the whole graph's on at least 99.9 % of the pixels of every frame.
 */
class CoefficientPathFidelityTest {

    static final double MEAN_BOUND = 1e-5;
    static final double MAX_BOUND = 1e-2;
    static final double WITHIN_ONE_LEVEL = 0.999;

    static Stream<Arguments> cases() {
        TreeSet<String> seen = new TreeSet<>();
        List<Arguments> out = new ArrayList<>();
        for (ReferenceFixtures.Case c : ReferenceFixtures.cases()) {
            for (float ratio : new float[]{c.ratio(), 0.25f, 0.375f}) {
                if (ratio != 1f && seen.add(c.set() + "@" + ratio)) {
                    out.add(Arguments.of(c.set(), ratio));
                }
            }
        }
        assertTrue(out.size() >= 7, "fixture sets found under " + ReferenceFixtures.root());
        return out.stream();
    }

    @ParameterizedTest(name = "{0} @ {1}")
    @MethodSource("cases")
    void equalsTheWholeGraph(String set, float ratio) throws IOException {
        MattingSettings settings = MattingSettings.DEFAULTS.withDownsampleRatio(ratio).withThreads(2);
        List<String> failures = new ArrayList<>();
        double worstMean = 0;
        double worstMax = 0;
        double worstLevel = 1;
        long exact = 0;
        long pixels = 0;
        try (RecurrentMattingStream fused = new RecurrentMattingStream(settings, RecurrentMattingStream.DEFAULT_OPENER);
             RecurrentMattingStream whole = new RecurrentMattingStream(settings, RecurrentMattingStream.WHOLE_GRAPH_OPENER)) {
            for (Path frame : ReferenceFixtures.cases().stream().filter(c -> c.set().equals(set)).findFirst().orElseThrow()
                    .frames().stream().map(f -> ReferenceFixtures.root().resolve(set).resolve("frames").resolve(f + ".png")).toList()) {
                BufferedImage img = ImageIO.read(frame.toFile());
                FrameLayout layout = new FrameLayout(img.getWidth(), img.getHeight(), PixelFormat.BGRA, img.getWidth() * 4 + 8);
                ByteBuffer px = CoreFidelityTest.pack(img, layout);
                Output a = Output.of(fused, px, layout);
                Output b = Output.of(whole, px, layout);
                assertTrue(fused.usesCoefficientModel() && !whole.usesCoefficientModel(), "the two paths under comparison");
                String name = frame.getFileName().toString();
                for (String what : new String[]{"pha", "fgr"}) {
                    double[] d = diff(what.equals("pha") ? a.pha : a.fgr, what.equals("pha") ? b.pha : b.fgr);
                    worstMax = Math.max(worstMax, d[0]);
                    worstMean = Math.max(worstMean, d[1]);
                    if (d[0] > MAX_BOUND || d[1] > MEAN_BOUND) {
                        failures.add(String.format(Locale.ROOT, "%s %s: max %.3g mean %.3g", name, what, d[0], d[1]));
                    }
                }
                int near = 0;
                for (int i = 0; i < a.alpha8.length; i++) {
                    int d = Math.abs((a.alpha8[i] & 0xFF) - (b.alpha8[i] & 0xFF));
                    near += d <= 1 ? 1 : 0;
                    exact += d == 0 ? 1 : 0;
                }
                pixels += a.alpha8.length;
                double level = near / (double) a.alpha8.length;
                worstLevel = Math.min(worstLevel, level);
                if (level < WITHIN_ONE_LEVEL) {
                    failures.add(String.format(Locale.ROOT, "%s 8-bit alpha: %.4f %% within one level", name, 100 * level));
                }
            }
        }
        System.out.printf(Locale.ROOT, "coefficient path vs whole graph %-9s @ %-5s: float max %.2e mean %.2e | 8-bit alpha "
                        + "within 1 level %.4f %% (worst frame), equal %.4f %%%n", set, ratio, worstMax, worstMean,
                100 * worstLevel, 100.0 * exact / pixels);
        assertEquals(List.of(), failures);
    }

    /** One frame's results copied out of the stream's buffers. */
    record Output(float[] pha, float[] fgr, byte[] alpha8) {
        static Output of(MattingStream s, ByteBuffer pixels, FrameLayout layout) {
            Output[] out = new Output[1];
            s.submit(pixels, layout, 0, r -> {
                float[] pha = new float[r.width() * r.height()];
                r.alpha().get(pha);
                float[] fgr = new float[3 * pha.length];
                r.foreground().get(fgr);
                ByteBuffer a8 = ByteBuffer.allocate(pha.length);
                r.writeAlpha(a8, r.width());
                out[0] = new Output(pha, fgr, a8.array());
            });
            return out[0];
        }
    }

    /** {max abs, mean abs}. */
    static double[] diff(float[] a, float[] b) {
        assertEquals(b.length, a.length);
        double max = 0;
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs((double) a[i] - b[i]);
            max = Math.max(max, d);
            sum += d;
        }
        return new double[]{max, sum / a.length};
    }
}

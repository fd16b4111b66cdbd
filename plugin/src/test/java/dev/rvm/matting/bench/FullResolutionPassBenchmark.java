package dev.rvm.matting.bench;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.PixelFormat;
import dev.rvm.matting.pixels.Composite;
import dev.rvm.matting.pixels.DownsampledInput;
import dev.rvm.matting.pixels.FullResolutionPass;
import dev.rvm.matting.pixels.RowSplit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The pixel work of the coefficient path, per frame: the downsampled network input made from the
 * 8-bit frame, and the fused full-resolution pass (coefficients stretched to the frame, refined, 8-bit
 * alpha and a composite over a colour written, as {@code ./rvm speedtest}'s core does). Run by hand:
 * {@code java -cp "$CP" org.openjdk.jmh.Main FullResolutionPass} (see plugin/BENCHMARKS.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FullResolutionPassBenchmark {

    @Param({"1280x720", "1920x1080"})
    public String resolution;

    @Param({"0.25", "0.375"})
    public float ratio;

    /** true: two row bands (caller + the split's worker); false: all on the caller. */
    @Param({"true", "false"})
    public boolean twoThreads;

    FrameLayout layout;
    ByteBuffer frame;
    FloatBuffer a;
    FloatBuffer b;
    FloatBuffer small;
    ByteBuffer alpha;
    ByteBuffer composite;
    FrameLayout foregroundLayout;
    ByteBuffer foreground;
    RowSplit split;
    FullResolutionPass pass;
    DownsampledInput input;
    Composite.Source green = new Composite.Source.Color(120 / 255f, 1f, 155 / 255f);

    @Setup
    public void setup() {
        String[] wh = resolution.split("x");
        int w = Integer.parseInt(wh[0]);
        int h = Integer.parseInt(wh[1]);
        int sw = (int) ((float) w * ratio);
        int sh = (int) ((float) h * ratio);
        layout = FrameLayout.packed(w, h, PixelFormat.BGRX);
        Random r = new Random(1);
        byte[] px = new byte[layout.byteSize()];
        r.nextBytes(px);
        frame = ByteBuffer.allocateDirect(px.length).put(px).flip();
        a = floats(4 * (sw - 2) * (sh - 2));
        b = floats(4 * (sw - 2) * (sh - 2));
        person(a, b, sw - 2, sh - 2, r);
        small = floats(3 * sw * sh);
        alpha = ByteBuffer.allocateDirect(w * h);
        composite = ByteBuffer.allocateDirect(layout.byteSize());
        foregroundLayout = FrameLayout.packed(w, h, PixelFormat.RGB);
        foreground = ByteBuffer.allocateDirect(foregroundLayout.byteSize());
        split = new RowSplit(twoThreads);
        pass = new FullResolutionPass(w, h, sw - 2, sh - 2);
        input = new DownsampledInput(w, h, sw, sh);
    }

    @TearDown
    public void close() {
        split.close();
    }

    /**
     * Coefficients of a plausible matte: a person-sized ellipse of alpha 1 with soft edges over alpha 0
     * (so the composite's loops see the long runs of 0 a real frame has), and a little noise in A.
     */
    public static void person(FloatBuffer a, FloatBuffer b, int cw, int ch, Random r) {
        int plane = cw * ch;
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                double dx = (x - cw * 0.5) / (cw * 0.22);
                double dy = (y - ch * 0.65) / (ch * 0.55);
                double d = Math.sqrt(dx * dx + dy * dy);
                float matte = (float) Math.max(0, Math.min(1, (1.1 - d) * 5));
                int i = y * cw + x;
                for (int c = 0; c < 3; c++) {
                    a.put(c * plane + i, (r.nextFloat() - 0.5f) * 0.1f);
                    b.put(c * plane + i, (r.nextFloat() - 0.5f) * 0.05f);
                }
                a.put(3 * plane + i, matte > 0 && matte < 1 ? (r.nextFloat() - 0.5f) : 0f);
                b.put(3 * plane + i, matte);
            }
        }
    }

    private static FloatBuffer floats(int n) {
        return ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Benchmark
    public FloatBuffer downsampledInput() {
        input.write(frame, layout, small, 0, split);
        return small;
    }

    @Benchmark
    public ByteBuffer alphaAndComposite() {
        pass.alphaTo(alpha.clear(), layout.width()).compositeTo(green, composite.clear(), layout);
        pass.run(a, b, 0, frame, layout, split);
        return composite;
    }

    @Benchmark
    public ByteBuffer compositeOnly() {
        pass.compositeTo(green, composite.clear(), layout);
        pass.run(a, b, 0, frame, layout, split);
        return composite;
    }

    /** What rvmmatte with src, alpha and fgr linked writes per frame: all three in one pass. */
    @Benchmark
    public ByteBuffer threePadsOnePass() {
        pass.alphaTo(alpha.clear(), layout.width()).foregroundTo(foreground.clear(), foregroundLayout)
                .compositeTo(green, composite.clear(), layout);
        pass.run(a, b, 0, frame, layout, split);
        return composite;
    }

    /** The same three outputs as one pass each (a call per pad). */
    @Benchmark
    public ByteBuffer threePadsThreePasses() {
        pass.alphaTo(alpha.clear(), layout.width());
        pass.run(a, b, 0, frame, layout, split);
        pass.foregroundTo(foreground.clear(), foregroundLayout);
        pass.run(a, b, 0, frame, layout, split);
        pass.compositeTo(green, composite.clear(), layout);
        pass.run(a, b, 0, frame, layout, split);
        return composite;
    }
}

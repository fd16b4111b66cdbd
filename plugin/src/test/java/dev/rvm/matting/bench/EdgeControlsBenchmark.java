package dev.rvm.matting.bench;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.PixelFormat;
import dev.rvm.matting.Processor;
import dev.rvm.matting.edges.EdgeFilter;
import dev.rvm.matting.edges.EdgeSettings;
import dev.rvm.matting.edges.MatteEdges;
import dev.rvm.matting.pixels.Composite;
import dev.rvm.matting.pixels.FullResolutionPass;
import dev.rvm.matting.pixels.RowSplit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
import java.lang.management.ManagementFactory;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What each edge control costs per frame. {@code filter} is {@link EdgeFilter} on the 8-bit matte alone;
 * {@code stream} is what a stream pays per frame with the control set ({@link MatteEdges}: float matte to
 * 8 bits, the filter, back to floats; the composite then costs what it costs at the defaults), as the
 * whole graph pays it. {@code fused} is the coefficient path's whole full-resolution work for an 8-bit
 * alpha and a composite over a colour, as its frames do it: at the defaults one fused pass; with a control
 * set the alpha-only pass, the filter, and the colour pass from the edited matte. Run by hand:
 * {@code java -cp "$CP" org.openjdk.jmh.Main EdgeControls -p resolution=1280x720} (see plugin/BENCHMARKS.md),
 * or {@code java -cp "$CP" dev.rvm.matting.bench.EdgeControlsBenchmark [WxH] [rounds]} for {@code fused}
 * with every control taking turns in one process (what a shared machine's load hits alike).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EdgeControlsBenchmark {

    @Param({"1280x720"})
    public String resolution;

    @Param({"none", "clip", "shrink-2", "shrink-8", "grow-8", "shrink-32", "feather-2", "feather-8", "feather-32",
            "invert", "all"})
    public String control;

    int width;
    int height;
    ByteBuffer plane;
    FloatBuffer pha;
    EdgeFilter filter;
    MatteEdges edges;
    RowSplit split;
    FullResolutionPass pass;
    FloatBuffer coefA;
    FloatBuffer coefB;
    ByteBuffer frame;
    FrameLayout layout;
    ByteBuffer matte;
    ByteBuffer alpha;
    ByteBuffer composite;
    final Composite.Source green = new Composite.Source.Color(120 / 255f, 1f, 155 / 255f);

    static EdgeSettings settings(String control) {
        EdgeSettings n = EdgeSettings.NONE;
        return switch (control) {
            case "none" -> n;
            case "clip" -> n.withClip(0.1f, 0.9f);
            case "invert" -> n.withInvert(true);
            case "all" -> new EdgeSettings(0.1f, 0.9f, 2, 4, true);
            default -> {
                int px = Integer.parseInt(control.substring(control.indexOf('-') + 1));
                yield control.startsWith("shrink") ? n.withShrinkGrow(px) : control.startsWith("grow") ? n.withShrinkGrow(-px)
                        : n.withFeather(px);
            }
        };
    }

    @Setup
    public void setup() {
        String[] wh = resolution.split("x");
        width = Integer.parseInt(wh[0]);
        height = Integer.parseInt(wh[1]);
        plane = ByteBuffer.allocateDirect(width * height);
        pha = ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
        refill();
        filter = new EdgeFilter();
        filter.configure(settings(control));
        edges = new MatteEdges();
        edges.configure(settings(control));
        split = new RowSplit();
        // the coefficient path at ratio 0.25: coefficients two short of the network input on each axis
        int cw = (int) (width * 0.25f) - 2;
        int ch = (int) (height * 0.25f) - 2;
        Random r = new Random(1);
        coefA = floats(4 * cw * ch);
        coefB = floats(4 * cw * ch);
        FullResolutionPassBenchmark.person(coefA, coefB, cw, ch, r);
        layout = FrameLayout.packed(width, height, PixelFormat.BGRX);
        byte[] px = new byte[layout.byteSize()];
        r.nextBytes(px);
        frame = ByteBuffer.allocateDirect(px.length).put(px).flip();
        pass = new FullResolutionPass(width, height, cw, ch);
        matte = ByteBuffer.allocateDirect(width * height);
        alpha = ByteBuffer.allocateDirect(width * height);
        composite = ByteBuffer.allocateDirect(layout.byteSize());
    }

    private static FloatBuffer floats(int n) {
        return ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** A person-like matte: an upright ellipse with a soft rim over a third of the frame. */
    @Setup(Level.Iteration)
    public void refill() {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = (x - width / 2.0) / (width / 6.0);
                double dy = (y - height * 0.6) / (height / 2.5);
                double d = Math.sqrt(dx * dx + dy * dy);
                float a = (float) Math.min(1, Math.max(0, (1.05 - d) * 10));
                pha.put(y * width + x, a);
                plane.put(y * width + x, (byte) Math.round(a * 255));
            }
        }
    }

    @Benchmark
    public ByteBuffer filter() {
        filter.apply(plane, width, height, width);
        return plane;
    }

    @Benchmark
    public FloatBuffer stream() {
        edges.apply(pha, 0, width, height, split);
        return pha;
    }

    @Benchmark
    public ByteBuffer fused() {
        if (edges.active()) {
            pass.alphaTo(matte.clear(), width).run(coefA, coefB, 0, frame, layout, split);
            edges.edit(matte, width, height, width);
            pass.matteFrom(matte, width);
        }
        pass.alphaTo(alpha.clear(), width).compositeTo(green, composite.clear(), layout).run(coefA, coefB, 0, frame, layout, split);
        return composite;
    }

    /** {@link #fused} for every control in turns, a few frames each round; medians and the fastest tenth. */
    public static void main(String[] args) {
        String resolution = args.length > 0 ? args[0] : "1280x720";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 80;
        String[] controls = {"none", "invert", "clip", "shrink-2", "shrink-8", "feather-2", "feather-8", "all"};
        EdgeControlsBenchmark[] runs = new EdgeControlsBenchmark[controls.length];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = new EdgeControlsBenchmark();
            runs[i].resolution = resolution;
            runs[i].control = controls[i];
            runs[i].setup();
        }
        int warm = rounds / 4;
        int frames = 4;
        double[][] ms = new double[runs.length][rounds - warm];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < runs.length; i++) {
                long t0 = System.nanoTime();
                for (int f = 0; f < frames; f++) {
                    runs[i].fused();
                }
                if (round >= warm) {
                    ms[i][round - warm] = (System.nanoTime() - t0) / 1e6 / frames;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s, load %.2f: the coefficient path's 8-bit alpha + composite per %s frame%n",
                Processor.name(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), resolution);
        double base = 0;
        for (int i = 0; i < runs.length; i++) {
            Arrays.sort(ms[i]);
            double median = ms[i][ms[i].length / 2];
            base = i == 0 ? median : base;
            System.out.printf(Locale.ROOT, "%-10s median %.2f ms (fastest tenth %.2f), %+.2f ms against none%n", controls[i],
                    median, ms[i][ms[i].length / 10], median - base);
            runs[i].close();
        }
    }

    @TearDown
    public void close() {
        filter.close();
        edges.close();
        split.close();
    }
}

package dev.rvm.matting.bench;

import dev.rvm.matting.edges.EdgeFilter;
import dev.rvm.matting.edges.EdgeSettings;
import dev.rvm.matting.edges.MatteEdges;
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
import java.nio.FloatBuffer;
import java.util.concurrent.TimeUnit;

/**
 * What each edge control costs per frame. {@code filter} is {@link EdgeFilter} on the 8-bit matte alone;
 * {@code stream} is what a stream pays per frame with the control set ({@link MatteEdges}: float matte to
 * 8 bits, the filter, back to floats; the composite then costs what it costs at the defaults). Run by hand:
 * {@code java -cp "$CP" org.openjdk.jmh.Main EdgeControls -p resolution=1280x720} (see plugin/BENCHMARKS.md).
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

    @TearDown
    public void close() {
        filter.close();
        edges.close();
    }
}

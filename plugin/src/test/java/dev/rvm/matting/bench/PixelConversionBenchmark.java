package dev.rvm.matting.bench;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.PixelFormat;
import dev.rvm.matting.pixels.Composite;
import dev.rvm.matting.pixels.PackedOutput;
import dev.rvm.matting.pixels.PlanarInput;
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
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The per-frame pixel work around the model call. Run by hand:
 * {@code mvn -q -o -pl plugin -am test-compile && java -cp "plugin/target/test-classes:plugin/target/classes:$(cat cp.txt)" org.openjdk.jmh.Main PixelConversion}
 * (see plugin/BENCHMARKS.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PixelConversionBenchmark {

    @Param({"1280x720", "1920x1080"})
    public String resolution;

    @Param({"BGRX", "RGB"})
    public PixelFormat format;

    FrameLayout layout;
    ByteBuffer frame;
    FloatBuffer planes;
    FloatBuffer pha;
    ByteBuffer out;
    ByteBuffer alpha;
    /** true: rows split between the caller and one pool thread; false: all on the caller. */
    @Param({"true", "false"})
    public boolean twoThreads;

    /** Bytes of padding after each row; a stride that is not a multiple of 4 takes the byte-wise path. */
    @Param({"0"})
    public int padding;

    RowSplit row;
    Composite.Source green = new Composite.Source.Color(120 / 255f, 1f, 155 / 255f);
    Composite.Source transparent = new Composite.Source.Transparent();

    @Setup
    public void setup() {
        row = new RowSplit(twoThreads);
        String[] wh = resolution.split("x");
        int w = Integer.parseInt(wh[0]);
        int h = Integer.parseInt(wh[1]);
        layout = new FrameLayout(w, h, format, w * format.bytesPerPixel + padding);
        Random r = new Random(1);
        byte[] px = new byte[layout.byteSize()];
        r.nextBytes(px);
        frame = ByteBuffer.allocateDirect(px.length).put(px).flip();
        planes = ByteBuffer.allocateDirect(3 * w * h * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
        pha = ByteBuffer.allocateDirect(w * h * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (int i = 0; i < w * h; i++) {
            pha.put(i, r.nextFloat());
        }
        PlanarInput.toPlanar(frame, layout, planes, 0, RowSplit.serial());
        out = ByteBuffer.allocateDirect(layout.byteSize() + 4 * h);
        alpha = ByteBuffer.allocateDirect(w * h);

    }

    @Benchmark
    public FloatBuffer packedToPlanarInput() {
        PlanarInput.toPlanar(frame, layout, planes, 0, row);
        return planes;
    }

    @Benchmark
    public ByteBuffer alpha8() {
        PackedOutput.alpha(pha, 0, layout.width(), layout.height(), alpha, layout.width(), row);
        return alpha;
    }

    @Benchmark
    public ByteBuffer compositeOverColour() {
        Composite.over(planes, 0, pha, 0, green, out, layout, row);
        return out;
    }
}

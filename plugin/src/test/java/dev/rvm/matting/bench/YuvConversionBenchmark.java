package dev.rvm.matting.bench;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.PixelFormat;
import dev.rvm.matting.compositing.YuvConverter;
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
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The opaque composite's 4:2:0 conversion (what {@code rvmmatte ! x264enc} adds per frame), run by hand
 * like {@link PixelConversionBenchmark}: {@code ... org.openjdk.jmh.Main YuvConversion}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class YuvConversionBenchmark {

    @Param({"1280x720"})
    public String resolution;

    @Param({"I420", "NV12"})
    public YuvConverter.Planes planes;

    FrameLayout layout;
    ByteBuffer rgbx;
    ByteBuffer out;
    YuvConverter converter;

    @Setup
    public void setup() {
        String[] wh = resolution.split("x");
        int w = Integer.parseInt(wh[0]);
        int h = Integer.parseInt(wh[1]);
        layout = FrameLayout.packed(w, h, PixelFormat.RGBX);
        byte[] px = new byte[layout.byteSize()];
        new Random(1).nextBytes(px);
        rgbx = ByteBuffer.allocateDirect(px.length).put(px).flip();
        out = ByteBuffer.allocateDirect(YuvConverter.size(planes, w, h));
        converter = new YuvConverter();
    }

    @Benchmark
    public ByteBuffer rgbxTo420() {
        converter.convert(rgbx, layout, planes, out);
        return out;
    }
}

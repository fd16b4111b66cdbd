package dev.rvm.matting.bench;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.PixelFormat;
import dev.rvm.matting.compositing.BackgroundRenderer;
import dev.rvm.matting.pixels.Composite;
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
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What a frame of rvmmatte's background pad costs before the composite: the background frame (BGRx,
 * as videoconvert hands it) to RGB at the 1280x720 person frame's size, scaled to cover when it has
 * another size. Run by hand like {@link PixelConversionBenchmark}: {@code ... org.openjdk.jmh.Main VideoBackground}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VideoBackgroundBenchmark {

    /** The background frame's size; the person frame is 1280x720. */
    @Param({"1280x720", "1920x1080"})
    public String background;

    FrameLayout layout;
    ByteBuffer frame;
    BackgroundRenderer renderer;

    @Setup
    public void setup() {
        String[] wh = background.split("x");
        layout = FrameLayout.packed(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), PixelFormat.BGRX);
        byte[] px = new byte[layout.byteSize()];
        new Random(1).nextBytes(px);
        frame = ByteBuffer.allocateDirect(px.length).put(px).flip();
        renderer = new BackgroundRenderer();
    }

    @TearDown
    public void close() {
        renderer.close();
    }

    @Benchmark
    public Composite.Source coverFrame() {
        return renderer.video(frame, layout, 1280, 720);
    }
}

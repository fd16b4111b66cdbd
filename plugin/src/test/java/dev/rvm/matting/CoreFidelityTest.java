package dev.rvm.matting;

import dev.rvm.models.ReferenceFixtures;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole core (8-bit frame in, float alpha/foreground out, state carried) against the original
 * model's outputs in {@code shared/fixtures/rvm-reference}, feeding frames as BGRA with padded rows
 * or as packed RGB so the conversions are part of what is checked.
 */
class CoreFidelityTest {

    static Stream<Arguments> cases() {
        List<ReferenceFixtures.Case> all = ReferenceFixtures.cases();
        assertTrue(all.size() >= 5, "fixture sets found under " + ReferenceFixtures.root());
        return all.stream().map(c -> Arguments.of(c.set(), c.refDir(), c.ratio(),
                c.set().equals("vtest720") ? PixelFormat.RGB : PixelFormat.BGRA));
    }

    @ParameterizedTest(name = "{0} @ {2} as {3}")
    @MethodSource("cases")
    void matchesTheOriginalModel(String set, String refDir, float ratio, PixelFormat format) throws IOException {
        List<Path> frames;
        try (Stream<Path> s = Files.list(ReferenceFixtures.root().resolve(set).resolve("frames"))) {
            frames = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        Path ref = ReferenceFixtures.root().resolve(set).resolve(refDir);
        List<String> failures = new ArrayList<>();
        try (MattingStream stream = MattingStreams.open(MattingSettings.DEFAULTS.withDownsampleRatio(ratio))) {
            for (Path frame : frames) {
                String name = frame.getFileName().toString().replace(".png", "");
                BufferedImage img = ImageIO.read(frame.toFile());
                FrameLayout layout = new FrameLayout(img.getWidth(), img.getHeight(), format,
                        img.getWidth() * format.bytesPerPixel + (format == PixelFormat.BGRA ? 12 : 0));
                ByteBuffer pixels = pack(img, layout);
                stream.submit(pixels, layout, 0, result -> {
                    try {
                        float[] pha = new float[result.width() * result.height()];
                        result.alpha().get(pha);
                        compare(failures, name + " pha", pha, ReferenceFixtures.readFloats(ref.resolve(name + ".pha.f32.gz")));
                        Path fgrRef = ref.resolve(name + ".fgr.f32.gz");
                        if (Files.exists(fgrRef)) {
                            compare(failures, name + " fgr", interleave(result.foreground(), pha.length), ReferenceFixtures.readFloats(fgrRef));
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
        assertEquals(List.of(), failures);
    }

    @org.junit.jupiter.api.Test
    void resetGivesTheFirstFrameAgainAndChunksEqualSingleFrames() throws IOException {
        Path ref = ReferenceFixtures.root().resolve("cap12").resolve("ref_r05");
        List<Path> frames;
        try (Stream<Path> s = Files.list(ReferenceFixtures.root().resolve("cap12").resolve("frames"))) {
            frames = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        List<float[]> single = new ArrayList<>();
        List<float[]> singleFgr = new ArrayList<>();
        MattingSettings settings = MattingSettings.DEFAULTS.withDownsampleRatio(0.5f);
        List<String> failures = new ArrayList<>();
        try (MattingStream stream = MattingStreams.open(settings)) {
            for (Path frame : frames) {
                submit(stream, frame, single, singleFgr);
            }
            stream.reset();
            List<float[]> again = new ArrayList<>();
            submit(stream, frames.get(0), again, new ArrayList<>());
            compare(failures, "frame 0 after reset", again.get(0), ReferenceFixtures.readFloats(ref.resolve("000000.pha.f32.gz")));
        }
        // seq-chunk 4 through the sequence model (12 frames: three calls) must equal 12 single calls
        try (var seq = dev.rvm.matting.model.RvmModel.open(dev.rvm.matting.model.ModelLocator.locateSequence("mobilenetv3", 4),
                dev.rvm.matting.model.SessionTuning.of(1, Device.CPU))) {
            assertEquals(4, seq.framesPerCall(), "the registry's sequence model takes 4 frames per call");
        }
        List<float[]> chunked = new ArrayList<>();
        List<float[]> chunkedFgr = new ArrayList<>();
        try (MattingStream stream = MattingStreams.open(settings.withSeqChunk(4))) {
            for (Path frame : frames.subList(0, 10)) {
                submit(stream, frame, chunked, chunkedFgr);
            }
            assertEquals(8, chunked.size(), "two full chunks out, two frames buffered");
            stream.drain(r -> collect(r, chunked, chunkedFgr));
            for (Path frame : frames.subList(10, 12)) {
                submit(stream, frame, chunked, chunkedFgr);
            }
            stream.drain(r -> collect(r, chunked, chunkedFgr));
        }
        assertEquals(12, chunked.size());
        for (int i = 0; i < 12; i++) {
            compare(failures, "chunked pha " + i, chunked.get(i), single.get(i));
            compare(failures, "chunked fgr " + i, chunkedFgr.get(i), singleFgr.get(i));
        }
        assertEquals(List.of(), failures);
    }

    static void submit(MattingStream stream, Path frame, List<float[]> pha, List<float[]> fgr) throws IOException {
        BufferedImage img = ImageIO.read(frame.toFile());
        FrameLayout layout = FrameLayout.packed(img.getWidth(), img.getHeight(), PixelFormat.RGB);
        stream.submit(pack(img, layout), layout, 0, r -> collect(r, pha, fgr));
    }

    static void collect(MattedFrame r, List<float[]> pha, List<float[]> fgr) {
        float[] a = new float[r.width() * r.height()];
        r.alpha().get(a);
        float[] f = new float[3 * a.length];
        r.foreground().get(f);
        pha.add(a);
        fgr.add(f);
    }

    static void compare(List<String> failures, String what, float[] actual, float[] expected) {
        assertEquals(expected.length, actual.length, what + " size");
        double sum = 0;
        double max = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = Math.abs(actual[i] - expected[i]);
            sum += d;
            max = Math.max(max, d);
        }
        double mean = sum / actual.length;
        if (mean > 1e-5 || max > 1e-2) {
            failures.add(what + ": mean abs " + mean + ", max abs " + max);
        }
    }

    static float[] interleave(FloatBuffer planes, int plane) {
        float[] out = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                out[3 * i + c] = planes.get(c * plane + i);
            }
        }
        return out;
    }

    static ByteBuffer pack(BufferedImage img, FrameLayout layout) {
        PixelFormat f = layout.format();
        ByteBuffer b = ByteBuffer.allocateDirect(layout.stride() * layout.height());
        for (int y = 0; y < layout.height(); y++) {
            for (int x = 0; x < layout.width(); x++) {
                int argb = img.getRGB(x, y);
                int p = y * layout.stride() + x * f.bytesPerPixel;
                b.put(p + f.red, (byte) (argb >> 16)).put(p + f.green, (byte) (argb >> 8)).put(p + f.blue, (byte) argb);
                if (f.hasAlpha()) {
                    b.put(p + f.alpha, (byte) 255);
                }
            }
        }
        return b;
    }

}

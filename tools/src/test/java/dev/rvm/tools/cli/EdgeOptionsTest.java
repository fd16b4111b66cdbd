package dev.rvm.tools.cli;

import dev.rvm.conversion.gst.PipelineRunner;
import dev.rvm.gst.GstRuntime;
import dev.rvm.matting.edges.EdgeFilter;
import dev.rvm.matting.edges.EdgeSettings;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edge controls on the command line: {@code ./rvm convert} options named like the settings (frame
 * directories through the core, video files through the element), presets for convert and launch, and
 * refusals that name the option.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES) // a stuck pipeline fails the test instead of the build
class EdgeOptionsTest {
    private static final EdgeSettings EDGES = new EdgeSettings(0.1f, 0.9f, -2, 3, true);
    private static final String[] EDGE_OPTIONS = {"--clip-black", "0.1", "--clip-white", "0.9", "--shrink-grow", "-2",
            "--feather", "3", "--invert"};

    @TempDir
    static Path dir;
    private static Path frames;
    private static Path clip;

    @BeforeAll
    static void inputs() throws Exception {
        frames = Files.createDirectories(dir.resolve("frames"));
        for (String name : List.of("000000.png", "000001.png", "000002.png")) {
            Files.copy(ConvertCommandTest.fixtures().resolve("cap12/frames").resolve(name), frames.resolve(name));
        }
        GstRuntime.start("edge-options-test");
        clip = dir.resolve("clip.mp4");
        Pipeline p = (Pipeline) Gst.parseLaunch("videotestsrc num-buffers=6 pattern=ball ! video/x-raw,width=96,height=64,"
                + "framerate=30/1 ! videoconvert ! x264enc ! mp4mux ! filesink location=" + clip);
        PipelineRunner.run(p, null);
    }

    private static Path convert(Path input, String name, String... extra) {
        Path out = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("convert", "--input", input.toString(), "--output-type",
                "png_sequence", "--output-alpha", out.resolve("alpha").toString(), "--output-composition",
                out.resolve("comp").toString(), "--background", "#0000FF", "--downsample-ratio", "0.5"));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return out;
    }

    private static byte[] gray(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType(), png + " is an 8-bit matte");
        return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    }

    /** Every alpha PNG of {@code edged} is the plain run's matte through the filter; the composition follows it. */
    private static void assertEdged(Path plain, Path edged) throws Exception {
        List<String> names;
        try (var files = Files.list(plain.resolve("alpha"))) {
            names = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertTrue(names.size() >= 3, "frames written: " + names);
        for (String name : names) {
            BufferedImage img = ImageIO.read(plain.resolve("alpha").resolve(name).toFile());
            int w = img.getWidth();
            int h = img.getHeight();
            byte[] expected = EdgeFilter.edited(gray(plain.resolve("alpha").resolve(name)), w, h, EDGES);
            byte[] alpha = gray(edged.resolve("alpha").resolve(name));
            assertArrayEquals(expected, alpha, "alpha " + name);
            BufferedImage comp = ImageIO.read(edged.resolve("comp").resolve(name).toFile());
            for (int i = 0; i < w * h; i++) {
                int rgb = comp.getRGB(i % w, i / w) & 0xFFFFFF;
                if (alpha[i] == 0) {
                    assertEquals(0x0000FF, rgb, "composition " + name + " is the background where the edited matte is 0");
                }
            }
        }
    }

    @Test
    void convertAppliesTheEdgeOptionsToFrameDirectoriesAndVideos() throws Exception {
        assertEdged(convert(frames, "frames-plain"), convert(frames, "frames-edged", EDGE_OPTIONS));
        assertEdged(convert(clip, "video-plain"), convert(clip, "video-edged", EDGE_OPTIONS));
    }

    @Test
    void aPresetsEdgesDriveConvertAndLaunch() throws Exception {
        Path preset = dir.resolve("edges.json");
        Files.writeString(preset, "{\"format\": \"rvm-matting-preset\", \"version\": 1, \"background\": {\"kind\": \"color\","
                + " \"color\": \"#00FF00\"}, \"edges\": {\"clipBlack\": 0.1, \"clipWhite\": 0.9, \"shrinkGrow\": -2,"
                + " \"feather\": 3, \"invert\": true}}");
        assertEdged(convert(frames, "frames-plain"), convert(frames, "frames-preset", "--preset", preset.toString()));

        // a black frame has no person: green everywhere, unless the preset inverts the matte
        Path out = dir.resolve("frame.rgba");
        CliRun run = CliRun.of("launch", "--preset", preset.toString(), "videotestsrc num-buffers=1 pattern=black"
                + " ! video/x-raw,width=64,height=48 ! videoconvert ! rvmmatte ! videoconvert ! video/x-raw,format=RGBA"
                + " ! filesink location=" + out);
        assertEquals(0, run.exitCode(), run.err());
        byte[] rgba = Files.readAllBytes(out);
        assertTrue((rgba[1] & 0xFF) < 100, "the inverted matte shows the (black) frame, not the green background: G="
                + (rgba[1] & 0xFF));
    }

    @Test
    void badEdgeOptionsAreRefusedNamingTheOption() {
        CliRun run = CliRun.of("convert", "--input", frames.toString(), "--output-alpha", dir.resolve("x").toString(),
                "--feather", "-1");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("--feather must be a whole number in 0..64; got -1"), run.err());
        run = CliRun.of("convert", "--input", frames.toString(), "--output-alpha", dir.resolve("x").toString(),
                "--clip-black", "0.8", "--clip-white", "0.5");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("--clip-black (0.8) must be below clip-white (0.5)"), run.err());
        assertTrue(!Files.exists(dir.resolve("x")), "nothing written");
    }
}

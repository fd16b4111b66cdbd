package dev.rvm.gst.loader;

import dev.rvm.gst.media.SampleMedia;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * rvmmatte as an editor's video effect, with stock ges-launch-1.0 (GES is Pitivi's engine) over the
 * built plugin: the talking head on layer 0 with {@code +effect rvmmatte} over a blue test clip on
 * layer 1, rendered losslessly (FFV1) at 200x150, 10 frames. Where the matte is 0 the blue layer must
 * show, where it is 1 the person, as the same timeline renders without the effect.
 */
class GesEffectTest {
    private static final int W = 200;
    private static final int H = 150;
    private static final int FRAMES = 10;
    private static final String FFV1 = "video/x-matroska:video/x-ffv";

    @TempDir
    static Path dir;
    private static Path registry;
    private static Path clip;

    @BeforeAll
    static void sample() {
        clip = SampleMedia.talkingHead();
        registry = dir.resolve("registry.bin");
    }

    /** What Pitivi's effect list takes: klass with Effect and Video, one always sink, one always src. */
    @Test
    void discoveredAsAPitiviVideoEffect() throws Exception {
        GstTools.Result r = GstTools.run(registry, Map.of(), "gst-inspect-1.0", "rvmmatte");
        assertEquals(0, r.exit(), r.output());
        String klass = r.output().lines().filter(l -> l.trim().startsWith("Klass")).findFirst().orElse("");
        assertTrue(klass.contains("Effect") && klass.contains("Video"), klass);
        List<String> always = new ArrayList<>();
        String template = null;
        for (String line : r.output().lines().toList()) {
            String t = line.trim();
            if (t.startsWith("SRC template:") || t.startsWith("SINK template:")) {
                template = t.substring(0, t.indexOf(' '));
            } else if (t.equals("Availability: Always") && template != null) {
                always.add(template);
            }
        }
        assertEquals(List.of("SINK", "SRC"), always.stream().sorted().toList(), r.output());
    }

    @Test
    void personKeyedOverTheLowerLayerAndPropertiesSurviveSaveAndLoad() throws Exception {
        Path project = dir.resolve("talk.xges");
        Path keyed = dir.resolve("keyed.mkv");
        ges(timeline("+effect", "rvmmatte", "set-downsample-ratio", "0.5", "--save", project.toString()), keyed);
        ges(timeline(), dir.resolve("plain.mkv"));
        List<byte[]> withEffect = decode(keyed);
        List<byte[]> person = decode(dir.resolve("plain.mkv"));
        assertEquals(FRAMES, withEffect.size());
        assertEquals(FRAMES, person.size());
        Masks masks = referenceMasks();
        assertKeyed(withEffect, person, masks);

        String xges = Files.readString(project);
        assertTrue(xges.contains("GstRvmMatteLoader::downsample-ratio=(float)0.5"), "child property saved:\n" + xges);
        Path reloaded = dir.resolve("reloaded.mkv");
        GstTools.Result load = GstTools.run(registry, Map.of("GST_DEBUG", "rvmmatte:4"), "ges-launch-1.0",
                "--no-interactive", "--load", project.toString(), "-o", reloaded.toUri().toString(), "-f", FFV1);
        assertEquals(0, load.exit(), load.output());
        assertTrue(load.output().contains("opening matting stream MattingSettings[model=mobilenetv3, downsampleRatio=0.5"),
                "the loaded project sets the ratio on the element:\n" + load.output());
        assertKeyed(decode(reloaded), person, masks);
    }

    private static List<String> timeline(String... effect) {
        List<String> args = new ArrayList<>(List.of("ges-launch-1.0", "--no-interactive", "-t", "video", "--video-caps",
                "video/x-raw,width=" + W + ",height=" + H + ",framerate=10/1",
                "+test-clip", "blue", "d=1.0", "layer=1", "set-posy", "0", "set-height", String.valueOf(H),
                "+clip", clip.toUri().toString(), "layer=0", "d=1.0"));
        args.addAll(List.of(effect));
        return args;
    }

    private static void ges(List<String> command, Path output) throws Exception {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("-o", output.toUri().toString(), "-f", FFV1));
        GstTools.Result r = GstTools.run(registry, Map.of(), args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.output());
        assertTrue(Files.size(output) > 1000, r.output());
    }

    /** The rendered frames as packed RGB (rows of 600 bytes: no padding at this width). */
    private static List<byte[]> decode(Path mkv) throws Exception {
        Path raw = dir.resolve(mkv.getFileName() + ".rgb");
        GstTools.Result r = GstTools.run(registry, Map.of(), "gst-launch-1.0", "-q", "filesrc", "location=" + mkv, "!",
                "matroskademux", "!", "avdec_ffv1", "!", "videoconvert", "!", "video/x-raw,format=RGB", "!",
                "filesink", "location=" + raw);
        assertEquals(0, r.exit(), r.output());
        return split(Files.readAllBytes(raw), W * H * 3);
    }

    /** Blocks of the output grid where the element's own matte is 0 (or 255) in every frame of the first second. */
    private record Masks(boolean[] background, boolean[] person) {}

    private static Masks referenceMasks() throws Exception {
        Path alpha = dir.resolve("alpha.gray");
        GstTools.Result r = GstTools.run(registry, Map.of(), "gst-launch-1.0", "-q", "filesrc", "location=" + clip, "!",
                "decodebin", "!", "videoconvert", "!", "identity", "eos-after=25", "!", "rvmmatte", "name=m",
                "downsample-ratio=0.5", "m.alpha", "!", "filesink", "location=" + alpha);
        assertEquals(0, r.exit(), r.output());
        List<byte[]> mattes = split(Files.readAllBytes(alpha), 400 * 300);
        boolean[] background = new boolean[W * H];
        boolean[] person = new boolean[W * H];
        int margin = 3; // the output grid is half the clip's; edges may move between frames
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean zero = true;
                boolean one = true;
                for (byte[] m : mattes) {
                    for (int sy = Math.max(0, 2 * y - margin); sy <= Math.min(299, 2 * y + 1 + margin); sy++) {
                        for (int sx = Math.max(0, 2 * x - margin); sx <= Math.min(399, 2 * x + 1 + margin); sx++) {
                            int a = m[sy * 400 + sx] & 0xFF;
                            zero &= a == 0;
                            one &= a == 255;
                        }
                    }
                }
                background[y * W + x] = zero;
                person[y * W + x] = one;
            }
        }
        return new Masks(background, person);
    }

    private static void assertKeyed(List<byte[]> keyed, List<byte[]> person, Masks masks) {
        int backgroundPixels = 0;
        int personPixels = 0;
        for (int i = 0; i < W * H; i++) {
            backgroundPixels += masks.background()[i] ? 1 : 0;
            personPixels += masks.person()[i] ? 1 : 0;
        }
        assertTrue(backgroundPixels > W * H / 10 && personPixels > W * H / 20,
                "the sample has wall and person: " + backgroundPixels + " and " + personPixels + " pixels");
        for (int f = 0; f < FRAMES; f++) {
            byte[] k = keyed.get(f);
            byte[] p = person.get(f);
            long personDifference = 0;
            for (int i = 0; i < W * H; i++) {
                int r = k[3 * i] & 0xFF;
                int g = k[3 * i + 1] & 0xFF;
                int b = k[3 * i + 2] & 0xFF;
                if (masks.background()[i]) {
                    assertTrue(r < 24 && g < 24 && b > 230, "frame " + f + ": the blue layer where the matte is 0, at "
                            + i % W + "," + i / W + " got " + r + "," + g + "," + b);
                }
                if (masks.person()[i]) {
                    for (int c = 0; c < 3; c++) {
                        personDifference += Math.abs((k[3 * i + c] & 0xFF) - (p[3 * i + c] & 0xFF));
                    }
                }
            }
            double mean = personDifference / (3.0 * personPixels);
            assertTrue(mean < 6, "frame " + f + ": the person where the matte is 1, mean difference " + mean);
        }
    }

    private static List<byte[]> split(byte[] all, int frameBytes) {
        List<byte[]> frames = new ArrayList<>();
        for (int at = 0; at + frameBytes <= all.length; at += frameBytes) {
            byte[] f = new byte[frameBytes];
            System.arraycopy(all, at, f, 0, frameBytes);
            frames.add(f);
        }
        return frames;
    }
}

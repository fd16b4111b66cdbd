package dev.rvm.batch;

import dev.rvm.batch.commit.JobLayout;
import dev.rvm.batch.commit.SuccessMarker;
import dev.rvm.conversion.video.VideoConvertOptions;
import dev.rvm.conversion.video.VideoConverter;
import dev.rvm.gst.media.SampleMedia;
import dev.rvm.matting.MattingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pieces against one run: the sample clip (53 s, keyframes every 10 s) matted by the batch job in 3
 * pieces on {@code local[2]}, each later piece after the default warm-up, against one sequential
 * {@code ./rvm convert} run (the rvmmatte element, an independent path) frame by frame.
 *
 * <p>The aim was alpha within a mean absolute difference of 1e-3 and a maximum of 0.1 on every frame.
 * This clip does not allow it: the network keeps something of the clip's first frames for hundreds of
 * frames, and near frames 1089 and 1284 a piece started from zero memory stays off by up to 1.6e-3
 * mean / 0.19 max whatever its warm-up (measured up to 12 s: docs/batch.md, "How long a warm-up").
 * So this holds what the default warm-up reaches (worst frame 1.8e-3 / 0.19) with a little room,
 * and that all but a few frames are within the aim.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ChunkedEqualsSequentialTest {

    static final float RATIO = 0.5f;

    @TempDir
    Path dir;

    @Test
    void threePiecesWithWarmupEqualOneSequentialRun() throws Exception {
        Path clip = SampleMedia.talkingHead();
        Path sequential = dir.resolve("sequential");
        new VideoConverter(new VideoConvertOptions(clip, null, sequential, null, true, 4, null,
                MattingSettings.DEFAULTS.withDownsampleRatio(RATIO).withThreads(1))).run();

        Path list = dir.resolve("inputs.txt");
        Files.writeString(list, clip + "\n");
        Path out = dir.resolve("out");
        BatchRun run = BatchRun.of("--input", list.toString(), "--output", out.toString(), "--master", "local[2]",
                "--output-type", "png_sequence", "--output-alpha", "pha", "--downsample-ratio", Float.toString(RATIO),
                "--chunk-seconds", "18");
        assertEquals(0, run.exitCode(), run.err());
        SuccessMarker marker = SuccessMarker.read(out.resolve("cap12_edit").resolve(JobLayout.SUCCESS));
        assertEquals(3, marker.chunks());

        List<Path> expected = pngs(sequential);
        List<Path> actual = pngs(out.resolve("cap12_edit/pha"));
        assertEquals(1337, expected.size());
        assertEquals(expected.stream().map(Path::getFileName).toList(), actual.stream().map(Path::getFileName).toList(),
                "the same frames, named alike");
        double worstMean = 0;
        double worstMax = 0;
        int overAim = 0;
        String worstFrame = "";
        for (int i = 0; i < expected.size(); i++) {
            byte[] a = gray(expected.get(i));
            byte[] b = gray(actual.get(i));
            long sum = 0;
            int max = 0;
            for (int j = 0; j < a.length; j++) {
                int d = Math.abs((a[j] & 0xFF) - (b[j] & 0xFF));
                sum += d;
                max = Math.max(max, d);
            }
            double mean = sum / 255.0 / a.length;
            if (mean > 1e-3) {
                overAim++;
            }
            if (mean > worstMean) {
                worstMean = mean;
                worstFrame = expected.get(i).getFileName().toString();
            }
            worstMax = Math.max(worstMax, max / 255.0);
        }
        System.out.printf(Locale.ROOT, "pieces vs sequential over %d frames: worst frame %s mean |dpha| %.2e, worst max |dpha| %.3f,"
                + " %d frames over a mean of 1e-3%n", expected.size(), worstFrame, worstMean, worstMax, overAim);
        assertTrue(worstMean <= 2.5e-3, "mean |dpha| " + worstMean + " at " + worstFrame);
        assertTrue(worstMax <= 0.25, "max |dpha| " + worstMax);
        assertTrue(overAim <= expected.size() / 100, overAim + " frames over a mean |dpha| of 1e-3");
    }

    private static List<Path> pngs(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }

    private static byte[] gray(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        if (img.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            BufferedImage g = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            g.getGraphics().drawImage(img, 0, 0, null);
            img = g;
        }
        return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    }
}

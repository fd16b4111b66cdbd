package dev.rvm.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rvm.conversion.gst.PipelineRunner;
import dev.rvm.conversion.video.MediaProbe;
import dev.rvm.gst.GstRuntime;
import dev.rvm.models.ModelRegistry;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Upstream RVM's own command lines, typed as they are, after {@code ./rvm}. */
class UpstreamCommandLineTest {
    private static final int FRAMES = 20;
    @TempDir
    static Path dir;
    private static Path input;
    private static Path checkpoint;

    @BeforeAll
    static void inputAndCheckpoint() throws Exception {
        GstRuntime.start("upstream-command-line-test");
        input = dir.resolve("input.mp4");
        PipelineRunner.run((Pipeline) Gst.parseLaunch("videotestsrc num-buffers=" + FRAMES + " pattern=smpte"
                + " ! video/x-raw,width=96,height=64,framerate=25/1 ! videoconvert ! x264enc ! mp4mux ! filesink location=" + input), null);
        // upstream's ONNX export of the same network, under the name its releases use
        checkpoint = Files.createSymbolicLink(dir.resolve("rvm_mobilenetv3_fp32.onnx"), ModelRegistry.resolve("mobilenetv3"));
    }

    @Test
    void inferencePyWorksAsConvert() throws Exception {
        // python inference.py --variant mobilenetv3 --checkpoint FILE --device cpu --input-source input.mp4 ...
        Path com = dir.resolve("com.mp4");
        Path pha = dir.resolve("pha.mp4");
        Path fgr = dir.resolve("fgr.mp4");
        CliRun run = CliRun.of("convert", "--variant", "mobilenetv3", "--checkpoint", checkpoint.toString(), "--device", "cpu",
                "--input-source", input.toString(), "--output-type", "video", "--output-composition", com.toString(),
                "--output-alpha", pha.toString(), "--output-foreground", fgr.toString(), "--output-video-mbps", "4",
                "--seq-chunk", "1", "--disable-progress");
        assertEquals(0, run.exitCode(), run.err());
        for (Path out : List.of(com, pha, fgr)) {
            assertEquals(FRAMES, MediaProbe.of(out).announcedFrames(), out + " holds every frame");
        }
        // as upstream, a video composition goes over upstream's green (120, 255, 155): no person here, so all green
        Path png = dir.resolve("com.png");
        PipelineRunner.run((Pipeline) Gst.parseLaunch("filesrc location=" + com + " ! decodebin ! videoconvert"
                + " ! pngenc snapshot=true ! filesink location=" + png), null);
        BufferedImage frame = ImageIO.read(png.toFile());
        int rgb = frame.getRGB(48, 32);
        assertEquals(120, rgb >> 16 & 0xFF, 24, Integer.toHexString(rgb));
        assertEquals(255, rgb >> 8 & 0xFF, 24, Integer.toHexString(rgb));
        assertEquals(155, rgb & 0xFF, 24, Integer.toHexString(rgb));
    }

    @Test
    void aPyTorchCheckpointIsRefusedNamingWhatToPass() throws Exception {
        Path pth = Files.writeString(dir.resolve("rvm_mobilenetv3.pth"), "torch");
        CliRun run = CliRun.of("convert", "--variant", "mobilenetv3", "--checkpoint", pth.toString(), "--device", "cpu",
                "--input-source", input.toString(), "--output-type", "video", "--output-alpha", dir.resolve("x.mp4").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("--checkpoint " + pth + " is a PyTorch checkpoint")
                && run.err().contains("--checkpoint rvm_mobilenetv3_fp32.onnx")
                && run.err().contains("leave --checkpoint out"), run.err());
        assertTrue(Files.notExists(dir.resolve("x.mp4")));
    }

    @Test
    void resnet50WithoutItsExportIsRefusedNamingTheExport() {
        CliRun run = CliRun.of("convert", "--variant", "resnet50", "--input-source", input.toString(),
                "--output-type", "video", "--output-alpha", dir.resolve("y.mp4").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("--checkpoint rvm_resnet50_fp32.onnx"), run.err());
    }

    @Test
    void devicesArePyTorchNamed() {
        CliRun tpu = CliRun.of("convert", "--device", "tpu", "--input-source", input.toString(),
                "--output-type", "video", "--output-alpha", dir.resolve("z.mp4").toString());
        assertEquals(1, tpu.exitCode());
        assertTrue(tpu.err().contains("--device must be cpu or cuda"), tpu.err());
        CliRun cuda = CliRun.of("convert", "--device", "cuda", "--input-source", input.toString(),
                "--output-type", "video", "--output-alpha", dir.resolve("z.mp4").toString(), "--disable-progress");
        assertEquals(1, cuda.exitCode(), "this build has no GPU runtime: " + cuda.err());
        assertTrue(cuda.err().contains("GPU build"), cuda.err());
    }

    @Test
    void inferenceSpeedTestPyWorksAsSpeedtest() throws Exception {
        // python inference_speed_test.py --model-variant mobilenetv3 --resolution 1920 1080 --downsample-ratio 0.25 --precision float32
        CliRun run = CliRun.of("speedtest", "--model-variant", "mobilenetv3", "--resolution", "96", "64",
                "--downsample-ratio", "0.5", "--precision", "float32", "--frames", "3", "--warmup", "1");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().strip().lines().toList();
        JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertEquals(96, json.get("width").asInt());
        assertEquals(64, json.get("height").asInt());
        CliRun half = CliRun.of("speedtest", "--model-variant", "mobilenetv3", "--resolution", "96", "64",
                "--downsample-ratio", "0.5", "--precision", "float16");
        assertEquals(1, half.exitCode());
        assertTrue(half.err().contains("--precision float16 is not available: the model is float32"), half.err());
    }
}

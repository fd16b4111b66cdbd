package dev.rvm.tools.cli;

import dev.rvm.gst.GstRuntime;
import dev.rvm.conversion.gst.PipelineRunner;
import dev.rvm.conversion.video.FrameIndex;
import dev.rvm.conversion.video.MediaProbe;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ./rvm convert on video files and ./rvm launch, on a short clip with sound made here. */
class VideoCommandsTest {
    private static final int FRAMES = 30;
    @TempDir
    static Path dir;
    private static Path clip;

    @BeforeAll
    static void clipWithSound() throws Exception {
        GstRuntime.start("video-commands-test");
        clip = dir.resolve("clip.mp4");
        Pipeline p = (Pipeline) Gst.parseLaunch("videotestsrc num-buffers=" + FRAMES + " pattern=smpte"
                + " ! video/x-raw,width=96,height=64,framerate=30/1 ! videoconvert ! x264enc ! mux."
                + " audiotestsrc num-buffers=40 ! audioconvert ! avenc_aac ! mux. mp4mux name=mux ! filesink location=" + clip);
        PipelineRunner.run(p, null);
        assertTrue(MediaProbe.of(clip).hasAudio(), "test clip has sound");
    }

    @Test
    void convertsAVideoIntoCompositionWithItsSoundAndAlphaVideo() throws Exception {
        Path comp = dir.resolve("out/comp.mp4");
        Path alpha = dir.resolve("out/alpha.mp4");
        CliRun run = CliRun.of("convert", "--input", clip.toString(), "--output-type", "video",
                "--output-composition", comp.toString(), "--background", "#00ff00", "--output-alpha", alpha.toString(),
                "--downsample-ratio", "0.5");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(MediaProbe.of(comp).hasAudio(), "the input's sound is kept in the composition");
        int frames = FrameIndex.scan(clip).frames();
        assertEquals(frames, FrameIndex.scan(comp).frames(), "every frame is shown (no B-frame edit list hides the last)");
        assertEquals(frames, FrameIndex.scan(alpha).frames());
    }

    @Test
    void convertsAVideoIntoPngSequences() {
        Path alpha = dir.resolve("png/alpha");
        Path comp = dir.resolve("png/comp");
        CliRun run = CliRun.of("convert", "--input", clip.toString(), "--output-type", "png_sequence",
                "--output-alpha", alpha.toString(), "--output-composition", comp.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(FRAMES, alpha.toFile().list((d, n) -> n.endsWith(".png")).length);
        assertEquals(FRAMES, comp.toFile().list((d, n) -> n.endsWith(".png")).length);
    }

    @Test
    void aFailedConversionLeavesEarlierOutputsAndNothingElse() throws Exception {
        Path out = Files.createDirectories(dir.resolve("failed"));
        Path previous = Files.writeString(out.resolve("comp.mp4"), "an earlier result");
        Path corruptModel = Files.write(dir.resolve("corrupt.onnx"), new byte[] {8, 1, 18, 50});
        CliRun run = CliRun.of("convert", "--input", clip.toString(), "--output-type", "video",
                "--output-composition", previous.toString(), "--background", "#00ff00",
                "--output-alpha", out.resolve("alpha.mp4").toString(), "--model", corruptModel.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains(corruptModel.toString()), run.err());
        assertEquals("an earlier result", Files.readString(previous));
        try (var left = Files.list(out)) {
            assertEquals(java.util.List.of(previous), left.toList(), "no partial output, no staging file");
        }
    }

    @Test
    void transparentVideoNeedsAFormatWithAlphaAndTheMessageNamesTheUsersFile() {
        Path webm = dir.resolve("t.webm");
        CliRun run = CliRun.of("convert", "--input", clip.toString(), "--output-type", "video",
                "--output-composition", webm.toString(), "--background", "none");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains(".mkv") && run.err().contains(".mov") && run.err().contains("png_sequence"), run.err());
        assertTrue(run.err().contains("--output-composition " + webm + ":") && !run.err().contains(".rvm-partial"), run.err());
    }

    @Test
    void transparentCompositionAsFfv1WithAlpha() throws Exception {
        Path mkv = dir.resolve("t.mkv");
        CliRun run = CliRun.of("convert", "--input", clip.toString(), "--output-type", "video",
                "--output-composition", mkv.toString(), "--background", "none", "--downsample-ratio", "0.5");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.size(mkv) > 1000);
        // decoded back, the composition still has its alpha plane
        Pipeline p = (Pipeline) Gst.parseLaunch("filesrc location=" + mkv + " ! matroskademux ! avdec_ffv1 ! fakesink name=s");
        try {
            p.pause();
            p.getState(java.util.concurrent.TimeUnit.SECONDS.toNanos(10));
            String format = p.getElementByName("s").getStaticPad("sink").getCurrentCaps().getStructure(0).getString("format");
            assertEquals("A420", format);
        } finally {
            p.setState(org.freedesktop.gstreamer.State.NULL);
            p.dispose();
        }
    }

    @Test
    void transparentCompositionAsProRes4444() throws Exception {
        Path mov = dir.resolve("t.mov");
        CliRun run = CliRun.of("convert", "--input", clip.toString(), "--output-type", "video",
                "--output-composition", mov.toString(), "--background", "none", "--downsample-ratio", "0.5");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(FrameIndex.scan(clip).frames(), FrameIndex.scan(mov).frames(), "every frame is in the .mov, not only the sound");
    }

    @Test
    void launchRunsAPipelineWithTheElementAndReportsErrorsWithDetail() {
        CliRun ok = CliRun.of("launch", "videotestsrc num-buffers=5 ! video/x-raw,width=64,height=48 ! videoconvert"
                + " ! rvmmatte name=m m.src ! fakesink m.alpha ! fakesink m.fgr ! fakesink");
        assertEquals(0, ok.exitCode(), ok.err());
        CliRun bad = CliRun.of("launch", "videotestsrc num-buffers=5 ! videoconvert ! rvmmatte model=/nope/model.onnx ! fakesink");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("/nope/model.onnx") && bad.err().contains("debug:"), bad.err());
    }
}

package dev.rvm.tools.benchmarkset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rvm.matting.files.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoding the start of a real video file with GStreamer (a 20-frame MJPEG AVI made here). */
class VideoFramesTest {
    @TempDir
    Path tmp;

    @Test
    void writesExactlyTheFirstFramesEvenWhenMoreAreInFlight() throws Exception {
        // A directory name with a space: gst-launch-1.0 would split it if it saw it.
        Path video = Files.createDirectories(tmp.resolve("my videos")).resolve("clip.avi");
        Process p = new ProcessBuilder("gst-launch-1.0", "-q", "videotestsrc", "num-buffers=20", "pattern=ball", "!",
                "video/x-raw,width=64,height=48,framerate=25/1", "!", "jpegenc", "!", "avimux", "!",
                "filesink", "location=" + video).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "making the test video with gst-launch-1.0");

        Path out = tmp.resolve("frames out");
        assertEquals(5, VideoFrames.decode(video, out, 5));
        List<String> names;
        try (Stream<Path> s = Files.list(out)) {
            names = s.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("00000.png", "00001.png", "00002.png", "00003.png", "00004.png"), names);
        BufferedImage first = ImageIO.read(out.resolve("00000.png").toFile());
        assertEquals(64, first.getWidth());
        assertEquals(48, first.getHeight());

        assertEquals(20, VideoFrames.decode(video, tmp.resolve("all"), 1000), "a shorter video gives all it has");
    }

    @Test
    void aMissingVideoIsNamed() {
        Path missing = tmp.resolve("nope.mp4");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> VideoFrames.decode(missing, tmp.resolve("o"), 3));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void aFileThatIsNoVideoGivesOneClearError() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.mp4"), "not a video");
        IOException e = assertThrows(IOException.class, () -> VideoFrames.decode(text, tmp.resolve("o"), 3));
        assertTrue(e.getMessage().startsWith("gst-launch-1.0 could not decode " + text), e.getMessage());
    }
}

package dev.rvm.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ffmpeg, the library behind OBS's media source, reading a stream the way OBS does and handing the
 * decoded pictures over as raw yuva420p (Y, U, V, then the full-size alpha plane).
 */
final class FfmpegReader {
    private FfmpegReader() {
    }

    /** The alpha planes of the first {@code frames} decoded pictures of a Matroska stream at {@code url}. */
    static List<byte[]> alphaPlanes(String url, int width, int height, int frames, Path log, Duration within) {
        List<String> command = List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning",
                "-f", "matroska", "-i", url, "-frames:v", Integer.toString(frames),
                "-f", "rawvideo", "-pix_fmt", "yuva420p", "-");
        int luma = width * height;
        int frameSize = luma + 2 * (width / 2) * (height / 2) + luma;
        try {
            Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> copy(p.getInputStream(), raw), "ffmpeg-stdout");
            reader.start();
            boolean ended = p.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            reader.join(5000);
            String said = Files.readString(log);
            assertTrue(ended, "ffmpeg did not finish in " + within.toSeconds() + " s: " + said);
            assertEquals(0, p.exitValue(), "ffmpeg failed: " + said);
            byte[] all = raw.toByteArray();
            assertEquals(0, all.length % frameSize, "ffmpeg gave a partial yuva420p " + width + "x" + height + " frame");
            List<byte[]> planes = new ArrayList<>();
            for (int at = 0; at < all.length; at += frameSize) {
                byte[] alpha = new byte[luma];
                System.arraycopy(all, at + frameSize - luma, alpha, 0, luma);
                planes.add(alpha);
            }
            return planes;
        } catch (IOException e) {
            throw new AssertionError("cannot run ffmpeg (apt-get install ffmpeg; ./rvm test installs it): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // ffmpeg was killed; the caller reports that
        }
    }
}

package dev.rvm.tools.benchmarkset;

import dev.rvm.matting.files.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decodes the first frames of a video file into PNGs ({@code 00000.png}, ...) with GStreamer's
 * {@code gst-launch-1.0}: the OpenCV build we depend on has no video decoder, and GStreamer is what
 * the product's element runs in anyway.
 */
public final class VideoFrames {

    private static final int MARGIN = 16;

    private VideoFrames() {
    }

    /** Writes the first {@code maxFrames} frames of {@code video} (fewer if it is shorter) into {@code dir}. */
    public static int decode(Path video, Path dir, int maxFrames) throws IOException {
        if (!Files.isRegularFile(video)) {
            throw new InvalidInputException("video " + video + " does not exist");
        }
        Files.createDirectories(dir);
        // gst-launch-1.0 joins its arguments into one pipeline description, where a path with spaces
        // or quotes breaks the syntax; so it works in a fresh temporary directory with plain names.
        Path work = Files.createTempDirectory("rvm-frames");
        try {
            Path input = Files.copy(video, work.resolve("input"));
            // identity eos-after ends the stream early instead of decoding the whole clip, but what
            // comes out near that end is unreliable: the count varies by a few frames, and with the
            // H.264 clip one frame just before the end went missing (frame 100 was written as 00099).
            // So it stops well past the frames we keep, and a clip that still came out short is
            // decoded again without the limit.
            List<Path> written = decodeInto(video, input, Files.createDirectory(work.resolve("frames")), (int) Math.min((long) maxFrames + MARGIN, Integer.MAX_VALUE));
            if (written.size() < maxFrames) {
                written = decodeInto(video, input, Files.createDirectory(work.resolve("all-frames")), -1);
            }
            int kept = Math.min(maxFrames, written.size());
            for (Path frame : written.subList(0, kept)) {
                Files.move(frame, dir.resolve(frame.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            return kept;
        } finally {
            WorkDirectories.delete(work);
        }
    }

    private static List<Path> decodeInto(Path video, Path input, Path frames, int eosAfter) throws IOException {
        run(video, "gst-launch-1.0", "-q", "-e", "filesrc", "location=" + input, "!", "decodebin", "!", "videoconvert",
                "!", "video/x-raw,format=RGB", "!", "identity", "eos-after=" + eosAfter, "!", "pngenc",
                "!", "multifilesink", "location=" + frames.resolve("%05d.png"));
        try (var files = Files.list(frames)) {
            List<Path> written = files.filter(f -> f.getFileName().toString().endsWith(".png")).sorted().toList();
            if (written.isEmpty()) {
                throw new IOException("gst-launch-1.0 wrote no frames of " + video);
            }
            return written;
        }
    }

    private static void run(Path video, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("gst-launch-1.0 is needed to decode " + video + " (" + e.getMessage()
                    + "); install it: apt-get install -y gstreamer1.0-tools gstreamer1.0-plugins-good gstreamer1.0-libav", e);
        }
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("decoding " + video + " with gst-launch-1.0 timed out");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while decoding " + video);
        }
        if (p.exitValue() != 0) {
            String first = output.lines().filter(l -> !l.isBlank()).findFirst().orElse("no output");
            throw new IOException("gst-launch-1.0 could not decode " + video + ": " + first
                    + " (an H.264 decoder is needed: apt-get install -y gstreamer1.0-libav)");
        }
    }
}

package dev.rvm.conversion.video;

import dev.rvm.conversion.gst.PipelineRunner;
import dev.rvm.gst.GstRuntime;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Joins the pieces of a video matted piecewise ({@link RangeConverter}) into one output. H.264 and VP9
 * pieces are concatenated without re-encoding (each starts with a keyframe and they share one codec
 * setup); transparent pieces (FFV1, ProRes 4444) are decoded and encoded once more.
 * The source's sound, encoded for the container as {@code ./rvm convert} does, goes into the
 * composition. PNG pieces are already named by frame number: they are linked into one directory.
 */
public final class VideoStitcher {

    /** How long joining may go without progress before it is given up. */
    private static final long STALL_SECONDS = 120;

    private VideoStitcher() {
    }

    /**
     * Writes {@code target} from {@code pieces} in order.
     *
     * @param transparent the pieces are a composition with alpha (FFV1 in .mkv, ProRes 4444 in .mov)
     * @param mbps        bit rate of a re-encoded target
     * @param soundFrom   the file whose audio the target gets, or null for none
     */
    public static void join(List<Path> pieces, Path target, boolean transparent, double mbps, Path soundFrom)
            throws IOException, InterruptedException {
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException("nothing to join into " + target);
        }
        GstRuntime.start("rvm-convert");
        VideoFormat format = VideoFormat.of(target, transparent, "output");
        boolean remux = format.joinsWithoutReencoding();
        StringBuilder d = new StringBuilder("concat name=c ! ").append(remux ? format.parser() + "queue ! " : "queue ! " + format.encoder(mbps))
                .append(format.muxer()).append(" name=mux ! filesink location=").append(VideoPipeline.quote(target)).append(' ');
        for (Path piece : pieces) {
            // the queue's static pad links concat's pads in piece order (the bins' pads appear later, in any order)
            d.append("filesrc location=").append(VideoPipeline.quote(piece)).append(remux ? " ! parsebin" : " ! decodebin")
                    .append(" ! queue ! c. ");
        }
        if (soundFrom != null) {
            d.append("filesrc location=").append(VideoPipeline.quote(soundFrom))
                    .append(" ! decodebin caps=audio/x-raw expose-all-streams=false ! queue ! ")
                    .append(VideoPipeline.audioBranch(format)).append("queue ! mux. ");
        }
        Pipeline pipeline = (Pipeline) Gst.parseLaunch(d.toString());
        try {
            PipelineRunner.run(pipeline, null, STALL_SECONDS);
        } catch (PipelineRunner.PipelineFailure e) {
            throw new IOException("joining " + pieces.size() + " pieces into " + target + " failed: " + e.getMessage(), e);
        } finally {
            pipeline.dispose();
        }
    }

    /**
     * Puts every PNG of {@code pieceDirs} into the new directory {@code target}, as hard links where the
     * file system allows (no copy; the pieces stay intact), else as copies.
     *
     * @return the number of frames
     */
    public static int joinFrames(List<Path> pieceDirs, Path target) throws IOException {
        Files.createDirectories(target);
        int n = 0;
        for (Path dir : pieceDirs) {
            try (Stream<Path> frames = Files.list(dir)) {
                for (Path frame : frames.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList()) {
                    Path to = target.resolve(frame.getFileName());
                    if (Files.exists(to)) {
                        throw new FileAlreadyExistsException(to.toString(), frame.toString(), "two pieces hold the same frame");
                    }
                    try {
                        Files.createLink(to, frame);
                    } catch (UnsupportedOperationException | IOException e) {
                        Files.copy(frame, to);
                    }
                    n++;
                }
            }
        }
        return n;
    }
}

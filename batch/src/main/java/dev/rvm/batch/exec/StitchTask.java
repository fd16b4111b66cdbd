package dev.rvm.batch.exec;

import dev.rvm.batch.commit.ChunkCommit;
import dev.rvm.batch.commit.JobLayout;
import dev.rvm.batch.commit.SuccessMarker;
import dev.rvm.batch.job.OutputNames;
import dev.rvm.batch.plan.ChunkSpec;
import dev.rvm.batch.plan.VideoProbe;
import dev.rvm.conversion.video.VideoStitcher;
import dev.rvm.gst.GstRuntime;
import dev.rvm.models.AtomicFiles;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The stitch stage, on an executor: joins a video's committed pieces into its outputs. Each output is
 * written under a temporary name and renamed into place; {@code _SUCCESS} is written last; then the
 * video's pieces are removed. Until {@code _SUCCESS} exists nothing in the video's directory is
 * claimed complete, and a rerun stitches again from the pieces.
 */
public final class StitchTask {

    /** A video whose every piece is committed. */
    public record Work(VideoProbe probe, List<ChunkSpec> chunks) implements Serializable {
    }

    private StitchTask() {
    }

    public static VideoResult run(Work work, JobContext job) {
        long t0 = System.nanoTime();
        VideoProbe v = work.probe();
        JobLayout layout = job.layout();
        try {
            GstRuntime.start("rvm-batch");
            Path videoDir = layout.video(v.name());
            Files.createDirectories(videoDir);
            Files.deleteIfExists(layout.success(v.name())); // outputs are about to change: nothing is claimed until the new marker
            OutputNames names = job.settings().outputs();
            List<Path> pieces = new ArrayList<>();
            for (ChunkSpec c : work.chunks()) {
                if (ChunkCommit.committed(layout, c) == null) {
                    throw new IOException(c + " is not committed");
                }
                pieces.add(layout.committed(c));
            }
            List<SuccessMarker.Output> written = new ArrayList<>();
            for (String name : names.all()) {
                Path target = videoDir.resolve(name);
                List<Path> parts = pieces.stream().map(p -> p.resolve(name)).toList();
                if (names.pngSequence()) {
                    replaceDirectory(parts, target);
                } else {
                    boolean composition = name.equals(names.composition());
                    boolean transparent = composition && job.settings().background().toBackground() == null;
                    Path tmp = AtomicFiles.temporarySibling(target);
                    try {
                        VideoStitcher.join(parts, tmp, transparent, names.videoMbps(),
                                composition && v.index().hasAudio() ? Path.of(v.path()) : null);
                        AtomicFiles.move(tmp, target);
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                }
                written.add(SuccessMarker.describe(target));
            }
            new SuccessMarker(job.settings().jobId(), work.chunks().get(0).videoKey(), v.path(), v.size(), v.modifiedMillis(),
                    v.index().frames(), work.chunks().size(), written).write(layout.success(v.name()));
            ChunkCommit.delete(layout.work(v.name()));
            return new VideoResult(v.name(), true, v.index().frames(), work.chunks().size(), (System.nanoTime() - t0) / 1e9, null);
        } catch (Exception e) {
            return new VideoResult(v.name(), false, 0, work.chunks().size(), (System.nanoTime() - t0) / 1e9,
                    "joining the pieces of " + v.name() + ": " + Failures.describe(e));
        }
    }

    /** A PNG output: the pieces' frames linked into a new directory that then takes the old one's place. */
    private static void replaceDirectory(List<Path> parts, Path target) throws IOException {
        Path fresh = AtomicFiles.temporarySibling(target);
        Path old = AtomicFiles.temporarySibling(target);
        try {
            VideoStitcher.joinFrames(parts, fresh);
            if (Files.exists(target)) {
                Files.move(target, old);
            }
            Files.move(fresh, target);
        } finally {
            ChunkCommit.delete(fresh);
            ChunkCommit.delete(old);
        }
    }
}

package dev.rvm.conversion.video;

import dev.rvm.gst.GstRuntime;
import dev.rvm.conversion.gst.PipelineRunner;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.freedesktop.gstreamer.Format;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code ./rvm convert} for video files: a GStreamer pipeline around rvmmatte, with a progress bar. */
public final class VideoConverter {
    private final VideoConvertOptions options;

    public VideoConverter(VideoConvertOptions options) {
        this.options = options;
    }

    /** Video file extensions convert takes as --input. */
    public static boolean isVideoFile(Path input) {
        return Files.isRegularFile(input)
                && java.util.Set.of("mp4", "webm", "mkv", "avi", "mov").contains(VideoPipeline.extension(input));
    }

    public void run() throws IOException, InterruptedException {
        GstRuntime.start("rvm-convert");
        MediaProbe probe = MediaProbe.of(options.input());
        for (Path out : new Path[] {options.composition(), options.alpha(), options.foreground()}) {
            if (out != null) {
                Files.createDirectories(options.pngSequence() ? out : out.toAbsolutePath().getParent());
            }
        }
        try (StagedOutputs staged = new StagedOutputs(options.pngSequence())) {
            VideoConvertOptions running = new VideoConvertOptions(options.input(), staged.stage(options.composition()),
                    staged.stage(options.alpha()), staged.stage(options.foreground()), options.pngSequence(),
                    options.videoMbps(), options.background(), options.settings());
            convert(running, probe.hasAudio());
            staged.commit();
        }
    }

    private void convert(VideoConvertOptions running, boolean hasAudio) throws IOException, InterruptedException {
        String description = VideoPipeline.describe(running, hasAudio);
        Pipeline pipeline = (Pipeline) Gst.parseLaunch(description);
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Matting").setInitialMax(1)
                .setUnit(" s", 1000).setStyle(ProgressBarStyle.ASCII).continuousUpdate().build()) {
            PipelineRunner.run(pipeline, p -> {
                long duration = p.queryDuration(Format.TIME);
                long position = p.queryPosition(Format.TIME);
                if (duration > 0 && position >= 0) {
                    bar.maxHint(duration / 1_000_000);
                    bar.stepTo(Math.min(position, duration) / 1_000_000);
                }
            });
            bar.stepTo(bar.getMax());
        } catch (PipelineRunner.PipelineFailure e) {
            throw new IOException("converting " + options.input() + " failed: " + e.getMessage()
                    + " (nothing was written; earlier outputs are untouched)", e);
        } finally {
            pipeline.dispose();
        }
    }
}

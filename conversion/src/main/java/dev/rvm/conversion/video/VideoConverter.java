package dev.rvm.conversion.video;

import dev.rvm.conversion.gst.PipelineRunner;
import dev.rvm.conversion.gst.StrictLaunch;
import dev.rvm.conversion.output.InterruptCleanup;
import dev.rvm.conversion.output.OutputClaim;
import dev.rvm.gst.GstRuntime;
import dev.rvm.models.AtomicFiles;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.freedesktop.gstreamer.Format;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./rvm convert} for video files: a GStreamer pipeline around rvmmatte, with a progress bar. A run
 * is complete only when every frame the container announces was decoded and matted; its outputs are
 * claimed (a second run into them is refused), staged while it runs and removed if it is interrupted.
 */
public final class VideoConverter {
    private final VideoConvertOptions options;
    private final boolean progress;

    public VideoConverter(VideoConvertOptions options) {
        this(options, true);
    }

    /** @param progress whether to draw a progress bar on the terminal */
    public VideoConverter(VideoConvertOptions options, boolean progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Video file extensions convert takes as --input. */
    public static boolean isVideoFile(Path input) {
        return Files.isRegularFile(input) && isVideoName(input);
    }

    /** Whether a path ends like a video file convert takes, whether or not it exists. */
    public static boolean isVideoName(Path input) {
        return java.util.Set.of("mp4", "webm", "mkv", "avi", "mov").contains(VideoPipeline.extension(input));
    }

    /**
     * Converts the whole input.
     *
     * @throws TruncatedInputException the input ended early (and {@code allowTruncated} is off): nothing written
     * @throws dev.rvm.conversion.output.OutputBusyException another run is writing one of the outputs
     */
    public ConvertedVideo run() throws IOException, InterruptedException {
        Map<String, Path> outputs = outputs();
        checkOutputPaths(outputs);
        VideoPipeline.describe(options, false); // refuses unusable output names with the user's paths
        GstRuntime.start("rvm-convert");
        MediaProbe probe = MediaProbe.of(options.input());
        String tooSmall = probe.width() > 0 ? options.settings().frameSizeProblem(probe.width(), probe.height()) : null;
        if (tooSmall != null) {
            throw new IllegalArgumentException("--downsample-ratio: " + tooSmall + " (--input " + options.input() + ")");
        }
        try (OutputClaim claim = OutputClaim.claim(outputs.values().stream().toList());
             StagedOutputs staged = new StagedOutputs(options.pngSequence())) {
            VideoConvertOptions running = new VideoConvertOptions(options.input(), staged.stage(options.composition()),
                    staged.stage(options.alpha()), staged.stage(options.foreground()), options.pngSequence(),
                    options.videoMbps(), options.background(), options.settings(), options.allowTruncated());
            AtomicReference<Pipeline> live = new AtomicReference<>();
            try (InterruptCleanup onInterrupt = InterruptCleanup.register("rvm-convert-interrupt",
                    () -> abandon(live, staged, claim))) {
                ConvertedVideo result = convert(running, probe, staged, live);
                if (result.truncated() && !options.allowTruncated()) {
                    throw new TruncatedInputException("--input " + options.input() + " is truncated: it ends after "
                            + result.frames() + " of the " + result.announcedFrames() + " frames its container announces, "
                            + "so nothing was written (earlier outputs are untouched). Fetch or copy the file again, or pass "
                            + "--allow-truncated to keep the " + result.frames() + " frames it has.",
                            result.frames(), result.announcedFrames());
                }
                staged.commit();
                return result;
            }
        }
    }

    private Map<String, Path> outputs() {
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("--output-composition", options.composition());
        outputs.put("--output-alpha", options.alpha());
        outputs.put("--output-foreground", options.foreground());
        outputs.values().removeIf(java.util.Objects::isNull);
        return outputs;
    }

    /** A PNG sequence is a directory, a video a file: say so before anything starts. */
    private void checkOutputPaths(Map<String, Path> outputs) {
        for (Map.Entry<String, Path> e : outputs.entrySet()) {
            Path out = e.getValue();
            if (options.pngSequence()) {
                if (Files.exists(out) && !Files.isDirectory(out)) {
                    throw new IllegalArgumentException(e.getKey() + " " + out + " is a file, but --output-type png_sequence "
                            + "writes a directory of frames: give a directory path (it is created if missing)");
                }
                // the directory itself appears only when the run succeeds; its staging goes beside it
                AtomicFiles.ensureWritableDirectory(out.toAbsolutePath().getParent(), e.getKey());
            } else {
                if (Files.isDirectory(out)) {
                    throw new IllegalArgumentException(e.getKey() + " " + out + " is a directory, but --output-type video "
                            + "writes one file: give a file name such as " + out.resolve("out.mp4")
                            + ", or use --output-type png_sequence for a directory of frames");
                }
                AtomicFiles.ensureWritableDirectory(out.toAbsolutePath().getParent(), e.getKey());
            }
        }
    }

    private ConvertedVideo convert(VideoConvertOptions running, MediaProbe probe, StagedOutputs staged,
            AtomicReference<Pipeline> live) throws IOException, InterruptedException {
        Pipeline pipeline = StrictLaunch.parse(VideoPipeline.describe(running, probe.hasAudio()));
        FrameCounter counter = FrameCounter.on(pipeline.getElementByName("m"));
        live.set(pipeline);
        try (ProgressBar bar = progress ? new ProgressBarBuilder().setTaskName("Matting").setInitialMax(1)
                .setUnit(" s", 1000).setStyle(ProgressBarStyle.ASCII).continuousUpdate().build() : null) {
            PipelineRunner.run(pipeline, p -> {
                long duration = p.queryDuration(Format.TIME);
                long position = p.queryPosition(Format.TIME);
                if (bar != null && duration > 0 && position >= 0) {
                    bar.maxHint(duration / 1_000_000);
                    bar.stepTo(Math.min(position, duration) / 1_000_000);
                }
            }, PipelineRunner.Interrupt.CALLER_HANDLES);
            ConvertedVideo result = new ConvertedVideo(counter.frames(), probe.announcedFrames());
            if (result.frames() == 0) {
                throw new IOException("--input " + options.input() + ": no video frame could be decoded, so nothing was "
                        + "written; the file is damaged or cut before its first frame");
            }
            if (bar != null && !result.truncated()) {
                bar.stepTo(bar.getMax());
            }
            return result;
        } catch (PipelineRunner.PipelineFailure e) {
            throw new IOException("converting " + options.input() + " failed: " + staged.inUserTerms(e.getMessage())
                    + " (nothing was written; earlier outputs are untouched)", e);
        } finally {
            synchronized (live) {
                live.set(null);
            }
            pipeline.dispose();
        }
    }

    /** On Ctrl-C or SIGTERM: stop the pipeline first (nothing writes any more), then remove what it wrote. */
    private static void abandon(AtomicReference<Pipeline> live, StagedOutputs staged, OutputClaim claim) {
        synchronized (live) {
            Pipeline pipeline = live.get();
            if (pipeline != null) {
                pipeline.setState(State.NULL);
            }
        }
        try {
            staged.discard();
            claim.close();
            System.err.println("rvm: conversion interrupted; its unfinished outputs were removed (earlier outputs are untouched)");
        } catch (IOException e) {
            System.err.println("rvm: conversion interrupted; could not remove all unfinished outputs: " + e.getMessage()
                    + " (the next run into the same outputs removes them)");
        }
    }
}

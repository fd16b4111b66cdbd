package dev.rvm.conversion.sequence;

import dev.rvm.conversion.output.InterruptCleanup;
import dev.rvm.conversion.output.OutputClaim;
import dev.rvm.models.AtomicFiles;

import dev.rvm.matting.Background;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattedFrame;
import dev.rvm.matting.MattingStream;
import dev.rvm.matting.MattingStreams;
import dev.rvm.matting.PixelFormat;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * upstream convert_video for image sequences: mattes every frame of a source with state carried and
 * writes PNGs named like the input frames, each written atomically. The output directories are claimed
 * for the run (a second run into them is refused); Ctrl-C lets the frame being written finish and
 * removes the temporary file of the next, so every PNG in an output is whole.
 */
public final class SequenceConverter {

    private static final Background TRANSPARENT = new Background.Transparent();

    private final ConvertOptions options;
    private final List<String> names = new ArrayList<>();
    private final Map<String, String> inputByOutput = new HashMap<>();
    private final Object writing = new Object();
    private volatile boolean interrupted;
    private final MatOfByte encoded = new MatOfByte();
    private Mat mat3;
    private Mat mat4;
    private Mat mat1;
    private byte[] buf;
    private int written;

    public SequenceConverter(ConvertOptions options) {
        this.options = options;
    }

    /**
     * Converts the whole source.
     *
     * @param onFrame told the number of frames written so far after each one
     * @return frames written
     */
    public int run(FrameSource source, IntConsumer onFrame) throws IOException {
        String tooSmall = options.settings().frameSizeProblem(source.width(), source.height());
        if (tooSmall != null) {
            throw new IllegalArgumentException("--downsample-ratio: " + tooSmall + " (input " + source + ")");
        }
        if (options.composition() != null) {
            AtomicFiles.ensureWritableDirectory(options.composition(), "composition output");
        }
        if (options.alpha() != null) {
            AtomicFiles.ensureWritableDirectory(options.alpha(), "alpha output");
        }
        if (options.foreground() != null) {
            AtomicFiles.ensureWritableDirectory(options.foreground(), "foreground output");
        }
        for (String name : source.frameNames()) {
            claimOutputName(name);
        }
        inputByOutput.clear();
        try (OutputClaim claim = OutputClaim.claim(Arrays.asList(options.composition(), options.alpha(), options.foreground()));
             InterruptCleanup onInterrupt = InterruptCleanup.register("rvm-convert-interrupt", () -> abandon(claim))) {
            return convert(source, onFrame);
        }
    }

    private int convert(FrameSource source, IntConsumer onFrame) throws IOException {
        int w = source.width();
        int h = source.height();
        mat3 = new Mat(h, w, CvType.CV_8UC3);
        mat4 = new Mat(h, w, CvType.CV_8UC4);
        mat1 = new Mat(h, w, CvType.CV_8UC1);
        buf = new byte[w * h * 4];
        try (MattingStream stream = MattingStreams.open(options.settings())) {
            MattingStream.ResultHandler out = r -> {
                write(r);
                onFrame.accept(++written);
            };
            for (FrameSource.Frame f = source.next(); f != null; f = source.next()) {
                claimOutputName(f.name());
                names.add(f.name());
                stream.submit(f.pixels(), f.layout(), names.size() - 1, out);
            }
            stream.drain(out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            mat3.release();
            mat4.release();
            mat1.release();
            encoded.release();
        }
        return written;
    }

    /** Two inputs (a.jpg, a.png) would write one output (a.png): refused before the second overwrites the first. */
    private void claimOutputName(String input) {
        String earlier = inputByOutput.putIfAbsent(pngName(input), input);
        if (earlier != null) {
            throw new IllegalArgumentException("frames " + earlier + " and " + input + " would both be written as "
                    + pngName(input) + " (outputs are PNG, named like the inputs); rename one of them or move it to a "
                    + "directory of its own");
        }
    }

    /** On Ctrl-C or SIGTERM: wait for the frame being written, stop, and remove the temporary files. */
    private void abandon(OutputClaim claim) {
        interrupted = true;
        synchronized (writing) {
            try {
                claim.removePartialFrames();
                claim.close();
            } catch (IOException e) {
                System.err.println("rvm: conversion interrupted; could not remove a partial frame: " + e.getMessage()
                        + " (the next run into the same outputs removes it)");
            }
        }
    }

    private void write(MattedFrame r) {
        synchronized (writing) {
            if (interrupted) {
                throw new UncheckedIOException(new java.io.InterruptedIOException("the conversion was interrupted"));
            }
            writeFrame(r);
        }
    }

    private void writeFrame(MattedFrame r) {
        String name = pngName(names.get((int) r.tag()));
        int w = r.width();
        int h = r.height();
        try {
            if (options.composition() != null) {
                Background bg = options.background() == null ? TRANSPARENT : options.background();
                boolean rgba = bg instanceof Background.Transparent;
                FrameLayout layout = FrameLayout.packed(w, h, rgba ? PixelFormat.BGRA : PixelFormat.BGR);
                r.writeComposite(bg, ByteBuffer.wrap(buf), layout);
                save(rgba ? mat4 : mat3, options.composition().resolve(name));
            }
            if (options.alpha() != null) {
                r.writeAlpha(ByteBuffer.wrap(buf), w);
                save(mat1, options.alpha().resolve(name));
            }
            if (options.foreground() != null) {
                r.writeForeground(ByteBuffer.wrap(buf), FrameLayout.packed(w, h, PixelFormat.BGR));
                save(mat3, options.foreground().resolve(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + ": " + e.getMessage(), e);
        }
    }

    private void save(Mat mat, Path target) throws IOException {
        mat.put(0, 0, buf, 0, (int) (mat.total() * mat.channels()));
        if (!Imgcodecs.imencode(".png", mat, encoded)) {
            throw new IOException("PNG encoding failed for " + target);
        }
        AtomicFiles.write(target, encoded.toArray());
    }

    /** Output names equal input names; JPEG inputs get a .png ending since the outputs are PNG. */
    static String pngName(String input) {
        int dot = input.lastIndexOf('.');
        String stem = dot > 0 ? input.substring(0, dot) : input;
        return stem + ".png";
    }
}

package dev.rvm.matting.bench;

import dev.rvm.matting.Background;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.MattingStream;
import dev.rvm.matting.FrameTargets;
import dev.rvm.matting.engine.RecurrentMattingStream;
import dev.rvm.matting.PixelFormat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Leak check: mattes 5,000 small frames (alpha and a composite over a blur out in one write, as a host
 * does) and prints the process RSS after 500 and after 5,000; the second must be within 5% of the
 * first. Run by hand:
 * {@code java -Xms96m -Xmx96m -XX:+AlwaysPreTouch -cp ... dev.rvm.matting.bench.MemoryCheck [WxH] [frames] [seqChunk]}.
 * A fixed, pre-touched Java heap keeps the garbage of small per-call objects (ONNX Runtime's result
 * wrappers) from showing up as RSS growth, so what grows is native memory: buffers, tensors, Mats.
 */
public final class MemoryCheck {

    public static void main(String[] args) throws IOException {
        String[] wh = (args.length > 0 ? args[0] : "320x180").split("x");
        int w = Integer.parseInt(wh[0]);
        int h = Integer.parseInt(wh[1]);
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int chunk = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        FrameLayout layout = FrameLayout.packed(w, h, PixelFormat.BGRA);
        ByteBuffer[] frames = new ByteBuffer[8];
        Random random = new Random(3);
        for (int i = 0; i < frames.length; i++) {
            byte[] px = new byte[layout.byteSize()];
            random.nextBytes(px);
            frames[i] = ByteBuffer.allocateDirect(px.length).put(px).flip();
        }
        ByteBuffer alpha = ByteBuffer.allocateDirect(w * h);
        ByteBuffer composite = ByteBuffer.allocateDirect(layout.byteSize());
        Background blur = new Background.Blur(5);
        long at500 = 0;
        int[] done = {0};
        FrameTargets targets = new FrameTargets();
        try (RecurrentMattingStream s = new RecurrentMattingStream(MattingSettings.DEFAULTS.withDownsampleRatio(0.25f)
                .withSeqChunk(chunk), RecurrentMattingStream.DEFAULT_OPENER)) {
            MattingStream.ResultHandler out = r -> {
                r.write(targets.clear().alpha(alpha.clear(), w).composite(blur, composite.clear(), layout));
                done[0]++;
            };
            for (int i = 0; i < total; i++) {
                s.submit(frames[i % frames.length].clear(), layout, i, out);
                if (i + 1 == 500) {
                    at500 = rssKiB();
                    System.out.printf(Locale.ROOT, "RSS after %d frames: %d KiB%n", i + 1, at500);
                } else if ((i + 1) % 1000 == 0 && i + 1 < total) {
                    System.out.printf(Locale.ROOT, "RSS after %d frames: %d KiB%n", i + 1, rssKiB());
                }
            }
            s.drain(out);
            System.out.println("path: " + (s.usesCoefficientModel() ? "coefficient model + fused pass" : "whole graph"));
            long atEnd = rssKiB();
            System.out.printf(Locale.ROOT, "RSS after %d frames: %d KiB (%+.2f%% vs 500)%n", done[0], atEnd, 100.0 * (atEnd - at500) / at500);
        }
    }

    static long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}

package dev.rvm.panel.view;

import dev.rvm.matting.Background;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.Background.Kind;
import dev.rvm.matting.preset.Preset;
import dev.rvm.panel.EditorPanel;
import dev.rvm.panel.PanelWindow;
import dev.rvm.panel.control.PanelPresenter;
import dev.rvm.panel.control.ViewMode;
import dev.rvm.panel.gst.FrameTap;
import dev.rvm.gst.GstRuntime;
import dev.rvm.gst.media.SampleMedia;
import dev.rvm.panel.gst.PanelPipeline;
import dev.rvm.panel.preview.FrameSlot;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import java.awt.GraphicsEnvironment;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Drives the real panel in a real window over a real pipeline playing the sample clip: background to
 * colour then image, ratio slider, edge controls, chunk spinner and every view mode, checking what reaches
 * the element and what the preview shows. Needs a display: {@code ./rvm test} starts Xvfb when there is none.
 */
class PanelUiTest {

    private static final Path OUT = Path.of("target");
    /** A point on the wall behind the person in the sample clip (400x300). */
    private static final int WALL_X = 380;
    private static final int WALL_Y = 20;

    @Test
    void drivesThePanelOverAPlayingPipeline() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display; ./rvm test starts Xvfb when DISPLAY is empty");
        GstRuntime.start("rvm-panel-test");
        Path clip = SampleMedia.talkingHead();
        Element matte = ElementFactory.make("rvmmatte", "matte");
        Props element = new Props(matte);
        PanelWindow window = PanelWindow.open(PanelPipeline.open(clip.toString(), matte), Preset.DEFAULTS);
        try {
            EditorPanel editor = window.panel();
            MattingPanel ui = editor.component();
            FrameTap compositeTap = editor.compositeTap();
            FrameSlot composite = compositeTap.slot();
            await("first frames (pipeline error: " + window.pipeline().lastError() + ", preview: "
                    + editor.compositeTap().problem() + ")", () -> compositeTap.frames() >= 5);
            await("defaults applied", () -> "none".equals(element.get("background")));
            await("input size shown", () -> ui.resolution.getText().equals("auto (1.000): 400x300"));

            // background: colour (upstream green by default), then a picture
            edt(() -> ui.backgroundKind.setSelectedItem(Kind.COLOR));
            await("background=color", () -> "color".equals(element.get("background")));
            assertEquals(Background.UPSTREAM_GREEN, element.get("background-color"));
            await("the wall behind the person turns green in the preview",
                    () -> near(composite.pixel(WALL_X, WALL_Y), Background.UPSTREAM_GREEN, 48));
            Path picture = writePng(OUT.resolve("panel-test-background.png"));
            edt(() -> editor.presenter().chooseImage(picture));
            await("background=image", () -> "image".equals(element.get("background")));
            assertEquals(picture.toString(), element.get("background-location"));
            int expected = ImageIO.read(picture.toFile()).getRGB(WALL_X * 64 / 400, WALL_Y * 48 / 300);
            await("the wall shows the picture", () -> near(composite.pixel(WALL_X, WALL_Y), expected, 48));
            assertEquals(Kind.IMAGE, call(() -> ui.backgroundKind.getSelectedItem()));

            // a video behind the person comes through the element's background pad
            Path video = writeRedVideo(OUT.resolve("panel-test-background.mkv"));
            edt(() -> editor.presenter().chooseVideo(video));
            await("background pad linked", () -> matte.getStaticPad("background") != null
                    && matte.getStaticPad("background").isLinked());
            await("the wall shows the video", () -> near(composite.pixel(WALL_X, WALL_Y), 0xFFFF0000, 48));
            assertEquals(Kind.VIDEO, call(() -> ui.backgroundKind.getSelectedItem()));
            edt(() -> editor.presenter().chooseImage(picture));
            await("the picture again, the pad released", () -> matte.getStaticPad("background") == null
                    && near(composite.pixel(WALL_X, WALL_Y), expected, 48));

            // a missing picture is refused in the panel and the element keeps the last good one
            edt(() -> editor.presenter().chooseImage(OUT.resolve("no-such.png")));
            await("error shown", () -> ui.error.isVisible() && ui.error.getText().contains("does not exist"));
            assertEquals(picture.toString(), element.get("background-location"));

            // ratio: leave auto, move the slider
            edt(() -> ui.autoRatio.doClick());
            edt(() -> ui.ratio.setValue(25));
            await("ratio 0.25", () -> Float.valueOf(0.25f).equals(element.get("downsample-ratio")));
            assertEquals("0.250: 100x75", call(ui.resolution::getText));

            // view modes: each shows something else
            Map<ViewMode, BufferedImage> shots = new EnumMap<>(ViewMode.class);
            for (ViewMode mode : ViewMode.values()) {
                edt(() -> ui.viewButtons.get(mode).doClick());
                awaitFrames(compositeTap, 2);
                BufferedImage shot = call(() -> paint(ui.preview()));
                shots.put(mode, shot);
                ImageIO.write(shot, "png", OUT.resolve("panel-view-" + mode.name().toLowerCase() + ".png").toFile());
            }
            BufferedImage alpha = shots.get(ViewMode.ALPHA);
            assertTrue(isGray(alpha), "alpha view shows the matte in grey levels");
            assertTrue(difference(shots.get(ViewMode.COMPOSITE), alpha) > 10, "composite differs from alpha");
            assertTrue(difference(shots.get(ViewMode.COMPOSITE), shots.get(ViewMode.SIDE_BY_SIDE)) > 10,
                    "side by side lays out two frames");
            assertTrue(redness(shots.get(ViewMode.RED_OVERLAY)) > redness(shots.get(ViewMode.FOREGROUND)) + 20,
                    "the matte overlay tints the person red");

            // edge controls: each reaches the element and shows in the preview's matte
            edt(() -> ui.viewButtons.get(ViewMode.ALPHA).doClick());
            FrameTap alphaTap = editor.alphaTap();
            await("the wall is transparent in the matte", () -> alphaAt(alphaTap, WALL_X, WALL_Y) < 20);
            edt(() -> ui.edges.invert.doClick());
            await("invert=true", () -> Boolean.TRUE.equals(element.get("invert")));
            await("the wall is opaque in the inverted matte", () -> alphaAt(alphaTap, WALL_X, WALL_Y) > 235);
            edt(() -> ui.edges.invert.doClick());
            await("invert=false", () -> Boolean.FALSE.equals(element.get("invert")));
            await("the wall is transparent again", () -> alphaAt(alphaTap, WALL_X, WALL_Y) < 20);
            double opaque = share(alphaTap, 128, 255);
            edt(() -> ui.edges.shrinkGrow.setValue(12));
            await("shrink-grow=12", () -> Integer.valueOf(12).equals(element.get("shrink-grow")));
            await("the person's matte shrinks (opaque share was " + opaque + ")", () -> share(alphaTap, 128, 255) < opaque * 0.85);
            edt(() -> ui.edges.shrinkGrow.setValue(0));
            await("shrink-grow=0", () -> Integer.valueOf(0).equals(element.get("shrink-grow")));
            await("the matte is back (opaque share was " + opaque + ")", () -> share(alphaTap, 128, 255) > opaque * 0.9);
            double soft = share(alphaTap, 16, 239);
            edt(() -> ui.edges.feather.setValue(16));
            await("feather=16", () -> Integer.valueOf(16).equals(element.get("feather")));
            await("the matte's edge softens (soft share was " + soft + ")", () -> share(alphaTap, 16, 239) > soft * 2);
            edt(() -> ui.edges.feather.setValue(0));
            await("feather=0", () -> Integer.valueOf(0).equals(element.get("feather")));
            // crossed clip levels are refused in the panel: the error says why, the element keeps its levels
            edt(() -> ui.edges.clipWhite.setValue(40));
            await("clip-white=0.4", () -> Float.valueOf(0.4f).equals(element.get("clip-white")));
            edt(() -> ui.edges.clipBlack.setValue(60));
            await("crossing refused", () -> ui.error.isVisible() && ui.error.getText().contains("must be below clip-white"));
            assertEquals(0f, element.get("clip-black"));
            assertEquals(0, (int) call(ui.edges.clipBlack::getValue), "the slider goes back");
            edt(() -> ui.edges.clipWhite.setValue(100));
            await("clip-white=1", () -> Float.valueOf(1f).equals(element.get("clip-white")));

            // ratio and chunk changes while playing: no deadlock, frames keep coming, preview stays current
            edt(() -> ui.viewButtons.get(ViewMode.COMPOSITE).doClick());
            for (int i = 0; i < 12; i++) {
                int step = i;
                edt(() -> {
                    ui.ratio.setValue(97 - 7 * step); // down to 0.20
                    ui.seqChunk.setValue(4 - step % 4); // ends at 1
                });
            }
            await("last ratio and chunk applied", () -> Float.valueOf(0.20f).equals(element.get("downsample-ratio"))
                    && Integer.valueOf(1).equals(element.get("seq-chunk")));
            double worstLag = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < 5; i++) {
                long before = compositeTap.frames();
                awaitFrames(compositeTap, 4);
                assertTrue(compositeTap.frames() >= before + 4);
                worstLag = Math.max(worstLag, editor.compositeTap().lagMillis());
            }
            double lag = worstLag;
            assertFalse(call(ui.error::isVisible), () -> "no error after the changes, but: " + ui.error.getText());
            assertTrue(lag < 1000, "preview " + lag + " ms behind the pipeline clock");
            System.out.printf("panel UI test: %s; preview lag at most %.0f ms%n", call(ui.stats::getText), lag);
            edt(() -> ui.seqChunk.setValue(4));
            await("chunk 4", () -> Integer.valueOf(4).equals(element.get("seq-chunk")));
            double fps = editor.sourceTap().framesPerSecond();
            assertTrue(fps > 0, "frame rate read from the caps");
            assertEquals(PanelPresenter.chunkLatency(4, fps), call(ui.latency::getText));

            // a broken model: the element cannot start on it, the panel says so and plays on with the old one
            Path broken = OUT.resolve("broken-model.onnx").toAbsolutePath();
            Files.write(broken, new byte[] {1, 2, 3, 4});
            edt(() -> editor.presenter().chooseModel(broken.toString()));
            await("model error shown", () -> ui.error.isVisible() && ui.error.getText().contains(broken.toString()));
            await("old model back in the element", () -> "mobilenetv3".equals(element.get("model")));
            await("and in the panel", () -> "mobilenetv3".equals(call(() -> ui.model.getSelectedItem())));
            awaitFrames(compositeTap, 5);

            BufferedImage screenshot = call(() -> paint(window.frame().getContentPane()));
            Files.createDirectories(OUT);
            ImageIO.write(screenshot, "png", OUT.resolve("panel-ui-test.png").toFile());
        } finally {
            window.close();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** The element's properties read back, enums as their nicks. */
    private record Props(Element matte) {
        Object get(String name) {
            Object v = matte.get(name);
            return name.equals(SettingsTable.BACKGROUND.name()) && v instanceof Number n
                    ? SettingsTable.BACKGROUND.at(n.intValue()).nick() : v;
        }
    }

    /** The preview's matte at (x, y). */
    private static int alphaAt(FrameTap tap, int x, int y) {
        return tap.slot().pixel(x, y) & 0xFF;
    }

    /** The share of the preview's matte with levels in [lo, hi]. */
    private static double share(FrameTap tap, int lo, int hi) {
        double[] share = {0};
        tap.slot().read(image -> {
            byte[] levels = tap.slot().grayPixels();
            int n = 0;
            for (byte b : levels) {
                int v = b & 0xFF;
                n += v >= lo && v <= hi ? 1 : 0;
            }
            share[0] = (double) n / levels.length;
        });
        return share[0];
    }

    private static boolean near(int argb, int expected, int tolerance) {
        return Math.abs((argb >> 16 & 0xFF) - (expected >> 16 & 0xFF)) <= tolerance
                && Math.abs((argb >> 8 & 0xFF) - (expected >> 8 & 0xFF)) <= tolerance
                && Math.abs((argb & 0xFF) - (expected & 0xFF)) <= tolerance;
    }

    private static void awaitFrames(FrameTap tap, int count) throws Exception {
        long target = tap.frames() + count;
        await(count + " more frames", () -> tap.frames() >= target);
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void edt(Runnable r) throws Exception {
        call(() -> {
            r.run();
            return null;
        });
    }

    /** Runs on the EDT; a hung EDT fails the test instead of hanging it. */
    private static <T> T call(Callable<T> c) throws Exception {
        FutureTask<T> task = new FutureTask<>(c);
        SwingUtilities.invokeLater(task);
        return task.get(10, TimeUnit.SECONDS);
    }

    private static BufferedImage paint(java.awt.Component c) {
        BufferedImage img = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        c.paint(g);
        g.dispose();
        return img;
    }

    private static Path writePng(Path file) throws Exception {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, java.awt.Color.ORANGE, 64, 48, java.awt.Color.BLUE));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
        return file.toAbsolutePath();
    }

    /** 20 s of red at 64x48 (H.264 in Matroska), made with GStreamer. */
    private static Path writeRedVideo(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        org.freedesktop.gstreamer.Pipeline p = (org.freedesktop.gstreamer.Pipeline) org.freedesktop.gstreamer.Gst.parseLaunch(
                "videotestsrc pattern=red num-buffers=500 ! video/x-raw,width=64,height=48,framerate=25/1 ! videoconvert"
                        + " ! x264enc speed-preset=ultrafast ! matroskamux ! filesink location=\"" + file + "\"");
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        p.getBus().connect((org.freedesktop.gstreamer.Bus.EOS) source -> done.countDown());
        p.getBus().connect((org.freedesktop.gstreamer.Bus.ERROR) (source, code, message) -> done.countDown());
        p.play();
        try {
            assertTrue(done.await(60, TimeUnit.SECONDS), "background video written");
        } finally {
            p.setState(org.freedesktop.gstreamer.State.NULL);
            p.dispose();
        }
        assertTrue(Files.size(file) > 1000, "background video written");
        return file.toAbsolutePath();
    }

    /** Grey everywhere in the middle of the preview (where the frame is in every layout). */
    private static boolean isGray(BufferedImage img) {
        for (int y = img.getHeight() / 4; y < img.getHeight() * 3 / 4; y += 7) {
            for (int x = img.getWidth() * 2 / 5; x < img.getWidth() * 3 / 5; x += 7) {
                int p = img.getRGB(x, y);
                int r = p >> 16 & 0xFF;
                int g = p >> 8 & 0xFF;
                int b = p & 0xFF;
                if (r != g || g != b) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Mean absolute channel difference over the area both shots cover (an error line may resize the preview). */
    private static double difference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        int n = 0;
        for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y += 3) {
            for (int x = 0; x < Math.min(a.getWidth(), b.getWidth()); x += 3) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs((p >> 16 & 0xFF) - (q >> 16 & 0xFF)) + Math.abs((p >> 8 & 0xFF) - (q >> 8 & 0xFF))
                        + Math.abs((p & 0xFF) - (q & 0xFF));
                n += 3;
            }
        }
        return (double) sum / n;
    }

    /** Mean of red minus green in the middle of the preview, where the person is. */
    private static double redness(BufferedImage img) {
        long sum = 0;
        int n = 0;
        for (int y = img.getHeight() * 3 / 10; y < img.getHeight() * 7 / 10; y += 3) {
            for (int x = img.getWidth() * 2 / 5; x < img.getWidth() * 3 / 5; x += 3) {
                int p = img.getRGB(x, y);
                sum += (p >> 16 & 0xFF) - (p >> 8 & 0xFF);
                n++;
            }
        }
        return (double) sum / n;
    }
}

package dev.rvm.gst.element;

import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.elements.AppSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With something behind the person, src also gives packed RGB without alpha and 4:2:0, as its peer prefers. */
class RvmMatteOpaqueFormatsTest {

    @BeforeAll
    static void gst() {
        GstTestSupport.initWithLuma(0);
    }

    /** No capsfilter: x264enc itself makes src 4:2:0, so the stream is H.264 High, not High 4:4:4. */
    @Test
    void x264encAfterAnOpaqueCompositeGetsI420AndEncodesHigh() {
        for (String background : List.of("color", "blur")) {
            try (var run = new GstTestSupport.Run("videotestsrc num-buffers=5 ! video/x-raw,format=BGRx,width=64,height=48"
                    + " ! rvmmatte name=m background=" + background + " ! x264enc ! h264parse ! appsink name=h sync=false")) {
                AppSink h = (AppSink) run.pipeline.getElementByName("h");
                run.play();
                Sample s = h.pullSample();
                Structure caps = s.getCaps().getStructure(0);
                assertEquals("high", caps.getString("profile"), background + ": " + caps);
                assertEquals("4:2:0", caps.getString("chroma-format"), background + ": " + caps);
                s.dispose();
                assertEquals("I420", srcFormat(run.pipeline.getElementByName("m")));
                RvmMattePipelineTest.pull(h);
                run.assertEos(30);
            }
        }
    }

    /** Black input: alpha 0 everywhere, so every pixel is the colour; its BT.601 values in every plane. */
    @Test
    void i420AndNv12HoldTheCompositeInBt601() {
        // 0xff0000ff is blue: Y 41, U 240, V 110
        for (String format : List.of("I420", "NV12")) {
            try (var run = new GstTestSupport.Run("videotestsrc num-buffers=2 pattern=black ! video/x-raw,format=RGB,width=30,height=18"
                    + " ! rvmmatte background=color background-color=0xff0000ff ! video/x-raw,format=" + format
                    + " ! appsink name=c sync=false")) {
                AppSink c = (AppSink) run.pipeline.getElementByName("c");
                run.play();
                Sample s = c.pullSample();
                Structure caps = s.getCaps().getStructure(0);
                assertEquals("bt601", caps.getString("colorimetry"));
                byte[] frame = RvmMattePipelineTest.bytes(s);
                s.dispose();
                RvmMattePipelineTest.pull(c);
                run.assertEos(20);
                int lumaBytes = 32 * 18; // rows of 30 padded to 32
                assertEquals(lumaBytes + 2 * (16 * 9), frame.length, format + " size"); // chroma 15 -> 16 per row
                for (int i = 0; i < lumaBytes; i += 32) {
                    assertNear(41, frame[i], format + " Y");
                }
                int uv = lumaBytes;
                if (format.equals("I420")) {
                    assertNear(240, frame[uv], "U");
                    assertNear(110, frame[uv + 16 * 9], "V");
                } else {
                    assertNear(240, frame[uv], "U");
                    assertNear(110, frame[uv + 1], "V");
                }
            }
        }
    }

    @Test
    void packedFormatsWithoutAlphaAndBothChannelOrders() {
        for (String format : List.of("RGB", "BGR", "RGBx", "BGRx", "BGRA")) {
            try (var run = new GstTestSupport.Run("videotestsrc num-buffers=2 pattern=black ! video/x-raw,format=RGB,width=7,height=3"
                    + " ! rvmmatte background=color background-color=0xff102030 ! video/x-raw,format=" + format
                    + " ! appsink name=c sync=false")) {
                AppSink c = (AppSink) run.pipeline.getElementByName("c");
                run.play();
                List<byte[]> frames = RvmMattePipelineTest.pull(c);
                run.assertEos(20);
                byte[] f = frames.get(0);
                int bpp = format.length() == 3 ? 3 : 4;
                assertEquals(((7 * bpp + 3) & ~3) * 3, f.length, format + " size");
                boolean rgb = format.startsWith("R");
                assertEquals(rgb ? 0x10 : 0x30, f[0] & 0xFF, format + " first byte");
                assertEquals(0x20, f[1] & 0xFF, format);
                assertEquals(rgb ? 0x30 : 0x10, f[2] & 0xFF, format);
            }
        }
    }

    /** background=none is straight alpha: an element after src that takes only 4:2:0 is told what to do. */
    @Test
    void straightAlphaRefusesYuvWithAMessageNamingTheFix() {
        try (var run = new GstTestSupport.Run("videotestsrc num-buffers=2 ! video/x-raw,format=RGB,width=16,height=16"
                + " ! rvmmatte ! video/x-raw,format=I420 ! fakesink")) {
            run.play().awaitEnd(20);
            assertFalse(run.errors.isEmpty());
            assertTrue(run.errors.get(0).contains("straight-alpha") && run.errors.get(0).contains("videoconvert"),
                    () -> "errors: " + run.errors);
        }
    }

    /** From none to a colour while playing: src renegotiates to what videoconvert ! x264enc prefers. */
    @Test
    void switchingToAnOpaqueBackgroundRenegotiatesMidStream() {
        try (var run = new GstTestSupport.Run("videotestsrc num-buffers=40 ! video/x-raw,format=RGB,width=32,height=24"
                + " ! rvmmatte name=m ! videoconvert ! video/x-raw,format=I420 ! appsink name=c sync=false max-buffers=1")) {
            AppSink c = (AppSink) run.pipeline.getElementByName("c");
            Element m = run.pipeline.getElementByName("m");
            run.play();
            for (int i = 0; i < 5; i++) {
                c.pullSample().dispose();
            }
            List<String> formats = new ArrayList<>();
            formats.add(srcFormat(m));
            m.set("background", 1); // color
            int frames = 5;
            Sample s;
            while ((s = c.pullSample()) != null) {
                s.dispose();
                frames++;
                if (frames == 15) {
                    formats.add(srcFormat(m));
                }
            }
            run.assertEos(20);
            assertEquals(List.of("RGBA", "I420"), formats);
            assertEquals(40, frames);
        }
    }

    static String srcFormat(Element m) {
        Caps caps = m.getStaticPad("src").getCurrentCaps();
        return caps.getStructure(0).getString("format");
    }

    private static void assertNear(int expected, byte actual, String what) {
        assertTrue(Math.abs(expected - (actual & 0xFF)) <= 1, what + ": expected " + expected + ", got " + (actual & 0xFF));
    }
}

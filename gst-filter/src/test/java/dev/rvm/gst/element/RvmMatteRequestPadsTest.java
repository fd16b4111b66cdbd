package dev.rvm.gst.element;

import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.elements.AppSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alone rvmmatte is a one-in, one-out filter; alpha, fgr and background come on request, also mid-stream. */
class RvmMatteRequestPadsTest {

    @BeforeAll
    static void gst() {
        GstTestSupport.initWithLuma(0);
    }

    @Test
    void aloneItHasOneSinkAndOneSrcAndRequestTemplatesForTheRest() {
        Element m = ElementFactory.make("rvmmatte", "m");
        try {
            assertEquals(List.of("sink", "src"), m.getPads().stream().map(Pad::getName).sorted().toList());
            Map<String, String> presence = m.getFactory().getStaticPadTemplates().stream()
                    .collect(Collectors.toMap(t -> t.getName(), t -> t.getPresence().name()));
            assertEquals(Map.of("sink", "ALWAYS", "src", "ALWAYS", "alpha", "REQUEST", "fgr", "REQUEST",
                    "background", "REQUEST"), presence);
            Pad alpha = m.getRequestPad("alpha");
            assertNotNull(alpha);
            assertNull(m.getRequestPad("alpha"), "one alpha pad per element");
            m.releaseRequestPad(alpha);
            assertNull(m.getStaticPad("alpha"));
            assertNotNull(m.getRequestPad("alpha"), "requestable again once released");
        } finally {
            m.dispose();
        }
    }

    /** An alpha pad requested while playing gets caps before its first buffer; released, the stream goes on. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a release that cannot join its task hangs
    void alphaRequestedAndReleasedMidStream() throws Exception {
        try (var run = new GstTestSupport.Run("videotestsrc num-buffers=60 ! video/x-raw,format=RGB,width=32,height=24,framerate=30/1"
                + " ! rvmmatte name=m ! appsink name=c sync=false max-buffers=2")) {
            AppSink c = (AppSink) run.pipeline.getElementByName("c");
            Element m = run.pipeline.getElementByName("m");
            run.play();
            for (int i = 0; i < 10; i++) {
                GstTestSupport.pull(c, 20).dispose();
            }
            AppSink a = (AppSink) ElementFactory.make("appsink", "a");
            a.set("sync", false);
            run.pipeline.add(a);
            Pad alpha = m.getRequestPad("alpha");
            // frames made while alpha is requested but not linked, then src's queue fills up again: once
            // linked, the starving alpha pad must let the stream go on (it waited on src for good before)
            GstTestSupport.pull(c, 20).dispose();
            GstTestSupport.pull(c, 20).dispose();
            Thread.sleep(300);
            alpha.link(a.getStaticPad("sink"));
            a.syncStateWithParent();
            Sample first = GstTestSupport.pull(a, 20);
            assertEquals("GRAY8", first.getCaps().getStructure(0).getString("format"));
            assertTrue(first.getBuffer().getPresentationTimestamp() > 0, "joined mid-stream");
            first.dispose();
            for (int i = 0; i < 5; i++) {
                GstTestSupport.pull(c, 20).dispose();
                GstTestSupport.pull(a, 20).dispose();
            }
            // the rest of the stream, EOS included, reaches the alpha appsink (its branch starves, so src
            // grows meanwhile), and the appsink holds the pad's task in EOS until its buffers are taken:
            // released like that, the pad must still let go
            Thread.sleep(300);
            m.releaseRequestPad(alpha);
            assertFalse(a.getStaticPad("sink").isLinked());
            a.setState(org.freedesktop.gstreamer.State.NULL);
            run.pipeline.remove(a); // the pipeline's EOS waits for every sink in it
            int rest = 0;
            Sample s;
            while ((s = c.pullSample()) != null) {
                s.dispose();
                rest++;
            }
            run.assertEos(20);
            assertTrue(rest > 20, "the composite went on after the release: " + rest);
        }
    }

    @Test
    void templatesOfTheElementFactoryListTheOpaqueFormatsOnSrc() {
        String caps = ElementFactory.find("rvmmatte").getStaticPadTemplates().stream()
                .filter(t -> t.getName().equals("src")).findFirst().orElseThrow().getCaps().toString();
        for (String f : List.of("RGBA", "BGRA", "RGBx", "BGRx", "RGB", "BGR", "I420", "NV12")) {
            assertTrue(caps.contains(f), f + " in " + caps);
        }
    }
}

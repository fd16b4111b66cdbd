package dev.rvm.samples;

import dev.rvm.gst.GstRuntime;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Structure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * samples/webcam-to-srt.sh and samples/watch-srt.sh as written, GStreamer at both ends on 127.0.0.1:
 * the sender listening and the receiver calling, the other way round, and a wrong passphrase.
 */
class SrtSamplesTest {
    /** 2 s of live frames: enough for the receiver to lock on and decode a settled matte. */
    private static final int FRAMES = 60;
    /** A colour background instead of the sample's blur, so the picture can be checked against the matte. */
    private static final String MATTE = "background=color background-color=0xff00b140 " + FrozenFrame.RATIO;
    private static final String PASSPHRASE = "correct-horse-battery";

    @BeforeAll
    static void gst() {
        GstRuntime.start("samples-test");
    }

    @Test
    void senderListensReceiverCallsWithAes256() {
        int port = LoopbackPorts.freeUdp();
        Map<String, String> secret = Map.of("PASSPHRASE", PASSPHRASE, "PBKEYLEN", "32");
        try (RunningPipeline sender = sender("srt://127.0.0.1:" + port + "?mode=listener", secret).play()) {
            LoopbackPorts.awaitUdpBound(port, Duration.ofSeconds(15));
            try (RunningPipeline receiver = receiver("srt://127.0.0.1:" + port, PASSPHRASE)) {
                DecodedFrames frames = new DecodedFrames(receiver);
                receiver.play();
                sender.assertEos(Duration.ofSeconds(25));
                LoopbackPorts.sleep(500); // what is still in flight
                assertReceivedMattedH264(receiver, frames);
            }
        }
    }

    @Test
    void senderCallsReceiverListens() {
        int port = LoopbackPorts.freeUdp();
        try (RunningPipeline receiver = receiver("srt://127.0.0.1:" + port + "?mode=listener", "")) {
            DecodedFrames frames = new DecodedFrames(receiver);
            receiver.play();
            LoopbackPorts.awaitUdpBound(port, Duration.ofSeconds(10));
            try (RunningPipeline sender = sender("srt://127.0.0.1:" + port, Map.of()).play()) {
                sender.assertEos(Duration.ofSeconds(25));
                LoopbackPorts.sleep(500);
            }
            assertReceivedMattedH264(receiver, frames);
        }
    }

    @Test
    void aReceiverWithTheWrongPassphraseGetsNothing() {
        int port = LoopbackPorts.freeUdp();
        try (RunningPipeline sender = sender("srt://127.0.0.1:" + port + "?mode=listener", Map.of("PASSPHRASE", PASSPHRASE)).play()) {
            LoopbackPorts.awaitUdpBound(port, Duration.ofSeconds(15));
            try (RunningPipeline receiver = receiver("srt://127.0.0.1:" + port, "not-the-passphrase")) {
                DecodedFrames frames = new DecodedFrames(receiver);
                receiver.play();
                sender.assertEos(Duration.ofSeconds(25));
                assertEquals(0, frames.count(), "frames decoded without the passphrase");
                assertTrue(receiver.warnings.stream().anyMatch(w -> w.contains("passphrase")),
                        "srtsrc should say the passphrase is wrong: " + receiver.warnings);
            }
        }
    }

    private static RunningPipeline sender(String uri, Map<String, String> encryption) {
        Map<String, String> env = new java.util.HashMap<>(encryption);
        env.put("SOURCE", FrozenFrame.liveSource(FRAMES));
        env.put("MATTE", MATTE);
        return new RunningPipeline(SampleScript.pipeline("webcam-to-srt.sh", env, uri));
    }

    private static RunningPipeline receiver(String uri, String passphrase) {
        return new RunningPipeline(SampleScript.pipeline("watch-srt.sh",
                Map.of("PASSPHRASE", passphrase, "SINK", DecodedFrames.SINK), uri));
    }

    /** Frames arrived, as H.264 High 4:2:0, and the last one shows the person over the key colour. */
    static void assertReceivedMattedH264(RunningPipeline receiver, DecodedFrames frames) {
        assertTrue(receiver.errors.isEmpty(), "receiver errors: " + receiver.errors);
        assertTrue(frames.count() >= 20, "frames received: " + frames.count() + " (warnings " + receiver.warnings + ")");
        Caps caps = receiver.byFactory("h264parse").getStaticPad("src").getCurrentCaps();
        Structure h264 = caps.getStructure(0);
        assertEquals("high", h264.getString("profile"), "H.264 profile in " + caps);
        assertEquals("4:2:0", h264.getString("chroma-format"), "chroma in " + caps);
        MattedPerson.assertKeyedComposite(frames.last(), FrozenFrame.referenceAlpha(), MattedPerson.KEY_GREEN);
    }
}

package dev.rvm.samples;

import dev.rvm.gst.GstRuntime;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * samples/webcam-to-obs-alpha.sh as written, read by ffmpeg the way OBS's media source reads it:
 * every decoded picture carries an alpha plane identical to one that rvmmatte put out (FFV1 is
 * lossless), and that alpha is a person.
 */
class AlphaStreamSampleTest {
    private static final int FRAMES = 90;
    private static final int DECODED = 20;

    @BeforeAll
    static void gst() {
        GstRuntime.start("samples-test");
    }

    @Test
    void overTcpTheDecodedAlphaIsTheElementsAlpha(@TempDir Path dir) {
        int port = LoopbackPorts.freeTcp();
        streamAndCompare("tcp://127.0.0.1:" + port, Map.of(), "tcp://127.0.0.1:" + port,
                () -> LoopbackPorts.awaitTcpListener(port, Duration.ofSeconds(15)), dir);
    }

    @Test
    void overEncryptedSrtTheDecodedAlphaIsTheElementsAlpha(@TempDir Path dir) {
        int port = LoopbackPorts.freeUdp();
        String passphrase = "obs-media-source-key";
        streamAndCompare("srt://127.0.0.1:" + port + "?mode=listener", Map.of("PASSPHRASE", passphrase),
                "srt://127.0.0.1:" + port + "?passphrase=" + passphrase,
                () -> LoopbackPorts.awaitUdpBound(port, Duration.ofSeconds(15)), dir);
    }

    private static void streamAndCompare(String uri, Map<String, String> encryption, String obsUrl, Runnable awaitListener,
                                         Path dir) {
        Map<String, String> env = new java.util.HashMap<>(encryption);
        env.put("SOURCE", FrozenFrame.liveSource(FRAMES));
        env.put("MATTE", FrozenFrame.RATIO);
        Set<ByteBuffer> sent = ConcurrentHashMap.newKeySet();
        try (RunningPipeline sender = new RunningPipeline(SampleScript.pipeline("webcam-to-obs-alpha.sh", env, uri))) {
            sender.byFactory("rvmmatte").getStaticPad("src").addProbe(PadProbeType.BUFFER, (pad, info) -> {
                sent.add(ByteBuffer.wrap(alphaOf(info.getBuffer())));
                return PadProbeReturn.OK;
            });
            sender.play();
            awaitListener.run();
            List<byte[]> decoded = FfmpegReader.alphaPlanes(obsUrl, FrozenFrame.WIDTH, FrozenFrame.HEIGHT, DECODED,
                    dir.resolve("ffmpeg.log"), Duration.ofSeconds(20));
            assertEquals(DECODED, decoded.size(), "pictures decoded by ffmpeg");
            for (byte[] alpha : decoded) {
                assertTrue(sent.contains(ByteBuffer.wrap(alpha)),
                        "a decoded alpha plane differs from every matte rvmmatte sent (" + sent.size() + ")");
                double person = MattedPerson.personShare(alpha);
                assertTrue(person > 0.1 && person < 0.6, "person share of the decoded alpha: " + person);
            }
            sender.assertEos(Duration.ofSeconds(25));
        }
    }

    /** The A channel of an RGBA/BGRA buffer from rvmmatte's src pad (640x480: rows have no padding). */
    private static byte[] alphaOf(Buffer buffer) {
        ByteBuffer pixels = buffer.map(false);
        try {
            byte[] alpha = new byte[FrozenFrame.WIDTH * FrozenFrame.HEIGHT];
            for (int i = 0; i < alpha.length; i++) {
                alpha[i] = pixels.get(4 * i + 3);
            }
            return alpha;
        } finally {
            buffer.unmap();
        }
    }
}

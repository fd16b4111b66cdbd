package dev.rvm.samples;

import dev.rvm.gst.GstRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * samples/webcam-to-rtmp.sh publishing to a real RTMP server (a private nginx with the RTMP module on
 * 127.0.0.1) and samples/watch-rtmp.sh playing it back, both as written.
 */
class RtmpSampleTest {
    /** 5 s at 30 fps: keyframes at 0, 2 and 4 s, so a player that joins within 2 s gets one. */
    private static final int FRAMES = 150;

    @BeforeAll
    static void gst() {
        GstRuntime.start("samples-test");
    }

    @Test
    void publishedStreamPlaysBackAsH264HighWithTheKeyedPerson(@TempDir Path dir) {
        try (NginxRtmpServer server = new NginxRtmpServer(dir)) {
            String url = server.url("rvm");
            Map<String, String> env = Map.of("SOURCE", FrozenFrame.liveSource(FRAMES),
                    "MATTE", FrozenFrame.RATIO); // the sample's own key colour
            try (RunningPipeline publisher = new RunningPipeline(SampleScript.pipeline("webcam-to-rtmp.sh", env, url)).play()) {
                server.awaitPublisher("rvm", Duration.ofSeconds(15));
                try (RunningPipeline player = new RunningPipeline(SampleScript.pipeline("watch-rtmp.sh",
                        Map.of("SINK", DecodedFrames.SINK), url))) {
                    DecodedFrames frames = new DecodedFrames(player);
                    player.play();
                    // stop the player while frames still flow: once they stop it waits for librtmp's timeout
                    frames.awaitCount(30, Duration.ofSeconds(20));
                    SrtSamplesTest.assertReceivedMattedH264(player, frames);
                }
                publisher.assertEos(Duration.ofSeconds(25));
            }
        }
    }
}

package dev.rvm.gst.loader;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stream contract as users meet it: stock gst-launch-1.0, the built plugin, the real model. Each
 * case is a command line, the exit status and words expected in its output, within 10 s (JVM and model
 * start included). The layouts come from the issue that found them hanging.
 */
class GstLaunchScenariosTest {
    private static final int DEADLINE = 10;
    private static final String FRAMES = "videotestsrc num-buffers=60 ! video/x-raw,format=BGRx,width=320,height=240 ! ";

    @TempDir
    static Path dir;

    private record Case(String name, String line, int exit, List<String> expected) {}

    @TestFactory
    Stream<DynamicTest> gstLaunch() {
        return Stream.of(
                new Case("one branch ends early (identity eos-after=10 on src): exits at EOS", FRAMES
                        + "rvmmatte name=m downsample-ratio=0.5 m.src ! identity eos-after=10 ! fakesink"
                        + " m.alpha ! fakesink m.fgr ! fakesink", 0, List.of("Got EOS")),
                new Case("no src pad linked: not-linked error naming the fix", FRAMES + "rvmmatte", 1,
                        List.of("rvmmatte has no linked output: link its src pad", "reason not-linked")),
                new Case("auto ratio on a thin 2000x4 frame: matted by the real model", "videotestsrc num-buffers=3 ! "
                        + "video/x-raw,format=BGRx,width=2000,height=4 ! rvmmatte ! fakesink", 0, List.of("Got EOS")),
                new Case("downsample-ratio too small: refused at caps with the least ratio", FRAMES
                        + "rvmmatte downsample-ratio=0.005 ! fakesink", 1,
                        List.of("give a ratio of at least 0.0125 for frames this size (property downsample-ratio)"))
        ).map(c -> DynamicTest.dynamicTest(c.name, () -> run(c)));
    }

    private static void run(Case c) throws Exception {
        long start = System.nanoTime();
        String[] command = ("gst-launch-1.0 " + c.line).split(" ");
        GstTools.Result r = GstTools.run(dir.resolve("registry.bin"), Map.of(), DEADLINE, command);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(c.exit, r.exit(), r.output());
        for (String e : c.expected) {
            assertTrue(r.output().contains(e), () -> "missing '" + e + "' in:\n" + r.output());
        }
        System.out.printf(Locale.ROOT, "scenario | gst-launch: %s | exit %d | %d ms%n", c.name, r.exit(), ms);
    }
}

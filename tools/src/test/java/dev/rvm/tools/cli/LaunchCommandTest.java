package dev.rvm.tools.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./rvm launch} parses as strictly as gst-launch-1.0: every description GStreamer complains about
 * is refused before anything runs, within seconds (these hung or ran a partial pipeline before).
 */
class LaunchCommandTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an empty link           | videotestsrc ! ! rvmmatte ! fakesink                          | syntax error",
            "a trailing bracket      | videotestsrc num-buffers=5 ! fakesink )                       | syntax error",
            "an unknown element      | videotestsrc num-buffers=5 ! nosuchelement ! fakesink         | nosuchelement",
            "an unknown property     | videotestsrc num-buffers=5 nosuchproperty=1 ! fakesink        | nosuchproperty",
            "an unknown rvmmatte property | videotestsrc num-buffers=5 ! videoconvert ! rvmmatte seqchunk=2 ! fakesink | seqchunk",
            "a link that cannot be made | videotestsrc num-buffers=5 ! audioconvert ! fakesink      | audioconvert",
    })
    void refusesBeforeAnythingRuns(String what, String description, String named) {
        CliRun run = assertTimeoutPreemptively(DEADLINE, () -> CliRun.of("launch", description));
        assertEquals(1, run.exitCode(), what + ": " + run.err());
        assertTrue(run.err().startsWith("rvm launch: cannot build the pipeline") && run.err().contains(named), run.err());
        assertTrue(!run.err().contains("end of stream"), "nothing ran: " + run.err());
    }

    @Test
    void aBinOfItsOwnRunsInAPipeline() {
        CliRun run = assertTimeoutPreemptively(DEADLINE, () -> CliRun.of("launch", "( videotestsrc num-buffers=3 ! fakesink )"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("end of stream"), run.err());
    }
}

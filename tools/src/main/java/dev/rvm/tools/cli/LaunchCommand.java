package dev.rvm.tools.cli;

import dev.rvm.gst.GstRuntime;
import dev.rvm.tools.gst.PipelineRunner;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code ./rvm launch 'PIPELINE'}: gst-launch syntax in this JVM, with rvmmatte available. */
@Command(name = "launch", mixinStandardHelpOptions = true,
        description = {"Run a GStreamer pipeline (gst-launch-1.0 syntax) with the rvmmatte element.",
                "Example: ./rvm launch 'videotestsrc num-buffers=100 ! videoconvert ! rvmmatte ! videoconvert ! autovideosink'",
                "Ctrl-C sends EOS so files are finished; errors print with their debug detail."})
final class LaunchCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PIPELINE", description = "The pipeline description (one or more words).")
    String[] description;

    @Override
    public Integer call() throws Exception {
        GstRuntime.start("rvm-launch");
        String text = String.join(" ", description);
        Pipeline pipeline;
        try {
            pipeline = (Pipeline) Gst.parseLaunch(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot build the pipeline '" + text + "': " + e.getMessage(), e);
        }
        PipelineRunner.run(pipeline, null);
        System.err.println("rvm launch: end of stream");
        return 0;
    }
}

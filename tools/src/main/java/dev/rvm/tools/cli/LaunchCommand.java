package dev.rvm.tools.cli;

import dev.rvm.gst.GstRuntime;
import dev.rvm.gst.RvmMatteElement;
import dev.rvm.matting.preset.Preset;
import dev.rvm.matting.preset.PresetJson;
import dev.rvm.panel.gst.MattePresets;
import dev.rvm.conversion.gst.PipelineRunner;
import dev.rvm.conversion.gst.StrictLaunch;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./rvm launch 'PIPELINE'}: gst-launch syntax in this JVM, with rvmmatte available. */
@Command(name = "launch", mixinStandardHelpOptions = true,
        description = {"Run a GStreamer pipeline (gst-launch-1.0 syntax) with the rvmmatte element.",
                "Example: ./rvm launch 'videotestsrc num-buffers=100 ! videoconvert ! rvmmatte ! videoconvert ! autovideosink'",
                "Ctrl-C sends EOS so files are finished; errors print with their debug detail.",
                "The description is parsed strictly, as gst-launch-1.0 does: a syntax error, an unknown element or "
                        + "property, or a link that cannot be made stops before anything runs (exit 1)."})
final class LaunchCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PIPELINE", description = "The pipeline description (one or more words).")
    String[] description;

    @Option(names = "--preset", paramLabel = "FILE",
            description = "Settings saved by ./rvm panel (JSON), written into every rvmmatte of the pipeline before it starts.")
    Path preset;

    @Override
    public Integer call() throws Exception {
        Preset settings = preset == null ? null : PresetJson.read(preset);
        GstRuntime.start("rvm-launch");
        String text = String.join(" ", description);
        // any parse error stops here, before a single element has started
        Pipeline pipeline = StrictLaunch.parse(text);
        if (settings != null) {
            List<Element> mattes = pipeline.getElementsRecursive().stream()
                    .filter(e -> e.getFactory() != null && RvmMatteElement.FACTORY_NAME.equals(e.getFactory().getName())).toList();
            if (mattes.isEmpty()) {
                throw new IllegalArgumentException("--preset " + preset + " needs an rvmmatte element in the pipeline");
            }
            mattes.forEach(m -> MattePresets.apply(m, settings));
        }
        PipelineRunner.run(pipeline, null);
        System.err.println("rvm launch: end of stream");
        return 0;
    }
}

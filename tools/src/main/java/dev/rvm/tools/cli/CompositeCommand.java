package dev.rvm.tools.cli;

import dev.rvm.conversion.composite.CompositeJob;
import dev.rvm.conversion.composite.CompositeSettings;
import dev.rvm.conversion.composite.FrameSize;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./rvm composite}: builds an evaluation clip from foreground, alpha and a background. */
@Command(name = "composite", mixinStandardHelpOptions = true,
        description = {
                "Makes an evaluation clip (com/, pha/, fgr/) from foreground, alpha and a background.",
                "Like upstream's generate_*_with_background_* scripts: OUTPUT/com = fgr*pha + bg*(1-pha), "
                        + "OUTPUT/pha and OUTPUT/fgr the (resized) inputs, one PNG per frame.",
                "The background is one image for every frame, or a directory of images used frame by frame "
                        + "(looped if shorter). Video files are not supported: this build's OpenCV has no video "
                        + "decoder; extract frames first (e.g. ffmpeg -i bg.mp4 bg/%%05d.png) and pass the directory."})
final class CompositeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--fgr-dir", required = true, paramLabel = "DIR", description = "Foreground frames (PNG/JPEG).")
    Path fgrDir;

    @Option(names = "--pha-dir", required = true, paramLabel = "DIR", description = "Alpha frames, same names as the foreground.")
    Path phaDir;

    @Option(names = "--background", required = true, paramLabel = "IMAGE|DIR", description = "Background image or image sequence directory.")
    Path background;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output clip directory (com/, pha/, fgr/ are created).")
    Path output;

    @Option(names = "--resize", paramLabel = "WxH", description = "Output size, e.g. 512x288 (scaled to cover, centre-cropped). Default: the foreground's size.")
    String resize;

    @Override
    public Integer call() throws Exception {
        FrameSize size = resize == null ? null : FrameSize.parse(resize);
        int frames = CompositeJob.run(new CompositeSettings(fgrDir, phaDir, background, output, size));
        spec.commandLine().getErr().printf("rvm composite: %d frames written to %s%n", frames, output);
        spec.commandLine().getErr().flush();
        return 0;
    }
}

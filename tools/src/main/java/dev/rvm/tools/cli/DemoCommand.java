package dev.rvm.tools.cli;

import dev.rvm.gst.media.SampleMedia;
import dev.rvm.matting.Background;
import dev.rvm.matting.MattingSettings;
import dev.rvm.conversion.video.VideoConvertOptions;
import dev.rvm.conversion.video.VideoConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./rvm demo}: mattes the real-person sample video into out/demo/ and prints the paths. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Matte a real-person sample video (fetched once, cached) into out/demo/: composition over "
                + "green with the original audio, alpha and foreground videos.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--output", defaultValue = "out/demo", paramLabel = "DIR", description = "Where to write. Default: ${DEFAULT-VALUE}.")
    Path output;

    @Override
    public Integer call() throws Exception {
        Path clip = SampleMedia.talkingHead();
        Path composition = output.resolve("composition.mp4");
        Path alpha = output.resolve("alpha.mp4");
        Path foreground = output.resolve("foreground.mp4");
        new VideoConverter(new VideoConvertOptions(clip, composition, alpha, foreground, false, 4,
                new Background.Color(Background.UPSTREAM_GREEN), MattingSettings.DEFAULTS)).run();
        System.out.println("input:       " + clip);
        System.out.println("composition: " + composition.toAbsolutePath());
        System.out.println("alpha:       " + alpha.toAbsolutePath());
        System.out.println("foreground:  " + foreground.toAbsolutePath());
        return 0;
    }
}

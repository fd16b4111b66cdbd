package dev.rvm.tools.cli;

import dev.rvm.gst.GstRuntime;
import dev.rvm.gst.RvmMatteElement;
import dev.rvm.matting.MattingException;
import dev.rvm.matting.preset.Preset;
import dev.rvm.matting.preset.PresetJson;
import dev.rvm.panel.PanelWindow;
import dev.rvm.panel.gst.PanelPipeline;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "panel", mixinStandardHelpOptions = true,
        description = "Open the editor panel over a live rvmmatte pipeline: backgrounds, ratio, chunk, model, presets.")
final class PanelCommand implements Callable<Integer> {

    @Option(names = "--input", paramLabel = "FILE|DEVICE",
            description = "Video file (looped), camera such as /dev/video0, or a GStreamer source description. Default: a test pattern.")
    String input;

    @Option(names = "--preset", paramLabel = "FILE", description = "Settings to start from (JSON saved by the panel).")
    Path preset;

    @Override
    public Integer call() throws Exception {
        Preset start = preset == null ? Preset.DEFAULTS : PresetJson.read(preset);
        PanelPipeline.checkInput(input);
        if (GraphicsEnvironment.isHeadless()) {
            throw new MattingException("the panel needs a display; set DISPLAY (or run it under xvfb-run)");
        }
        GstRuntime.start("rvm-panel");
        Element matte = ElementFactory.make(RvmMatteElement.FACTORY_NAME, "matte");
        PanelWindow window = PanelWindow.open(PanelPipeline.open(input, matte), start);
        window.awaitClose();
        return 0;
    }
}

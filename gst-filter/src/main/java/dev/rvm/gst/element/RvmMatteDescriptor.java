package dev.rvm.gst.element;

import dev.rvm.gst.descriptor.ElementDescriptor;
import dev.rvm.gst.descriptor.PadSpec;
import dev.rvm.gst.descriptor.Statistic;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.settings.Setting;
import dev.rvm.matting.settings.SettingTable;

import java.util.List;

/**
 * What {@code rvmmatte} is, declared once: metadata, pad templates, properties and the reset signal.
 * Its properties are the matting settings of {@link SettingsTable} followed by the settings only a
 * GStreamer element has; adding a property is one line in {@link #SETTINGS} plus what it does.
 */
public final class RvmMatteDescriptor {
    private RvmMatteDescriptor() {
    }

    public static final String FACTORY_NAME = "rvmmatte";
    public static final String SINK_FORMATS = "{ RGB, BGR, RGBA, BGRA, RGBx, BGRx }";
    static final String SIZE = "width=(int)[1,2147483647], height=(int)[1,2147483647], framerate=(fraction)[0/1,2147483647/1]";

    public static final Setting.Flag QOS = new Setting.Flag("qos", "QoS",
            "When frames are late, skip inference, reuse the last alpha and post QoS messages", true, true);
    public static final Setting.Flag POST_MESSAGES = new Setting.Flag("post-messages", "Post messages",
            "Post an element message named rvmmatte with the inference time of each frame", false, true);

    /** Every property value the element takes, in the order gst-inspect lists them. */
    public static final SettingTable SETTINGS = SettingsTable.MATTING.plus(QOS, POST_MESSAGES);

    /** Read-only statistic: the model time of the last frame. */
    public static final Statistic INFERENCE_MS = new Statistic("inference-ms", "Inference time",
            "Model time of the last matted frame in milliseconds (read-only)");

    public static final String RESET_SIGNAL = "reset";

    public static final ElementDescriptor DESCRIPTOR = new ElementDescriptor(FACTORY_NAME, "GstRvmMatte", "RvmMatte",
            "Robust Video Matting", "Filter/Effect/Video", "Separates people from the background with Robust Video "
                    + "Matting: src = the person over the background (straight alpha when there is none); on request"
                    + " alpha = matte (GRAY8), fgr = foreground (RGB), background = a video to composite over",
            "rvm-matting project", pads(), SETTINGS, List.of(INFERENCE_MS), List.of(RESET_SIGNAL));

    /** One always sink and one always src, as editors take effects (GES, Pitivi); the rest on request. */
    private static List<PadSpec> pads() {
        List<PadSpec> pads = new java.util.ArrayList<>();
        pads.add(PadSpec.always("sink", false, videoCaps(SINK_FORMATS)));
        for (Output output : Output.values()) {
            String caps = videoCaps(output.templateFormats);
            pads.add(output.requested() ? PadSpec.request(output.padName, true, caps) : PadSpec.always(output.padName, true, caps));
        }
        pads.add(PadSpec.request(RequestPads.BACKGROUND, false, videoCaps(SINK_FORMATS)));
        return pads;
    }

    private static String videoCaps(String formats) {
        return "video/x-raw, format=(string)" + formats + ", " + SIZE;
    }
}

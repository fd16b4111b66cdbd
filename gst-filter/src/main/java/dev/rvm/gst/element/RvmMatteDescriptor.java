package dev.rvm.gst.element;

import dev.rvm.gst.descriptor.ElementDescriptor;
import dev.rvm.gst.descriptor.PadSpec;
import dev.rvm.gst.descriptor.PropertySpec;
import dev.rvm.gst.descriptor.PropertySpec.BoolProp;
import dev.rvm.gst.descriptor.PropertySpec.DoubleProp;
import dev.rvm.gst.descriptor.PropertySpec.EnumProp;
import dev.rvm.gst.descriptor.PropertySpec.FloatProp;
import dev.rvm.gst.descriptor.PropertySpec.IntProp;
import dev.rvm.gst.descriptor.PropertySpec.StringProp;
import dev.rvm.gst.descriptor.PropertySpec.UIntProp;
import dev.rvm.matting.Device;
import dev.rvm.matting.MattingSettings;

import java.util.Arrays;
import java.util.List;

/** What {@code rvmmatte} is, declared once: metadata, pad templates, properties and the reset signal. */
public final class RvmMatteDescriptor {
    private RvmMatteDescriptor() {
    }

    public static final String FACTORY_NAME = "rvmmatte";
    public static final String SINK_FORMATS = "{ RGB, BGR, RGBA, BGRA, RGBx, BGRx }";
    static final String SIZE = "width=(int)[1,2147483647], height=(int)[1,2147483647], framerate=(fraction)[0/1,2147483647/1]";

    /** Read-only statistic: the model time of the last frame. */
    public static final String INFERENCE_MS = "inference-ms";

    public static final ElementDescriptor DESCRIPTOR = build();

    private static ElementDescriptor build() {
        ElementSettings d = ElementSettings.DEFAULTS;
        List<PropertySpec> properties = List.of(
                new StringProp("model", "Model",
                        "Built-in model name (mobilenetv3) or path to an ONNX file with the RVM signature",
                        d.model(), true, false),
                new FloatProp("downsample-ratio", "Downsample ratio",
                        "Scale at which the network sees the frame; 0 = auto (min(512 / longest side, 1))",
                        0f, 1f, d.downsampleRatio(), true, true),
                new IntProp("seq-chunk", "Sequence chunk",
                        "Frames per model call; more frames raise throughput and add latency",
                        MattingSettings.SEQ_CHUNK.min(), MattingSettings.SEQ_CHUNK.max(),
                        d.seqChunk(), true, false),
                new EnumProp("background", "Background",
                        "What the src pad shows behind the person: none = straight alpha, color, image, blur",
                        "RvmMatteBackground", Arrays.stream(BackgroundKind.values()).map(k -> k.nick).toList(),
                        d.background().ordinal(), true, true),
                new UIntProp("background-color", "Background colour",
                        "Background colour as 0xAARRGGBB (default: upstream RVM green)", d.backgroundColor(),
                        true, true),
                new StringProp("background-location", "Background picture",
                        "PNG or JPEG shown behind the person when background=image (scaled to cover)",
                        d.backgroundLocation(), true, true),
                new IntProp("blur-strength", "Blur strength",
                        "Blur radius in pixels when background=blur", 1, 256, d.blurStrength(), true, true),
                new EnumProp("device", "Device",
                        "Where the network runs: cpu, or cuda when the ONNX Runtime GPU build is present",
                        "RvmMatteDevice", Arrays.stream(Device.values()).map(v -> v.name().toLowerCase()).toList(),
                        d.device().ordinal(), true, false),
                new IntProp("threads", "Threads", "ONNX Runtime intra-op threads; 0 = one per core",
                        MattingSettings.THREADS.min(), MattingSettings.THREADS.max(),
                        d.threads(), true, false),
                new BoolProp("qos", "QoS",
                        "When frames are late, skip inference, reuse the last alpha and post QoS messages",
                        d.qos(), true, true),
                new BoolProp("post-messages", "Post messages",
                        "Post an element message named rvmmatte with the inference time of each frame",
                        d.postMessages(), true, true),
                new DoubleProp(INFERENCE_MS, "Inference time",
                        "Model time of the last matted frame in milliseconds (read-only)", 0, Double.MAX_VALUE, 0,
                        false, true));
        List<PadSpec> pads = List.of(
                new PadSpec("sink", false, "video/x-raw, format=(string)" + SINK_FORMATS + ", " + SIZE),
                new PadSpec("src", true, "video/x-raw, format=(string){ RGBA, BGRA }, " + SIZE),
                new PadSpec("alpha", true, "video/x-raw, format=(string)GRAY8, " + SIZE),
                new PadSpec("fgr", true, "video/x-raw, format=(string)RGB, " + SIZE));
        return new ElementDescriptor(FACTORY_NAME, "GstRvmMatte", "Robust Video Matting",
                "Filter/Effect/Video", "Separates people from the background with Robust Video Matting: "
                        + "src = composite, alpha = matte (GRAY8), fgr = foreground (RGB)",
                "rvm-matting project", pads, properties, List.of("reset"));
    }
}

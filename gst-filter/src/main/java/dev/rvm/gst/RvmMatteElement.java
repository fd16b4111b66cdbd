package dev.rvm.gst;

import dev.rvm.gst.element.MattingStreamSource;
import dev.rvm.gst.element.RvmMatteDescriptor;
import dev.rvm.gst.element.RvmMatteType;
import dev.rvm.matting.settings.Setting;
import dev.rvm.matting.settings.SettingTable;

/**
 * Makes {@code rvmmatte} available to pipelines built in this JVM (gst1-java-core's
 * {@code Gst.parseLaunch}, {@code ElementFactory.make}). Call after {@code Gst.init}:
 *
 * <pre>{@code
 * RvmMatteElement.prepareGstInit();   // before Gst.init
 * Gst.init(Version.of(1, 16));
 * RvmMatteElement.register();
 * Pipeline p = (Pipeline) Gst.parseLaunch("v4l2src ! videoconvert ! rvmmatte ! autovideosink");
 * }</pre>
 */
public final class RvmMatteElement {
    /** The factory name pipelines use. */
    public static final String FACTORY_NAME = RvmMatteType.FACTORY_NAME;
    /** The read-only property with the model time of the last frame in ms. */
    public static final String INFERENCE_MS = RvmMatteDescriptor.INFERENCE_MS.name();
    /** Every property value the element takes: the matting settings, then qos and post-messages. */
    public static final SettingTable SETTINGS = RvmMatteDescriptor.SETTINGS;
    public static final Setting.Flag QOS = RvmMatteDescriptor.QOS;
    /** The action signal that forgets the network's temporal memory. */
    public static final String RESET_SIGNAL = RvmMatteDescriptor.RESET_SIGNAL;

    private RvmMatteElement() {
    }

    /**
     * Turns GStreamer's segfault trap off. Plugin loading swaps the process-wide SIGSEGV handler while
     * Java threads run, which the JVM (it uses SIGSEGV itself) does not survive; call before Gst.init.
     */
    public static void prepareGstInit() {
        RvmMatteType.disableSegtrap();
    }

    /** Registers {@code rvmmatte} on the matting core. Idempotent. */
    public static void register() {
        RvmMatteType.register(RvmMatteType.FACTORY_NAME, MattingStreamSource.core());
    }

    /** Registers {@code rvmmatte} on another matting implementation (embedding, tests). */
    public static void register(MattingStreamSource source) {
        RvmMatteType.register(RvmMatteType.FACTORY_NAME, source);
    }
}

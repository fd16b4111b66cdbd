package dev.rvm.panel.view;

import dev.rvm.matting.Device;
import dev.rvm.matting.preset.BackgroundChoice;
import dev.rvm.panel.control.MattingControls;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.GhostPad;
import org.freedesktop.gstreamer.Gst;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for rvmmatte until the element is on main: a bin with the same pads and formats (sink RGB
 * family, src BGRA, alpha GRAY8 = luma, fgr RGB) made of stock elements, and controls that keep
 * property values under rvmmatte's property names.
 */
final class StandInMatte {
    private StandInMatte() {
    }

    static Element create() {
        Bin bin = Gst.parseBinFromDescription(
                "capsfilter name=in caps=video/x-raw,format=BGRx ! tee name=t "
                        + "t. ! queue max-size-buffers=2 ! videoconvert ! video/x-raw,format=BGRA ! identity name=src_out "
                        + "t. ! queue max-size-buffers=2 ! videoconvert ! video/x-raw,format=GRAY8 ! identity name=alpha_out "
                        + "t. ! queue max-size-buffers=2 ! videoconvert ! video/x-raw,format=RGB ! identity name=fgr_out",
                false);
        bin.setName("matte");
        bin.addPad(new GhostPad("sink", bin.getElementByName("in").getStaticPad("sink")));
        bin.addPad(new GhostPad("src", bin.getElementByName("src_out").getStaticPad("src")));
        bin.addPad(new GhostPad("alpha", bin.getElementByName("alpha_out").getStaticPad("src")));
        bin.addPad(new GhostPad("fgr", bin.getElementByName("fgr_out").getStaticPad("src")));
        return bin;
    }

    /** Property values as rvmmatte would hold them after the panel's calls. */
    static final class Controls implements MattingControls {
        final Map<String, Object> properties = new ConcurrentHashMap<>();
        volatile int resets;

        Object get(String name) {
            return properties.get(name);
        }

        @Override
        public void setModel(String model) {
            properties.put("model", model);
        }

        @Override
        public void setDevice(Device device) {
            properties.put("device", device.ordinal());
        }

        @Override
        public void setDownsampleRatio(float ratio) {
            properties.put("downsample-ratio", ratio);
        }

        @Override
        public void setSeqChunk(int frames) {
            properties.put("seq-chunk", frames);
        }

        @Override
        public void setBackground(BackgroundChoice b) {
            properties.put("background-color", b.color());
            if (b.image() != null) {
                properties.put("background-location", b.image().toString());
            }
            properties.put("background", switch (b.kind()) {
                case TRANSPARENT -> "none";
                case COLOR -> "color";
                case IMAGE -> "image";
                case BLUR -> "blur";
                case VIDEO -> throw new IllegalArgumentException("no video background");
            });
        }

        @Override
        public void reset() {
            resets++;
        }

        @Override
        public double lastInferenceMillis() {
            return Double.NaN;
        }

        @Override
        public void setListener(Listener listener) {
        }
    }
}

package dev.rvm.samples;

import dev.rvm.gst.RvmMatteElement;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.Version;
import org.freedesktop.gstreamer.elements.AppSink;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sample: rvmmatte from a Java application with gst1-java-core. Decodes a video, takes the GRAY8
 * matte from the element's alpha pad through an appsink and prints, per frame, the share of the
 * picture that is person (alpha >= 128) and the model time.
 *
 * <pre>java -cp "samples/target/classes:$(cat samples/target/runtime.classpath)" \
 *      dev.rvm.samples.PersonCoverage VIDEO [FRAMES]</pre>
 */
public final class PersonCoverage {
    private PersonCoverage() {
    }

    public static void main(String[] args) {
        Path video = Path.of(args[0]);
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : -1;
        RvmMatteElement.prepareGstInit(); // before Gst.init: the JVM keeps its SIGSEGV handler
        Gst.init(Version.of(1, 16), "person-coverage");
        RvmMatteElement.register();
        List<Double> coverage = measure(video, frames);
        for (int i = 0; i < coverage.size(); i++) {
            System.out.printf("frame %d: %.1f%% person%n", i, 100 * coverage.get(i));
        }
    }

    /** Share of alpha >= 128 per frame; rvmmatte must already be registered. */
    public static List<Double> measure(Path video, int frames) {
        Pipeline pipeline = (Pipeline) Gst.parseLaunch("filesrc location=\"" + video + "\" ! decodebin"
                + " ! videoconvert ! identity eos-after=" + frames + " ! rvmmatte name=m downsample-ratio=0.5"
                + " m.alpha ! appsink name=alpha sync=false");
        AppSink sink = (AppSink) pipeline.getElementByName("alpha");
        List<Double> result = new ArrayList<>();
        pipeline.play();
        try {
            Sample sample;
            while ((sample = sink.pullSample()) != null) {
                int width = sample.getCaps().getStructure(0).getInteger("width");
                int height = sample.getCaps().getStructure(0).getInteger("height");
                int stride = (width + 3) & ~3; // GRAY8 rows are padded to 4 bytes
                Buffer buffer = sample.getBuffer();
                ByteBuffer pixels = buffer.map(false);
                long person = 0;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        if ((pixels.get(y * stride + x) & 0xFF) >= 128) {
                            person++;
                        }
                    }
                }
                buffer.unmap();
                sample.dispose();
                result.add(person / (double) (width * height));
            }
        } finally {
            pipeline.setState(State.NULL);
            pipeline.dispose();
        }
        return result;
    }
}

package dev.rvm.samples;

import dev.rvm.gst.GstRuntime;
import dev.rvm.gst.PipelineLatency;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.message.MessageType;
import org.freedesktop.gstreamer.query.LatencyQuery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live latency of rvmmatte in a streaming pipeline, run by samples/measure-latency.sh: a live 30 fps
 * source, the element with QoS, H.264 as the samples encode it, a sink that syncs to the clock. Reads
 * GStreamer's latency tracer and prints one Markdown table row: rvmmatte's processing latency (mean
 * and 95th percentile after a warm-up), the latency it answered, the source-to-sink and the
 * pipeline's (render) latency, the frames per second rvmmatte put out, and the frames QoS dropped
 * per minute: before the model (rvmmatte passes QoS events upstream, so the videoconvert before it
 * drops late frames, and rvmmatte skips those that still come late) and after it.
 *
 * <p>A queue follows rvmmatte so that the tracer's figure for it is its own: without one its src
 * pad's thread also converts and encodes, and the tracer would count that as rvmmatte's.
 *
 * <pre>GST_TRACERS="latency(flags=pipeline+element+reported)" GST_DEBUG=GST_TRACER:7 GST_DEBUG_NO_COLOR=1 \
 * GST_DEBUG_FILE=trace.log java -cp ... dev.rvm.samples.LiveLatency 1280x720 0.25 60</pre>
 */
public final class LiveLatency {
    /** Frames before this many seconds are warm-up (model buffers, first latency answer) and not counted. */
    private static final long WARM_UP_NANOS = 5_000_000_000L;
    private static final int RECENT = 20;

    private LiveLatency() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: LiveLatency WIDTHxHEIGHT DOWNSAMPLE_RATIO(0 = auto) SECONDS");
            System.exit(2);
        }
        String[] size = args[0].split("x");
        float ratio = Float.parseFloat(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String logFile = System.getenv("GST_DEBUG_FILE");
        String tracers = System.getenv("GST_TRACERS");
        if (logFile == null || tracers == null || !tracers.contains("latency")) {
            System.err.println("set GST_TRACERS=\"latency(flags=pipeline+element+reported)\" GST_DEBUG=GST_TRACER:7"
                    + " GST_DEBUG_FILE=FILE (samples/measure-latency.sh does)");
            System.exit(2);
        }
        GstRuntime.start("live-latency");
        String description = "videotestsrc name=camera is-live=true pattern=ball ! video/x-raw,width=" + size[0]
                + ",height=" + size[1] + ",framerate=30/1 ! videoconvert name=in ! rvmmatte name=m downsample-ratio=" + ratio
                + " background=color qos=true ! queue ! videoconvert ! video/x-raw,format=I420"
                + " ! x264enc tune=zerolatency speed-preset=veryfast bitrate=2500 key-int-max=30 ! h264parse"
                + " ! fakesink name=out sync=true qos=true";
        Pipeline pipeline = (Pipeline) Gst.parseLaunch(description);
        AtomicLong droppedBefore = new AtomicLong(); // by videoconvert before rvmmatte, or skipped by rvmmatte
        AtomicLong droppedAfter = new AtomicLong();
        pipeline.getBus().connect((Bus.MESSAGE) (bus, m) -> {
            if (m.getType() == MessageType.QOS && m.getSource() != null) {
                String from = m.getSource().getName();
                ("m".equals(from) || "in".equals(from) ? droppedBefore : droppedAfter).incrementAndGet();
            } else if (m.getType() == MessageType.ERROR) {
                System.err.println("error: " + dev.rvm.gst.BusErrors.parse(m));
                System.exit(1);
            } else {
                PipelineLatency.handle(pipeline, m);
            }
        });
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        pipeline.play();
        Thread.sleep(seconds * 1000L);
        LatencyQuery query = new LatencyQuery(); // the tracer logs each element's answer to it
        long pipelineLatency = pipeline.query(query) ? query.getMinimumLatency() : -1;
        pipeline.setState(State.NULL);
        pipeline.dispose();
        report(args[0], ratio, seconds, LatencyTrace.read(Path.of(logFile)), pipelineLatency, droppedBefore.get(),
                droppedAfter.get(), load);
        System.exit(0);
    }

    private static void report(String size, float ratio, int seconds, LatencyTrace trace, long pipelineLatency,
                               long droppedBefore, long droppedAfter, String load) {
        List<LatencyTrace.Sample> all = trace.element("m", "src");
        if (all.isEmpty()) {
            System.err.println("the tracer logged no rvmmatte latency; is GST_DEBUG=GST_TRACER:7 set?");
            System.exit(1);
        }
        long from = all.get(0).ts() + WARM_UP_NANOS;
        List<LatencyTrace.Sample> processing = LatencyTrace.since(all, from);
        List<LatencyTrace.Sample> endToEnd = LatencyTrace.since(trace.sourceToSink("camera", "out"), from);
        List<LatencyTrace.Sample> answers = trace.reported("m");
        double answered = answers.isEmpty() ? Double.NaN : answers.get(answers.size() - 1).nanos() / 1e6;
        double measured = LatencyTrace.meanMillis(processing);
        // the answer is a running mean of about the last 20 frames: compare it with those as well
        double recent = LatencyTrace.meanMillis(processing.subList(Math.max(0, processing.size() - RECENT), processing.size()));
        double minutes = seconds / 60.0;
        System.out.printf("| %s | %s | %.1f (p95 %.1f) | %.1f (first %.1f) | %+.0f %% (last %d frames: %+.0f %%) | %.1f | %.1f | %.1f | %.0f | %.0f | %s |%n",
                size, ratio == 0 ? "auto" : ratio, measured, LatencyTrace.quantileMillis(processing, 0.95), answered,
                answers.isEmpty() ? Double.NaN : answers.get(0).nanos() / 1e6, 100 * (answered - measured) / measured,
                RECENT, 100 * (answered - recent) / recent,
                LatencyTrace.meanMillis(endToEnd), pipelineLatency / 1e6, all.size() / (double) seconds,
                droppedBefore / minutes, droppedAfter / minutes, load.substring(0, load.indexOf(' ', load.indexOf(' ', load.indexOf(' ') + 1) + 1)));
    }
}

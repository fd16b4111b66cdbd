package dev.rvm.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What GStreamer's latency tracer wrote ({@code GST_TRACERS="latency(flags=pipeline+element+reported)"},
 * {@code GST_DEBUG=GST_TRACER:7}, {@code GST_DEBUG_FILE}): per-buffer element and source-to-sink
 * latencies, and the latency each element answered in the pipeline's LATENCY queries.
 */
public final class LatencyTrace {
    /** One logged value: when (pipeline clock, ns) and how much (ns). */
    public record Sample(long ts, long nanos) {
    }

    private static final Pattern ELEMENT = Pattern.compile(
            "element-latency, element-id=\\(string\\)\\S+, element=\\(string\\)(\\S+), src=\\(string\\)(\\S+), time=\\(guint64\\)(\\d+), ts=\\(guint64\\)(\\d+);");
    private static final Pattern END_TO_END = Pattern.compile(
            "latency, src-element-id=\\(string\\)\\S+, src-element=\\(string\\)(\\S+), src=\\(string\\)\\S+, sink-element-id=\\(string\\)\\S+, sink-element=\\(string\\)(\\S+), sink=\\(string\\)\\S+, time=\\(guint64\\)(\\d+), ts=\\(guint64\\)(\\d+);");
    private static final Pattern REPORTED = Pattern.compile(
            "element-reported-latency, element-id=\\(string\\)\\S+, element=\\(string\\)(\\S+), live=\\(boolean\\)\\d, min=\\(guint64\\)(\\d+), max=\\(guint64\\)\\d+, ts=\\(guint64\\)(\\d+);");

    private final List<String> lines;

    private LatencyTrace(List<String> lines) {
        this.lines = lines;
    }

    public static LatencyTrace read(Path log) throws IOException {
        try (Stream<String> s = Files.lines(log)) {
            return new LatencyTrace(s.filter(l -> l.contains("latency, ")).toList());
        }
    }

    /** Time from the upstream element's push to this element's push of the next buffer, on one src pad. */
    public List<Sample> element(String element, String pad) {
        return matching(ELEMENT, m -> m.group(1).equals(element) && m.group(2).equals(pad), 3, 4);
    }

    /** Time from the source's push to the buffer reaching the sink's pad (before the sink waits for the clock). */
    public List<Sample> sourceToSink(String source, String sink) {
        return matching(END_TO_END, m -> m.group(1).equals(source) && m.group(2).equals(sink), 3, 4);
    }

    /** What the element added to each LATENCY query of the pipeline, in order. */
    public List<Sample> reported(String element) {
        return matching(REPORTED, m -> m.group(1).equals(element), 2, 3);
    }

    private List<Sample> matching(Pattern p, java.util.function.Predicate<Matcher> which, int value, int ts) {
        List<Sample> out = new ArrayList<>();
        for (String line : lines) {
            Matcher m = p.matcher(line);
            if (m.find() && which.test(m)) {
                out.add(new Sample(Long.parseLong(m.group(ts)), Long.parseLong(m.group(value))));
            }
        }
        return out;
    }

    /** The samples logged at or after {@code fromTs}. */
    public static List<Sample> since(List<Sample> samples, long fromTs) {
        return samples.stream().filter(s -> s.ts() >= fromTs).toList();
    }

    public static double meanMillis(List<Sample> samples) {
        return samples.stream().mapToLong(Sample::nanos).average().orElse(Double.NaN) / 1e6;
    }

    /** The q-quantile (0..1) in ms. */
    public static double quantileMillis(List<Sample> samples, double q) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        long[] v = samples.stream().mapToLong(Sample::nanos).toArray();
        Arrays.sort(v);
        return v[(int) Math.min(v.length - 1, Math.round(q * (v.length - 1)))] / 1e6;
    }
}

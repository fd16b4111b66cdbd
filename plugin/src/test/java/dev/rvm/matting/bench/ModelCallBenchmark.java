package dev.rvm.matting.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rvm.matting.Processor;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The bare ONNX Runtime call of several model files at one frame size, taking turns (5 calls each per
 * round) so that load from other processes hits all alike; state carried as a stream does. A whole
 * model (upstream signature) gets the full frame, a coefficient model the downsampled one. With
 * {@code -Dprofile=true} ONNX Runtime profiles every session and the time per operator type is printed.
 * Used to keep or drop each converter rewrite (see plugin/BENCHMARKS.md):
 * {@code java [-Dthreads=N] [-Dprofile=true] -cp ... dev.rvm.matting.bench.ModelCallBenchmark WxH RATIO ROUNDS MODEL[#static]...}
 * ({@code #static}: the same file with its input sizes fixed when the session is made).
 */
public final class ModelCallBenchmark {

    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    private static final int CALLS_PER_TURN = 5;

    public static void main(String[] args) throws Exception {
        String[] wh = args[0].split("x");
        int w = Integer.parseInt(wh[0]);
        int h = Integer.parseInt(wh[1]);
        float ratio = Float.parseFloat(args[1]);
        int rounds = Integer.parseInt(args[2]);
        boolean profile = Boolean.getBoolean("profile");
        int threads = Integer.getInteger("threads", 0);
        List<Model> models = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            models.add(new Model(args[i], w, h, ratio, threads, profile));
        }
        for (Model m : models) {
            m.calls(3);
        }
        for (int r = 0; r < rounds; r++) {
            for (Model m : models) {
                m.turn();
            }
        }
        System.out.printf(Locale.ROOT, "ONNX Runtime %s, %s, %dx%d @ %s, threads %d, %d rounds of %d calls, load %.2f%n",
                ENV.getVersion(), Processor.name(), w, h, ratio, threads, rounds, CALLS_PER_TURN,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (Model m : models) {
            System.out.printf(Locale.ROOT, "%-48s best turn %7.2f ms/call, mean %7.2f ms/call%n", m.name,
                    m.best, m.sum / rounds);
        }
        if (profile) {
            for (Model m : models) {
                System.out.println("per operator type, " + m.name + ":");
                operatorTimes(Path.of(m.session.endProfiling()));
            }
        }
        for (Model m : models) {
            m.session.close();
        }
    }

    /** One session with its inputs, timed a turn at a time. */
    private static final class Model {
        final Path file;
        final String name;
        final OrtSession session;
        final Map<String, OnnxTensor> inputs = new HashMap<>();
        double best = Double.MAX_VALUE;
        double sum;

        Model(String arg, int w, int h, float ratio, int threads, boolean profile) throws OrtException {
            // FILE#static: the input sizes fixed at session creation (ONNX Runtime's free dimension overrides)
            boolean fixed = arg.endsWith("#static");
            this.file = Path.of(fixed ? arg.substring(0, arg.length() - "#static".length()) : arg);
            this.name = file.getFileName() + (fixed ? " (sizes fixed)" : "");
            int sw = (int) ((float) w * ratio);
            int sh = (int) ((float) h * ratio);
            OrtSession.SessionOptions o = new OrtSession.SessionOptions();
            if (fixed) {
                o.setSymbolicDimensionValue("batch", 1);
                o.setSymbolicDimensionValue("small_height", sh);
                o.setSymbolicDimensionValue("small_width", sw);
                o.setSymbolicDimensionValue("height", h);
                o.setSymbolicDimensionValue("width", w);
            }
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            o.addConfigEntry("session.intra_op.allow_spinning", "0");
            if (threads > 0) {
                o.setIntraOpNumThreads(threads);
            }
            if (profile) {
                o.enableProfiling(file.getFileName().toString().replace(".onnx", ""));
            }
            session = ENV.createSession(file.toString(), o);
            Random random = new Random(1);
            if (session.getInputNames().contains("src_small")) {
                inputs.put("src_small", tensor(random, new long[]{1, 3, sh, sw}));
            } else {
                inputs.put("src", tensor(random, new long[]{1, 3, h, w}));
                FloatBuffer r = direct(1).put(0, ratio);
                inputs.put("downsample_ratio", OnnxTensor.createTensor(ENV, r, new long[]{1}));
            }
            for (int i = 1; i <= 4; i++) {
                inputs.put("r" + i + "i", OnnxTensor.createTensor(ENV, direct(1), new long[]{1, 1, 1, 1}));
            }
        }

        void turn() throws OrtException {
            long t0 = System.nanoTime();
            calls(CALLS_PER_TURN);
            double ms = (System.nanoTime() - t0) / 1e6 / CALLS_PER_TURN;
            best = Math.min(best, ms);
            sum += ms;
        }

        void calls(int n) throws OrtException {
            for (int c = 0; c < n; c++) {
                try (OrtSession.Result out = session.run(inputs)) {
                    for (int i = 1; i <= 4; i++) {
                        OnnxTensor state = (OnnxTensor) out.get("r" + i + "o").orElseThrow();
                        FloatBuffer copy = direct(state.getFloatBuffer().remaining()).put(state.getFloatBuffer());
                        OnnxTensor old = inputs.put("r" + i + "i", OnnxTensor.createTensor(ENV, copy.flip(), state.getInfo().getShape()));
                        old.close();
                    }
                }
            }
        }
    }

    private static OnnxTensor tensor(Random random, long[] shape) throws OrtException {
        int n = (int) (shape[0] * shape[1] * shape[2] * shape[3]);
        FloatBuffer b = direct(n);
        for (int i = 0; i < n; i++) {
            b.put(i, random.nextFloat());
        }
        return OnnxTensor.createTensor(ENV, b, shape);
    }

    private static FloatBuffer direct(int n) {
        return ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** Sums ONNX Runtime's profile (kernel time per node) by operator type, per model call. */
    private static void operatorTimes(Path profile) throws IOException {
        JsonNode events = new ObjectMapper().readTree(profile.toFile());
        Map<String, Long> byOp = new LinkedHashMap<>();
        Map<String, Integer> nodes = new HashMap<>();
        long runs = 0;
        long total = 0;
        for (JsonNode e : events) {
            String name = e.path("name").asText();
            if ("Node".equals(e.path("cat").asText()) && name.endsWith("_kernel_time")) {
                String op = e.path("args").path("op_name").asText();
                byOp.merge(op, e.path("dur").asLong(), Long::sum);
                nodes.merge(op, 1, Integer::sum);
                total += e.path("dur").asLong();
            } else if ("model_run".equals(name)) {
                runs++;
            }
        }
        long perRun = Math.max(runs, 1);
        long sum = total;
        byOp.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(12).forEach(e ->
                System.out.printf(Locale.ROOT, "  %-16s %6.2f ms/call %5.1f %%  %3d nodes%n", e.getKey(),
                        e.getValue() / 1000.0 / perRun, 100.0 * e.getValue() / sum, nodes.get(e.getKey()) / perRun));
    }
}

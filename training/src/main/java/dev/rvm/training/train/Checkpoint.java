package dev.rvm.training.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rvm.models.AtomicFiles;
import dev.rvm.training.net.MattingNetwork;
import dev.rvm.training.net.Param;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A training checkpoint: the step reached, the settings it was made with, every parameter and
 * buffer of the network, and the optimizer's moments and step counts. Resuming from one continues
 * the run exactly (same data, same arithmetic). Files are {@code step-NNNNNNNN.ckpt} in the run's
 * {@code checkpoints/} directory, written atomically; the two newest are kept.
 */
public final class Checkpoint {
    private static final String MAGIC = "RVMTRAIN";
    private static final int VERSION = 1;
    private static final int KEEP = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a checkpoint file holds, read back. */
    public record Content(long step, Map<String, String> fingerprint, Map<String, float[]> values,
                          Map<String, float[]> firstMoment, Map<String, float[]> secondMoment, Map<String, Integer> steps) {
    }

    private Checkpoint() {
    }

    public static Path directory(Path workDir) {
        return workDir.resolve("checkpoints");
    }

    static Path save(Path workDir, long step, Map<String, String> fingerprint, MattingNetwork net, Adam adam) throws IOException {
        Path dir = Files.createDirectories(directory(workDir));
        Path file = dir.resolve(String.format("step-%08d.ckpt", step));
        write(file, step, fingerprint, net, adam);
        prune(dir);
        return file;
    }

    /** The network's values alone (no optimizer state): a trained model in training's own format. */
    static void saveValues(Path file, long step, Map<String, String> fingerprint, MattingNetwork net) throws IOException {
        write(file, step, fingerprint, net, null);
    }

    private static void write(Path file, long step, Map<String, String> fingerprint, MattingNetwork net, Adam adam)
            throws IOException {
        AtomicFiles.write(file, tmp -> {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
                out.writeBytes(MAGIC);
                out.writeInt(VERSION);
                Map<String, Object> header = new LinkedHashMap<>();
                header.put("step", step);
                header.put("fingerprint", fingerprint);
                out.writeUTF(JSON.writeValueAsString(header));
                List<Param> all = net.params().all();
                out.writeInt(all.size());
                for (Param p : all) {
                    writeTensor(out, p.name(), p.toFloats());
                }
                List<Param> optimized = adam == null ? List.of() : adam.params();
                out.writeInt(optimized.size());
                for (Param p : optimized) {
                    out.writeUTF(p.name());
                    out.writeInt(adam.steps(p.name()));
                    writeFloats(out, adam.firstMoment(p.name()));
                    writeFloats(out, adam.secondMoment(p.name()));
                }
            }
        });
    }

    private static void prune(Path dir) throws IOException {
        List<Path> all = list(dir);
        for (int i = 0; i < all.size() - KEEP; i++) {
            Files.deleteIfExists(all.get(i));
        }
    }

    /** Checkpoints of a run, oldest first. */
    static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("step-\\d{8}\\.ckpt"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }

    public static Content read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            byte[] magic = new byte[MAGIC.length()];
            in.readFully(magic);
            if (!MAGIC.equals(new String(magic, java.nio.charset.StandardCharsets.US_ASCII)) || in.readInt() != VERSION) {
                throw new IOException(file + " is not a training checkpoint of this version");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> header = JSON.readValue(in.readUTF(), Map.class);
            long step = ((Number) header.get("step")).longValue();
            @SuppressWarnings("unchecked")
            Map<String, String> fingerprint = (Map<String, String>) header.get("fingerprint");
            Map<String, float[]> values = new LinkedHashMap<>();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                values.put(name, readFloats(in));
            }
            Map<String, float[]> m = new HashMap<>();
            Map<String, float[]> v = new HashMap<>();
            Map<String, Integer> steps = new HashMap<>();
            int k = in.readInt();
            for (int i = 0; i < k; i++) {
                String name = in.readUTF();
                steps.put(name, in.readInt());
                m.put(name, readFloats(in));
                v.put(name, readFloats(in));
            }
            return new Content(step, fingerprint, values, m, v, steps);
        }
    }

    /** Puts the checkpoint's parameter values into the network (names and sizes must match). */
    static void loadValues(Content c, MattingNetwork net, Path file) {
        for (Param p : net.params().all()) {
            float[] v = c.values().get(p.name());
            if (v == null || v.length != p.shape().size()) {
                throw new IllegalArgumentException(file + " does not fit this network: " + p.name()
                        + (v == null ? " is missing" : " has " + v.length + " values, expected " + p.shape().size())
                        + " (was it made with another --variant or --refiner?)");
            }
            p.set(v);
        }
    }

    static void loadOptimizer(Content c, Adam adam) {
        for (Param p : adam.params()) {
            if (c.firstMoment().containsKey(p.name())) {
                adam.restore(p.name(), c.firstMoment().get(p.name()), c.secondMoment().get(p.name()), c.steps().get(p.name()));
            }
        }
    }

    private static void writeTensor(DataOutputStream out, String name, float[] v) throws IOException {
        out.writeUTF(name);
        writeFloats(out, v);
    }

    private static void writeFloats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        out.write(b.array());
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        byte[] bytes = new byte[n * 4];
        in.readFully(bytes);
        float[] v = new float[n];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    /** The settings that differ between a checkpoint and this run, as "key: then -> now". */
    static String differences(Map<String, String> then, Map<String, String> now) {
        StringBuilder s = new StringBuilder();
        for (String key : now.keySet()) {
            if (!now.get(key).equals(then.get(key))) {
                s.append(s.length() == 0 ? "" : "; ").append(key).append(": ").append(then.get(key)).append(" -> ").append(now.get(key));
            }
        }
        return s.toString();
    }

}

package dev.rvm.training.onnx;

import com.google.protobuf.ByteString;
import dev.rvm.models.AtomicFiles;
import dev.rvm.models.onnx.Onnx.AttributeProto;
import dev.rvm.models.onnx.Onnx.GraphProto;
import dev.rvm.models.onnx.Onnx.ModelProto;
import dev.rvm.models.onnx.Onnx.NodeProto;
import dev.rvm.models.onnx.Onnx.StringStringEntryProto;
import dev.rvm.models.onnx.Onnx.TensorProto;
import dev.rvm.training.net.Conv;
import dev.rvm.training.net.MattingNetwork;
import dev.rvm.training.net.Param;
import dev.rvm.training.net.WeightSite;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learned values of an RVM MobileNetV3 ONNX file made by this project's converter (or exported
 * by this class): read out of its initializers into a {@link MattingNetwork}, and written back into
 * the same initializers after training, everything else of the file untouched.
 *
 * <p>The initializers are found by walking the downsampled branch of the model's {@code If} (it has
 * every layer plus the refiner) in node order, which is the network's order: each Conv's kernel and
 * bias, the scale and offset after the three dilated depthwise convolutions, and before the first
 * Conv the input normalisation. Each Conv's geometry is checked against the layer it is meant for,
 * so a file of another architecture is refused with the first layer that does not fit.
 */
public final class ConvertedModel {
    private final Path file;
    private final ModelProto model;
    private final Map<String, TensorProto> initializers = new LinkedHashMap<>();
    /** Per learned site: the initializer names of its kernel (scale) and bias (offset), bias may be null. */
    private final List<String[]> sites = new ArrayList<>();
    private final List<long[]> siteGeometry = new ArrayList<>();
    private String normalizationMean;
    private String normalizationInvStd;

    private ConvertedModel(Path file, ModelProto model) {
        this.file = file;
        this.model = model;
        model.getGraph().getInitializerList().forEach(t -> initializers.put(t.getName(), t));
        index(downsampledBranch());
    }

    public static ConvertedModel read(Path file) throws IOException {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(Files.readAllBytes(file));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(file + " is not an ONNX model (" + e.getMessage() + ")");
        }
        return new ConvertedModel(file, model);
    }

    public Path file() {
        return file;
    }

    private GraphProto downsampledBranch() {
        for (NodeProto n : model.getGraph().getNodeList()) {
            if (n.getOpType().equals("If")) {
                for (AttributeProto a : n.getAttributeList()) {
                    if (a.getName().equals("else_branch")) {
                        return a.getG();
                    }
                }
            }
        }
        throw refused("it has no If node on downsample_ratio == 1 (this project's converter makes one)");
    }

    private void index(GraphProto branch) {
        Map<String, NodeProto> producer = new HashMap<>();
        for (NodeProto n : branch.getNodeList()) {
            n.getOutputList().forEach(o -> producer.put(o, n));
        }
        boolean seenConv = false;
        String dilatedOutput = null;
        String[] pendingAffine = null;
        for (NodeProto n : branch.getNodeList()) {
            switch (n.getOpType()) {
                case "Conv" -> {
                    TensorProto w = initializers.get(n.getInput(1));
                    if (w == null) {
                        throw refused("Conv " + n.getName() + " has a kernel computed at run time");
                    }
                    if (isBoxFilter(w)) {
                        continue; // the refiner's fixed 1/3 taps
                    }
                    if (!seenConv) {
                        findNormalization(producer.get(n.getInput(0)), producer);
                        seenConv = true;
                    }
                    String bias = n.getInputCount() > 2 && !n.getInput(2).isEmpty() ? n.getInput(2) : null;
                    sites.add(new String[] {n.getInput(1), bias});
                    siteGeometry.add(geometry(n, w));
                    dilatedOutput = geometry(n, w)[5] > 1 ? n.getOutput(0) : null;
                }
                case "Mul" -> {
                    if (dilatedOutput != null && n.getInput(0).equals(dilatedOutput) && isChannelVector(n.getInput(1))) {
                        pendingAffine = new String[] {n.getInput(1), null};
                        dilatedOutput = n.getOutput(0);
                    }
                }
                case "Add" -> {
                    if (pendingAffine != null && n.getInput(0).equals(dilatedOutput) && isChannelVector(n.getInput(1))) {
                        pendingAffine[1] = n.getInput(1);
                        sites.add(pendingAffine);
                        siteGeometry.add(null);
                        pendingAffine = null;
                        dilatedOutput = null;
                    }
                }
                default -> {
                }
            }
        }
        if (normalizationMean == null) {
            throw refused("no input normalisation (Sub, Mul by per-channel constants) before the first Conv");
        }
    }

    private void findNormalization(NodeProto mul, Map<String, NodeProto> producer) {
        if (mul == null || !mul.getOpType().equals("Mul") || !isChannelVector(mul.getInput(1))) {
            throw refused("the first Conv is not fed by (src - mean) * inv_std");
        }
        NodeProto sub = producer.get(mul.getInput(0));
        if (sub == null || !sub.getOpType().equals("Sub") || !isChannelVector(sub.getInput(1))) {
            throw refused("the first Conv is not fed by (src - mean) * inv_std");
        }
        normalizationMean = sub.getInput(1);
        normalizationInvStd = mul.getInput(1);
    }

    private boolean isChannelVector(String name) {
        TensorProto t = initializers.get(name);
        return t != null && t.getDimsCount() == 3 && t.getDims(1) == 1 && t.getDims(2) == 1;
    }

    private static boolean isBoxFilter(TensorProto w) {
        List<Long> d = w.getDimsList();
        return d.equals(List.of(4L, 1L, 3L, 1L)) || d.equals(List.of(4L, 1L, 1L, 3L));
    }

    /** kernel h, w, stride, pad h, pad w, dilation, group (as {@link Conv#geometry()}). */
    private static long[] geometry(NodeProto n, TensorProto w) {
        long[] strides = ints(n, "strides", 1, 1);
        long[] pads = ints(n, "pads", 0, 0, 0, 0);
        long[] dil = ints(n, "dilations", 1, 1);
        long group = 1;
        for (AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals("group")) {
                group = a.getI();
            }
        }
        if (strides[0] != strides[1] || dil[0] != dil[1] || pads[0] != pads[2] || pads[1] != pads[3]) {
            return new long[] {-1};
        }
        return new long[] {w.getDims(2), w.getDims(3), strides[0], pads[0], pads[1], dil[0], group};
    }

    private static long[] ints(NodeProto n, String name, long... defaults) {
        for (AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a.getIntsList().stream().mapToLong(Long::longValue).toArray();
            }
        }
        return defaults;
    }

    /** Copies every learned value and the input normalisation into the network. */
    public void loadInto(MattingNetwork net) {
        List<Binding> bindings = bind(net);
        for (Binding b : bindings) {
            b.param().set(floats(initializers.get(b.initializer())));
        }
        net.normalization().set(floats(initializers.get(normalizationMean)), floats(initializers.get(normalizationInvStd)));
    }

    /** Number of learned tensors the file holds (kernels, biases, scales, offsets). */
    public int learnedTensorCount() {
        return (int) sites.stream().flatMap(Arrays::stream).filter(s -> s != null).count();
    }

    /**
     * Writes a copy of the file whose learned initializers hold the network's current values;
     * {@code metadata} entries are added or replaced. Written atomically.
     */
    public void export(MattingNetwork net, Path output, Map<String, String> metadata) throws IOException {
        Map<String, float[]> values = new HashMap<>();
        for (Binding b : bind(net)) {
            values.put(b.initializer(), b.param().toFloats());
        }
        GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            TensorProto t = graph.getInitializer(i);
            float[] v = values.get(t.getName());
            if (v != null) {
                ByteBuffer raw = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                raw.asFloatBuffer().put(v);
                graph.setInitializer(i, t.toBuilder().clearFloatData().setRawData(ByteString.copyFrom(raw.array())));
            }
        }
        ModelProto.Builder out = model.toBuilder().setGraph(graph);
        Map<String, String> meta = new LinkedHashMap<>();
        model.getMetadataPropsList().forEach(p -> meta.put(p.getKey(), p.getValue()));
        meta.putAll(metadata);
        out.clearMetadataProps();
        meta.forEach((k, v) -> out.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        ModelProto built = out.build();
        AtomicFiles.write(output, tmp -> {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                built.writeTo(os);
            }
        });
    }

    private record Binding(Param param, String initializer) {
    }

    private List<Binding> bind(MattingNetwork net) {
        List<WeightSite> layers = net.convertedWeightSites();
        if (layers.size() != sites.size()) {
            throw refused("it has " + sites.size() + " learned layers where RVM MobileNetV3 has " + layers.size());
        }
        List<Binding> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            String[] names = sites.get(i);
            WeightSite site = layers.get(i);
            if (site instanceof WeightSite.ConvSite cs) {
                Conv conv = cs.conv();
                if (siteGeometry.get(i) == null || !Arrays.equals(siteGeometry.get(i), conv.geometry())) {
                    throw refused("layer " + i + " (" + conv.weight().name() + ") should be a Conv with kernel/stride/pads/"
                            + "dilation/group " + Arrays.toString(conv.geometry()) + " but the file has "
                            + (siteGeometry.get(i) == null ? "a batch-norm scale" : Arrays.toString(siteGeometry.get(i))));
                }
                out.add(checked(conv.weight(), names[0]));
                if ((conv.bias() == null) != (names[1] == null)) {
                    throw refused("layer " + i + " (" + conv.weight().name() + ") " + (conv.bias() == null
                            ? "should have no bias" : "has no bias"));
                }
                if (conv.bias() != null) {
                    out.add(checked(conv.bias(), names[1]));
                }
            } else if (site instanceof WeightSite.AffineSite as) {
                if (siteGeometry.get(i) != null) {
                    throw refused("layer " + i + " should be the batch-norm scale after a dilated convolution");
                }
                out.add(checked(as.scale(), names[0]));
                out.add(checked(as.offset(), names[1]));
            }
        }
        return out;
    }

    private Binding checked(Param p, String initializer) {
        TensorProto t = initializers.get(initializer);
        long[] dims = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
        if (!Arrays.equals(dims, p.shape().getShape())) {
            throw refused(p.name() + " has shape " + p.shape() + " but initializer " + initializer + " is " + Arrays.toString(dims));
        }
        if (t.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
            throw refused("initializer " + initializer + " is not float32");
        }
        return new Binding(p, initializer);
    }

    static float[] floats(TensorProto t) {
        if (t.getFloatDataCount() > 0) {
            float[] v = new float[t.getFloatDataCount()];
            for (int i = 0; i < v.length; i++) {
                v[i] = t.getFloatData(i);
            }
            return v;
        }
        ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[raw.remaining() / 4];
        raw.asFloatBuffer().get(v);
        return v;
    }

    /** Float initializers by name (for tests and reports). */
    public Map<String, float[]> floatInitializers() {
        Map<String, float[]> out = new LinkedHashMap<>();
        initializers.forEach((k, t) -> {
            if (t.getDataType() == TensorProto.DataType.FLOAT_VALUE) {
                out.put(k, floats(t));
            }
        });
        return out;
    }

    private IllegalArgumentException refused(String why) {
        return new IllegalArgumentException(file + " is not an RVM MobileNetV3 model in this project's converted layout: "
                + why + " (use --init mobilenetv3, or a file written by ./rvm model export or ./rvm train)");
    }
}

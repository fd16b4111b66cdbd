package dev.rvm.training.train;

import dev.rvm.training.net.RefinerKind;
import dev.rvm.training.net.Variant;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything a training run is made of. {@link #builder(Stage)} starts from upstream's settings for
 * the stage; every value can then be replaced.
 *
 * @param init           {@code mobilenetv3} (the built-in weights), {@code none} (fresh init), an
 *                       ONNX file in this project's converted layout, or a training checkpoint
 * @param steps          optimizer steps of the matting pass; 0 = {@code epochs} epochs of the data
 * @param memoryLimit    bytes the run may use; 0 = what the machine has available now
 * @param validateEvery  steps between validations; 0 = at the start of every epoch (upstream) and at the end
 */
public record TrainingConfig(
        Stage stage, Variant variant, RefinerKind refiner, String init,
        Path data, Path backgrounds, List<Path> segmentation, Path validation, Path validationBackgrounds,
        Size2 resolution, int seqLength, boolean trainHr, Size2 hrResolution, int hrSeqLength, float hrDownsampleRatio,
        int batch, int epochs, long steps,
        double lrBackbone, double lrAspp, double lrDecoder, double lrRefiner,
        long seed, int threads, boolean randomCrop,
        Path output, Path workDir, int checkpointEvery, boolean resume,
        Size2 validationSize, float validationRatio, int validationFrames, int validateEvery,
        long memoryLimit) {

    public TrainingConfig {
        segmentation = List.copyOf(segmentation);
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be at least 1; got " + batch);
        }
        if (seqLength < 1 || hrSeqLength < 1) {
            throw new IllegalArgumentException("--seq-length must be at least 1; got " + seqLength);
        }
        if (!(hrDownsampleRatio > 0 && hrDownsampleRatio <= 1)) {
            throw new IllegalArgumentException("--downsample-ratio must be in (0, 1]; got " + hrDownsampleRatio);
        }
        if (!(validationRatio > 0 && validationRatio <= 1)) {
            throw new IllegalArgumentException("--validation-ratio must be in (0, 1]; got " + validationRatio);
        }
        for (double lr : new double[] {lrBackbone, lrAspp, lrDecoder, lrRefiner}) {
            if (!(lr >= 0)) {
                throw new IllegalArgumentException("learning rates must be 0 or more; got " + lr);
            }
        }
        if (steps < 0 || epochs < 0 || (steps == 0 && epochs == 0)) {
            throw new IllegalArgumentException("give --steps N or --epochs N (at least 1)");
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("--checkpoint-every must be at least 1; got " + checkpointEvery);
        }
    }

    public static Builder builder(Stage stage) {
        return new Builder(stage);
    }

    /** The settings a resumed run must share with the run it continues (everything but the length and the output). */
    public Map<String, String> fingerprint() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("variant", variant.cliName());
        f.put("refiner", refiner.cliName());
        f.put("data", String.valueOf(data.toAbsolutePath().normalize()));
        f.put("backgrounds", String.valueOf(backgrounds.toAbsolutePath().normalize()));
        f.put("segmentation", segmentation.toString());
        f.put("resolution", resolution.toString());
        f.put("seq_length", Integer.toString(seqLength));
        f.put("train_hr", Boolean.toString(trainHr));
        f.put("hr", trainHr ? hrResolution + "/" + hrSeqLength + "/" + hrDownsampleRatio : "-");
        f.put("batch", Integer.toString(batch));
        f.put("lr", String.format(Locale.ROOT, "%g/%g/%g/%g", lrBackbone, lrAspp, lrDecoder, lrRefiner));
        f.put("seed", Long.toString(seed));
        f.put("random_crop", Boolean.toString(randomCrop));
        return f;
    }

    public static final class Builder {
        private final Stage stage;
        private Variant variant = Variant.MOBILENETV3;
        private RefinerKind refiner = RefinerKind.FAST_GUIDED_FILTER;
        private String init;
        private Path data;
        private Path backgrounds;
        private List<Path> segmentation = List.of();
        private Path validation;
        private Path validationBackgrounds;
        private Size2 resolution;
        private Integer seqLength;
        private Boolean trainHr;
        private Size2 hrResolution;
        private Integer hrSeqLength;
        private float hrDownsampleRatio = Stage.HR_DOWNSAMPLE_RATIO;
        private int batch = 1;
        private Integer epochs;
        private long steps;
        private Double lrBackbone;
        private Double lrAspp;
        private Double lrDecoder;
        private Double lrRefiner;
        private long seed = 42;
        private int threads;
        private boolean randomCrop = true;
        private Path output;
        private Path workDir;
        private int checkpointEvery = 500;
        private boolean resume;
        private Size2 validationSize;
        private float validationRatio = 1f;
        private int validationFrames;
        private int validateEvery;
        private long memoryLimit;

        private Builder(Stage stage) {
            this.stage = stage;
        }

        public Builder variant(Variant v) { variant = v; return this; }
        public Builder refiner(RefinerKind r) { refiner = r; return this; }
        public Builder init(String i) { init = i; return this; }
        public Builder data(Path p) { data = p; return this; }
        public Builder backgrounds(Path p) { backgrounds = p; return this; }
        public Builder segmentation(List<Path> p) { segmentation = p; return this; }
        public Builder validation(Path p) { validation = p; return this; }
        public Builder validationBackgrounds(Path p) { validationBackgrounds = p; return this; }
        public Builder resolution(Size2 s) { resolution = s; return this; }
        public Builder seqLength(int t) { seqLength = t; return this; }
        public Builder trainHr(boolean b) { trainHr = b; return this; }
        public Builder hrResolution(Size2 s) { hrResolution = s; return this; }
        public Builder hrSeqLength(int t) { hrSeqLength = t; return this; }
        public Builder hrDownsampleRatio(float r) { hrDownsampleRatio = r; return this; }
        public Builder batch(int b) { batch = b; return this; }
        public Builder epochs(int e) { epochs = e; return this; }
        public Builder steps(long s) { steps = s; return this; }
        public Builder lrBackbone(double v) { lrBackbone = v; return this; }
        public Builder lrAspp(double v) { lrAspp = v; return this; }
        public Builder lrDecoder(double v) { lrDecoder = v; return this; }
        public Builder lrRefiner(double v) { lrRefiner = v; return this; }
        public Builder seed(long s) { seed = s; return this; }
        public Builder threads(int t) { threads = t; return this; }
        public Builder randomCrop(boolean b) { randomCrop = b; return this; }
        public Builder output(Path p) { output = p; return this; }
        public Builder workDir(Path p) { workDir = p; return this; }
        public Builder checkpointEvery(int n) { checkpointEvery = n; return this; }
        public Builder resume(boolean b) { resume = b; return this; }
        public Builder validationSize(Size2 s) { validationSize = s; return this; }
        public Builder validationRatio(float r) { validationRatio = r; return this; }
        public Builder validationFrames(int n) { validationFrames = n; return this; }
        public Builder validateEvery(int n) { validateEvery = n; return this; }
        public Builder memoryLimit(long bytes) { memoryLimit = bytes; return this; }

        public TrainingConfig build() {
            if (data == null || backgrounds == null) {
                throw new IllegalArgumentException("--data and --backgrounds are required");
            }
            Size2 res = resolution != null ? resolution : new Size2(stage.resolution, stage.resolution);
            int seq = seqLength != null ? seqLength : stage.seqLength;
            String in = init != null ? init : variant == Variant.MOBILENETV3 ? "mobilenetv3" : "none";
            Path work = workDir != null ? workDir
                    : (output != null ? output.toAbsolutePath().resolveSibling(output.getFileName() + ".training") : Path.of("training-run"));
            return new TrainingConfig(stage, variant, refiner, in, data, backgrounds, segmentation, validation,
                    validationBackgrounds != null ? validationBackgrounds : backgrounds,
                    res, seq, trainHr != null ? trainHr : stage.trainHr,
                    hrResolution != null ? hrResolution : new Size2(stage.hrResolution, stage.hrResolution),
                    hrSeqLength != null ? hrSeqLength : stage.hrSeqLength, hrDownsampleRatio,
                    batch, epochs != null ? epochs : stage.epochs, steps,
                    lrBackbone != null ? lrBackbone : stage.lrBackbone, lrAspp != null ? lrAspp : stage.lrAspp,
                    lrDecoder != null ? lrDecoder : stage.lrDecoder, lrRefiner != null ? lrRefiner : stage.lrRefiner,
                    seed, threads, randomCrop, output, work, checkpointEvery, resume,
                    validationSize != null ? validationSize : res, validationRatio,
                    validationFrames > 0 ? validationFrames : Math.max(seq, 8), validateEvery, memoryLimit);
        }
    }
}

package dev.rvm.training.train;

/**
 * Upstream's four training stages (README / train.py of the RVM repository) and their settings:
 * learning rates of backbone, ASPP, decoder and refiner, low-resolution size and sequence length,
 * whether the high-resolution pass runs (and its size and sequence length), and epochs.
 * Stage 4 is meant for ImageMatte-layout data (still foregrounds).
 */
public enum Stage {
    ONE(1e-4, 2e-4, 2e-4, 0, 512, 15, false, 2048, 6, 20),
    TWO(5e-5, 1e-4, 1e-4, 0, 512, 50, false, 2048, 6, 2),
    THREE(1e-5, 1e-5, 1e-5, 2e-4, 512, 40, true, 2048, 6, 1),
    FOUR(1e-5, 1e-5, 5e-5, 2e-4, 512, 40, true, 2048, 6, 5);

    public final double lrBackbone;
    public final double lrAspp;
    public final double lrDecoder;
    public final double lrRefiner;
    public final int resolution;
    public final int seqLength;
    public final boolean trainHr;
    public final int hrResolution;
    public final int hrSeqLength;
    public final int epochs;
    /** Upstream's {@code --downsample-ratio} of the high-resolution pass. */
    public static final float HR_DOWNSAMPLE_RATIO = 0.25f;

    Stage(double lrBackbone, double lrAspp, double lrDecoder, double lrRefiner, int resolution, int seqLength,
          boolean trainHr, int hrResolution, int hrSeqLength, int epochs) {
        this.lrBackbone = lrBackbone;
        this.lrAspp = lrAspp;
        this.lrDecoder = lrDecoder;
        this.lrRefiner = lrRefiner;
        this.resolution = resolution;
        this.seqLength = seqLength;
        this.trainHr = trainHr;
        this.hrResolution = hrResolution;
        this.hrSeqLength = hrSeqLength;
        this.epochs = epochs;
    }

    public int number() {
        return ordinal() + 1;
    }

    public static Stage of(int number) {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("--stage must be 1, 2, 3 or 4; got " + number);
        }
        return values()[number - 1];
    }
}

package dev.rvm.training.train;

import dev.rvm.training.augment.MotionAugmentation;
import dev.rvm.training.augment.SegmentationAugmentation;
import dev.rvm.training.data.MattingClip;
import dev.rvm.training.data.MattingDataset;
import dev.rvm.training.data.SegmentationClip;
import dev.rvm.training.data.SegmentationDataset;
import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The training data of every step, a pure function of (seed, stream, step): each epoch visits the
 * dataset in a fresh seeded order (a shuffled sampler), and every sample draws its frames,
 * background and augmentation from its own seeded generator. So a resumed run sees exactly the
 * data the uninterrupted run would have seen, and a prefetching thread changes nothing.
 */
final class BatchSource {
    private final MattingDataset matting;
    private final MotionAugmentation augmentation;
    private final int batch;
    private final int frames;
    private final Size2 size;
    private final long seed;

    BatchSource(MattingDataset matting, MotionAugmentation.Settings settings, Size2 size, int batch, int frames, long seed) {
        this.matting = matting;
        this.augmentation = new MotionAugmentation(settings, size.width(), size.height());
        this.batch = batch;
        this.frames = frames;
        this.size = size;
        this.seed = seed;
    }

    int stepsPerEpoch() {
        return (matting.size() + batch - 1) / batch;
    }

    Batch matting(long step) {
        int n = matting.size();
        int epoch = (int) (step / stepsPerEpoch());
        int[] order = Shuffle.permutation(n, Shuffle.mix(seed, 1, epoch));
        int plane = (int) size.pixels();
        float[] fgr = new float[batch * frames * 3 * plane];
        float[] pha = new float[batch * frames * plane];
        float[] bgr = new float[batch * frames * 3 * plane];
        for (int k = 0; k < batch; k++) {
            long position = (step % stepsPerEpoch()) * batch + k;
            int index = order[(int) (position % n)];
            Random r = new Random(Shuffle.mix(seed, 2, step * batch + k));
            MattingClip clip = matting.load(index, r);
            MotionAugmentation.Result aug = augmentation.apply(clip.fgrs(), clip.phas(), clip.bgrs(), r);
            try {
                Batch.put(fgr, 3, size.height(), size.width(), k, frames, aug.fgrs());
                Batch.put(pha, 1, size.height(), size.width(), k, frames, aug.phas());
                Batch.put(bgr, 3, size.height(), size.width(), k, frames, aug.bgrs());
            } finally {
                aug.release();
            }
        }
        return new Batch(batch, frames, size.height(), size.width(), fgr, pha, bgr);
    }

    /**
     * Segmentation data for a step: a video clip on even steps, single images on odd ones (upstream
     * alternates so), as {@code batch} clips of {@code frames} or {@code batch * frames} images.
     */
    static Batch segmentation(List<SegmentationDataset> sets, long step, int batch, int frames, Size2 size, long seed) {
        List<SegmentationDataset> videos = sets.stream().filter(SegmentationDataset::video).toList();
        List<SegmentationDataset> images = sets.stream().filter(s -> !s.video()).toList();
        boolean video = images.isEmpty() || (!videos.isEmpty() && step % 2 == 0);
        List<SegmentationDataset> pool = video ? videos : images;
        int total = pool.stream().mapToInt(SegmentationDataset::size).sum();
        int sequences = video ? batch : batch * frames;
        int length = video ? frames : 1;
        int[] order = Shuffle.permutation(total, Shuffle.mix(seed, video ? 3 : 4, step * sequences / Math.max(1, total)));
        SegmentationAugmentation aug = new SegmentationAugmentation(size.width(), size.height());
        int plane = (int) size.pixels();
        float[] img = new float[sequences * length * 3 * plane];
        float[] seg = new float[sequences * length * plane];
        for (int k = 0; k < sequences; k++) {
            int index = order[(int) ((step * sequences + k) % total)];
            Random r = new Random(Shuffle.mix(seed, 5, step * sequences + k));
            SegmentationDataset set = pool.get(0);
            for (SegmentationDataset s : pool) {
                if (index < s.size()) {
                    set = s;
                    break;
                }
                index -= s.size();
            }
            SegmentationClip clip = set.load(index, r);
            List<List<Mat>> out = aug.apply(clip.imgs(), clip.segs(), video, r);
            try {
                Batch.put(img, 3, size.height(), size.width(), k, length, out.get(0));
                Batch.put(seg, 1, size.height(), size.width(), k, length, out.get(1));
            } finally {
                dev.rvm.training.augment.Augmentation.release(out.get(0));
                dev.rvm.training.augment.Augmentation.release(out.get(1));
            }
        }
        return new Batch(sequences, length, size.height(), size.width(), img, seg, null);
    }

    static final class Shuffle {
        private Shuffle() {
        }

        /** A seed for (run seed, stream, index) with no correlation between neighbours. */
        static long mix(long seed, long stream, long index) {
            long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        static int[] permutation(int n, long seed) {
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            Random r = new Random(seed);
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            return p;
        }
    }

}

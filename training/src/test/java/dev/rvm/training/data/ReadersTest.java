package dev.rvm.training.data;

import dev.rvm.matting.files.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each reader on a tiny dataset in its upstream layout, written here. */
class ReadersTest {
    @TempDir
    Path dir;

    private static double mean(Mat m) {
        return Core.mean(m).val[0];
    }

    @Test
    void videoMatteGivesOneSequencePerSeqLengthFramesOfEachClip() throws Exception {
        TinyDatasets.videoMatte(dir.resolve("vm"), 2, 5, 40, 30);
        Backgrounds bg = Backgrounds.open(TinyDatasets.backgrounds(dir.resolve("bg"), 1, 3, 50, 40));
        MattingDataset set = MattingDataset.open(dir.resolve("vm"), bg, 2, 0, false);
        assertTrue(set instanceof VideoMatteDataset);
        assertFalse(set.stills());
        assertEquals(6, set.size(), "ceil(5 / 2) = 3 sequences per clip");
        MattingClip clip = set.load(1, new Random(1));
        try {
            assertEquals(2, clip.fgrs().size());
            assertEquals(CvType.CV_32FC3, clip.fgrs().get(0).type());
            assertEquals(CvType.CV_32FC1, clip.phas().get(0).type());
            assertEquals(40, clip.fgrs().get(0).cols());
            // sample 1 of clip 0 starts at frame 2: the validation sampler takes frames 2, 3 in order
            Mat expected = TinyDatasets.alpha(40, 30, 2);
            Mat f = new Mat();
            expected.convertTo(f, CvType.CV_32FC1, 1 / 255.0);
            assertEquals(mean(f), mean(clip.phas().get(0)), 1e-6);
            assertEquals(2, clip.bgrs().size());
        } finally {
            clip.release();
        }
    }

    @Test
    void videoMatteNamesTheMissingAlpha() throws Exception {
        TinyDatasets.videoMatte(dir.resolve("vm"), 1, 2, 20, 20);
        Files.delete(dir.resolve("vm/pha/clip0/0001.png"));
        Backgrounds bg = Backgrounds.open(TinyDatasets.backgrounds(dir.resolve("bg"), 1, 0, 20, 20));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> MattingDataset.open(dir.resolve("vm"), bg, 2, 0, true));
        assertTrue(e.getMessage().contains("pha/clip0/0001.png"), e.getMessage());
    }

    @Test
    void imageMatteRepeatsEachStillOverTheSequence() throws Exception {
        TinyDatasets.imageMatte(dir.resolve("im"), 3, 40, 30);
        Backgrounds bg = Backgrounds.open(TinyDatasets.backgrounds(dir.resolve("bg"), 5, 0, 50, 40));
        MattingDataset set = MattingDataset.open(dir.resolve("im"), bg, 4, 0, true);
        assertTrue(set instanceof ImageMatteDataset);
        assertTrue(set.stills());
        assertEquals(5, set.size(), "max(3 foregrounds, 5 backgrounds)");
        MattingClip clip = set.load(4, new Random(2));
        try {
            assertEquals(4, clip.phas().size());
            assertEquals(mean(clip.phas().get(0)), mean(clip.phas().get(3)), 0);
        } finally {
            clip.release();
        }
    }

    @Test
    void backgroundsAreStillsOrConsecutiveFramesOfAClip() throws Exception {
        Backgrounds onlyVideo = Backgrounds.open(TinyDatasets.backgrounds(dir.resolve("v"), 0, 6, 30, 20));
        assertEquals(0, onlyVideo.imageCount());
        assertEquals(1, onlyVideo.videoCount());
        var frames = onlyVideo.sample(3, dev.rvm.training.augment.FrameSampler.validation(), 0, new Random(3));
        assertEquals(3, frames.size());
        assertTrue(mean(frames.get(0)) != mean(frames.get(1)), "video frames differ");
        frames.forEach(Mat::release);
        Backgrounds shrunk = Backgrounds.open(TinyDatasets.backgrounds(dir.resolve("s"), 1, 0, 120, 60));
        var still = shrunk.sample(2, dev.rvm.training.augment.FrameSampler.validation(), 30, new Random(3));
        assertEquals(30, still.get(0).rows(), "shorter side shrunk to the size");
        assertEquals(60, still.get(0).cols());
        still.forEach(Mat::release);
        assertThrows(InvalidInputException.class, () -> Backgrounds.open(Files.createDirectory(dir.resolve("empty"))));
    }

    @Test
    void cocoInstancesBecomePersonMasksFromPolygonsAndRle() throws Exception {
        SegmentationDataset set = SegmentationDataset.open(TinyDatasets.coco(dir.resolve("coco"), 32, 40), 4, 0);
        assertTrue(set instanceof CocoPersonDataset);
        assertFalse(set.video());
        assertEquals(2, set.size(), "the image with only a dog is left out");
        SegmentationClip a = set.load(0, new Random(1));
        // polygon (4,4)-(20,30): 17 x 27 pixels filled, inclusive of its edges
        assertEquals(17 * 27, Core.countNonZero(a.segs().get(0)));
        assertEquals(1.0, Core.minMaxLoc(a.segs().get(0)).maxVal, 0);
        a.release();
        SegmentationClip b = set.load(1, new Random(1));
        // RLE: skip 2 columns, set 2 columns (column-major): columns 2 and 3, all rows
        Mat seg = b.segs().get(0);
        assertEquals(2 * 40, Core.countNonZero(seg));
        assertEquals(1.0, seg.get(39, 3)[0], 0);
        assertEquals(0.0, seg.get(0, 4)[0], 0);
        b.release();
    }

    @Test
    void compressedRleStringsDecodeAsCocosMaskApi() {
        // runs [1, 2, 100, 3]: "1", "2" and the deltas after the first two
        assertEquals(java.util.List.of(1L, 2L, 100L, 3L), java.util.Arrays.stream(RleMasks.decodeString(encode(new long[] {1, 2, 100, 3})))
                .boxed().toList());
    }

    /** COCO's rleToString, to check the decoder against. */
    private static String encode(long[] cnts) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cnts.length; i++) {
            long x = cnts[i];
            if (i > 2) {
                x -= cnts[i - 2];
            }
            boolean more = true;
            while (more) {
                long c = x & 0x1f;
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) {
                    c |= 0x20;
                }
                s.append((char) (c + 48));
            }
        }
        return s.toString();
    }

    @Test
    void youTubeVisGivesPersonVideosFrameByFrame() throws Exception {
        SegmentationDataset set = SegmentationDataset.open(TinyDatasets.youTubeVis(dir.resolve("ytvis"), 24, 16), 3, 0);
        assertTrue(set instanceof YouTubeVisDataset);
        assertTrue(set.video());
        assertEquals(4, set.size(), "one sample per frame of the video with a person; the car video is left out");
        SegmentationClip clip = set.load(0, new Random(4));
        assertEquals(3, clip.imgs().size());
        int total = 0;
        for (Mat s : clip.segs()) {
            total += Core.countNonZero(s);
        }
        // frames are consecutive (shifted, maybe reversed, wrapping): masks have 16, 32, 48 or 0 (frame 3) pixels
        assertTrue(total % 16 == 0 && total > 0, "mask pixels " + total);
        clip.release();
    }

    @Test
    void superviselyPairsImagesAndMasksByName() throws Exception {
        SegmentationDataset set = SegmentationDataset.open(TinyDatasets.supervisely(dir.resolve("spd"), 2, 30, 20), 4, 0);
        assertTrue(set instanceof SuperviselyDataset);
        assertEquals(2, set.size());
        SegmentationClip c = set.load(1, new Random(0));
        assertEquals(1, c.imgs().size());
        assertEquals(1.0, Core.minMaxLoc(c.segs().get(0)).maxVal, 0);
        c.release();
        Files.delete(dir.resolve("spd/seg/p1.png"));
        assertThrows(InvalidInputException.class, () -> SegmentationDataset.open(dir.resolve("spd"), 4, 0));
    }

    @Test
    void anUnknownLayoutIsNamed() throws Exception {
        Files.createDirectories(dir.resolve("x"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SegmentationDataset.open(dir.resolve("x"), 4, 0));
        assertTrue(e.getMessage().contains("Supervisely") && e.getMessage().contains("COCO"), e.getMessage());
    }
}

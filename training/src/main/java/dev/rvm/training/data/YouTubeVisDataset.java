package dev.rvm.training.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rvm.matting.files.InvalidInputException;
import dev.rvm.training.augment.FrameSampler;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Upstream's {@code YouTubeVISDataset}: videos of {@code instances.json} that contain a person,
 * one sample per (video, frame); a sequence is the frames the sampler picks from there (speed 1,
 * shifted, maybe reversed, wrapping around), its mask the union of the people's RLE masks.
 */
public final class YouTubeVisDataset implements SegmentationDataset {
    /** YouTubeVIS 2021's id of "person", used when the file lists no categories (upstream hard-codes it). */
    private static final long DEFAULT_PERSON_ID = 26;

    private final Path videoDir;
    private final Path annotations;
    private final int seqLength;
    private final int maxShortSide;
    private final FrameSampler sampler = FrameSampler.trainingAtNormalSpeed();
    private final Map<Long, JsonNode> videos = new LinkedHashMap<>();
    private final Map<Long, List<List<JsonNode>>> masks = new LinkedHashMap<>();
    private final List<long[]> index = new ArrayList<>();

    YouTubeVisDataset(Path videoDir, Path annotations, int seqLength, int maxShortSide) {
        this.videoDir = videoDir;
        this.annotations = annotations;
        this.seqLength = seqLength;
        this.maxShortSide = maxShortSide;
        long[] person = {DEFAULT_PERSON_ID};
        Map<Long, JsonNode> allVideos = new LinkedHashMap<>();
        List<JsonNode> anns = new ArrayList<>();
        JsonArrays.stream(annotations, Map.of(
                "categories", c -> {
                    if ("person".equals(c.path("name").asText())) {
                        person[0] = c.path("id").asLong();
                    }
                },
                "videos", v -> allVideos.put(v.path("id").asLong(), v),
                "annotations", a -> anns.add(a)));
        for (JsonNode a : anns) {
            if (a.path("category_id").asLong() != person[0]) {
                continue;
            }
            long video = a.path("video_id").asLong();
            JsonNode segs = a.path("segmentations");
            List<List<JsonNode>> perFrame = masks.computeIfAbsent(video, k -> {
                List<List<JsonNode>> l = new ArrayList<>();
                for (int i = 0; i < segs.size(); i++) {
                    l.add(new ArrayList<>());
                }
                return l;
            });
            for (int f = 0; f < Math.min(segs.size(), perFrame.size()); f++) {
                if (!segs.get(f).isNull()) {
                    perFrame.get(f).add(segs.get(f));
                }
            }
        }
        for (long id : masks.keySet()) {
            JsonNode v = allVideos.get(id);
            if (v == null) {
                continue;
            }
            videos.put(id, v);
            for (int f = 0; f < v.path("file_names").size(); f++) {
                index.add(new long[] {id, f});
            }
        }
        if (index.isEmpty()) {
            throw new InvalidInputException(annotations + " has no video with a person");
        }
    }

    @Override
    public int size() {
        return index.size();
    }

    @Override
    public boolean video() {
        return true;
    }

    @Override
    public SegmentationClip load(int i, Random r) {
        long[] at = index.get(i % index.size());
        JsonNode video = videos.get(at[0]);
        JsonNode files = video.path("file_names");
        int count = files.size();
        int h = video.path("height").asInt();
        int w = video.path("width").asInt();
        List<Mat> imgs = new ArrayList<>();
        List<Mat> segs = new ArrayList<>();
        for (int offset : sampler.sample(seqLength, r)) {
            int frame = (int) ((at[1] + offset) % count);
            imgs.add(Images.rgb(videoDir.resolve(files.get(frame).asText()), maxShortSide));
            Mat mask = Mat.zeros(h, w, CvType.CV_8UC1);
            List<List<JsonNode>> perFrame = masks.get(at[0]);
            if (frame < perFrame.size()) {
                for (JsonNode rle : perFrame.get(frame)) {
                    RleMasks.draw(rle, mask);
                }
            }
            Mat seg = new Mat();
            mask.convertTo(seg, CvType.CV_32FC1, 1 / 255.0);
            mask.release();
            segs.add(Images.shrink(seg, maxShortSide, true));
        }
        return new SegmentationClip(imgs, segs);
    }

    @Override
    public String describe() {
        return "YouTubeVIS " + annotations + ": " + videos.size() + " videos with people, " + index.size() + " frames";
    }
}

package dev.rvm.training.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rvm.matting.files.InvalidInputException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * COCO instances ({@code annotations/instances_NAME.json} + images in {@code NAME/}) as person
 * segmentation: every image with at least one annotation of the category named "person", its
 * mask the union of those annotations (polygons and RLE, crowds included). Upstream reads COCO
 * panoptic's PNGs instead; the instances file carries the same person regions.
 */
public final class CocoPersonDataset implements SegmentationDataset {
    private final Path annotations;
    private final Path images;
    private final int maxShortSide;
    private final List<Long> ids = new ArrayList<>();
    private final Map<Long, JsonNode> imageInfo = new HashMap<>();
    private final Map<Long, List<JsonNode>> masks = new LinkedHashMap<>();

    CocoPersonDataset(Path annotations, Path images, int maxShortSide) {
        this.annotations = annotations;
        this.images = images;
        this.maxShortSide = maxShortSide;
        long[] person = {-1};
        List<JsonNode> anns = new ArrayList<>();
        JsonArrays.stream(annotations, Map.of(
                "categories", c -> {
                    if ("person".equals(c.path("name").asText())) {
                        person[0] = c.path("id").asLong();
                    }
                },
                "images", i -> imageInfo.put(i.path("id").asLong(), i),
                "annotations", a -> anns.add(a)));
        if (person[0] < 0) {
            throw new InvalidInputException(annotations + " has no category named \"person\"");
        }
        for (JsonNode a : anns) {
            if (a.path("category_id").asLong() == person[0] && imageInfo.containsKey(a.path("image_id").asLong())) {
                masks.computeIfAbsent(a.path("image_id").asLong(), k -> new ArrayList<>()).add(a.get("segmentation"));
            }
        }
        ids.addAll(masks.keySet());
        ids.sort(Long::compare);
        if (ids.isEmpty()) {
            throw new InvalidInputException(annotations + " has no person annotations");
        }
    }

    @Override
    public int size() {
        return ids.size();
    }

    @Override
    public boolean video() {
        return false;
    }

    @Override
    public SegmentationClip load(int index, Random r) {
        long id = ids.get(index % ids.size());
        JsonNode info = imageInfo.get(id);
        Mat img = Images.rgb(images.resolve(info.path("file_name").asText()), 0);
        Mat mask = Mat.zeros(img.rows(), img.cols(), CvType.CV_8UC1);
        for (JsonNode seg : masks.get(id)) {
            RleMasks.draw(seg, mask);
        }
        Mat seg = new Mat();
        mask.convertTo(seg, CvType.CV_32FC1, 1 / 255.0);
        mask.release();
        return new SegmentationClip(new ArrayList<>(List.of(Images.shrink(img, maxShortSide, false))),
                new ArrayList<>(List.of(Images.shrink(seg, maxShortSide, true))));
    }

    @Override
    public String describe() {
        return "COCO " + annotations + ": " + ids.size() + " images with people";
    }
}

package dev.rvm.training.data;

import dev.rvm.matting.files.InvalidInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** A source of images with person masks: still images (COCO, Supervisely) or video clips (YouTubeVIS). */
public interface SegmentationDataset {
    int size();

    /** Item {@code index}; videos give {@code seqLength} frames, stills one. */
    SegmentationClip load(int index, Random r);

    boolean video();

    String describe();

    /**
     * Opens a directory in one of upstream's segmentation layouts: Supervisely ({@code img/} +
     * {@code seg/}), YouTubeVIS ({@code instances.json} + {@code JPEGImages/}) or COCO
     * ({@code annotations/instances_NAME.json} + {@code NAME/} images).
     */
    static SegmentationDataset open(Path dir, int seqLength, int maxShortSide) {
        if (Files.isDirectory(dir.resolve("img")) && Files.isDirectory(dir.resolve("seg"))) {
            return new SuperviselyDataset(dir.resolve("img"), dir.resolve("seg"), maxShortSide);
        }
        if (Files.isRegularFile(dir.resolve("instances.json")) && Files.isDirectory(dir.resolve("JPEGImages"))) {
            return new YouTubeVisDataset(dir.resolve("JPEGImages"), dir.resolve("instances.json"), seqLength, maxShortSide);
        }
        Path annotations = dir.resolve("annotations");
        if (Files.isDirectory(annotations)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(annotations)) {
                files = s.filter(p -> p.getFileName().toString().matches("instances_.+\\.json")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + annotations, e);
            }
            for (Path json : files) {
                String name = json.getFileName().toString();
                Path images = dir.resolve(name.substring("instances_".length(), name.length() - ".json".length()));
                if (Files.isDirectory(images)) {
                    return new CocoPersonDataset(json, images, maxShortSide);
                }
            }
        }
        throw new InvalidInputException("--segmentation " + dir + " is in none of the known layouts: Supervisely (img/ + seg/), "
                + "YouTubeVIS (instances.json + JPEGImages/) or COCO (annotations/instances_NAME.json + NAME/)");
    }
}

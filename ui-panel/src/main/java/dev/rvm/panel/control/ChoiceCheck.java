package dev.rvm.panel.control;

import dev.rvm.matting.SettingsTable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checks a user's file and model choices before they reach the element, so a typo gets a message in
 * the panel instead of an error from the running pipeline. Returns null when fine, else the problem.
 */
final class ChoiceCheck {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    String readableFile(Path file, String what) {
        if (file == null) {
            return "Choose a " + what + " file.";
        }
        if (!Files.isRegularFile(file)) {
            return "The " + what + " " + file + " does not exist; choose an existing file.";
        }
        if (!Files.isReadable(file)) {
            return "The " + what + " " + file + " cannot be read; check its permissions.";
        }
        return null;
    }

    /** The element reads PNG and JPEG; anything else is refused by its first bytes, not its name. */
    String picture(Path file) {
        String problem = readableFile(file, "background image");
        if (problem != null) {
            return problem;
        }
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n >= 4 && Arrays.equals(Arrays.copyOf(head, 4), PNG) || n >= 3 && Arrays.equals(Arrays.copyOf(head, 3), JPEG)) {
                return null;
            }
        } catch (IOException e) {
            return "The background image " + file + " cannot be read: " + e.getMessage();
        }
        return "The background image " + file + " is not a PNG or JPEG picture; convert it or choose another file.";
    }

    /** A built-in name (the model setting's suggestions) or a readable .onnx file. */
    String model(String model) {
        String builtIn = String.join(", ", SettingsTable.MODEL.suggestions());
        if (model == null || model.isBlank()) {
            return "Choose a model: a built-in name (" + builtIn + ") or an ONNX file.";
        }
        if (SettingsTable.MODEL.suggestions().contains(model)) {
            return null;
        }
        Path file = Path.of(model);
        if (!model.toLowerCase().endsWith(".onnx")) {
            return "The model \"" + model + "\" is neither a built-in name (" + builtIn + ") nor an .onnx file.";
        }
        return readableFile(file, "model");
    }
}

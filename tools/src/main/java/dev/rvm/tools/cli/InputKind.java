package dev.rvm.tools.cli;

import dev.rvm.conversion.video.VideoConverter;
import dev.rvm.matting.files.FrameFiles;

import java.nio.file.Files;
import java.nio.file.Path;

/** What {@code convert --input} names, or a message saying what it is instead. */
enum InputKind {
    VIDEO, FRAME_DIRECTORY;

    static InputKind of(Path input) {
        if (Files.isDirectory(input)) {
            return FRAME_DIRECTORY;
        }
        if (!Files.exists(input)) {
            throw new IllegalArgumentException("--input " + input + " does not exist; give a video file or a directory of "
                    + "PNG/JPEG frames");
        }
        if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
            throw new IllegalArgumentException("--input " + input + " is not a readable file or directory");
        }
        if (VideoConverter.isVideoName(input)) {
            return VIDEO;
        }
        if (FrameFiles.isImage(input)) {
            throw new IllegalArgumentException("--input " + input + " is a single picture; convert takes a video file or a "
                    + "directory of frames: put it in a directory of its own and pass that directory");
        }
        throw new IllegalArgumentException("--input " + input + " is a file but not a video convert reads (.mp4, .webm, "
                + ".mkv, .avi, .mov); give a video file or a directory of PNG/JPEG frames");
    }
}

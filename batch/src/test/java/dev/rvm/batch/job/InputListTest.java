package dev.rvm.batch.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputListTest {

    @TempDir
    Path dir;

    @Test
    void aDirectoryGivesItsVideosInNameOrder() throws Exception {
        for (String f : new String[]{"b.mp4", "a.MOV", "notes.txt", "c.webm"}) {
            Files.writeString(dir.resolve(f), "x");
        }
        Files.createDirectories(dir.resolve("sub.mp4"));
        List<InputList.Input> in = InputList.resolve(dir);
        assertEquals(List.of("a", "b", "c"), in.stream().map(InputList.Input::name).toList());
        assertEquals(dir.resolve("a.MOV").toString(), in.get(0).path());
    }

    @Test
    void aListFileIsReadRelativeToItsDirectory() throws Exception {
        Files.createDirectories(dir.resolve("clips"));
        Path list = dir.resolve("jobs.txt");
        Files.writeString(list, "# today's clips\nclips/one.mp4\n\n  /abs/two.mkv  \n");
        List<InputList.Input> in = InputList.resolve(list);
        assertEquals(List.of(dir.resolve("clips/one.mp4").toString(), "/abs/two.mkv"),
                in.stream().map(InputList.Input::path).toList());
    }

    @Test
    void twoInputsWithOneOutputNameAreRefused() throws Exception {
        Path list = dir.resolve("l.txt");
        Files.writeString(list, "a/clip.mp4\nb/clip.mov\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InputList.resolve(list));
        assertTrue(e.getMessage().contains("clip") && e.getMessage().contains("rename"), e.getMessage());
    }

    @Test
    void namesThatClashWithTheJobsOwnFilesAreRefused() throws Exception {
        Path list = dir.resolve("l.txt");
        Files.writeString(list, "_tmp.mp4\n");
        assertThrows(IllegalArgumentException.class, () -> InputList.resolve(list));
    }

    @Test
    void anEmptyDirectoryIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InputList.resolve(dir));
        assertTrue(e.getMessage().contains("no video files"), e.getMessage());
    }
}

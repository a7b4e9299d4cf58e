package org.actlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.actlab.ActlabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesContentAndLeavesNoTemporaryFiles() throws IOException {
        Path target = dir.resolve("sub/out.csv");
        AtomicFiles.writeString(target, "old\n");
        AtomicFiles.writeString(target, "new\n");
        assertEquals("new\n", Files.readString(target));
        if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        }
        try (var files = Files.list(target.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFile() throws IOException {
        Path target = dir.resolve("keep.txt");
        Files.writeString(target, "precious");
        Path blocked = dir.resolve("keep.txt/child"); // a file cannot be a directory
        assertThrows(ActlabException.class, () -> AtomicFiles.writeString(blocked, "x"));
        assertEquals("precious", Files.readString(target));
    }
}

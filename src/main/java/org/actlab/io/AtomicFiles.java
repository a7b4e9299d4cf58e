package org.actlab.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

import org.actlab.ActlabException;

/**
 * Writes a file so that readers see either the old content or the complete new one: the bytes go
 * to a temporary file in the same directory, which is then renamed over the target.
 *
 * <p>Only regular files are written. A target that is a symbolic link is written through: the file
 * it points to is replaced (atomically, in its own directory) and the link stays. A target that is a
 * directory, a device, a FIFO or a socket, or a link to one of those (or a dangling link), is refused:
 * renaming over {@code /dev/null} would replace the system's device with a file. {@link #checkTarget}
 * and {@link #checkDirectory} make the same checks before a long computation, so a bad output path
 * is reported at once rather than after the work.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code text} (UTF-8) to {@code target} atomically, creating parent directories. */
    public static void writeString(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to {@code target} atomically, creating parent directories. */
    public static void write(Path target, byte[] bytes) {
        Path absolute = resolve(target);
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            Files.write(tmp, bytes);
            // temporary files are created private (rw-------); outputs are ordinary files
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original error is the one to report
                }
            }
            throw new ActlabException("cannot write " + target + ": " + reason(e), e);
        }
    }

    /**
     * Checks, before any work, that {@code target} can be written: it is (or links to) a regular file or
     * does not exist yet, and its directory exists or can be made and takes new files.
     */
    public static void checkTarget(Path target) {
        Path absolute = resolve(target);
        checkDirectory(absolute.getParent(), "cannot write " + target);
    }

    /** Checks, before any work, that {@code dir} is a directory (made if missing) that takes new files. */
    public static void checkDirectory(Path dir) {
        checkDirectory(dir.toAbsolutePath(), "cannot write into " + dir);
    }

    private static void checkDirectory(Path dir, String what) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new ActlabException(what + ": " + dir + " is not a directory");
            }
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".actlab-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new ActlabException(what + ": " + reason(e), e);
        }
    }

    /** The path to replace: the target itself, or the regular file a symbolic link points to. */
    private static Path resolve(Path target) {
        Path absolute = target.toAbsolutePath();
        if (absolute.getFileName() == null) {
            throw new ActlabException("cannot write " + target + ": not a file name");
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(absolute, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return absolute;
        } catch (IOException e) {
            throw new ActlabException("cannot write " + target + ": " + reason(e), e);
        }
        if (attributes.isRegularFile()) {
            return absolute;
        }
        if (attributes.isSymbolicLink()) {
            Path real;
            try {
                real = absolute.toRealPath();
            } catch (IOException e) {
                throw new ActlabException("cannot write " + target + ": it is a symbolic link to nothing (a dangling link)");
            }
            if (Files.isRegularFile(real)) {
                return real;
            }
            throw new ActlabException("cannot write " + target + ": it is a symbolic link to " + real
                    + ", which is not a regular file");
        }
        if (attributes.isDirectory()) {
            throw new ActlabException("cannot write " + target + ": it is a directory");
        }
        throw new ActlabException("cannot write " + target + ": it is not a regular file (a device, FIFO or socket); "
                + "actlab writes regular files only");
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : Excerpt.line(m, 200);
    }
}

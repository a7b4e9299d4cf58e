package org.actlab.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symja 3.0.0 evaluates, at start-up, every {@code *.m} file in a directory named
 * {@code .\AutoloadSymja} (or {@code .\Autoload}) of the working directory, with its own parser: a way
 * around actlab's whitelist. actlab runs a derivation in a fresh JVM whose working directory holds
 * such files (one prints a marker and writes a file, one loops forever); none of it may happen, and
 * the derivation must finish normally. A fresh JVM is needed: the scan runs once per process.
 */
class SymjaStartupFilesTest {
    @Test
    void startupFilesInTheWorkingDirectoryAreNotRun(@TempDir Path dir) throws IOException, InterruptedException {
        Path marker = dir.resolve("marker.txt");
        String printing = "Print(\"AUTOLOAD-RAN\")\nWriteString(\"" + marker.toString().replace("\\", "\\\\") + "\", \"x\")\n";
        for (String name : List.of(".\\AutoloadSymja", ".\\Autoload")) {
            Path autoload = Files.createDirectory(dir.resolve(name));
            Files.writeString(autoload.resolve("a.m"), printing);
            Files.writeString(autoload.resolve("b.m"), "While(True, 1)\n");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "org.actlab.cli.Main", "derive", "xielu", "--timeout", "30")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        // generous: a cold JVM loads Symja in a few seconds; a run of the looping file would never end
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(finished, "derive did not finish: the start-up files ran");
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.contains("AUTOLOAD-RAN"), out);
        assertFalse(Files.exists(marker), "a start-up file wrote " + marker);
        assertTrue(out.contains("global minimum"), out);
    }
}

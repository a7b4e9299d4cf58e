package org.actlab.gpu.api;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.actlab.ActlabException;

/**
 * Loads the ND4J harness only for the commands that need it. ND4J, DL4J and their natives (about 150 MB
 * of jars, 50 000 classes) are not in {@code actlab.jar}: 'mvn package' puts the gpu package in
 * {@code actlab-gpu.jar} and its libraries in {@code lib/}, next to {@code actlab.jar}; they are loaded here
 * by a class loader of their own (whose parent holds actlab), so {@code actlab derive} and every other
 * command start exactly as before. Where ND4J is on the class path already (the tests, an IDE), it is used
 * from there.
 */
public final class HarnessLoader {
    private static final String HARNESS = "org.actlab.gpu.harness.Harness";
    private static GpuHarness loaded;

    private HarnessLoader() {
    }

    /** The harness (loaded once per process), or a one-line error saying what is missing. */
    public static synchronized GpuHarness harness() {
        if (loaded == null) {
            loaded = load();
        }
        return loaded;
    }

    private static GpuHarness load() {
        ClassLoader own = HarnessLoader.class.getClassLoader();
        ClassLoader loader = own.getResource(HARNESS.replace('.', '/') + ".class") != null
                && own.getResource("org/nd4j/linalg/factory/Nd4j.class") != null ? own : jars(own);
        Thread.currentThread().setContextClassLoader(loader);   // DL4J's JSON finds the layer classes through it
        try {
            return (GpuHarness) Class.forName(HARNESS, true, loader).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ActlabException("ND4J could not start its backend: " + cause
                    + " (its natives unpack into ~/.javacpp/cache on first use, about 400 MB)");
        }
    }

    /** A class loader over {@code actlab-gpu.jar} and {@code lib/*.jar} next to actlab's own jar. */
    private static ClassLoader jars(ClassLoader parent) {
        Path dir;
        try {
            dir = Path.of(HarnessLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
            throw new ActlabException("cannot tell where actlab's jar is, so the ND4J harness cannot be found: " + e.getMessage());
        }
        Path gpu = dir.resolve("actlab-gpu.jar");
        Path lib = dir.resolve("lib");
        if (!Files.isRegularFile(gpu) || !Files.isDirectory(lib)) {
            throw new ActlabException("the ND4J harness is not built next to " + dir.resolve("actlab.jar")
                    + " (actlab-gpu.jar and lib/ are missing): run 'mvn -B -DskipTests package'");
        }
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> listing = Files.list(lib)) {
            urls.add(gpu.toUri().toURL());
            List<Path> jars = new ArrayList<>(listing.toList());
            jars.sort(null);
            for (Path p : jars) {
                if (p.toString().endsWith(".jar")) {
                    urls.add(p.toUri().toURL());
                }
            }
        } catch (IOException e) {
            throw new ActlabException("cannot list " + lib + ": " + e.getMessage());
        }
        return new URLClassLoader(urls.toArray(new URL[0]), parent);
    }
}

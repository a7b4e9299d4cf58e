package org.actlab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What made an output, so that a JSON or CSV file can be traced to the exact run that wrote it
 * (Tribuo style): actlab's version, the git commit actlab was run from, the command line as
 * typed, every option's value after defaults were applied, and every seed the computation used.
 * JSON outputs carry it as a {@code "provenance"} object; CSV outputs as a first line
 * {@code # provenance: {…}} (the same object on one line; {@code pandas.read_csv(comment='#')} and
 * most CSV readers skip it).
 *
 * @param version       actlab's version ({@code unknown} outside a Maven build)
 * @param commit        the git commit of actlab's checkout ({@link #actlabCommit}; {@code unknown} outside a clone)
 * @param command       the arguments as typed
 * @param configuration every option of the command with the value it had (defaults included)
 * @param seeds         every seed the computation used, by what it seeds
 */
public record OutputProvenance(String version, String commit, List<String> command, Map<String, String> configuration,
                               Map<String, Long> seeds) {
    public OutputProvenance {
        command = List.copyOf(command);
        configuration = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        seeds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seeds));
    }

    /** The provenance of a run in this working directory with {@code command} and {@code configuration}. */
    public static OutputProvenance of(List<String> command, Map<String, String> configuration) {
        return new OutputProvenance(actlabVersion(), actlabCommit(), command, configuration, Map.of());
    }

    /**
     * The git commit of the checkout that holds actlab's own classes (the jar in {@code target/} of a
     * clone), else of the working directory; {@code unknown} when neither is in a clone. Read from
     * {@code .git} directly: no git binary is needed.
     */
    public static String actlabCommit() {
        try {
            Path code = Path.of(OutputProvenance.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            String c = commit(code.toAbsolutePath());
            if (!c.equals("unknown")) {
                return c;
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // no code source (an unusual class loader): fall back to the working directory
        }
        return commit(WorkingDirectory.path());
    }

    /** This provenance with one more seed. */
    public OutputProvenance withSeed(String what, long seed) {
        Map<String, Long> s = new LinkedHashMap<>(seeds);
        s.put(what, seed);
        return new OutputProvenance(version, commit, command, configuration, s);
    }

    /** Writes {@code "provenance": {…}} as a field of the object {@code j} is inside. */
    public void writeField(Json j) {
        j.name("provenance");
        writeObject(j);
    }

    private void writeObject(Json j) {
        j.beginObject().field("tool", "actlab").field("version", version).field("commit", commit);
        j.name("command").beginArray();
        command.forEach(j::value);
        j.endArray();
        j.name("configuration").beginObject();
        configuration.forEach(j::field);
        j.endObject();
        j.name("seeds").beginObject();
        seeds.forEach(j::field);
        j.endObject().endObject();
    }

    /** The comment line that heads a CSV output: {@code # provenance: } and the object on one line. */
    public String csvComment() {
        try (Json j = Json.compact()) {
            writeObject(j);
            // Jackson escapes control characters, so the comment stays on one line whatever the user typed
            return "# provenance: " + j.text().strip() + "\n";
        }
    }

    /** The project version Maven wrote into {@code org/actlab/version.properties}, or "unknown". */
    public static String actlabVersion() {
        try (InputStream in = OutputProvenance.class.getResourceAsStream("/org/actlab/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The commit of HEAD, read from the {@code .git} directory of {@code dir} or a parent; "unknown" if none. */
    public static String commit(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            Path git = d.resolve(".git");
            if (Files.isDirectory(git)) {
                try {
                    String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).strip();
                    if (!head.startsWith("ref: ")) {
                        return head;
                    }
                    String ref = head.substring(5);
                    Path loose = git.resolve(ref);
                    if (Files.exists(loose)) {
                        return Files.readString(loose, StandardCharsets.UTF_8).strip();
                    }
                    Path packed = git.resolve("packed-refs");
                    if (Files.exists(packed)) {
                        for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                            if (line.endsWith(" " + ref)) {
                                return line.substring(0, line.indexOf(' '));
                            }
                        }
                    }
                } catch (IOException e) {
                    return "unknown";
                }
                return "unknown";
            }
        }
        return "unknown";
    }
}

package org.actlab.network;

import java.nio.file.Path;

import org.actlab.ActlabException;
import org.actlab.io.InputFiles;
import org.actlab.io.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The network interchange format:
 * <pre>
 * {"format": "actlab-network/1", "input_dim": n,
 *  "layers": [{"weights": [[…], …], "bias": […], "activation": A}, …]}
 * </pre>
 * {@code weights} has one row per output unit; {@code A} is {@code "relu"}, {@code "identity"} or
 * {@code {"polyrelu": [a0, …, ar]}} (shared) / {@code {"polyrelu": [[…], …]}} (one list per unit).
 * Evaluation is {@code y = A(W x + b)} layer by layer. Numbers are written so they read back
 * bit-exactly. An optional {@code "approximates"} object says what the network approximates
 * ({@link Approximates}); readers that do not know it ignore it.
 */
public final class NetworkJson {
    /** The format tag. */
    public static final String FORMAT = LayersJson.FORMAT;
    /** The largest network file read (bytes). */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** The most layers of a network read from JSON. */
    public static final int MAX_LAYERS = LayersJson.MAX_LAYERS;
    /** The most weights and biases of a network read from JSON. */
    public static final long MAX_PARAMETERS = LayersJson.MAX_PARAMETERS;
    /** The most PolyReLU coefficients of one unit (order + 1). */
    public static final int MAX_POLYRELU_COEFFICIENTS = LayersJson.MAX_POLYRELU_COEFFICIENTS;

    private NetworkJson() {
    }

    /** The network as JSON text. */
    public static String write(Network net) {
        try (Json j = new Json()) {
            LayersJson.body(j.beginObject(), net);
            return j.endObject().text();
        }
    }

    /**
     * The network as JSON text with what it approximates (the {@code "approximates"} object, which
     * includes the SHA-256 {@link #digest} of the network as {@link #write(Network)} writes it).
     */
    public static String write(Network net, Approximates approximates) {
        return write(net, approximates, null);
    }

    /**
     * As {@link #write(Network, Approximates)}, with a {@code "provenance"} object (version, commit,
     * options, seeds of the run that made the network) when {@code provenance} is not null; readers
     * that do not know it ignore it, and the digest covers the layers only.
     */
    public static String write(Network net, Approximates approximates, org.actlab.io.OutputProvenance provenance) {
        try (Json j = new Json()) {
            LayersJson.body(j.beginObject(), net).name("approximates");
            ApproximatesJson.write(j, approximates, digest(net));
            if (provenance != null) {
                provenance.writeField(j);
            }
            return j.endObject().text();
        }
    }


    /**
     * The SHA-256 (hex) of the network's JSON as {@link #write(Network)} writes it: numbers are written so
     * that they read back bit-exactly, so the digest of a network read from a file equals the one recorded
     * at saving exactly when no weight, bias or activation changed (reformatting the file keeps it).
     */
    public static String digest(Network net) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(write(net).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * A network file with what it records.
     *
     * @param network      the network
     * @param approximates what it approximates, or null when the file records nothing
     * @param digest       the digest recorded at saving, or null
     */
    public record Saved(Network network, Approximates approximates, String digest) {
        /** Whether the network is the one that was saved (its digest matches the recorded one). */
        public boolean unchanged() {
            return digest != null && digest.equals(NetworkJson.digest(network));
        }
    }

    /** Reads a network file (as {@link #read}) with its {@code "approximates"} record, if any. */
    public static Saved readSaved(Path file) {
        String text = InputFiles.readText(file, MAX_FILE_BYTES, "network file");
        try {
            JsonNode root = InputFiles.readJson(text, "network");
            Network net = LayersJson.parse(root);
            JsonNode meta = root.get("approximates");
            if (meta == null) {
                return new Saved(net, null, null);
            }
            return new Saved(net, ApproximatesJson.read(meta), ApproximatesJson.digest(meta));
        } catch (ActlabException e) {
            throw new ActlabException(file + ": " + e.getMessage());
        }
    }

    /**
     * Reads a network file: a regular file of at most {@link #MAX_FILE_BYTES} bytes, strict JSON (no key
     * twice, nothing after the closing brace), at most {@link #MAX_LAYERS} layers and
     * {@link #MAX_PARAMETERS} weights and biases, PolyReLU orders at most
     * {@link #MAX_POLYRELU_COEFFICIENTS} − 1.
     */
    public static Network read(Path file) {
        String text = InputFiles.readText(file, MAX_FILE_BYTES, "network file");
        try {
            return parse(text);
        } catch (ActlabException e) {
            throw new ActlabException(file + ": " + e.getMessage());
        }
    }

    /** Parses network JSON text (strictly, with the limits of {@link #read}). */
    public static Network parse(String text) {
        return LayersJson.parse(InputFiles.readJson(text, "network"));
    }





}

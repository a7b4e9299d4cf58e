package org.actlab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.actlab.ActlabException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reading the files a user names, with limits: only regular files (a FIFO would block, {@code /dev/zero}
 * never ends), at most a stated number of bytes (checked before reading and enforced while reading),
 * UTF-8. JSON is read strictly: a key given twice, or anything after the closing brace, is an error.
 * Error messages name the file and the problem, never the file's content.
 */
public final class InputFiles {
    /** The most nesting of JSON arrays and objects read (a network has four levels). */
    public static final int MAX_JSON_DEPTH = 64;

    private static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private InputFiles() {
    }

    /**
     * The text of a regular file of at most {@code maxBytes} bytes.
     *
     * @param what names the file in messages ("network file", "spec file")
     */
    public static String readText(Path file, long maxBytes, String what) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new ActlabException("no such " + what + ": " + file);
        } catch (IOException e) {
            throw new ActlabException("cannot read " + what + " " + file + ": " + reason(e));
        }
        if (attributes.isDirectory()) {
            throw new ActlabException(what + " " + file + " is a directory");
        }
        if (!attributes.isRegularFile()) {
            throw new ActlabException(what + " " + file + " is not a regular file (a device, FIFO or socket); give a file");
        }
        if (attributes.size() > maxBytes) {
            throw new ActlabException(what + " " + file + " has " + attributes.size() + " bytes; the limit is " + maxBytes);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new ActlabException("cannot read " + what + " " + file + ": " + reason(e));
        }
        if (bytes.length > maxBytes) {   // it grew while we looked
            throw new ActlabException(what + " " + file + " has more than " + maxBytes + " bytes (the limit)");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ActlabException(what + " " + file + " is not UTF-8 text");
        }
    }

    /**
     * Parses JSON text strictly (duplicate keys and trailing content refused, nesting at most
     * {@link #MAX_JSON_DEPTH}); the error says where, not what the text holds.
     */
    public static JsonNode readJson(String text, String what) {
        try {
            JsonNode root = STRICT.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new ActlabException(what + " is empty (expected a JSON object)");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            String kind = message.startsWith("Duplicate field") ? "a key appears twice in one object"
                    : message.contains("Trailing token") ? "there is content after the end of the JSON value"
                    : message.contains("nesting depth") ? "nested more than " + MAX_JSON_DEPTH + " levels deep"
                    : "not valid JSON";
            throw new ActlabException(what + ": " + kind
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : Excerpt.line(m, 200);
    }
}

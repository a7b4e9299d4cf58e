package org.actlab.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * A JSON writer (Jackson's streaming generator, pretty-printed) whose numbers are written with
 * {@link Numbers#format(double)} so they read back bit-exactly. JSON has no NaN or infinities:
 * those are written as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 */
public final class Json implements AutoCloseable {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final StringWriter out = new StringWriter();
    private final JsonGenerator gen;

    public Json() {
        this(true);
    }

    private Json(boolean pretty) {
        try {
            gen = FACTORY.createGenerator(out);
            if (pretty) {
                gen.useDefaultPrettyPrinter();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A writer that puts the whole document on one line (for a value inside a line of text). */
    public static Json compact() {
        return new Json(false);
    }

    /** Runs one generator call, turning the (impossible, in-memory) IOException unchecked. */
    private Json run(IoAction action) {
        try {
            action.run();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    public Json beginObject() {
        return run(gen::writeStartObject);
    }

    public Json endObject() {
        return run(gen::writeEndObject);
    }

    public Json beginArray() {
        return run(gen::writeStartArray);
    }

    public Json endArray() {
        return run(gen::writeEndArray);
    }

    public Json name(String name) {
        return run(() -> gen.writeFieldName(name));
    }

    public Json value(String text) {
        return run(() -> gen.writeString(text));
    }

    public Json value(long v) {
        return run(() -> gen.writeNumber(v));
    }

    public Json value(boolean v) {
        return run(() -> gen.writeBoolean(v));
    }

    public Json value(double v) {
        return run(() -> {
            if (Double.isFinite(v)) {
                gen.writeNumber(Numbers.format(v));
            } else {
                gen.writeString(Numbers.format(v));
            }
        });
    }

    public Json value(double[] values) {
        beginArray();
        for (double v : values) {
            value(v);
        }
        return endArray();
    }

    public Json value(double[][] rows) {
        beginArray();
        for (double[] row : rows) {
            value(row);
        }
        return endArray();
    }

    public Json field(String name, String text) {
        return name(name).value(text);
    }

    public Json field(String name, double v) {
        return name(name).value(v);
    }

    public Json field(String name, long v) {
        return name(name).value(v);
    }

    public Json field(String name, double[] values) {
        return name(name).value(values);
    }

    /** The document, ending with a newline. */
    public String text() {
        run(gen::flush);
        return out + System.lineSeparator();
    }

    @Override
    public void close() {
        run(gen::close);
    }
}

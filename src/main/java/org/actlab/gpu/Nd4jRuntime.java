package org.actlab.gpu;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Supplier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J set up once per process: double precision everywhere, and a description of the backend
 * (library, device, threads) that every command of this package prints. ND4J 1.0.0-M2.1 prints
 * "Added differentiated op …" to standard output whenever SameDiff builds a gradient function;
 * {@link #quietly} keeps that (and any other chatter) off actlab's output.
 */
public final class Nd4jRuntime {
    private static boolean ready;

    private Nd4jRuntime() {
    }

    public static synchronized void init() {
        if (!ready) {
            quietly(() -> {
                Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
                return null;
            });
            ready = true;
        }
    }

    /** The backend in words: its class, device, BLAS and threads, and the data type. */
    public static String describe() {
        init();
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        Map<Object, Object> env = Nd4j.getExecutioner().getEnvironmentInformation();
        String kind = backend.toLowerCase(java.util.Locale.ROOT).contains("cuda") ? "CUDA" : "CPU";
        StringBuilder b = new StringBuilder("ND4J 1.0.0-M2.1 ").append(backend).append(" (").append(kind);
        Object blas = env.get("blas.vendor");
        if (blas != null) {
            b.append(", BLAS ").append(blas);
        }
        Object threads = env.get("omp.threads");
        if (threads != null) {
            b.append(", ").append(threads).append(" threads");
        }
        Object devices = env.get("cuda.availableDevices");
        if (devices != null) {
            b.append(", ").append(devices).append(" devices");
        }
        return b.append("), DOUBLE").toString();
    }

    /** Runs {@code work} with standard output discarded (SameDiff's debug prints). */
    static synchronized <T> T quietly(Supplier<T> work) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return work.get();
        } finally {
            System.setOut(out);
        }
    }
}

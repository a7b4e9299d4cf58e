package org.actlab.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.actlab.ActlabException;
import org.actlab.activation.Catalogue;
import org.actlab.activation.ScalarActivation;

/**
 * Scalar throughput of xIELU, GELU and PolyReLU(3), each measured in a fresh JVM (a JVM that has run one
 * activation's loop has a call site that has seen one class; running the next one there measures it after
 * the call site went megamorphic, PolyReLU at half its own speed), on the same seeded points from
 * N(0, 3²) (both branches of every piecewise activation), next to PyTorch on the same points when
 * {@code /usr/bin/python3} has torch.
 */
public final class ScalarBench {
    /** The activations, in the order measured. */
    public static final List<String> ACTIVATIONS = List.of("xielu", "gelu", "polyrelu");
    /** The inputs' standard deviation. */
    public static final double SIGMA = 3;
    /** The Python that runs the PyTorch side (Debian's, where python3-torch installs). */
    public static final String PYTHON = "/usr/bin/python3";

    private ScalarBench() {
    }

    /** The input distribution, in words. */
    public static String distribution(long seed) {
        return "N(0, " + (int) SIGMA + "²), java.util.Random seed " + seed;
    }

    /**
     * One activation's rates.
     *
     * @param name   the activation
     * @param java   actlab's double fast path, best and median evaluations per second, its own JVM
     * @param torch  eager PyTorch 1 thread float64, best and median (null without torch)
     */
    public record Row(String name, double[] java, double[] torch) {
        /** Java's best over torch's best (NaN without torch). */
        public double ratio() {
            return torch == null ? Double.NaN : java[0] / torch[0];
        }
    }

    /** The activation as the bench evaluates it: the catalogue's defaults, PolyReLU of order 3 at the reference coefficients. */
    public static ScalarActivation activation(String name) {
        return name.equals("polyrelu") ? Catalogue.scalar("polyrelu", Map.of("coeffs", Catalogue.POLYCOM_REFERENCE_COEFFS))
                : Catalogue.scalar(name);
    }

    /** n seeded points from N(0, σ²). */
    public static double[] points(int n, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = SIGMA * random.nextGaussian();
        }
        return x;
    }

    /** Measures every activation, each in a fresh JVM, and PyTorch beside it when it is there. */
    public static List<Row> run(int n, int warmup, int passes, long seed, java.util.function.Consumer<String> progress) {
        Path file = null;
        try {
            file = Files.createTempFile("actlab-bench-", ".f64");
            write(points(n, seed), file);
            Map<String, double[]> torch = torch(file, warmup, passes, progress);
            List<Row> rows = new ArrayList<>();
            for (String name : ACTIVATIONS) {
                progress.accept(name + ": " + (warmup + passes) + " passes of " + n + " points in a fresh JVM");
                rows.add(new Row(name, isolated(name, file, warmup, passes), torch.get(name)));
            }
            return rows;
        } catch (IOException e) {
            throw new ActlabException("bench: " + e.getMessage());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** The child JVM's entry: {@code NAME POINTS_FILE WARMUP PASSES}; prints {@code BEST MEDIAN CHECKSUM}. */
    public static void main(String[] args) throws IOException {
        double[] x = read(Path.of(args[1]));
        Throughput.Result r = Throughput.measure(args[0], activation(args[0]), x, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        System.out.println(r.bestPerSec() + " " + r.medianPerSec() + " " + r.checksum());
    }

    private static double[] isolated(String name, Path file, int warmup, int passes) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                ScalarBench.class.getName(), name, file.toString(), Integer.toString(warmup), Integer.toString(passes));
        String[] f = runProcess(cmd, "the Java measurement of " + name).get(0).strip().split(" ");
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])};
    }

    private static Map<String, double[]> torch(Path file, int warmup, int passes, java.util.function.Consumer<String> progress)
            throws IOException {
        Map<String, double[]> out = new LinkedHashMap<>();
        if (!Files.isExecutable(Path.of(PYTHON))) {
            progress.accept("no " + PYTHON + ": PyTorch not measured");
            return out;
        }
        Path script = ChildProcess.script("torch_scalar.py");
        try {
            Map<String, Double> x = Catalogue.xieluDefaults();
            double[] a = Catalogue.POLYCOM_REFERENCE_COEFFS;
            List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString(), file.toString(), Integer.toString(warmup),
                    Integer.toString(passes)));
            for (double v : new double[] {x.get("alpha_p"), x.get("alpha_n"), x.get("beta"), a[0], a[1], a[2], a[3]}) {
                cmd.add(Double.toString(v));
            }
            progress.accept("PyTorch: " + (warmup + passes) + " passes per activation, one thread");
            List<String> lines;
            try {
                lines = runProcess(cmd, "PyTorch");
            } catch (ActlabException e) {
                progress.accept("PyTorch not measured: " + e.getMessage());
                return out;
            }
            for (String line : lines) {
                String[] f = line.strip().split(" ");
                if (f.length == 4) {
                    out.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
                }
            }
            return out;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** The child's output lines; an exit other than 0 is an error naming {@code what} and its last line. */
    private static List<String> runProcess(List<String> cmd, String what) throws IOException {
        ChildProcess.Ran r = ChildProcess.run(cmd);
        if (r.exit() != 0) {
            throw new ActlabException(what + " failed: " + r.last());
        }
        return r.lines();
    }

    private static void write(double[] x, Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(x);
        Files.write(file, b.array());
    }

    private static double[] read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        double[] x = new double[b.capacity() / 8];
        b.asDoubleBuffer().get(x);
        return x;
    }
}

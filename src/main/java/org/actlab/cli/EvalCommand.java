package org.actlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.actlab.ActlabException;
import org.actlab.activation.Activation;
import org.actlab.activation.Evaluation;
import org.actlab.activation.Catalogue;
import org.actlab.activation.ScalarActivation;
import org.actlab.activation.VectorActivation;
import org.actlab.io.Numbers;
import org.actlab.print.EvaluationPrinter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code actlab eval}: evaluate one activation at points. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate one catalogue activation (and its derivatives) at points.",
            "",
            "Scalar activations take --x or --grid and print CSV x,y (plus dy, d2y with --derivative).",
            "Vector activations (polynorm, polynorm-l2, swiglu) take one --vector per row and print",
            "the output vector per row (plus the Jacobian J_i_j = dy_i/dx_j with --derivative 1).",
            "Numbers are printed as the shortest decimal that reads back bit-exactly.", ""},
        footer = {"", "Coefficients: polyrelu and polynorm take --param coeffs=a0,a1,...,ar in ASCENDING order.",
            "The PolyCom reference code stores them reversed: weight = [a_r, ..., a_1], bias = a0.",
            "Raw parameters: xielu takes alpha_p_raw / alpha_n_raw instead of alpha_p / alpha_n, with",
            "alpha_p = softplus(alpha_p_raw), alpha_n = beta + softplus(alpha_n_raw) (PyTorch softplus,",
            "threshold 20). 'actlab list' shows every activation's parameters.",
            "", "Examples:", "  actlab eval xielu --grid -3:3:7 --derivative 1",
            "  actlab eval polyrelu --param coeffs=0,1,0.5,0.25 --x=-1,0.5,2",
            "  actlab eval polynorm --vector 1,2,3 --vector=-1,0,4 --derivative 1 --format json"})
public final class EvalCommand implements Callable<Integer> {
    /** The largest number of points one eval prints. */
    static final int MAX_POINTS = 10_000_000;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "catalogue name (see 'actlab list')")
    private String name;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
            description = "a parameter value; lists comma-separated (repeatable)")
    private List<String> params = new ArrayList<>();

    @Option(names = "--x", paramLabel = "V1,V2,...", description = "points, comma-separated (inf, -inf, nan allowed)")
    private String xs;

    @Option(names = "--grid", paramLabel = "A:B:N", description = "N equally spaced points from A to B inclusive")
    private String grid;

    @Option(names = "--vector", paramLabel = "V1,V2,...", description = "one input row of a vector activation (repeatable)")
    private List<String> vectors = new ArrayList<>();

    @Option(names = "--derivative", paramLabel = "0|1|2", defaultValue = "0",
            description = "highest derivative to print: 1 adds dy, 2 adds dy and d2y (vector: 1 adds the Jacobian)")
    private int derivative;

    @Option(names = "--param-gradient",
            description = "also print the gradient with respect to the trainable parameters "
                    + "(with respect to the raw ones when raw values were given)")
    private boolean parameterGradient;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv", description = "output format (default: ${DEFAULT-VALUE})")
    private Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE (atomically) instead of stdout")
    private Path output;

    /** Output formats. */
    enum Format { csv, json }

    @Override
    public Integer call() {
        if (derivative < 0 || derivative > 2) {
            throw new ActlabException("--derivative must be 0, 1 or 2, got " + derivative);
        }
        CommandOutput.checkTarget(output);
        Map<String, double[]> given = parseParams(params);
        Activation activation = Catalogue.create(name, given);
        boolean raw = given.keySet().stream().anyMatch(k -> k.endsWith("_raw"));
        String text;
        if (activation instanceof ScalarActivation scalar) {
            if (!vectors.isEmpty()) {
                throw new ActlabException(name + " is a scalar activation: give --x or --grid, not --vector");
            }
            text = print(Evaluation.of(scalar, points(), derivative, parameterGradient, raw));
        } else {
            VectorActivation vector = (VectorActivation) activation;
            if (xs != null || grid != null) {
                throw new ActlabException(name + " acts on feature vectors: give one --vector V1,V2,... per row, not --x/--grid");
            }
            if (vectors.isEmpty()) {
                throw new ActlabException(name + " acts on feature vectors: give at least one --vector V1,V2,...");
            }
            if (derivative > 1) {
                throw new ActlabException(name + ": vector activations print the value (--derivative 0) or the Jacobian (1), not 2");
            }
            text = print(Evaluation.of(vector, rows(), derivative, parameterGradient));
        }
        CommandOutput.write(spec, output, text);
        return 0;
    }

    private String print(Evaluation e) {
        return format == Format.json ? EvaluationPrinter.json(e) : EvaluationPrinter.csv(e);
    }

    /** Parses repeated {@code KEY=VALUE} options (values are comma-separated lists). */
    static Map<String, double[]> parseParams(List<String> params) {
        Map<String, double[]> given = new LinkedHashMap<>();
        for (String kv : params) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new ActlabException("--param '" + kv + "' is not KEY=VALUE (e.g. --param alpha_p=0.8 or --param coeffs=0,1,0.5)");
            }
            String key = kv.substring(0, eq).trim();
            if (given.containsKey(key)) {
                throw new ActlabException("--param " + key + " given twice");
            }
            given.put(key, Numbers.parseList(kv.substring(eq + 1), "--param " + key));
        }
        return given;
    }

    private double[] points() {
        if ((xs == null) == (grid == null)) {
            throw new ActlabException("give exactly one of --x V1,V2,... or --grid A:B:N");
        }
        double[] points = xs != null ? Numbers.parseList(xs, "--x") : Numbers.parseGrid(grid, "--grid");
        if (points.length > MAX_POINTS) {
            throw new ActlabException("at most " + MAX_POINTS + " points per eval, got " + points.length);
        }
        return points;
    }

    private List<double[]> rows() {
        List<double[]> rows = new ArrayList<>();
        for (String v : vectors) {
            double[] row = Numbers.parseList(v, "--vector");
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw new ActlabException("--vector rows must all have the same length (row 1 has " + rows.get(0).length
                        + ", row " + (rows.size() + 1) + " has " + row.length + ")");
            }
            rows.add(row);
        }
        return rows;
    }
}

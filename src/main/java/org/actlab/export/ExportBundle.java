package org.actlab.export;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.actlab.activation.Catalogue;
import org.actlab.activation.ScalarActivation;
import org.actlab.io.AtomicFiles;
import org.actlab.io.InputFiles;
import org.actlab.io.Json;
import org.actlab.io.Numbers;
import org.actlab.network.Approximates;
import org.actlab.network.Network;
import org.actlab.network.NetworkJson;
import org.actlab.sobolev.SobolevFunction;
import org.actlab.symbolic.Derivation;
import org.actlab.symbolic.Deriver;
import org.actlab.symbolic.ExpressionCompiler;
import org.actlab.symbolic.GradientSpec;
import org.actlab.symbolic.NamedDerivations;
import org.actlab.symbolic.SpecParser;
import org.actlab.symbolic.SpecText;
import org.actlab.symbolic.SymbolicEngine;
import org.actlab.symbolic.print.PyTorchEmitter;
import org.actlab.symbolic.print.StableForms;
import org.actlab.validation.SamplePoints;
import org.actlab.validation.TermSize;
import org.actlab.validation.TermSizeOperations;
import org.hipparchus.fraction.BigFraction;

/**
 * The bundle {@code actlab export} writes for machines that have PyTorch but no JDK (Hopper and newer GPUs,
 * which ND4J's CUDA build cannot drive): everything {@code scripts/check_export.py} needs to re-run actlab's
 * checks under PyTorch, on CUDA and on the CPU.
 * <pre>
 * DIR/manifest.json            format actlab-export/1: what is in the bundle, with provenance
 * DIR/README.txt               how to run the check
 * DIR/activations/NAME.py      the module 'actlab derive NAME --emit pytorch' writes
 * DIR/activations/NAME.csv     x, f, f′ of the catalogue activation the derivation equals, and the term size
 *                              of each (catalogue formula + emitted formula: their roundings add)
 * DIR/networks/NAME.json       each saved network as given (with its "approximates" record)
 * DIR/networks/NAME.csv        seeded points of its box, Java's float64 evaluation and the target there
 * </pre>
 * Test points: the seeded mixture of {@code validate} ({@link SamplePoints}) within |x| ≤ 700, where every
 * emitted formula is finite in double.
 */
public final class ExportBundle {
    /** The manifest's format tag. */
    public static final String FORMAT = "actlab-export/1";
    /** Test points keep to |x| ≤ this: beyond, e^x overflows in some emitted closed forms. */
    static final double RANGE = 700;

    private ExportBundle() {
    }

    /** One exported activation. */
    record ActivationEntry(String name, String catalogue, String module, String vectors, int points) {
    }

    /** One exported network. */
    record NetworkEntry(String name, String file, String vectors, String kind, int inputs, int points) {
    }

    /**
     * Writes the bundle into {@code dir} (created if needed; files written atomically).
     *
     * @param networks saved networks to include (each must record what it approximates)
     * @param points   test points per activation and per network
     */
    public static String write(Path dir, List<Path> networks, int points, long seed, String madeBy, SymbolicEngine engine,
                               Consumer<String> progress) {
        AtomicFiles.checkDirectory(dir);
        List<NetworkJson.Saved> saved = new ArrayList<>();
        for (Path p : networks) {
            NetworkJson.Saved s = NetworkJson.readSaved(p);
            if (s.approximates() == null) {
                throw new org.actlab.ActlabException(p + " records nothing it approximates (save it with approx " + org.actlab.ActlabException.field("save") + ", convert or "
                        + "sobolev " + org.actlab.ActlabException.field("save") + ")");
            }
            saved.add(s);
        }
        List<ActivationEntry> activations = new ArrayList<>();
        for (NamedDerivations.Named named : NamedDerivations.all()) {
            progress.accept("activation " + named.name());
            activations.add(activation(dir, named, points, seed, engine));
        }
        List<NetworkEntry> nets = new ArrayList<>();
        for (int i = 0; i < saved.size(); i++) {
            progress.accept("network " + networks.get(i).getFileName());
            nets.add(network(dir, networks.get(i), saved.get(i), points, seed, engine));
        }
        String manifest = manifest(activations, nets, points, seed, madeBy);
        AtomicFiles.writeString(dir.resolve("README.txt"), readme());
        AtomicFiles.writeString(dir.resolve("manifest.json"), manifest);
        return manifest;
    }

    private static ActivationEntry activation(Path dir, NamedDerivations.Named named, int points, long seed, SymbolicEngine engine) {
        SpecText t = named.text();
        GradientSpec gs = new SpecParser(engine).parse(new SpecText(t.name(), t.gradient(), t.params(), t.assume(), t.anchor(), null));
        Derivation d = new Deriver(engine).derive(gs);
        String module = PyTorchEmitter.emit(d, engine, named.defaults());
        double[] values = gs.parameterValues(named.defaults());
        Map<String, double[]> catalogueParameters = new java.util.LinkedHashMap<>();
        List<String> names = gs.symbols().parameterNames();
        for (int i = 0; i < names.size(); i++) {
            catalogueParameters.put(names.get(i), new double[] {values[i]});
        }
        if ("softplus".equals(named.catalogue())) {
            // see gpu.api.DerivedInputs: PyTorch's linear branch is the correctly rounded softplus beyond βx = 40
            catalogueParameters.put("threshold", new double[] {40});
        }
        ScalarActivation cat = Catalogue.scalar(named.catalogue(), catalogueParameters);
        List<ExpressionCompiler.Form<TermSize>> forms = new ArrayList<>();
        for (org.matheclipse.core.interfaces.IExpr piece : StableForms.pieces(d, engine, "pytorch")) {
            forms.add(ExpressionCompiler.compile(piece, gs.symbols()));
        }
        TermSizeOperations ops = new TermSizeOperations(1);
        double[] bp = gs.breakpoints().stream().mapToDouble(BigFraction::doubleValue).toArray();
        SamplePoints sample = new SamplePoints(seed, bp);
        StringBuilder csv = new StringBuilder("x,f,df,size_f,size_df\n");
        int written = 0;
        while (written < points) {
            for (double x : sample.next(points)) {
                if (written >= points || !(Math.abs(x) <= RANGE)) {
                    continue;
                }
                double[] ref = cat.derivatives(x);
                TermSize c = cat.value(TermSize.variable(1, 0, x));
                TermSize e = forms.get(gs.pieceAt(x)).at(ops, TermSize.variable(1, 0, x), k -> TermSize.constant(1, values[k]));
                double sf = c.size() + e.size();
                double sd = c.derivativeSize(0) + e.derivativeSize(0);
                if (!Double.isFinite(ref[0]) || !Double.isFinite(ref[1]) || !Double.isFinite(sf) || !Double.isFinite(sd)) {
                    continue;
                }
                csv.append(Numbers.format(x)).append(',').append(Numbers.format(ref[0])).append(',').append(Numbers.format(ref[1]))
                        .append(',').append(Numbers.format(sf)).append(',').append(Numbers.format(sd)).append('\n');
                written++;
            }
        }
        String moduleFile = "activations/" + named.name() + ".py";
        String vectorFile = "activations/" + named.name() + ".csv";
        AtomicFiles.writeString(dir.resolve(moduleFile), module);
        AtomicFiles.writeString(dir.resolve(vectorFile), csv.toString());
        return new ActivationEntry(named.name(), cat.name(), moduleFile, vectorFile, written);
    }

    private static NetworkEntry network(Path dir, Path file, NetworkJson.Saved saved, int points, long seed, SymbolicEngine engine) {
        Network net = saved.network();
        Approximates a = saved.approximates();
        int d = net.inputDim();
        double[] box = a.box();
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        SobolevFunction sobolev = a instanceof Approximates.Sobolev s ? (s.expression() != null
                ? SobolevFunction.expression(s.expression(), s.d(), s.n(), engine) : SobolevFunction.builtIn(s.function(), s.d(), s.n()))
                : null;
        StringBuilder csv = new StringBuilder();
        for (int k = 0; k < d; k++) {
            csv.append("x").append(k + 1).append(',');
        }
        csv.append("java,target\n");
        for (int i = 0; i < points; i++) {
            double[] x = new double[d];
            for (int k = 0; k < d; k++) {
                x[k] = i == 0 ? box[0] : i == 1 ? box[1] : random.nextDouble(box[0], box[1]);
            }
            double y = net.evaluate(x)[0];
            double target = target(a, sobolev, x);
            for (double c : x) {
                csv.append(Numbers.format(c)).append(',');
            }
            csv.append(Numbers.format(y)).append(',').append(Numbers.format(target)).append('\n');
        }
        String stem = file.getFileName().toString().replaceAll("\\.json$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        String json = "networks/" + stem + ".json";
        String vectors = "networks/" + stem + ".csv";
        AtomicFiles.write(dir.resolve(json), InputFiles.readText(file, NetworkJson.MAX_FILE_BYTES, "network file")
                .getBytes(StandardCharsets.UTF_8));
        AtomicFiles.writeString(dir.resolve(vectors), csv.toString());
        return new NetworkEntry(stem, json, vectors, a.kind(), d, points);
    }

    private static double target(Approximates a, SobolevFunction sobolev, double[] x) {
        if (a instanceof Approximates.OneInput o) {
            return o.target().value(x[0]);
        }
        if (a instanceof Approximates.Product) {
            return x[0] * x[1];
        }
        if (sobolev != null) {
            return sobolev.value(x);
        }
        return ((Approximates.OfNetwork) a).source().evaluate(x)[0];
    }

    private static String manifest(List<ActivationEntry> activations, List<NetworkEntry> networks, int points, long seed, String madeBy) {
        try (Json j = new Json()) {
            j.beginObject().field("format", FORMAT).field("made_by", madeBy).field("seed", seed).field("points", points)
                    .field("tolerance", 1e-13)
                    .field("unit", "term size T of each value (size_f, size_df columns): a first-order running error bound; "
                            + "a difference passes at ≤ tolerance·T, as in actlab validate")
                    .name("activations").beginArray();
            for (ActivationEntry a : activations) {
                j.beginObject().field("name", a.name()).field("catalogue", a.catalogue()).field("module", a.module())
                        .field("vectors", a.vectors()).field("points", a.points()).endObject();
            }
            j.endArray().name("networks").beginArray();
            for (NetworkEntry n : networks) {
                j.beginObject().field("name", n.name()).field("file", n.file()).field("vectors", n.vectors()).field("kind", n.kind())
                        .field("inputs", n.inputs()).field("points", n.points()).endObject();
            }
            return j.endArray().endObject().text();
        }
    }

    private static String readme() {
        return String.format(Locale.ROOT, "actlab export bundle (%s)%n%n"
                + "Checks actlab's PyTorch modules and saved networks under PyTorch, on CUDA and on the CPU:%n%n"
                + "    python3 check_export.py .          (the script is scripts/check_export.py in the actlab repository,%n"
                + "                                         copied here as check_export.py)%n%n"
                + "activations/NAME.py   PyTorch modules emitted by 'actlab derive NAME --emit pytorch'%n"
                + "activations/NAME.csv  x, f, f' of the catalogue activation and their term sizes%n"
                + "networks/NAME.json    saved networks (actlab-network/1 with their 'approximates' record)%n"
                + "networks/NAME.csv     Java's float64 evaluation and the target at seeded points%n", FORMAT);
    }
}

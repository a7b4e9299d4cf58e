package org.actlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.actlab.ActlabException;
import org.actlab.activation.Catalogue;
import org.actlab.gpu.api.ActivationCheck;
import org.actlab.print.ValidationReport;
import org.actlab.symbolic.DerivedInput;
import org.actlab.gpu.api.GpuHarness;
import org.actlab.gpu.api.LayerCheck;
import org.actlab.gpu.api.NetworkCheck;
import org.actlab.io.WorkingDirectory;
import org.actlab.symbolic.NamedDerivations;
import org.actlab.symbolic.SymbolicEngine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code actlab validate}: the ND4J harness holds activations, derived ones and saved networks to their references. */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Validate at scale on ND4J (CPU backend; CUDA with a 'mvn -Pcuda package' build).",
            "",
            "Activations: each catalogue activation NAME as a SameDiff graph (forward and autodiff backward) on",
            "--points seeded points, held to the scalar Java catalogue point by point: f, f' and every trainable",
            "parameter's gradient, in units of the term size (how far rounding can move the quantity), with the",
            "worst point. Derived activations (--gradient, --spec): derived, compiled to SameDiff from their",
            "closed forms, and held to Java's evaluation of the same forms, to the gradient you wrote (f' = g),",
            "to Symja at 30+ digits on a subsample and, for a named derivation, to the catalogue activation it",
            "equals.",
            "Trainable ones also run as DL4J layers: gradient checks, JSON round trips, a few training steps.",
            "Networks NET.json (saved by approx --save, convert, sobolev --save): evaluated on a dense grid of",
            "their interval or box as batched matrix products, held to the certificate or bound the file",
            "records; a file altered after saving fails.",
            "Without arguments: every catalogue activation, the named derivations and the layers of xIELU,",
            "PolyReLU and PolyNorm. Exit 1 when a check fails."},
        footer = {"", "Examples:", "  actlab validate", "  actlab validate xielu gelu --points 100000000",
            "  actlab validate --gradient 'x > 0 : 2*a*x + 1 ; x <= 0 : exp(x)' --param a \\",
            "      --assume 'a > 0' --set a=0.5",
            "  actlab validate square.json --points 100000000 --format json"})
public final class ValidateCommand implements Callable<Integer> {
    /** The fewest and the most points of one check. */
    static final long MIN_POINTS = 100;
    static final long MAX_POINTS = 1_000_000_000L;
    /** The catalogue activations that have DL4J layers (xielu's is the reference code's xielu-ref). */
    static final List<String> LAYERED = List.of("xielu", "xielu-ref", "polyrelu", "polynorm");

    /** Points per activation (and per network grid) by default. */
    static final long DEFAULT_POINTS = 10_000_000L;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME|NET.json", arity = "0..*", description = "catalogue activations and network files")
    private List<String> targets = new ArrayList<>();

    @Mixin
    private DerivedSpecs derivedOptions = new DerivedSpecs();

    @Option(names = "--points", paramLabel = "N", description = "points per activation and per network grid (default: 10000000)")
    private Long points;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the points (default: ${DEFAULT-VALUE})")
    private long seed;

    @Mixin
    private BackendOption backend = new BackendOption();

    @Option(names = "--no-layers", description = "skip the DL4J layer checks")
    private boolean noLayers;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "output format (default: ${DEFAULT-VALUE})")
    private String format;

    @Mixin
    private TimeoutOption timeout = new TimeoutOption();

    @Override
    public Integer call() {
        String fmt = ApproxCommand.checkFormat(format);
        long n = points == null ? DEFAULT_POINTS : points;
        if (n < MIN_POINTS || n > MAX_POINTS) {
            throw new ActlabException("--points must be from " + MIN_POINTS + " to " + MAX_POINTS + ", got " + n);
        }
        backend.checkValue();
        List<String> names = new ArrayList<>();
        List<Path> networks = new ArrayList<>();
        for (String t : targets) {
            if (t.endsWith(".json") || t.contains("/")) {
                Path p = WorkingDirectory.resolve(t);
                if (!Files.isRegularFile(p)) {
                    throw new ActlabException(t + ": no such network file");
                }
                networks.add(p);
            } else {
                Catalogue.entry(t);   // an unknown name fails here, listing the known ones
                names.add(t);
            }
        }
        boolean defaults = targets.isEmpty() && derivedOptions.none();
        if (defaults) {
            Catalogue.entries().forEach(e -> names.add(e.name()));
        }
        SymbolicEngine engine = timeout.engine();
        // every spec is parsed and derived before the first long check
        List<DerivedInput> derived = derivedOptions.derive(defaults ? NamedDerivations.all().stream().map(NamedDerivations.Named::name).toList()
                : null, engine);
        GpuHarness harness = org.actlab.gpu.api.HarnessLoader.harness();
        String backendText = harness.backend();
        backend.require(backendText);
        Consumer<String> progress = CommandOutput.progress(spec.commandLine().getErr(), "validate");
        harness.progress(progress);
        progress.accept("backend: " + backendText);
        // the networks first: their files are read and checked before any long work
        List<NetworkCheck> nets = networks.isEmpty() ? List.of() : harness.checkNetworks(networks, n);
        List<ActivationCheck> activations = new ArrayList<>();
        for (String name : names) {
            activations.add(harness.checkActivation(name, Map.of(), n, seed));
        }
        for (DerivedInput d : derived) {
            activations.add(harness.checkDerived(d, engine, n, GpuHarness.DEFAULT_EXACT_POINTS, seed));
        }
        // the layers: xIELU, PolyReLU and PolyNorm with the catalogue's defaults run, and every trainable derived activation
        List<DerivedInput> trainable = derived.stream().filter(DerivedInput::trainable).toList();
        boolean catalogueLayers = names.stream().anyMatch(LAYERED::contains);
        List<LayerCheck> layers = noLayers || (!catalogueLayers && trainable.isEmpty()) ? List.of()
                : harness.checkLayers(trainable, catalogueLayers, seed);
        ValidationReport report = new ValidationReport(backendText, seed, activations, layers, nets);
        CommandOutput.write(spec, null, fmt.equals("json") ? report.json() : report.text());
        return report.passed() ? 0 : 1;
    }
}

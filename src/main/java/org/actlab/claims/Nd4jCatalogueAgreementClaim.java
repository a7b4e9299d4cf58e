package org.actlab.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.actlab.activation.Catalogue;
import org.actlab.gpu.api.ActivationCheck;
import org.actlab.symbolic.DerivedInput;
import org.actlab.gpu.api.DerivedInputs;
import org.actlab.gpu.api.Difference;
import org.actlab.gpu.api.GpuHarness;
import org.actlab.gpu.api.HarnessLoader;
import org.actlab.gpu.api.LayerCheck;
import org.actlab.io.Numbers;
import org.actlab.symbolic.NamedDerivations;
import org.actlab.symbolic.SymbolicEngine;

/**
 * The ND4J harness agrees with the catalogue: every activation as a SameDiff graph, the compiled graph of
 * every named derivation, and the DL4J layers with their gradient checks ({@code actlab validate} at a
 * size that fits the main job).
 */
public final class Nd4jCatalogueAgreementClaim implements Claim {
    /** Points per catalogue activation and per derived graph, and the Symja subsample of each derived one. */
    static final long POINTS = 1 << 16;
    static final long DERIVED_POINTS = 1 << 14;
    static final int EXACT_POINTS = 8;
    static final long SEED = 42;
    /** The tolerance of validate, in units of the term size (see validate's README section for why). */
    static final double TOLERANCE = 1e-13;
    /** Points per activation and derived graph of the quick form. */
    static final long QUICK_POINTS = 1 << 12;

    private final long points;
    private final long derivedPoints;
    /** Every named derivation, or xIELU's alone (the quick form). */
    private final boolean allDerivations;
    /** The DL4J layer checks (xIELU, PolyReLU, PolyNorm and the derived xIELU); the quick form has none. */
    private final boolean layerChecks;

    public Nd4jCatalogueAgreementClaim() {
        this(POINTS, DERIVED_POINTS, true, true);
    }

    private Nd4jCatalogueAgreementClaim(long points, long derivedPoints, boolean allDerivations, boolean layerChecks) {
        this.points = points;
        this.derivedPoints = derivedPoints;
        this.allDerivations = allDerivations;
        this.layerChecks = layerChecks;
    }

    /**
     * Every activation at fewer points and xIELU's derivation alone, without the DL4J layer checks (a third of the
     * quick run on 2 cores; {@code actlab validate} runs them).
     */
    @Override
    public Claim quick() {
        return new Nd4jCatalogueAgreementClaim(QUICK_POINTS, QUICK_POINTS, false, false);
    }

    @Override
    public String shortened() {
        return allDerivations ? "" : points + " points per activation instead of " + POINTS + ", " + derivedPoints + " for xIELU's "
                + "derivation alone instead of " + DERIVED_POINTS + " for each of the " + NamedDerivations.all().size()
                + " named derivations, and no DL4J layer checks (the full check runs those of xIELU, PolyReLU, PolyNorm and "
                + "the derived xIELU)";
    }

    @Override
    public boolean usesHarness() {
        return true;
    }

    /** The derived graphs are derived, and held to 30-digit values, by Symja. */
    @Override
    public boolean usesSymja() {
        return true;
    }

    @Override
    public String id() {
        return "nd4j.catalogue-agreement";
    }

    @Override
    public String statement() {
        return "Every catalogue activation built from ND4J operations (SameDiff, forward and autodiff backward), and the "
                + "graph compiled from every named derivation's closed form, computes the same f, f′ and parameter gradients "
                + "as the scalar Java catalogue; the trainable DL4J layers (xIELU, PolyReLU, PolyNorm, a derived xIELU) pass "
                + "DL4J's and SameDiff's gradient checks, round-trip through JSON and train.";
    }

    @Override
    public String method() {
        return "actlab validate on the CPU backend, double precision: " + points + " seeded points per catalogue activation and "
                + derivedPoints + " per derived graph (" + (allDerivations ? "every named derivation" : "xIELU's derivation")
                + ", with " + EXACT_POINTS + " against Symja at 30+ digits and all against the "
                + "catalogue twin), every difference in units of the term size T (a first-order running error bound of the "
                + "formula: two correct evaluations differ by a small multiple of u·T, u = 2⁻⁵³); PASS at ≤ 1e-13 T "
                + "(≈ 450 u: the longest formula, PolyReLU of order 64, has ~130 operations of ≤ 2 ulps each). "
                + (layerChecks ? "Layers (xIELU, PolyReLU, PolyNorm and the derived xIELU): DL4J "
                + "GradientCheckUtil (ε = 1e-6, relative error ≤ 1e-5) and SameDiff GradCheckUtil with the input as a variable, "
                + "JSON round trips of MultiLayerNetwork and ComputationGraph, 40 Adam steps that must lower the loss."
                : "No DL4J layer checks in this form.");
    }

    @Override
    public java.util.Map<String, Long> seeds() {
        return java.util.Map.of("grid points and layer inputs", SEED);
    }

    @Override
    public Outcome check() {
        return check(s -> { });
    }

    @Override
    public Outcome check(java.util.function.Consumer<String> progress) {
        GpuHarness harness = HarnessLoader.harness();
        return harness.reporting(progress, () -> measure(harness));
    }

    private Outcome measure(GpuHarness harness) {
        long start = System.nanoTime();
        Measurements m = new Measurements();
        List<ActivationCheck> checks = new ArrayList<>();
        for (Catalogue.Entry e : Catalogue.entries()) {
            checks.add(harness.checkActivation(e.name(), Map.of(), points, SEED));
        }
        SymbolicEngine engine = SymbolicEngine.standard();
        DerivedInput xielu = null;
        for (NamedDerivations.Named n : NamedDerivations.all()) {
            if (!allDerivations && !n.name().equals("xielu")) {
                continue;
            }
            DerivedInput d = DerivedInputs.named(n.name(), null, engine);
            if (n.name().equals("xielu")) {
                xielu = d;
            }
            checks.add(harness.checkDerived(d, engine, derivedPoints, EXACT_POINTS, SEED));
        }
        double worst = 0;
        for (ActivationCheck c : checks) {
            double w = 0;
            String at = "";
            for (Difference d : c.differences()) {
                if (d.worst() >= w) {
                    w = d.worst();
                    at = d.quantity();
                }
            }
            worst = Math.max(worst, w);
            m.atMost(c.name() + ": worst difference (" + at + "), units of T", w, TOLERANCE, "≤ 1e-13 T");
        }
        List<LayerCheck> layers = layerChecks ? harness.checkLayers(List.of(xielu), true, SEED) : List.of();
        for (LayerCheck l : layers) {
            m.that(l.layer() + ": " + l.check(), l.passed() ? 1 : 0, "passes (" + l.detail() + ")", l.passed());
        }
        long layersPassed = layers.stream().filter(LayerCheck::passed).count();
        String summary = String.format(Locale.ROOT, "%s: %d activations and derived graphs agree with the catalogue, worst %s T; %s",
                harness.backend(), checks.size(), Numbers.format(worst), layerChecks
                        ? layersPassed + " of " + layers.size() + " DL4J layer checks pass" : "no DL4J layer checks (quick form)");
        return Outcome.of(id(), summary, m.all(), (System.nanoTime() - start) / 1e9);
    }
}

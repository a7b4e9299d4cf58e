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
        return "actlab validate on the CPU backend, double precision: " + POINTS + " seeded points per catalogue activation and "
                + DERIVED_POINTS + " per derived graph (with " + EXACT_POINTS + " against Symja at 30+ digits and all against the "
                + "catalogue twin), every difference in units of the term size T (a first-order running error bound of the "
                + "formula: two correct evaluations differ by a small multiple of u·T, u = 2⁻⁵³); PASS at ≤ 1e-13 T "
                + "(≈ 450 u: the longest formula, PolyReLU of order 64, has ~130 operations of ≤ 2 ulps each). Layers: DL4J "
                + "GradientCheckUtil (ε = 1e-6, relative error ≤ 1e-5) and SameDiff GradCheckUtil with the input as a variable, "
                + "JSON round trips of MultiLayerNetwork and ComputationGraph, 40 Adam steps that must lower the loss.";
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
        harness.progress(progress);
        try {
            return measure(harness);
        } finally {
            harness.progress(s -> { });
        }
    }

    private Outcome measure(GpuHarness harness) {
        long start = System.nanoTime();
        Measurements m = new Measurements();
        List<ActivationCheck> checks = new ArrayList<>();
        for (Catalogue.Entry e : Catalogue.entries()) {
            checks.add(harness.checkActivation(e.name(), Map.of(), POINTS, SEED));
        }
        SymbolicEngine engine = SymbolicEngine.standard();
        DerivedInput xielu = null;
        for (NamedDerivations.Named n : NamedDerivations.all()) {
            DerivedInput d = DerivedInputs.named(n.name(), null, engine);
            if (n.name().equals("xielu")) {
                xielu = d;
            }
            checks.add(harness.checkDerived(d, engine, DERIVED_POINTS, EXACT_POINTS, SEED));
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
        List<LayerCheck> layers = harness.checkLayers(List.of(xielu), true, SEED);
        for (LayerCheck l : layers) {
            m.that(l.layer() + ": " + l.check(), l.passed() ? 1 : 0, "passes (" + l.detail() + ")", l.passed());
        }
        long layersPassed = layers.stream().filter(LayerCheck::passed).count();
        String summary = String.format(Locale.ROOT, "%s: %d activations and derived graphs agree with the catalogue, worst %s T; "
                        + "%d of %d DL4J layer checks pass", harness.backend(), checks.size(), Numbers.format(worst), layersPassed,
                layers.size());
        return Outcome.of(id(), summary, m.all(), (System.nanoTime() - start) / 1e9);
    }
}

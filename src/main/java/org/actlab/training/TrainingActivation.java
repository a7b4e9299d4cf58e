package org.actlab.training;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.actlab.ActlabException;
import org.actlab.activation.Catalogue;
import org.actlab.symbolic.DerivedInput;

/**
 * One activation to train with: a catalogue activation (its trainable parameters trained, as the catalogue marks
 * them), the reference xIELU, or a derived one (its closed form compiled to SameDiff).
 *
 * @param label      the name in tables, CSV and figures
 * @param catalogue  the catalogue name, or null for a derived activation
 * @param parameters the catalogue activation's initial parameter values (the catalogue's defaults for the rest)
 * @param derived    the derived activation, or null
 */
public record TrainingActivation(String label, String catalogue, Map<String, double[]> parameters, DerivedInput derived) {
    /** The activations compared by default: the papers' baselines and candidates. */
    public static final List<String> DEFAULTS = List.of("relu", "relu2", "gelu", "silu", "swiglu", "xielu", "polyrelu", "polynorm");

    /**
     * A catalogue activation by name. {@code relu2} is relu-power with k = 2 (fixed), {@code xielu} the reference
     * code's xIELU (α_p, α_n trained through softplus from 0.8, β = 0.5 fixed, the eps clamp), {@code polyrelu} and
     * {@code polynorm} of order 3 from the catalogue's defaults, {@code swiglu} the gated unit (its layer has twice the
     * units in and as many out).
     */
    public static TrainingActivation named(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String entry = n.equals("relu2") ? "relu-power" : n;
        Catalogue.entry(entry);   // an unknown name fails here, listing the known ones
        if (entry.equals("polynorm-l2")) {
            throw new ActlabException("train takes polynorm (the reference RMS form), not polynorm-l2 (the same up to √d)");
        }
        Map<String, double[]> parameters = switch (n) {
            case "relu2" -> Map.of("k", new double[] {2});
            case "polyrelu", "polynorm" -> Map.of("coeffs", Catalogue.POLYCOM_REFERENCE_COEFFS);
            default -> Map.of();
        };
        return new TrainingActivation(n, entry, parameters, null);
    }

    /**
     * A derived activation, labelled by its spec's name ({@code xielu (derived)}), or {@code derived1}, {@code derived2}, …
     * (by {@code index}, from 0) for a spec typed on the command line.
     */
    public static TrainingActivation derived(DerivedInput d, int index) {
        String name = d.derivation().spec().name();
        return new TrainingActivation(name.equals("custom") ? "derived" + (index + 1) : name + " (derived)", null, Map.of(), d);
    }

    /** Whether it is the gated unit SwiGLU (half as many units out as in). */
    public boolean gated() {
        return "swiglu".equals(catalogue);
    }
}

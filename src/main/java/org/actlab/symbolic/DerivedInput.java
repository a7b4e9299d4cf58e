package org.actlab.symbolic;

import java.util.Map;

/**
 * A derived activation with the parameter values to evaluate it at (what the ND4J harness checks and
 * training trains).
 *
 * @param derivation          the derivation
 * @param values              effective parameter values, in the spec's order
 * @param catalogue           the catalogue activation it must equal (a named derivation's), or null
 * @param catalogueParameters that activation's parameters
 */
public record DerivedInput(Derivation derivation, double[] values, String catalogue, Map<String, double[]> catalogueParameters) {
    public DerivedInput {
        values = values.clone();
        catalogueParameters = catalogueParameters == null ? Map.of() : Map.copyOf(catalogueParameters);
    }

    /** Whether it has parameters, which its DL4J layer then trains. */
    public boolean trainable() {
        return !derivation.spec().symbols().parameterNames().isEmpty();
    }

    /** A derived activation with nothing to compare it with in the catalogue. */
    public DerivedInput(Derivation derivation, double[] values) {
        this(derivation, values, null, null);
    }
}

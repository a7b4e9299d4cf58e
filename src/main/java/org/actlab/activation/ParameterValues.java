package org.actlab.activation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.actlab.ActlabException;

/**
 * Resolved parameter values of one activation instance, flattened into <em>slots</em>: a scalar
 * parameter is one slot named like the parameter; a coefficient list {@code coeffs} becomes slots
 * {@code a0 … ar}. Values are the effective (constrained) ones; where a parameter has a raw
 * parameterisation its raw value is kept too (as given, or by inverting the softplus).
 */
public final class ParameterValues {
    private final List<Parameter> specs;
    private final String[] slotNames;
    private final double[] values;
    private final boolean[] trainable;
    private final String[] rawNames;
    private final double[] rawValues;
    private final int[] rawOffsetSlot;
    private final Map<String, int[]> slotsByParameter;

    private ParameterValues(List<Parameter> specs, Map<String, double[]> effective, Map<String, Double> raw) {
        this.specs = List.copyOf(specs);
        List<String> names = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        List<Boolean> train = new ArrayList<>();
        slotsByParameter = new LinkedHashMap<>();
        for (Parameter p : specs) {
            double[] v = effective.get(p.name());
            int[] slots = new int[v.length];
            for (int i = 0; i < v.length; i++) {
                slots[i] = names.size();
                names.add(p.shape() == Parameter.Shape.LIST ? "a" + i : p.name());
                vals.add(v[i]);
                train.add(p.trainable());
            }
            slotsByParameter.put(p.name(), slots);
        }
        int n = names.size();
        slotNames = names.toArray(new String[0]);
        values = new double[n];
        trainable = new boolean[n];
        rawNames = new String[n];
        rawValues = new double[n];
        rawOffsetSlot = new int[n];
        Arrays.fill(rawValues, Double.NaN);
        Arrays.fill(rawOffsetSlot, -1);
        for (int i = 0; i < n; i++) {
            values[i] = vals.get(i);
            trainable[i] = train.get(i);
        }
        for (Parameter p : specs) {
            if (p.raw() == null) {
                continue;
            }
            int slot = slotsByParameter.get(p.name())[0];
            rawNames[slot] = p.raw().name();
            double offset = 0;
            if (p.raw().offset() != null) {
                rawOffsetSlot[slot] = slotsByParameter.get(p.raw().offset())[0];
                offset = values[rawOffsetSlot[slot]];
            }
            Double given = raw.get(p.raw().name());
            double excess = values[slot] - offset;
            rawValues[slot] = given != null ? given : (excess > 0 ? Softplus.inverse(excess) : Double.NaN);
        }
    }

    /**
     * Resolves user-given values against the specifications: defaults fill what is missing; a raw
     * key ({@code alpha_p_raw}) sets its parameter through {@code offset + softplus(raw)}.
     *
     * @param activation the activation's name, for messages
     * @param given      values by key (scalars have one entry)
     * @throws ActlabException for unknown keys, a parameter given twice, wrong shapes, non-finite values
     */
    public static ParameterValues resolve(String activation, List<Parameter> specs, Map<String, double[]> given) {
        Map<String, Parameter> byKey = new LinkedHashMap<>();
        for (Parameter p : specs) {
            byKey.put(p.name(), p);
            if (p.raw() != null) {
                byKey.put(p.raw().name(), p);
            }
        }
        for (String key : given.keySet()) {
            if (!byKey.containsKey(key)) {
                throw new ActlabException("unknown parameter '" + key + "' for " + activation + " (accepted: "
                        + (byKey.isEmpty() ? "none" : String.join(", ", byKey.keySet())) + ")");
            }
        }
        Map<String, double[]> effective = new LinkedHashMap<>();
        Map<String, Double> raw = new LinkedHashMap<>();
        for (Parameter p : specs) {
            double[] v = given.get(p.name());
            boolean rawGiven = p.raw() != null && given.containsKey(p.raw().name());
            if (v != null && rawGiven) {
                throw new ActlabException(activation + ": give either " + p.name() + " or " + p.raw().name() + ", not both");
            }
            if (rawGiven) {
                continue; // resolved below, once its offset is known
            }
            effective.put(p.name(), checkShape(activation, p, p.name(), v == null ? p.defaults() : v));
        }
        for (Parameter p : specs) {
            if (p.raw() == null || !given.containsKey(p.raw().name())) {
                continue;
            }
            double r = checkShape(activation, p, p.raw().name(), given.get(p.raw().name()))[0];
            double offset = p.raw().offset() == null ? 0 : effective.get(p.raw().offset())[0];
            raw.put(p.raw().name(), r);
            effective.put(p.name(), new double[] {offset + Softplus.value(r)});
        }
        Map<String, double[]> ordered = new LinkedHashMap<>();
        for (Parameter p : specs) {
            ordered.put(p.name(), effective.get(p.name()));
        }
        return new ParameterValues(specs, ordered, raw);
    }

    /** The defaults of every parameter. */
    public static ParameterValues defaults(String activation, List<Parameter> specs) {
        return resolve(activation, specs, Map.of());
    }

    private static double[] checkShape(String activation, Parameter p, String key, double[] v) {
        if (p.shape() != Parameter.Shape.LIST && v.length != 1) {
            throw new ActlabException(activation + ": " + key + " takes one number, got " + v.length);
        }
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw new ActlabException(activation + ": " + key + " must be finite, got " + x);
            }
            if (p.shape() == Parameter.Shape.INTEGER && x != Math.rint(x)) {
                throw new ActlabException(activation + ": " + key + " must be an integer, got " + x);
            }
        }
        return v.clone();
    }

    /** The specifications these values were resolved against. */
    public List<Parameter> specs() {
        return specs;
    }

    /** The effective value of a scalar parameter. */
    public double get(String name) {
        return values[slotsByParameter.get(name)[0]];
    }

    /** The effective values of a (list) parameter. */
    public double[] list(String name) {
        int[] slots = slotsByParameter.get(name);
        double[] out = new double[slots.length];
        for (int i = 0; i < slots.length; i++) {
            out[i] = values[slots[i]];
        }
        return out;
    }

    /** The first slot index of a parameter. */
    public int slot(String name) {
        return slotsByParameter.get(name)[0];
    }

    /** Every slot's effective value (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** Every slot's name. */
    public String[] slotNames() {
        return slotNames.clone();
    }

    /** Whether each slot is trainable. */
    public boolean[] trainable() {
        return trainable.clone();
    }

    /** Indices of the trainable slots, in order. */
    public int[] trainableSlots() {
        return java.util.stream.IntStream.range(0, values.length).filter(i -> trainable[i]).toArray();
    }

    /** Names of the trainable slots. */
    public List<String> trainableNames() {
        List<String> out = new ArrayList<>();
        for (int i : trainableSlots()) {
            out.add(slotNames[i]);
        }
        return out;
    }

    /** Names of the trainable slots in the raw parameterisation (raw names where one exists). */
    public List<String> rawTrainableNames() {
        List<String> out = new ArrayList<>();
        for (int i : trainableSlots()) {
            out.add(rawNames[i] != null ? rawNames[i] : slotNames[i]);
        }
        return out;
    }

    /**
     * Converts a gradient over the effective trainable slots into one over the raw parameterisation:
     * {@code ∂f/∂r = ∂f/∂θ · softplus′(r)} for {@code θ = offset + softplus(r)}, and the offset (β for
     * xIELU's α_n) collects {@code ∂f/∂θ} too, since θ moves with it when r is held.
     */
    public double[] toRawGradient(double[] effectiveGradient) {
        int[] slots = trainableSlots();
        int[] position = new int[values.length];
        Arrays.fill(position, -1);
        for (int k = 0; k < slots.length; k++) {
            position[slots[k]] = k;
        }
        double[] out = effectiveGradient.clone();
        for (int k = 0; k < slots.length; k++) {
            int s = slots[k];
            if (rawNames[s] == null) {
                continue;
            }
            out[k] = effectiveGradient[k] * Softplus.derivative(rawValues[s]);
            if (rawOffsetSlot[s] >= 0 && position[rawOffsetSlot[s]] >= 0) {
                out[position[rawOffsetSlot[s]]] += effectiveGradient[k];
            }
        }
        return out;
    }

    /** Effective values as {@code name=value} pairs (lists joined with commas), in spec order. */
    public Map<String, double[]> asMap() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Parameter p : specs) {
            out.put(p.name(), list(p.name()));
        }
        return out;
    }

    /** The raw values that were given or derived, by raw name (only parameters with a raw form). */
    public Map<String, Double> rawValues() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (rawNames[i] != null) {
                out.put(rawNames[i], rawValues[i]);
            }
        }
        return out;
    }
}

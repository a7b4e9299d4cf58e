package org.actlab.gpu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.actlab.activation.Activation;
import org.actlab.activation.Catalogue;
import org.actlab.activation.Parameter;
import org.actlab.activation.ParameterValues;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A catalogue activation as a trainable DL4J layer, its graph the one of {@link SdCatalogue} (the
 * formula that {@code validate} holds to the Java catalogue). Trainable parameters with a raw form are
 * trained through it ({@code θ = offset + softplus(raw)}, as the xIELU reference code does); those named
 * in {@link #getFixed()} stay constants. {@link #xielu}: the reference code's xIELU (α_p, α_n trainable
 * through softplus, β fixed); {@link #polyRelu}, {@link #polyNorm}: every coefficient trainable.
 */
public class CatalogueLayer extends TrainableActivationLayer {
    private String activation;
    private Map<String, double[]> parameters = new LinkedHashMap<>();
    private List<String> fixed = new ArrayList<>();

    /** For DL4J's JSON serialisation. */
    public CatalogueLayer() {
    }

    /**
     * @param activation a catalogue name
     * @param parameters its effective parameter values (defaults for the rest)
     * @param fixed      trainable parameters held constant
     * @param size       the number of features
     */
    public CatalogueLayer(String activation, Map<String, double[]> parameters, List<String> fixed, long size) {
        super(size);
        this.activation = activation;
        this.parameters = new LinkedHashMap<>(parameters);
        this.fixed = new ArrayList<>(fixed);
        values();   // checks the name and the values now
    }

    /** xIELU as the reference code trains it: α_p, α_n through softplus, β fixed; the eps clamp of xielu-ref. */
    public static CatalogueLayer xielu(double alphaP, double alphaN, double beta, long size) {
        return new CatalogueLayer("xielu-ref", Map.of("alpha_p", new double[] {alphaP}, "alpha_n", new double[] {alphaN},
                "beta", new double[] {beta}), List.of("beta"), size);
    }

    /** {@link #xielu(double, double, double, long)} at the catalogue entry's defaults (α_p, α_n, β). */
    public static CatalogueLayer xielu(long size) {
        Map<String, Double> d = org.actlab.activation.Catalogue.xieluDefaults();
        return xielu(d.get("alpha_p"), d.get("alpha_n"), d.get("beta"), size);
    }

    /** PolyReLU with trainable coefficients a0 … ar. */
    public static CatalogueLayer polyRelu(double[] coeffs, long size) {
        return new CatalogueLayer("polyrelu", Map.of("coeffs", coeffs), List.of(), size);
    }

    /** PolyNorm (RMS form) over the layer's features, trainable coefficients. */
    public static CatalogueLayer polyNorm(double[] coeffs, long size) {
        return new CatalogueLayer("polynorm", Map.of("coeffs", coeffs), List.of(), size);
    }

    private ParameterValues values() {
        Activation a = Catalogue.create(activation, parameters);
        return a.parameters();
    }

    /** The layer's parameter keys in slot order: raw names where the catalogue has one. */
    private List<String> keys(ParameterValues v) {
        List<String> out = new ArrayList<>();
        String[] slots = v.slotNames();
        boolean[] trainable = v.trainable();
        for (int i = 0; i < slots.length; i++) {
            out.add(trainable[i] && !fixed.contains(slots[i]) ? key(v, i) : null);
        }
        return out;
    }

    private static String key(ParameterValues v, int slot) {
        for (Parameter p : v.specs()) {
            if (v.slot(p.name()) == slot && p.raw() != null) {
                return key(p.raw().name());
            }
        }
        return key(v.slotNames()[slot]);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        for (String k : keys(values())) {
            if (k != null) {
                params.addWeightParam(k, 1, 1);
            }
        }
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        ParameterValues v = values();
        List<String> keys = keys(v);
        Map<String, Double> raw = new java.util.HashMap<>();
        v.rawValues().forEach((name, value) -> raw.put(key(name), value));
        double[] effective = v.values();
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            if (k != null) {
                params.get(k).assign(raw.containsKey(k) ? raw.get(k) : effective[i]);
            }
        }
    }

    @Override
    public SDVariable activation(SameDiff sd, SDVariable input, Map<String, SDVariable> paramTable) {
        ParameterValues v = values();
        List<String> keys = keys(v);
        double[] effective = v.values();
        SDVariable[] q = new SDVariable[keys.size()];
        // plain slots first, then the raw ones (whose offsets are plain slots)
        for (int i = 0; i < q.length; i++) {
            String k = keys.get(i);
            if (k == null) {
                q[i] = sd.constant(effective[i]);
            } else if (k.equals(key(v.slotNames()[i]))) {
                q[i] = paramTable.get(k);
            }
        }
        for (Parameter p : v.specs()) {
            int i = v.slot(p.name());
            if (keys.get(i) != null && p.raw() != null) {
                SDVariable sp = SdDerived.softplus(sd, paramTable.get(keys.get(i)));
                q[i] = p.raw().offset() != null ? sp.add(q[v.slot(p.raw().offset())]) : sp;
            }
        }
        return Catalogue.entry(activation).vector() ? SdCatalogue.vector(sd, activation, input, q, v, (int) getSize())
                : SdCatalogue.scalar(sd, activation, input, q, v);
    }

    public String getActivation() {
        return activation;
    }

    public void setActivation(String activation) {
        this.activation = activation;
    }

    public Map<String, double[]> getParameters() {
        return parameters;
    }

    public void setParameters(Map<String, double[]> parameters) {
        this.parameters = new LinkedHashMap<>(parameters);
    }

    public List<String> getFixed() {
        return fixed;
    }

    public void setFixed(List<String> fixed) {
        this.fixed = new ArrayList<>(fixed);
    }
}

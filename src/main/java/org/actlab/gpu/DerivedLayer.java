package org.actlab.gpu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.actlab.ActlabException;
import org.actlab.symbolic.Derivation;
import org.actlab.symbolic.Deriver;
import org.actlab.symbolic.Reparameterisation;
import org.actlab.symbolic.SpecParser;
import org.actlab.symbolic.SpecText;
import org.actlab.symbolic.SymbolicEngine;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A derived activation as a trainable DL4J layer: the configuration stores the gradient spec's text
 * (name, gradient, params, assume, anchor) and the initial parameter values; the layer derives it again
 * (once per spec and process) and compiles its closed form with {@link SdDerived}. Parameters with a
 * lower bound in the assumptions train through {@code θ = offset + softplus(raw)} ({@link Reparameterisation}),
 * so the assumptions the derivation used hold while training. The spec goes through actlab's whitelist
 * parser when the layer is read back: a configuration file cannot smuggle code in.
 */
public class DerivedLayer extends TrainableActivationLayer {
    private static final Map<SpecText, Derivation> DERIVED = new ConcurrentHashMap<>();
    private static final Map<SpecText, SdDerived> COMPILED = new ConcurrentHashMap<>();

    private String specName;
    private String gradient;
    private String params;
    private String assume;
    private String anchor;
    private double[] values = new double[0];

    /** For DL4J's JSON serialisation. */
    public DerivedLayer() {
    }

    /**
     * @param derivation the derived activation
     * @param values     initial (effective) parameter values, in the spec's order; they must satisfy its assumptions
     * @param size       the number of features
     */
    public DerivedLayer(Derivation derivation, double[] values, long size) {
        super(size);
        SpecText t = derivation.spec().text();
        this.specName = t.name();
        this.gradient = t.gradient();
        this.params = t.params();
        this.assume = t.assume();
        this.anchor = t.anchor();
        this.values = values.clone();
        DERIVED.putIfAbsent(text(), derivation);
        SdDerived.rawInitial(derivation, this.values);   // checks the values against the assumptions now
    }

    private SpecText text() {
        return new SpecText(specName, gradient, params, assume, anchor, null);
    }

    private Derivation derivation() {
        return DERIVED.computeIfAbsent(text(), t -> {
            SymbolicEngine engine = SymbolicEngine.standard();
            return new Deriver(engine).derive(new SpecParser(engine).parse(t));
        });
    }

    private SdDerived compiled() {
        return COMPILED.computeIfAbsent(text(), t -> new SdDerived(derivation(), SymbolicEngine.standard()));
    }

    /** The layer's parameter keys: raw names where the spec's assumptions bound a parameter. */
    private static List<String> keys(Derivation d) {
        return Reparameterisation.of(d.spec()).stream().map(r -> key(r.isRaw() ? r.rawName() : r.name())).toList();
    }

    @Override
    public void defineParameters(SDLayerParams layerParams) {
        for (String k : keys(derivation())) {
            layerParams.addWeightParam(k, 1, 1);
        }
    }

    @Override
    public void initializeParameters(Map<String, INDArray> table) {
        Map<String, Double> raw = SdDerived.rawInitial(derivation(), values);
        for (Map.Entry<String, Double> e : raw.entrySet()) {
            table.get(key(e.getKey())).assign(e.getValue());
        }
    }

    @Override
    public SDVariable activation(SameDiff sd, SDVariable input, Map<String, SDVariable> table) {
        Derivation d = derivation();
        Map<String, SDVariable> raw = new LinkedHashMap<>();
        for (Reparameterisation r : Reparameterisation.of(d.spec())) {
            String name = r.isRaw() ? r.rawName() : r.name();
            SDVariable v = table.get(key(name));
            if (v == null) {
                throw new ActlabException("the layer has no parameter " + key(name));
            }
            raw.put(name, v);
        }
        return compiled().apply(sd, input, SdDerived.effectiveFromRaw(sd, d, raw));
    }

    public String getSpecName() {
        return specName;
    }

    public void setSpecName(String specName) {
        this.specName = specName;
    }

    public String getGradient() {
        return gradient;
    }

    public void setGradient(String gradient) {
        this.gradient = gradient;
    }

    public String getParams() {
        return params;
    }

    public void setParams(String params) {
        this.params = params;
    }

    public String getAssume() {
        return assume;
    }

    public void setAssume(String assume) {
        this.assume = assume;
    }

    public String getAnchor() {
        return anchor;
    }

    public void setAnchor(String anchor) {
        this.anchor = anchor;
    }

    public double[] getValues() {
        return values.clone();
    }

    public void setValues(double[] values) {
        this.values = values.clone();
    }
}

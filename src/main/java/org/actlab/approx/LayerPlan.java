package org.actlab.approx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.actlab.network.Layer;
import org.actlab.network.LayerActivation;
import org.actlab.network.Network;

/**
 * A network under construction: hidden ReLU layers of neurons, each neuron's pre-activation an
 * affine {@link Form} over the previous layer's neurons (or over the input for the first layer).
 */
final class LayerPlan {
    /** An affine form {@code c + Σ k_i·n_i} over the neurons of one layer (index −1 = nothing). */
    static final class Form {
        final Map<Integer, Double> coef = new LinkedHashMap<>();
        double constant;

        static Form constant(double c) {
            Form f = new Form();
            f.constant = c;
            return f;
        }

        static Form neuron(int index, double k) {
            Form f = new Form();
            f.coef.put(index, k);
            return f;
        }

        Form plus(Form o) {
            Form f = copy();
            o.coef.forEach((i, k) -> f.coef.merge(i, k, Double::sum));
            f.constant += o.constant;
            return f;
        }

        Form times(double k) {
            Form f = new Form();
            coef.forEach((i, c) -> f.coef.put(i, c * k));
            f.constant = constant * k;
            return f;
        }

        Form plus(double c) {
            Form f = copy();
            f.constant += c;
            return f;
        }

        Form copy() {
            Form f = new Form();
            f.coef.putAll(coef);
            f.constant = constant;
            return f;
        }
    }

    private final List<List<Form>> hidden = new ArrayList<>();
    private final int inputDim;

    LayerPlan(int inputDim) {
        this.inputDim = inputDim;
    }

    /** Starts a new hidden layer; neurons are then added with {@link #neuron}. */
    void newLayer() {
        hidden.add(new ArrayList<>());
    }

    /** Adds a ReLU neuron with the given pre-activation to the current layer; returns its index. */
    int neuron(Form pre) {
        List<Form> layer = hidden.get(hidden.size() - 1);
        layer.add(pre);
        return layer.size() - 1;
    }

    int layers() {
        return hidden.size();
    }

    /** The network with an identity output computing {@code out} over the last hidden layer. */
    Network build(Form out) {
        List<Layer> layers = new ArrayList<>();
        int width = inputDim;
        for (List<Form> forms : hidden) {
            layers.add(toLayer(forms, width, new LayerActivation.Relu()));
            width = forms.size();
        }
        layers.add(toLayer(List.of(out), width, new LayerActivation.Identity()));
        return new Network(inputDim, layers);
    }

    private static Layer toLayer(List<Form> forms, int width, LayerActivation activation) {
        double[][] w = new double[forms.size()][width];
        double[] b = new double[forms.size()];
        for (int i = 0; i < forms.size(); i++) {
            Form f = forms.get(i);
            double[] row = w[i];
            f.coef.forEach((j, k) -> row[j] += k);
            b[i] = f.constant;
        }
        return new Layer(w, b, activation);
    }
}

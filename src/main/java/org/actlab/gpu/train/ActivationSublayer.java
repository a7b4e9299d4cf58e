package org.actlab.gpu.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.actlab.gpu.CatalogueLayer;
import org.actlab.gpu.DerivedLayer;
import org.actlab.gpu.TrainableActivationLayer;
import org.actlab.training.TrainingActivation;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The activation of one hidden layer in a training graph: the same SameDiff form as the DL4J layers
 * ({@link CatalogueLayer}, {@link DerivedLayer}: one formula, the one {@code validate} holds to the catalogue), its
 * parameters SameDiff variables of their own, initialised as the layer initialises them.
 */
final class ActivationSublayer {
    private final TrainableActivationLayer layer;
    private final Map<String, INDArray> initial = new LinkedHashMap<>();

    /** @param units the units after the activation (SwiGLU takes twice as many in) */
    ActivationSublayer(TrainingActivation a, int units) {
        long in = a.gated() ? 2L * units : units;
        if (a.derived() != null) {
            layer = new DerivedLayer(a.derived().derivation(), a.derived().values(), in);
        } else if (a.catalogue().equals("xielu")) {
            layer = CatalogueLayer.xielu(in);
        } else {
            layer = new CatalogueLayer(a.catalogue(), a.parameters(), List.of(), in);
        }
        SDLayerParams p = new SDLayerParams();
        layer.defineParameters(p);
        p.getParamShapes().forEach((k, shape) -> initial.put(k, Nd4j.zeros(DataType.DOUBLE, shape)));
        layer.initializeParameters(initial);
    }

    /** How many numbers the activation trains. */
    long parameters() {
        return initial.values().stream().mapToLong(INDArray::length).sum();
    }

    /** The activation on {@code z} (rows of units, or of 2·units for SwiGLU), its variables named {@code prefix + key}. */
    SDVariable apply(SameDiff sd, String prefix, SDVariable z) {
        Map<String, SDVariable> table = new LinkedHashMap<>();
        initial.forEach((k, v) -> table.put(k, sd.var(prefix + k, v.dup())));
        return layer.activation(sd, z, table);
    }
}

package org.actlab.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.actlab.approx.PolyReluToRelu;
import org.actlab.io.Numbers;
import org.actlab.network.Layer;
import org.actlab.network.LayerActivation;
import org.actlab.network.Network;

/** PolyCom Theorem 2 (upper bound): a PolyReLU network is approximated by a ReLU network. */
public final class PolycomTheorem2Claim implements Claim {
    /** The seed of the random PolyReLU network. */
    static final long SEED = 2;

    @Override
    public String id() {
        return "polycom.theorem2";
    }

    @Override
    public String statement() {
        return "A PolyReLU network of depth L and width K on [−1, 1]^d can be approximated to ε by a ReLU network of "
                + "size O(LK·ln²(L·α^L/ε)) (the lower bound Ω(KL·ln(1/ε)) for some networks is not checked here).";
    }

    @Override
    public String method() {
        return "A seeded random PolyReLU network (d = 2, two hidden layers of width 4, reference coefficients "
                + "(0, 1/3, 1/3, 1/3)) converted by actlab's Theorem 2 construction for ε = 1e-2 and 1e-3; the bound "
                + "propagated from every unit's certified error must be ≤ ε and above a 201×201 grid of float64 samples; "
                + "the size is reported next to L·K·ln²(L·α^L/ε).";
    }

    /** The claim's PolyReLU network: 2 inputs, two PolyReLU layers of 4 units (a = (0, 1/3, 1/3, 1/3)), seeded weights. */
    static Network exampleNetwork() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Layer> layers = new ArrayList<>();
        int in = 2;
        for (int l = 0; l < 3; l++) {
            int out = l == 2 ? 1 : 4;
            double[][] w = new double[out][in];
            double[] b = new double[out];
            for (int i = 0; i < out; i++) {
                for (int j = 0; j < in; j++) {
                    w[i][j] = random.nextDouble(-1, 1);
                }
                b[i] = random.nextDouble(-0.5, 0.5);
            }
            layers.add(new Layer(w, b, l == 2 ? new LayerActivation.Identity()
                    : LayerActivation.PolyRelu.shared(0, 1.0 / 3, 1.0 / 3, 1.0 / 3)));
            in = out;
        }
        return new Network(2, layers);
    }

    @Override
    public java.util.Map<String, Long> seeds() {
        return java.util.Map.of("random PolyReLU network", SEED);
    }

    @Override
    public Outcome check() {
        long start = System.nanoTime();
        Measurements m = new Measurements();
        Network poly = exampleNetwork();
        String summary = "";
        for (double eps : new double[] {1e-2, 1e-3}) {
            PolyReluToRelu.Result r = PolyReluToRelu.convert(poly, -1, 1, eps);
            long params = r.network().parameterCount(Network.Count.ALL);
            String tag = "ε = " + Numbers.format(eps) + ": ";
            m.atMost(tag + "certified bound", r.errorBound(), eps, "≤ ε");
            m.atMost(tag + "float64 sampled error", r.sampledError(), r.errorBound() + 1e-13, "≤ bound (+ float64 rounding)");
            m.that(tag + "parameters / (L·K·ln²(L·α^L/ε))", params / r.paperForm(), "reported", true);
            summary = "ε = 1e-3: " + params + " parameters (" + r.network().parameterCount(Network.Count.NONZERO)
                    + " nonzero), bound " + Numbers.format(r.errorBound()) + ", sampled " + Numbers.format(r.sampledError())
                    + ", " + String.format(java.util.Locale.ROOT, "%.1f", params / r.paperForm()) + "× L·K·ln²(L·α^L/ε)";
        }
        return Outcome.of(id(), summary, m.all(), (System.nanoTime() - start) / 1e9);
    }
}

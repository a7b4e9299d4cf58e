package org.actlab.gpu;

import java.util.LinkedHashMap;
import java.util.Map;

import org.actlab.ActlabException;
import org.actlab.activation.Catalogue;
import org.actlab.activation.ParameterValues;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Every catalogue activation as SameDiff operations, the same formula as its Java class (the parameter
 * slots {@code q[i]} in the catalogue's order: trainable ones are graph variables, so autodiff gives
 * their gradients; fixed ones constants).
 *
 * <p>Piecewise activations select their pieces with a 0/1 mask ({@code x > 0} cast to double, a
 * constant to autodiff) and evaluate each piece on the input masked into its side ({@code x·m} or
 * {@code x·(1 − m)}), so no piece sees an input where it overflows (an exponential of a large positive
 * x) and the derivative at a breakpoint is that of the piece containing it (x ≤ 0: PyTorch's
 * {@code relu′(0) = 0}), as in the catalogue. Functions with a threshold (softplus) clamp the same way.
 */
final class SdCatalogue {
    private SdCatalogue() {
    }

    private static SDVariable above(SDVariable x, double t) {
        return SdMath.above(x, t);
    }

    private static SDVariable not(SDVariable m) {
        return SdMath.not(m);
    }

    /** The scalar activation {@code name} with parameter slots {@code q} applied to x (any shape). */
    static SDVariable scalar(SameDiff sd, String name, SDVariable x, SDVariable[] q, ParameterValues values) {
        switch (name) {
            case "relu": {
                return x.mul(above(x, 0));
            }
            case "relu-power": {
                int k = (int) values.get("k");
                SDVariable r = x.mul(above(x, 0));
                SDVariable y = r;
                for (int i = 1; i < k; i++) {
                    y = SdMath.times(y, r);
                }
                return y;
            }
            case "leaky-relu":
            case "prelu": {
                SDVariable m = above(x, 0);
                return x.mul(m).add(x.mul(not(m)).mul(q[0]));
            }
            case "elu": {
                SDVariable m = above(x, 0);
                SDVariable xn = x.mul(not(m));
                return x.mul(m).add(SdMath.expm1(sd, xn).mul(q[0]).mul(not(m)));
            }
            case "ielu": {
                SDVariable m = above(x, 0);
                SDVariable xp = x.mul(m);
                SDVariable xn = x.mul(not(m));
                return SdMath.times(xp, xp).mul(0.5).add(SdMath.expm1MinusX(sd, xn).mul(q[0]).mul(not(m)));
            }
            case "gelu": {
                // x·Φ(x), Φ(x) = erfc(−x/√2)/2: no cancellation in the left tail
                return x.mul(sd.math().erfc(x.mul(-Math.sqrt(0.5)))).mul(0.5);
            }
            case "gelu-tanh": {
                // x·σ(2z), z = √(2/π)(x + 0.044715x³) on x clamped to ±30, where σ(2z) is exactly 1 or 0 in double
                SDVariable c = sd.math().clipByValue(x, -30, 30);
                SDVariable z = c.add(SdMath.times(c, c).mul(c).mul(0.044715)).mul(Math.sqrt(2 / Math.PI));
                return x.mul(SdMath.sigmoid(sd, z.mul(2)));
            }
            case "silu": {
                return x.mul(SdMath.sigmoid(sd, x));
            }
            case "xsilu": {
                SDVariable gate = SdMath.sigmoid(sd, x).mul(q[0].mul(2).add(1)).sub(q[0]);
                return x.mul(gate);
            }
            case "softplus": {
                // PyTorch: x where βx > threshold, log1p(exp(βx))/β elsewhere (on x clamped to the threshold)
                double beta = values.get("beta");
                double threshold = values.get("threshold");
                SDVariable m = above(x.mul(beta), threshold);
                SDVariable u = x.mul(not(m)).mul(beta).add(m.mul(threshold));
                return x.mul(m).add(SdMath.log1p(sd, sd.math().exp(u)).div(beta).mul(not(m)));
            }
            case "sigmoid": {
                return SdMath.sigmoid(sd, x);
            }
            case "tanh": {
                return SdMath.tanh(sd, x);
            }
            case "xielu": {
                SDVariable m = above(x, 0);
                SDVariable xp = x.mul(m);
                SDVariable xn = x.mul(not(m));
                SDVariable pos = q[0].mul(xp).add(q[2]).mul(xp);
                SDVariable neg = SdMath.expm1(sd, xn).sub(xn).mul(q[1]).add(q[2].mul(xn));
                return pos.add(neg.mul(not(m)));
            }
            case "xielu-ref": {
                // (expm1(min(x, eps)) − x)·α_n + β·x on x ≤ 0, min with the reference's autograd: the gradient goes
                // to x below eps, half of it at the tie
                double eps = values.get("eps");
                SDVariable m = above(x, 0);
                SDVariable xp = x.mul(m);
                SDVariable xn = x.mul(not(m));
                SDVariable below = above(xn.neg(), -eps);                 // x < eps
                SDVariable tie = xn.eq(eps).castTo(DataType.DOUBLE).mul(not(m));
                SDVariable share = below.add(tie.mul(0.5));
                SDVariable clamped = xn.mul(share).add(share.rsub(1.0).mul(eps));
                SDVariable pos = q[0].mul(xp).mul(xp).add(q[2].mul(xp));
                SDVariable neg = SdMath.expm1(sd, clamped).sub(xn).mul(q[1]).add(q[2].mul(xn));
                return pos.add(neg.mul(not(m)));
            }
            case "xiprelu": {
                SDVariable m = above(x, 0);
                SDVariable alpha = q[0].mul(m).add(q[1].mul(not(m)));
                return alpha.mul(x).add(q[2]).mul(x);
            }
            case "xiep": {
                SDVariable m = above(x, 0);
                SDVariable xp = x.mul(m);
                SDVariable xn = x.mul(not(m));
                SDVariable pos = q[0].mul(xp).add(q[1]).mul(xp).add(q[3]).mul(xp);
                SDVariable neg = SdMath.expm1(sd, xn).sub(xn).mul(q[2]).add(q[3].mul(xn));
                return pos.add(neg.mul(not(m)));
            }
            case "polyrelu": {
                // Σ a_i relu(x)^i by Horner's rule on r = relu(x): a_0 where x ≤ 0
                SDVariable r = x.mul(above(x, 0));
                SDVariable acc = q[q.length - 1];
                for (int i = q.length - 2; i >= 0; i--) {
                    acc = acc.mul(r).add(q[i]);
                }
                return acc;
            }
            default:
                throw new ActlabException("no SameDiff form for the scalar activation '" + name + "'");
        }
    }

    /** The vector activation {@code name} on rows of x (shape [n, d]). */
    static SDVariable vector(SameDiff sd, String name, SDVariable x, SDVariable[] q, ParameterValues values, int d) {
        switch (name) {
            case "polynorm":
            case "polynorm-l2": {
                // the catalogue's scaled form (PolyNorm.scale): t = x/σ per row, σ = max|x| where it exceeds 1 or
                // without eps, else 1 (1 for a zero row); the eps of power i becomes eps·σ^(−2i)
                boolean rms = name.equals("polynorm");
                int order = values.list("coeffs").length - 1;
                double eps = rms ? values.get("eps") : 0;
                SDVariable s = sd.math().abs(x).max(true, 1);
                SDVariable big = eps == 0 ? s.gt(0).castTo(DataType.DOUBLE) : above(s, 1);
                SDVariable sigma = SdMath.select(big, s, sd.constant(1.0).add(s.mul(0)));
                SDVariable t = x.div(sigma);
                SDVariable ones = x.mul(0).add(1);
                SDVariable y = rms ? q[0].mul(ones) : q[0].mul(ones).mul(1.0 / Math.sqrt(d));
                SDVariable u = t;
                for (int i = 1; i <= order; i++) {
                    if (i > 1) {
                        u = SdMath.times(u, t);
                    }
                    SDVariable sq = SdMath.times(u, u);
                    SDVariable denom = rms ? sq.mean(true, 1) : sq.sum(true, 1);
                    if (eps != 0) {
                        denom = denom.add(sd.math().pow(sigma, -2.0 * i).mul(eps));
                    }
                    denom = sd.math().sqrt(denom);
                    SDVariable zero = denom.eq(0.0).castTo(DataType.DOUBLE);   // a zero power vector: its term is 0
                    y = y.add(u.div(denom.add(zero)).mul(q[i]));
                }
                return y;
            }
            case "swiglu": {
                int n = d / 2;
                SDVariable u = sd.stridedSlice(x, new long[] {0, 0}, new long[] {Long.MAX_VALUE, n}, new long[] {1, 1}, 0, 1, 0, 0, 0);
                SDVariable v = sd.stridedSlice(x, new long[] {0, n}, new long[] {Long.MAX_VALUE, d}, new long[] {1, 1}, 0, 1, 0, 0, 0);
                return u.mul(SdMath.sigmoid(sd, u)).mul(v);
            }
            default:
                throw new ActlabException("no SameDiff form for the vector activation '" + name + "'");
        }
    }

    /**
     * The graph of catalogue activation {@code name} with {@code values}: its trainable slots are the graph's
     * parameters (effective values, by slot name), fixed slots constants; {@code width} 1 for scalar
     * activations, the feature count for vector ones.
     */
    static SdGraph graph(String name, ParameterValues values, int width) {
        String[] slots = values.slotNames();
        boolean[] trainable = values.trainable();
        double[] v = values.values();
        Map<String, Double> parameters = new LinkedHashMap<>();
        for (int i = 0; i < slots.length; i++) {
            if (trainable[i]) {
                parameters.put(slots[i], v[i]);
            }
        }
        boolean vector = isVector(name);
        return new SdGraph(parameters, width, (sd, x, vars) -> {
            SDVariable[] q = new SDVariable[slots.length];
            for (int i = 0; i < slots.length; i++) {
                q[i] = trainable[i] ? vars.get(slots[i]) : sd.constant(v[i]);
            }
            return vector ? vector(sd, name, x, q, values, width) : scalar(sd, name, x, q, values);
        });
    }

    /** Whether {@code name} is a vector activation. */
    static boolean isVector(String name) {
        return Catalogue.entry(name).vector();
    }
}

package org.actlab.gpu;

import org.actlab.symbolic.ExpressionCompiler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.actlab.ActlabException;
import org.actlab.symbolic.Derivation;
import org.actlab.symbolic.Interval;
import org.actlab.symbolic.Reparameterisation;
import org.actlab.symbolic.SymbolicEngine;
import org.actlab.symbolic.print.StableForms;
import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.interfaces.IExpr;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A derived activation (the closed forms of a {@code derive} result) as a SameDiff function: each
 * piece in its stable form, evaluated on the input clamped into its interval (values outside are
 * replaced by a point inside, so a piece never sees an input where it overflows or is undefined), the
 * pieces selected by 0/1 masks of their exact conditions (a rational bound becomes the comparison
 * that holds for exactly the same doubles). No code is written by hand for a new activation.
 *
 * <p>Parameters are either the effective ones (for validation) or, for trainable layers, the raw
 * ones of {@link Reparameterisation}: θ = offset + softplus(raw) keeps the assumptions (α_n > β) true
 * while training, as the xIELU reference code does.
 */
final class SdDerived {
    private final Derivation derivation;
    private final List<IExpr> pieces;
    private final List<ExpressionCompiler.Form<SDVariable>> forms = new ArrayList<>();

    SdDerived(Derivation derivation, SymbolicEngine engine) {
        if (!derivation.closedForm()) {
            throw new ActlabException("the derivation has pieces without a closed form; they have no SameDiff form");
        }
        this.derivation = derivation;
        this.pieces = StableForms.pieces(derivation, engine, "nd4j");
        for (IExpr piece : pieces) {
            forms.add(ExpressionCompiler.compile(piece, derivation.spec().symbols()));
        }
    }

    Derivation derivation() {
        return derivation;
    }

    /** The stable closed form of each piece (what the graph computes). */
    List<IExpr> pieces() {
        return pieces;
    }

    /** y = f(x) with the effective parameters given by name: Σ_i mask_i(x)·f_i(x clamped into piece i). */
    SDVariable apply(SameDiff sd, SDVariable x, Map<String, SDVariable> effective) {
        SdOperations ops = new SdOperations(sd);
        List<String> names = derivation.spec().symbols().parameterNames();
        SDVariable y = null;
        for (int i = 0; i < forms.size(); i++) {
            Interval d = derivation.pieces().get(i).domain();
            SDVariable mask = mask(x, d);
            SDVariable inside = x.mul(mask).add(mask.rsub(1.0).mul(representative(d)));
            SDVariable piece = forms.get(i).at(ops, inside, k -> effective.get(names.get(k))).mul(mask);
            y = y == null ? piece : y.add(piece);
        }
        return y;
    }

    /**
     * The raw parameterisation: raw name → initial raw value (from the effective {@code values}), and
     * the effective parameters computed from raw variables inside the graph.
     */
    static Map<String, Double> rawInitial(Derivation d, double[] values) {
        List<String> names = d.spec().symbols().parameterNames();
        Map<String, Double> effective = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            effective.put(names.get(i), values[i]);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Reparameterisation r : Reparameterisation.of(d.spec())) {
            double v = effective.get(r.name());
            if (r.isRaw()) {
                double lower = r.offsetParam() != null ? effective.get(r.offsetParam()) : r.offset();
                if (!(v > lower)) {
                    throw new ActlabException(r.name() + " = " + v + " must be > " + lower + " (" + r.constraint() + ")");
                }
                double y = v - lower;
                out.put(r.rawName(), y > 20 ? y : Math.log(Math.expm1(y)));
            } else {
                out.put(r.name(), v);
            }
        }
        return out;
    }

    /** The effective parameters from the raw variables (θ = offset + softplus(raw), PyTorch's softplus). */
    static Map<String, SDVariable> effectiveFromRaw(SameDiff sd, Derivation d, Map<String, SDVariable> raw) {
        Map<String, SDVariable> effective = new LinkedHashMap<>();
        for (Reparameterisation r : Reparameterisation.of(d.spec())) {
            if (r.isRaw()) {
                SDVariable sp = softplus(sd, raw.get(r.rawName()));
                effective.put(r.name(), r.offsetParam() != null ? sp.add(effective.get(r.offsetParam())) : sp.add(r.offset()));
            } else {
                effective.put(r.name(), raw.get(r.name()));
            }
        }
        return effective;
    }

    /** PyTorch's softplus: r above 20, log1p(exp(r)) below (on r clamped to 20). */
    static SDVariable softplus(SameDiff sd, SDVariable r) {
        SDVariable m = SdMath.above(r, 20);
        SDVariable below = r.mul(SdMath.not(m)).add(m.mul(20));
        return SdMath.select(m, r, SdMath.log1p(sd, sd.math().exp(below)));
    }

    /** 1 where x lies in d, 0 elsewhere (exact comparisons for rational bounds). */
    private static SDVariable mask(SDVariable x, Interval d) {
        List<SDVariable> parts = new ArrayList<>();
        if (d.lo() != null) {
            Object[] c = Interval.doubleCondition(d.loClosed() ? ">=" : ">", d.lo());
            parts.add((c[0].equals(">=") ? x.gte((Double) c[1]) : x.gt((Double) c[1])).castTo(DataType.DOUBLE));
        }
        if (d.hi() != null) {
            Object[] c = Interval.doubleCondition(d.hiClosed() ? "<=" : "<", d.hi());
            parts.add((c[0].equals("<=") ? x.lte((Double) c[1]) : x.lt((Double) c[1])).castTo(DataType.DOUBLE));
        }
        if (parts.isEmpty()) {
            return x.mul(0).add(1);
        }
        return parts.size() == 1 ? parts.get(0) : parts.get(0).mul(parts.get(1));
    }

    /** A point strictly inside d (where every piece is finite), used for the inputs outside it. */
    private static double representative(Interval d) {
        BigFraction lo = d.lo();
        BigFraction hi = d.hi();
        if (lo != null && hi != null) {
            return lo.add(hi).divide(2).doubleValue();
        }
        if (lo != null) {
            return lo.doubleValue() + 1;
        }
        if (hi != null) {
            return hi.doubleValue() - 1;
        }
        return 0;
    }
}

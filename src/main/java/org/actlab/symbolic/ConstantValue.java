package org.actlab.symbolic;

import org.hipparchus.special.Erf;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;

/**
 * The double value of a constant expression as {@link ExpressionParser} builds it (unevaluated
 * {@code Plus}, {@code Times}, {@code Power} and whitelisted functions of numbers, e and π), without
 * calling Symja's evaluator: the parser uses it to size constant exponents before any symbolic work.
 * NaN means "not a constant" (the expression holds x, a parameter, or a head not known here);
 * infinities are constants too large for a double.
 */
final class ConstantValue {
    private ConstantValue() {
    }

    static double of(IExpr e) {
        if (e.isRational()) {
            return ((IRational) e).toBigFraction().doubleValue();
        }
        if (e == S.E) {
            return Math.E;
        }
        if (e == S.Pi) {
            return Math.PI;
        }
        if (!e.isAST()) {
            return Double.NaN;
        }
        IAST a = (IAST) e;
        double[] v = new double[a.argSize()];
        for (int i = 0; i < v.length; i++) {
            v[i] = of(a.get(i + 1));
            if (Double.isNaN(v[i])) {
                return Double.NaN;
            }
        }
        IExpr h = a.head();
        if (h == S.Plus) {
            double s = 0;
            for (double t : v) {
                s += t;
            }
            return s;
        }
        if (h == S.Times) {
            double s = 1;
            for (double t : v) {
                s *= t;
            }
            return s;
        }
        if (v.length == 2) {
            if (h == S.Power) {
                return Math.pow(v[0], v[1]);
            }
            if (h == S.Max) {
                return Math.max(v[0], v[1]);
            }
            if (h == S.Min) {
                return Math.min(v[0], v[1]);
            }
            return Double.NaN;
        }
        if (v.length != 1) {
            return Double.NaN;
        }
        double u = v[0];
        if (h == S.Log) {
            return Math.log(u);
        }
        if (h == S.Sin) {
            return Math.sin(u);
        }
        if (h == S.Cos) {
            return Math.cos(u);
        }
        if (h == S.Tan) {
            return Math.tan(u);
        }
        if (h == S.ArcTan) {
            return Math.atan(u);
        }
        if (h == S.Sinh) {
            return Math.sinh(u);
        }
        if (h == S.Cosh) {
            return Math.cosh(u);
        }
        if (h == S.Tanh) {
            return Math.tanh(u);
        }
        if (h == S.Abs) {
            return Math.abs(u);
        }
        if (h == S.Erf) {
            return Erf.erf(u);
        }
        if (h == S.Erfc) {
            return Erf.erfc(u);
        }
        return Double.NaN;
    }
}

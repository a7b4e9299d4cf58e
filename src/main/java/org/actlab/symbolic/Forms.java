package org.actlab.symbolic;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;

/** The symbolic forms of the composite functions actlab offers (all in exponentials and erf). */
public final class Forms {
    private Forms() {
    }

    /** {@code σ(u) = 1/(1 + e^(−u))}. */
    public static IExpr sigmoid(IExpr u) {
        return F.Power(F.Plus(F.C1, F.Power(S.E, F.Negate(u))), F.CN1);
    }

    /** {@code softplus(u) = log(1 + e^u)}. */
    public static IExpr softplus(IExpr u) {
        return F.Log(F.Plus(F.C1, F.Power(S.E, u)));
    }

    /** Whether {@code e} is {@code 1 + e^v} for some v (so {@code 1/e} is a sigmoid and {@code log e} a softplus). */
    public static boolean isOnePlusExp(IExpr e) {
        return e.isPlus() && e.argSize() == 2 && e.first().isOne() && e.second().isPower() && e.second().first() == S.E;
    }

    /** {@code Φ(u) = (1 + erf(u/√2))/2}, the standard normal CDF. */
    public static IExpr normalCdf(IExpr u) {
        return F.Times(F.C1D2, F.Plus(F.C1, F.Erf(F.Times(u, F.Power(F.C2, F.CN1D2)))));
    }
}

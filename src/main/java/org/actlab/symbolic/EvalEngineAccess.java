package org.actlab.symbolic;

import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.interfaces.IExpr;

/** Evaluation on the current (Symja) thread, for code already running inside {@link SymbolicEngine#run}. */
final class EvalEngineAccess {
    private EvalEngineAccess() {
    }

    static IExpr eval(IExpr e) {
        return EvalEngine.get().evaluate(e);
    }
}

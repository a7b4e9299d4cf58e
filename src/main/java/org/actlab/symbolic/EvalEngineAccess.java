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

    /** Evaluates through the engine (from any thread). */
    static IExpr evalOn(SymbolicEngine engine, IExpr e) {
        return engine.eval("evaluate", e);
    }
}

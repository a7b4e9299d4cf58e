"""The SymPy peer of 'actlab derive xielu' for 'actlab bench --derive xielu': the same derivation and
checks, so the two cold start-up times compare like for like.

Integrates each gradient piece, fixes the constants (continuity at 0 and f(0) = 0), proves f' = g by
simplification, finds the jump of f'' at 0, the limits of f' at -inf and +inf and the stationary point,
and prints the result.
"""
import sympy as sp

x = sp.Symbol("x", real=True)
ap, an, beta = sp.symbols("alpha_p alpha_n beta", positive=True)
g_neg = an * (sp.exp(x) - 1) + beta
g_pos = 2 * ap * x + beta
c_neg, c_pos = sp.symbols("c_neg c_pos")
f_neg = sp.integrate(g_neg, x) + c_neg
f_pos = sp.integrate(g_pos, x) + c_pos
constants = sp.solve([sp.Eq(f_neg.subs(x, 0), 0), sp.Eq(f_pos.subs(x, 0), 0)], [c_neg, c_pos])
f_neg, f_pos = sp.simplify(f_neg.subs(constants)), sp.simplify(f_pos.subs(constants))
proved = [sp.simplify(sp.diff(f, x) - g) == 0 for f, g in ((f_neg, g_neg), (f_pos, g_pos))]
jump = sp.simplify(sp.diff(f_pos, x, 2).subs(x, 0) - sp.diff(f_neg, x, 2).subs(x, 0))
slope_minus = sp.limit(g_neg, x, -sp.oo)
slope_plus = sp.limit(g_pos, x, sp.oo)
stationary = sp.solve(sp.Eq(g_neg, 0), x)
x_star = stationary[0] if stationary else None
f_star = sp.simplify(f_neg.subs(x, x_star)) if x_star is not None else None
print("f(x) = %s for x <= 0, %s for x > 0; f' = g proved: %s" % (f_neg, f_pos, proved))
print("f'' jumps by %s at 0; f'(-oo) = %s, f'(+oo) = %s; x* = %s, f(x*) = %s" % (jump, slope_minus, slope_plus, x_star, f_star))

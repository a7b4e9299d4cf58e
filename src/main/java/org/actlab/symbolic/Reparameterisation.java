package org.actlab.symbolic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * How trainable code keeps the assumptions: a parameter bounded below by a number or by another
 * parameter ({@code alpha_p > 0}, {@code alpha_n > beta}) is trained through a raw value with
 * {@code θ = offset + softplus(raw)}, as the xIELU reference code does; every other parameter is
 * trained directly. Parameters are listed so that an offset parameter comes before its user.
 *
 * @param name        the parameter
 * @param rawName     the raw parameter's name ({@code alpha_p_raw}), or {@code null} when trained directly
 * @param offsetParam the parameter added to the softplus, or {@code null}
 * @param offset      the constant added to the softplus (0 when {@code offsetParam} is set)
 * @param constraint  the assumption this keeps, as text, or empty
 */
public record Reparameterisation(String name, String rawName, String offsetParam, double offset, String constraint) {

    /** The reparameterisations of a spec's parameters, offsets first. */
    public static List<Reparameterisation> of(GradientSpec spec) {
        Symbols sy = spec.symbols();
        Map<String, Reparameterisation> byName = new LinkedHashMap<>();
        for (String name : sy.parameterNames()) {
            ISymbol s = sy.parameter(name);
            Reparameterisation r = new Reparameterisation(name, null, null, 0, "");
            for (ExpressionParser.Relation rel : spec.assumptions()) {
                IExpr other = null;
                if ((rel.op().equals(">") || rel.op().equals(">=")) && rel.lhs() == s) {
                    other = rel.rhs();
                } else if ((rel.op().equals("<") || rel.op().equals("<=")) && rel.rhs() == s) {
                    other = rel.lhs();
                }
                if (other == null) {
                    continue;
                }
                if (other.isRational()) {
                    r = new Reparameterisation(name, name + "_raw", null, other.evalDouble(), rel.text());
                    break;
                }
                if (other.isSymbol() && sy.indexOf((ISymbol) other) >= 0) {
                    r = new Reparameterisation(name, name + "_raw", sy.nameOf((ISymbol) other), 0, rel.text());
                    break;
                }
                r = new Reparameterisation(name, null, null, 0, rel.text());
            }
            byName.put(name, r);
        }
        List<Reparameterisation> ordered = new ArrayList<>();
        List<String> done = new ArrayList<>();
        while (ordered.size() < byName.size()) {
            boolean progress = false;
            for (Reparameterisation r : byName.values()) {
                if (!done.contains(r.name()) && (r.offsetParam() == null || done.contains(r.offsetParam()))) {
                    ordered.add(r);
                    done.add(r.name());
                    progress = true;
                }
            }
            if (!progress) {   // a cycle of bounds (a > b, b > a): train the rest directly
                for (Reparameterisation r : byName.values()) {
                    if (!done.contains(r.name())) {
                        ordered.add(new Reparameterisation(r.name(), null, null, 0, r.constraint()));
                        done.add(r.name());
                    }
                }
            }
        }
        return ordered;
    }

    /** Whether the parameter is trained through a raw value. */
    public boolean isRaw() {
        return rawName != null;
    }
}

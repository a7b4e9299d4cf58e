package org.actlab.gpu.api;

import org.actlab.symbolic.DerivedInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.actlab.ActlabException;
import org.actlab.symbolic.Derivation;
import org.actlab.symbolic.Deriver;
import org.actlab.symbolic.GradientSpec;
import org.actlab.symbolic.NamedDerivations;
import org.actlab.symbolic.SpecParser;
import org.actlab.symbolic.SpecText;
import org.actlab.symbolic.SymbolicEngine;

/** Derived activations to validate: specs derived, with their parameter values and catalogue twins. */
public final class DerivedInputs {
    private DerivedInputs() {
    }

    /** Whether {@code gradient} names a named derivation. */
    public static boolean isNamed(String gradient) {
        return NamedDerivations.all().stream().anyMatch(n -> n.name().equals(gradient.strip()));
    }

    /**
     * A named derivation at its defaults (or the values of {@code set}), with the catalogue activation it
     * must equal. The catalogue's softplus is PyTorch's, linear beyond βx &gt; threshold (20): it is compared
     * with threshold 40, beyond which log1p(e^(−βx)) &lt; 2⁻⁵³·βx, so that PyTorch's linear branch is the
     * correctly rounded log(1 + eˣ) there, which the derivation is everywhere.
     */
    public static DerivedInput named(String name, String set, SymbolicEngine engine) {
        NamedDerivations.Named named = NamedDerivations.get(name.strip());
        SpecText t = named.text();
        GradientSpec gs = new SpecParser(engine).parse(new SpecText(t.name(), t.gradient(), t.params(), t.assume(), t.anchor(), set));
        double[] v = gs.parameterValues(named.defaults());
        Map<String, double[]> catalogueParameters = new LinkedHashMap<>();
        List<String> pn = gs.symbols().parameterNames();
        for (int i = 0; i < pn.size(); i++) {
            catalogueParameters.put(pn.get(i), new double[] {v[i]});
        }
        if ("softplus".equals(named.catalogue())) {
            catalogueParameters.put("threshold", new double[] {40});
        }
        return new DerivedInput(derive(engine, gs), v, named.catalogue(), catalogueParameters);
    }

    /** A spec the user gave, at the values of its {@code --set}. */
    public static DerivedInput of(GradientSpec gs, SymbolicEngine engine) {
        return new DerivedInput(derive(engine, gs), gs.parameterValues(Map.of()));
    }

    /** The derivation of {@code gs}; one with a piece without a closed form has no graph and is refused. */
    static Derivation derive(SymbolicEngine engine, GradientSpec gs) {
        Derivation d = engine.within(engine.timeout().multipliedBy(Deriver.TOTAL_TIME_STEPS + 1), "derive",
                () -> new Deriver(engine).derive(gs));
        if (!d.closedForm()) {
            throw new ActlabException(gs.name() + ": a piece has no closed form, so there is no graph to compile "
                    + "(derive " + ActlabException.field("at") + " integrates it numerically)");
        }
        return d;
    }
}

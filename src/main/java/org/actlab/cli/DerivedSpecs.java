package org.actlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.actlab.ActlabException;
import org.actlab.symbolic.DerivedInput;
import org.actlab.gpu.api.DerivedInputs;
import org.actlab.symbolic.SpecParser;
import org.actlab.symbolic.SpecText;
import org.actlab.symbolic.SymbolicEngine;

import picocli.CommandLine.Option;

/**
 * The options that describe derived activations (a picocli mixin of validate and train): --gradient (a named
 * derivation or a spec, repeatable), --param, --assume, --anchor, --spec FILE (repeatable) and --set.
 */
final class DerivedSpecs {
    @Option(names = {"-g", "--gradient"}, paramLabel = "NAME|SPEC", description = "a named derivation or a piecewise gradient (repeatable)")
    List<String> gradients = new ArrayList<>();

    @Option(names = "--param", paramLabel = "P1,P2,...", description = "parameter names of the --gradient specs")
    String params;

    @Option(names = "--assume", paramLabel = "A1, A2, ...", description = "assumptions of the --gradient specs")
    String assume;

    @Option(names = "--anchor", paramLabel = "'f(X) = Y'", description = "anchor of the --gradient specs (default f(0) = 0)")
    String anchor;

    @Option(names = "--spec", paramLabel = "FILE", description = "a spec file (repeatable)")
    List<Path> specFiles = new ArrayList<>();

    @Option(names = "--set", paramLabel = "P=V,...", description = "parameter values of the derived activations (named ones have defaults)")
    String set;

    /** Whether none was given. */
    boolean none() {
        return gradients.isEmpty() && specFiles.isEmpty();
    }

    /** Every one parsed and derived, before any long work; {@code named} replaces the --gradient list when not null. */
    List<DerivedInput> derive(List<String> named, SymbolicEngine engine) {
        List<String> specs = named != null ? named : gradients;
        if ((params != null || assume != null || anchor != null) && specs.stream().allMatch(DerivedInputs::isNamed)) {
            throw new ActlabException("--param, --assume and --anchor go with a --gradient SPEC (named derivations and spec files define their own)");
        }
        List<DerivedInput> derived = new ArrayList<>();
        for (String g : specs) {
            derived.add(DerivedInputs.isNamed(g) ? DerivedInputs.named(g, set, engine) : DerivedInputs.of(
                    new SpecParser(engine).parse(new SpecText("custom", g, params, assume, anchor, set)), engine));
        }
        for (Path f : specFiles) {
            derived.add(DerivedInputs.of(new SpecParser(engine).parseFile(f, set), engine));
        }
        return derived;
    }
}

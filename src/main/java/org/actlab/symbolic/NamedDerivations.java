package org.actlab.symbolic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.actlab.ActlabException;

/**
 * The paper's examples as gradient specifications: each names the gradient it starts from, and the
 * catalogue activation it must reproduce (where there is one). Defaults are the catalogue's.
 */
public final class NamedDerivations {
    /**
     * A named derivation.
     *
     * @param name        the name ({@code xielu})
     * @param description where the gradient comes from
     * @param text        the spec
     * @param defaults    default parameter values (those of the catalogue entry)
     * @param catalogue   the catalogue activation the result equals, or {@code null}
     */
    public record Named(String name, String description, SpecText text, Map<String, Double> defaults,
                        String catalogue) {
    }

    private static final Map<String, Named> ALL = new LinkedHashMap<>();

    static {
        add("relu2", "ReLU², from the gradient 2·ReLU(x)", "x > 0 : 2*x ; x <= 0 : 0", "", "", Map.of(), "relu-power");
        add("ielu", "IELU, the integral of ELU", "x > 0 : x ; x <= 0 : alpha*(exp(x) - 1)", "alpha", "alpha > 0",
                Map.of("alpha", 1.0), "ielu");
        add("xielu", "xIELU, the integral of an affine ELU (Huang 2024)",
                "x > 0 : 2*alpha_p*x + beta ; x <= 0 : alpha_n*(exp(x) - 1) + beta", "alpha_p,alpha_n,beta",
                "alpha_p > 0, alpha_n > beta, beta > 0", Map.of("alpha_p", 0.8, "alpha_n", 0.8, "beta", 0.5), "xielu");
        add("xiprelu", "xIPReLU, the integral of a PReLU-shaped gradient",
                "x > 0 : 2*alpha_p*x + beta ; x <= 0 : 2*alpha_n*x + beta", "alpha_p,alpha_n,beta",
                "alpha_p > 0, alpha_n > 0", Map.of("alpha_p", 0.8, "alpha_n", 0.8, "beta", 0.5), "xiprelu");
        add("xiep", "xIEP, the integral of a PolyReLU-shaped gradient with the xIELU negative branch",
                "x > 0 : 3*alpha_p3*x^2 + 2*alpha_p2*x + beta ; x <= 0 : alpha_n*(exp(x) - 1) + beta",
                "alpha_p3,alpha_p2,alpha_n,beta", "alpha_p3 > 0, alpha_p2 > 0, alpha_n > beta",
                Map.of("alpha_p3", 0.8, "alpha_p2", 0.8, "alpha_n", 0.8, "beta", 0.5), "xiep");
        add("silu", "SiLU, from its gradient σ(x) + x·σ(x)·(1 − σ(x))",
                "sigmoid(x) + x*exp(-x)*sigmoid(x)^2", "", "", Map.of(), "silu");
        add("gelu", "GELU, from its gradient Φ(x) + x·φ(x)",
                "phi(x) + x*exp(-x^2/2)/sqrt(2*pi)", "", "", Map.of(), "gelu");
        add("sigmoid", "the logistic sigmoid, from its gradient σ(x)·(1 − σ(x)), with f(0) = 1/2",
                "exp(-x)*sigmoid(x)^2", "", "", Map.of(), "sigmoid", "f(0) = 1/2");
        add("softplus", "softplus, the integral of the sigmoid, with f(0) = log 2",
                "sigmoid(x)", "", "", Map.of(), "softplus", "f(0) = log(2)");
    }

    private NamedDerivations() {
    }

    private static void add(String name, String description, String gradient, String params, String assume,
                            Map<String, Double> defaults, String catalogue) {
        add(name, description, gradient, params, assume, defaults, catalogue, null);
    }

    private static void add(String name, String description, String gradient, String params, String assume,
                            Map<String, Double> defaults, String catalogue, String anchor) {
        ALL.put(name, new Named(name, description, new SpecText(name, gradient, params, assume, anchor, null),
                defaults, catalogue));
    }

    /** Every named derivation, in a fixed order. */
    public static List<Named> all() {
        return List.copyOf(ALL.values());
    }

    /** The named derivation, or an error listing the names. */
    public static Named get(String name) {
        Named n = ALL.get(name);
        if (n == null) {
            throw new ActlabException("no derivation named '" + org.actlab.io.Excerpt.of(name) + "' (named: " + String.join(", ", ALL.keySet())
                    + "; or give " + ActlabException.field("gradient") + ")");
        }
        return n;
    }
}

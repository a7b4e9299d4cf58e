package org.actlab.activation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.actlab.ActlabException;

/**
 * The numeric activation catalogue: every activation by name, with its formula, its parameters
 * (defaults, constraints, raw parameterisation) and a factory.
 */
public final class Catalogue {

    /**
     * One catalogue entry.
     *
     * @param name       the catalogue name
     * @param vector     whether it acts on a feature vector rather than elementwise
     * @param summary    one line saying what it is and where it comes from
     * @param formula    the formula with symbolic parameters
     * @param parameters the parameter specifications
     * @param factory    builds an instance from resolved values (checking constraints)
     */
    public record Entry(String name, boolean vector, String summary, String formula, List<Parameter> parameters,
                        BiFunction<String, ParameterValues, Activation> factory) {

        /** An instance with the given parameter values (defaults for the rest). */
        public Activation create(Map<String, double[]> given) {
            return factory.apply(name, ParameterValues.resolve(name, parameters, given));
        }
    }

    /** The reference initialisation of PolyReLU and PolyNorm: r = 3, a_0 = 0, a_1 = a_2 = a_3 = 1/3. */
    public static final double[] POLYCOM_REFERENCE_COEFFS = {0, 1.0 / 3, 1.0 / 3, 1.0 / 3};

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    private static final String COEFFS_HELP = "ascending a0,a1,…,ar (order r ≥ 1); the reference code's weight "
            + "tensor is reversed [a_r,…,a_1] and its bias is a0";

    static {
        List<Parameter> xieluParams = List.of(
                Parameter.trainable("alpha_p", 0.8, "> 0", Parameter.Raw.softplus("alpha_p_raw"),
                        "curvature of the positive branch; alpha_p = softplus(alpha_p_raw)"),
                Parameter.trainable("alpha_n", 0.8, "> beta", new Parameter.Raw("alpha_n_raw", "beta"),
                        "scale of the negative (ELU-integral) branch; alpha_n = beta + softplus(alpha_n_raw)"),
                Parameter.trainable("beta", 0.5, "", null, "slope at 0: f'(0) = beta"));
        List<Parameter> xieluRefParams = new ArrayList<>(xieluParams);
        xieluRefParams.add(Parameter.fixed("eps", -1e-6, "≤ 0", "clamp of the negative branch: expm1(min(x, eps))"));

        scalar("relu", "rectified linear unit", Relu.FORMULA, List.of(), Relu::new);
        scalar("relu-power", "ReLU^k (ReLU² for k = 2), the square of ReLU used in Primer", ReluPower.FORMULA,
                List.of(Parameter.integer("k", 2, "integer ≥ 1", "the power")), ReluPower::new);
        add("leaky-relu", false, "leaky ReLU with a fixed slope (torch.nn.LeakyReLU)", LeakyRelu.formula("negative_slope"),
                List.of(Parameter.fixed("negative_slope", 0.01, "", "slope for x ≤ 0")),
                (n, v) -> new LeakyRelu(n, "negative_slope", v));
        add("prelu", false, "parametric ReLU with a trainable slope (torch.nn.PReLU)", LeakyRelu.formula("a"),
                List.of(Parameter.trainable("a", 0.25, "", null, "slope for x ≤ 0")),
                (n, v) -> new LeakyRelu(n, "a", v));
        scalar("elu", "exponential linear unit", Elu.FORMULA,
                List.of(Parameter.fixed("alpha", 1.0, "", "saturation value −α for x → −∞")), Elu::new);
        scalar("ielu", "integral of ELU (f' = ELU)", Ielu.FORMULA,
                List.of(Parameter.fixed("alpha", 1.0, "", "the ELU's α")), Ielu::new);
        scalar("gelu", "Gaussian error linear unit, exact erf form", Gelu.FORMULA, List.of(), Gelu::new);
        scalar("gelu-tanh", "GELU, tanh approximation (approximate='tanh')",
                GeluTanh.FORMULA, List.of(), GeluTanh::new);
        scalar("silu", "sigmoid linear unit (Swish-1)", Silu.FORMULA, List.of(), Silu::new);
        scalar("xsilu", "SiLU with expanded gating range (−α, 1+α), Huang 2024", XSilu.FORMULA,
                List.of(Parameter.trainable("alpha", 0.5, "≥ 0", null,
                        "gate range extension (actlab default 0.5; the paper trains it)")), XSilu::new);
        scalar("softplus", "softplus as torch.nn.Softplus(beta, threshold)", SoftplusActivation.FORMULA,
                List.of(Parameter.fixed("beta", 1.0, "> 0", "sharpness β"),
                        Parameter.fixed("threshold", 20.0, "", "β·x above which f(x) = x (PyTorch semantics)")),
                SoftplusActivation::new);
        scalar("sigmoid", "logistic sigmoid", Sigmoid.FORMULA, List.of(), Sigmoid::new);
        scalar("tanh", "hyperbolic tangent", Tanh.FORMULA, List.of(), Tanh::new);
        scalar("xielu", "xIELU, exact paper function (integral of an affine ELU gradient), Huang 2024",
                Xielu.FORMULA, xieluParams, Xielu::new);
        scalar("xielu-ref", "xIELU with the reference implementation's semantics (expm1(min(x, eps)) clamp)",
                XieluReference.FORMULA, xieluRefParams,
                XieluReference::new);
        scalar("xiprelu", "xIPReLU, integral of a PReLU-shaped gradient", Xiprelu.FORMULA,
                List.of(Parameter.trainable("alpha_p", 0.8, "> 0", Parameter.Raw.softplus("alpha_p_raw"),
                                "positive curvature; alpha_p = softplus(alpha_p_raw)"),
                        Parameter.trainable("alpha_n", 0.8, "> 0", Parameter.Raw.softplus("alpha_n_raw"),
                                "negative curvature; alpha_n = softplus(alpha_n_raw)"),
                        Parameter.trainable("beta", 0.5, "", null, "slope at 0")),
                Xiprelu::new);
        scalar("xiep", "xIEP, integral of a PolyReLU-shaped gradient (xIELU negative branch)",
                Xiep.FORMULA,
                List.of(Parameter.trainable("alpha_p3", 0.8, "> 0", Parameter.Raw.softplus("alpha_p3_raw"),
                                "cubic coefficient (actlab default); alpha_p3 = softplus(alpha_p3_raw)"),
                        Parameter.trainable("alpha_p2", 0.8, "> 0", Parameter.Raw.softplus("alpha_p2_raw"),
                                "quadratic coefficient (actlab default); alpha_p2 = softplus(alpha_p2_raw)"),
                        Parameter.trainable("alpha_n", 0.8, "> beta", new Parameter.Raw("alpha_n_raw", "beta"),
                                "negative branch scale; alpha_n = beta + softplus(alpha_n_raw)"),
                        Parameter.trainable("beta", 0.5, "", null, "slope at 0")),
                Xiep::new);
        scalar("polyrelu", "PolyReLU of order r (PolyCom type I, ρ = ReLU), reference init r = 3",
                PolyRelu.FORMULA,
                List.of(Parameter.coefficients("coeffs", POLYCOM_REFERENCE_COEFFS, "at least 2 (order ≥ 1)", COEFFS_HELP)),
                PolyRelu::new);
        add("polynorm", true, "PolyNorm, reference RMS form (PolyCom type II, ρ = RMS norm over features)",
                PolyNorm.RMS_FORMULA,
                List.of(Parameter.coefficients("coeffs", POLYCOM_REFERENCE_COEFFS, "at least 2 (order ≥ 1)",
                                COEFFS_HELP + " (a0 is the plain bias)"),
                        Parameter.fixed("eps", 1e-6, "≥ 0", "added inside the square root")),
                (n, v) -> new PolyNorm(true, v));
        add("polynorm-l2", true, "PolyNorm, the paper's L2 form Σ a_i x^i/‖x^i‖₂ (a_0 term is a_0/√d)",
                PolyNorm.L2_FORMULA,
                List.of(Parameter.coefficients("coeffs", POLYCOM_REFERENCE_COEFFS, "at least 2 (order ≥ 1)", COEFFS_HELP)),
                (n, v) -> new PolyNorm(false, v));
        add("swiglu", true, "SwiGLU gate on a projected input [u, v] of length 2n: SiLU(u) ⊙ v",
                SwiGlu.FORMULA, List.of(), (n, v) -> new SwiGlu(v));
    }

    private Catalogue() {
    }

    private static void scalar(String name, String summary, String formula, List<Parameter> params,
                               Function<ParameterValues, Activation> factory) {
        add(name, false, summary, formula, params, (n, v) -> factory.apply(v));
    }

    private static void add(String name, boolean vector, String summary, String formula, List<Parameter> params,
                            BiFunction<String, ParameterValues, Activation> factory) {
        ENTRIES.put(name, new Entry(name, vector, summary, formula, List.copyOf(params), factory));
    }

    /** All entries in catalogue order. */
    public static List<Entry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    /**
     * The entry of a name.
     *
     * @throws ActlabException for an unknown name, listing the known ones
     */
    public static Entry entry(String name) {
        Entry e = ENTRIES.get(name);
        if (e == null) {
            throw new ActlabException("unknown activation '" + name + "' (known: " + String.join(", ", ENTRIES.keySet())
                    + "; 'actlab list' describes them)");
        }
        return e;
    }

    /** An instance by name with the given parameter values (defaults for the rest). */
    public static Activation create(String name, Map<String, double[]> params) {
        return entry(name).create(params);
    }

    /** A scalar activation by name with default parameters. */
    public static ScalarActivation scalar(String name) {
        return scalar(name, Map.of());
    }

    /** A scalar activation by name. */
    /**
     * xIELU's defaults, {@code alpha_p}, {@code alpha_n}, {@code beta} in that order: the one place the
     * claims, figures, layer checks and training read them from.
     */
    public static Map<String, Double> xieluDefaults() {
        ParameterValues d = scalar("xielu", Map.of()).parameters();
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : List.of("alpha_p", "alpha_n", "beta")) {
            out.put(name, d.get(name));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    public static ScalarActivation scalar(String name, Map<String, double[]> params) {
        Activation a = create(name, params);
        if (!(a instanceof ScalarActivation s)) {
            throw new ActlabException(name + " acts on feature vectors, not on single numbers");
        }
        return s;
    }

    /** A vector activation by name. */
    public static VectorActivation vector(String name, Map<String, double[]> params) {
        Activation a = create(name, params);
        if (!(a instanceof VectorActivation v)) {
            throw new ActlabException(name + " is a scalar activation, not a vector one");
        }
        return v;
    }
}

package org.actlab.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.DoubleUnaryOperator;

import org.actlab.activation.SpecialFunctions;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SdMath's functions against Java's libm (Math, which is within 1 ulp) and actlab's SpecialFunctions, value and
 * autodiff derivative. Tolerance: 8 ulps of the reference value: each is a handful of ND4J operations, each
 * within an ulp or two (exp and log of the C++ library), and the reference itself is within 1 ulp; plus the
 * absolute 2^-1074 of subnormal results.
 */
class SdMathTest {
    private static final double[] XS = {-700, -40, -20.5, -3, -1, -0.6, -0.5, -0.3, -1e-3, -1e-8, -1e-16, -1e-300, 0, 1e-300, 1e-16,
        1e-8, 1e-3, 0.3, 0.5, 0.6, 1, 3, 20.5, 40, 700};

    /** [values, derivatives] of f on XS by SameDiff. */
    private static double[][] run(BiFunction<SameDiff, SDVariable, SDVariable> f, double[] xs) {
        Nd4jRuntime.init();
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", Nd4j.createFromArray(xs));
        SDVariable y = f.apply(sd, x);
        y.rename("y");
        y.sum("loss");
        sd.setLossVariables("loss");
        var r = Nd4jRuntime.quietly(() -> sd.calculateGradientsAndOutputs(Map.of(), List.of("y"), List.of("x")));
        return new double[][] {r.getOutputs().get("y").toDoubleVector(), r.getGradients().get("x").toDoubleVector()};
    }

    private static void assertClose(double expected, double got, String what) {
        double tolerance = 8 * Math.ulp(expected) + Double.MIN_VALUE;
        assertTrue(expected == got || Math.abs(expected - got) <= tolerance, what + ": " + got + " vs " + expected);
    }

    private static void check(String name, BiFunction<SameDiff, SDVariable, SDVariable> f, DoubleUnaryOperator value,
                              DoubleUnaryOperator derivative, double[] xs) {
        double[][] r = run(f, xs);
        for (int i = 0; i < xs.length; i++) {
            assertClose(value.applyAsDouble(xs[i]), r[0][i], name + "(" + xs[i] + ")");
            assertClose(derivative.applyAsDouble(xs[i]), r[1][i], name + "'(" + xs[i] + ")");
        }
    }

    @Test
    void nd4jsOwnExpm1AndLog1pCancelNextToZero() {
        // the measured defect SdMath works around (README): ND4J 1.0.0-M2.1 computes exp(x) − 1 and log(1 + x)
        double[][] e = run((sd, x) -> sd.math().expm1(x), new double[] {1e-16});
        double[][] l = run((sd, x) -> sd.math().log1p(x), new double[] {1e-16});
        assertEquals(0.0, e[0][0]);
        assertEquals(0.0, l[0][0]);
    }

    @Test
    void expm1Log1pAndExpm1MinusX() {
        check("expm1", SdMath::expm1, Math::expm1, Math::exp, XS);
        double[] w = {-0.999, -0.5, -1e-3, -1e-10, -1e-300, 0, 1e-300, 1e-16, 1e-10, 1e-3, 0.5, 3, 1e6, 1e300};
        check("log1p", SdMath::log1p, Math::log1p, v -> 1 / (1 + v), w);
        check("expm1MinusX", SdMath::expm1MinusX, SpecialFunctions::expm1MinusX, Math::expm1, XS);
    }

    @Test
    void tanhSigmoidSoftplusLogcoshKeepTheirTails() {
        check("tanh", SdMath::tanh, Math::tanh, SpecialFunctions::sech2, XS);
        check("sigmoid", SdMath::sigmoid, SpecialFunctions::sigmoid,
                v -> SpecialFunctions.sigmoid(v) * SpecialFunctions.sigmoid(-v), XS);
        check("softplus", SdMath::softplus, SpecialFunctions::softplus, SpecialFunctions::sigmoid, XS);
        // logcosh's form |u| + log1p(e^(−2|u|)) − log 2 (the catalogue's) cancels for |u| ≪ 1, in Java as here:
        // compared where it does not (validate holds the rest to the term size)
        check("logcosh", SdMath::logcosh, SpecialFunctions::logcosh, Math::tanh,
                new double[] {-700, -40, -3, -1, -0.5, 0.5, 1, 3, 40, 700});
    }

    @Test
    void dilogarithmOnEveryBranch() {
        double[] z = {-1e6, -30, -2, -1.0000001, -1, -0.7, -0.2, -1e-9, 0, 1e-9, 0.2, 0.5, 0.50001, 0.8, 0.999, 1};
        // Li2′(z) = −ln(1 − z)/z (1 at 0); at z = 1 it is infinite, where only the value is compared
        double[][] r = run(SdMath::dilog, z);
        for (int i = 0; i < z.length; i++) {
            double v = z[i];
            assertClose(SpecialFunctions.dilog(v), r[0][i], "Li2(" + v + ")");
            if (v != 1) {
                double d = v == 0 ? 1 : -Math.log1p(-v) / v;
                // the derivative runs through the series' Horner chain and the branch's map: 64 ulps
                assertTrue(Math.abs(d - r[1][i]) <= 64 * Math.ulp(d), "Li2'(" + v + "): " + r[1][i] + " vs " + d);
            }
        }
    }
}

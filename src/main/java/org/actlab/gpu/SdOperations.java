package org.actlab.gpu;

import org.actlab.symbolic.ExpressionCompiler;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The arithmetic of SameDiff variables, for {@link ExpressionCompiler}: each operation ND4J ops, so the
 * compiled graph runs on any backend and autodiff gives its gradients; expm1, log1p-based softplus and
 * logcosh, tanh, the sigmoid and Li₂ from {@link SdMath} (ND4J's own lose accuracy next to 0 or in the
 * tails; it has no dilogarithm).
 */
final class SdOperations implements ExpressionCompiler.Operations<SDVariable> {
    private final SameDiff sd;

    SdOperations(SameDiff sd) {
        this.sd = sd;
    }

    @Override
    public SDVariable constant(double c) {
        return sd.constant(c);   // a scalar: broadcast where it meets x
    }

    @Override
    public SDVariable add(SDVariable a, SDVariable b) {
        return a.add(b);
    }

    @Override
    public SDVariable multiply(SDVariable a, SDVariable b) {
        return SdMath.times(a, b);
    }

    @Override
    public SDVariable power(SDVariable b, int n) {
        if (n == 0) {
            return constant(1);
        }
        SDVariable p = b;
        for (int i = 1; i < Math.abs(n); i++) {
            p = SdMath.times(p, b);
        }
        return n > 0 ? p : p.rdiv(1.0);
    }

    @Override
    public SDVariable power(SDVariable b, double p) {
        return p == 0.5 ? sd.math().sqrt(b) : sd.math().pow(b, p);
    }

    @Override
    public SDVariable apply(ExpressionCompiler.Function f, SDVariable u) {
        switch (f) {
            case EXP:
                return sd.math().exp(u);
            case EXPM1:
                return SdMath.expm1(sd, u);
            case LOG:
                return sd.math().log(u);
            case SOFTPLUS:
                return SdMath.softplus(sd, u);
            case LOGCOSH:
                return SdMath.logcosh(sd, u);
            case SIGMOID:
                return SdMath.sigmoid(sd, u);
            case ERF:
                return sd.math().erf(u);
            case ERFC:
                return sd.math().erfc(u);
            case TANH:
                return SdMath.tanh(sd, u);
            case SINH:
                return sd.math().sinh(u);
            case COSH:
                return sd.math().cosh(u);
            case SECH:
                return sd.math().cosh(u).rdiv(1.0);
            case SIN:
                return sd.math().sin(u);
            case COS:
                return sd.math().cos(u);
            case TAN:
                return sd.math().tan(u);
            case ATAN:
                return sd.math().atan(u);
            case ATANH:
                return sd.math().atanh(u);
            case ABS:
                return sd.math().abs(u);
            case DILOG:
                return SdMath.dilog(sd, u);
            default:
                throw new IllegalStateException(f.name());
        }
    }

    @Override
    public SDVariable max(SDVariable a, SDVariable b) {
        return sd.math().max(a, b);
    }

    @Override
    public SDVariable min(SDVariable a, SDVariable b) {
        return sd.math().min(a, b);
    }
}

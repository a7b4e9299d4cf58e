package org.actlab.validation;

import org.actlab.activation.SpecialFunctions;
import org.actlab.symbolic.ExpressionCompiler;

/**
 * The arithmetic of {@link TermSize} over n variables, for {@link ExpressionCompiler}: the Java
 * reference of a compiled closed form, with the same stable functions as the catalogue
 * ({@link SpecialFunctions}: softplus, logcosh, sigmoid, erf, erfc and Li₂ with their exact derivatives).
 */
public final class TermSizeOperations implements ExpressionCompiler.Operations<TermSize> {
    private final int variables;

    public TermSizeOperations(int variables) {
        this.variables = variables;
    }

    @Override
    public TermSize constant(double c) {
        return TermSize.constant(variables, c);
    }

    @Override
    public TermSize add(TermSize a, TermSize b) {
        return a.add(b);
    }

    @Override
    public TermSize multiply(TermSize a, TermSize b) {
        return a.multiply(b);
    }

    @Override
    public TermSize power(TermSize b, int n) {
        return b.pow(n);
    }

    @Override
    public TermSize power(TermSize b, double p) {
        return p == 0.5 ? b.sqrt() : b.pow(p);
    }

    @Override
    public TermSize apply(ExpressionCompiler.Function f, TermSize u) {
        switch (f) {
            case EXP:
                return u.exp();
            case EXPM1:
                return u.expm1();
            case LOG:
                return u.log();
            case SOFTPLUS:
                return SpecialFunctions.softplus(u);
            case LOGCOSH:
                return SpecialFunctions.logcosh(u);
            case SIGMOID:
                return SpecialFunctions.sigmoid(u);
            case ERF:
                return SpecialFunctions.erf(u);
            case ERFC:
                return SpecialFunctions.erfc(u);
            case TANH:
                return u.tanh();
            case SINH:
                return u.sinh();
            case COSH:
                return u.cosh();
            case SECH:
                return u.cosh().reciprocal();
            case SIN:
                return u.sin();
            case COS:
                return u.cos();
            case TAN:
                return u.tan();
            case ATAN:
                return u.atan();
            case ATANH:
                return u.atanh();
            case ABS:
                return u.abs();
            case DILOG:
                return SpecialFunctions.dilog(u);
            default:
                throw new IllegalStateException(f.name());
        }
    }

    @Override
    public TermSize max(TermSize a, TermSize b) {
        return SpecialFunctions.max(a, b);
    }

    @Override
    public TermSize min(TermSize a, TermSize b) {
        return SpecialFunctions.min(a, b);
    }
}

package org.actlab.symbolic.print;

import java.util.function.Function;

import org.actlab.symbolic.Symbols;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/** PyTorch tensor arithmetic ({@code torch.*} and the helpers emitted with the module). */
final class PyTorchPrinter extends CodePrinter {
    PyTorchPrinter(Symbols symbols, Function<ISymbol, String> codeName) {
        super(symbols, codeName);
    }

    @Override
    String infinity() {
        return "math.inf";
    }

    @Override
    String nan() {
        return "math.nan";
    }

    @Override
    String pi() {
        return "math.pi";
    }

    @Override
    String e() {
        return "math.e";
    }

    @Override
    String exp(String u) {
        return "torch.exp(" + u + ")";
    }

    @Override
    String sqrt(String u) {
        return "torch.sqrt(" + u + ")";
    }

    @Override
    String power(String b, IExpr base, IExpr k) {
        return k.isInteger() && k.toIntDefault() == 2 ? "torch.square(" + print(base, 0) + ")"
                : "torch.pow(" + print(base, 0) + ", " + print(k, 0) + ")";
    }

    @Override
    String dilogarithm(String z) {
        return "li2(" + z + ")";
    }

    @Override
    String call(String key, String arguments) {
        String name = switch (key) {
            case "log", "cosh", "sinh", "abs", "expm1", "log1p", "erf", "erfc", "atanh", "sin", "cos", "tan"
                    -> "torch." + key;
            // helpers emitted with the module: torch.sigmoid and torch.tanh lose their gradients' tails (σ(1 − σ), 1 − tanh²)
            case "sigmoid", "logisticsigmoid" -> "_sigmoid";
            case "tanh" -> "_tanh";
            case "arctanh" -> "torch.atanh";
            case "arctan" -> "torch.atan";
            case "max" -> "torch.maximum";
            case "min" -> "torch.minimum";
            case "softplus", "logcosh" -> key;   // helpers emitted with the module
            default -> noCodeForm(key, "PyTorch");
        };
        return name + "(" + arguments + ")";
    }
}

package org.actlab.symbolic.print;

import java.util.function.Function;

import org.actlab.symbolic.Symbols;
import org.matheclipse.core.interfaces.ISymbol;

/** The target languages of {@link ExpressionPrinter}. */
public enum Dialect {
    /** Unicode mathematics for terminals: {@code α_p·x² + β·x}. */
    TEXT,
    /** ASCII with the user's names, for JSON and CSV: {@code alpha_p*x^2 + beta*x}. */
    PLAIN,
    /** LaTeX: {@code \alpha_{p} x^{2} + \beta x}. */
    LATEX,
    /** Java double arithmetic with {@code Math} and the emitted helpers. */
    JAVA,
    /** PyTorch tensor arithmetic ({@code torch.*}). */
    PYTORCH;

    /**
     * The printer of this dialect.
     *
     * @param symbols  the symbol table (user names)
     * @param codeName for code dialects, how a parameter is referenced ({@code p[0]}, {@code alpha_p}); may be null
     */
    public ExpressionPrinter printer(Symbols symbols, Function<ISymbol, String> codeName) {
        return switch (this) {
            case TEXT -> new TextPrinter(symbols);
            case PLAIN -> new PlainPrinter(symbols);
            case LATEX -> new LatexPrinter(symbols);
            case JAVA -> new JavaPrinter(symbols, codeName);
            case PYTORCH -> new PyTorchPrinter(symbols, codeName);
        };
    }
}

package org.actlab.symbolic.print;

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
    PYTORCH
}

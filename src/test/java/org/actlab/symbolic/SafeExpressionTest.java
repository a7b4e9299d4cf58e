package org.actlab.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.actlab.ActlabException;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.interfaces.IExpr;

/** The whitelist parser: only its grammar reaches Symja; everything else is named and rejected. */
class SafeExpressionTest {
    private final Symbols symbols = new Symbols(List.of("alpha_p", "beta"));
    private final ExpressionParser parser = new ExpressionParser(symbols, true);

    @Test
    void rejectsEveryFunctionOutsideTheWhitelistByName() {
        for (String f : List.of("Import", "Export", "ReadString", "Run", "RunProcess", "JavaNew", "Get", "Put",
                "SystemDialogInput", "URLFetch", "DeleteFile", "Java", "LoadJavaClass", "Compile", "Eval", "Zeta")) {
            ActlabException e = assertThrows(ActlabException.class, () -> parser.parse(f + "(\"/etc/passwd\")"));
            assertTrue(e.getMessage().contains("'" + f + "'") || e.getMessage().contains("unexpected character"),
                    f + ": " + e.getMessage());
            ActlabException e2 = assertThrows(ActlabException.class, () -> parser.parse("x + " + f + "(x)"));
            assertTrue(e2.getMessage().startsWith("function '" + f + "' is not allowed"), e2.getMessage());
        }
    }

    @Test
    void rejectsSymjaSyntaxThatIsNotArithmetic() {
        for (String s : List.of("\"a\"", "{x, 1}", "x[1]", "#+1&", "f@x", "x := 1", "x /. x -> 1", "x; y", "$Path",
                "exp[x]", "x @@ y", "`x`", "x // N")) {
            assertThrows(ActlabException.class, () -> parser.parse(s), s);
        }
    }

    @Test
    void namesUnknownSymbolsAndWrongArity() {
        ActlabException e = assertThrows(ActlabException.class, () -> parser.parse("gamma*x"));
        assertTrue(e.getMessage().contains("unknown symbol 'gamma'") && e.getMessage().contains("alpha_p, beta"), e.getMessage());
        assertTrue(assertThrows(ActlabException.class, () -> parser.parse("max(x)")).getMessage().contains("takes 2 arguments"));
        assertTrue(assertThrows(ActlabException.class, () -> new ExpressionParser(symbols, false).parse("x + 1"))
                .getMessage().contains("variable x cannot appear"));
    }

    @Test
    void parsesTheGrammarExactly() {
        SymbolicEngine engine = SymbolicEngine.standard();
        // -x^2 is -(x^2); 1e-3 is the exact rational 1/1000; names are case-insensitive for functions
        IExpr a = engine.eval("t", parser.parse("-x^2 + 1e-3*Exp(x) - EXP(0)"));
        IExpr b = engine.eval("t", org.matheclipse.core.expression.F.Plus(
                org.matheclipse.core.expression.F.Negate(org.matheclipse.core.expression.F.Sqr(symbols.x())),
                org.matheclipse.core.expression.F.Times(org.matheclipse.core.expression.F.QQ(1, 1000),
                        org.matheclipse.core.expression.F.Power(org.matheclipse.core.expression.S.E, symbols.x())),
                org.matheclipse.core.expression.F.CN1));
        assertEquals(b, a);
        // sigmoid(u) is 1/(1 + e^-u): at 0 exactly 1/2
        assertEquals("1/2", engine.eval("t", org.matheclipse.core.expression.F.subst(parser.parse("sigmoid(x)"), symbols.x(),
                org.matheclipse.core.expression.F.C0)).toString());
    }

    @Test
    void parameterNamesThatCollideWithSymjaBuiltinsStayParameters() {
        // 'beta' would be Symja's Beta function, 'e' a reserved constant
        Symbols s = new Symbols(List.of("beta", "gamma", "pi0"));
        IExpr e = SymbolicEngine.standard().eval("t", new ExpressionParser(s, true).parse("beta*gamma + pi0"));
        assertTrue(e.isPlus(), e.toString());
        assertThrows(ActlabException.class, () -> new Symbols(List.of("E")));
        assertThrows(ActlabException.class, () -> new Symbols(List.of("exp")));
        assertThrows(ActlabException.class, () -> new Symbols(List.of("a", "a")));
    }
}

package org.actlab.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.actlab.ActlabException;
import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The whitelist parser on generated hostile text: every input is parsed or refused with an
 * {@link ActlabException} whose message is one line of bounded length; nothing else escapes (no
 * StackOverflowError, no NumberFormatException, no ArithmeticException), whatever the nesting, the
 * length, the numbers or the characters. Fixed seeds: the same inputs every run.
 */
class ExpressionParserProperties {
    private static final Symbols SYMBOLS = new Symbols(List.of("a", "beta"));

    /** Parses, and returns the error message or null; any other throwable fails the property. */
    private static String outcome(String text) {
        try {
            new ExpressionParser(SYMBOLS, true).parse(text);
            return null;
        } catch (ActlabException e) {
            return e.getMessage();
        }
    }

    private static void oneBoundedLine(String message) {
        if (message != null) {
            assertFalse(message.contains("\n") || message.contains("\r"), message);
            // the message quotes at most an excerpt of the input (60 characters and a window of 40 around the error)
            assertTrue(message.length() <= 400, "message of " + message.length() + " characters");
        }
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        Arbitrary<String> token = Arbitraries.of("x", "a", "beta", "gamma", "1", "0.5", "1e5", "1e999999", ".", "e", "E",
                "(", ")", "+", "-", "*", "/", "^", "**", ",", "exp(", "log(", "sin(", "max(", "Import(", "\"s\"", "{", "}",
                "[", "]", ";", ":", "==", "<", "１", "٣", "\u00e9", "\t", "\n", " ", "\u0000", "\ud83d\ude00", "&&", "$Path");
        return token.list().ofMaxSize(400).map(l -> String.join("", l));
    }

    @Property(tries = 600, seed = "20261201")
    void anyTextIsParsedOrRefusedOnOneLine(@ForAll("tokenSoup") String text) {
        oneBoundedLine(outcome(text));
    }

    @Provide
    Arbitrary<String> wrapper() {
        return Arbitraries.of("(", "-", "+", "exp(", "x^", "tanh(", "-(");
    }

    @Property(tries = 200, seed = "20261202")
    void nestingIsBoundedNotAStackOverflow(@ForAll("wrapper") String open, @ForAll @IntRange(min = 1, max = 20_000) int depth) {
        String close = open.endsWith("(") ? ")" : "";
        String text = open.repeat(depth) + "x" + close.repeat(depth);
        String message = outcome(text);
        oneBoundedLine(message);
        if (text.length() > ExpressionParser.MAX_LENGTH) {
            assertTrue(message != null && message.contains("at most " + ExpressionParser.MAX_LENGTH), text.length() + ": " + message);
        } else if (depth > ExpressionParser.MAX_DEPTH) {
            assertTrue(message != null && message.contains("nested more than"), depth + ": " + message);
        }
    }

    @Property(tries = 400, seed = "20261203")
    void numberLiteralsAreExactOrRefused(@ForAll @IntRange(min = 1, max = 60) int digits,
                                         @ForAll @IntRange(min = -2000, max = 2000) int exponent,
                                         @ForAll @IntRange(min = 1, max = 9) int lead) {
        String mantissa = lead + "7".repeat(digits - 1);
        String text = mantissa + "e" + exponent;
        String message = outcome(text);
        oneBoundedLine(message);
        BigDecimal value = new BigDecimal(text);
        String problem = ExpressionParser.literalProblem(value);
        if (problem == null) {
            // accepted: the parsed number is the decimal's exact rational value
            IExpr e = new ExpressionParser(SYMBOLS, true).parse(text);
            BigFraction f = ((IRational) e).toBigFraction();
            assertEquals(0, new BigDecimal(f.getNumerator()).compareTo(value.multiply(new BigDecimal(f.getDenominator()))), text);
        } else {
            assertTrue(message != null && message.contains(problem), text + ": " + message);
        }
    }

    @Property(tries = 300, seed = "20261204")
    void constantExponentsAreBounded(@ForAll @IntRange(min = -100_000, max = 100_000) int k) {
        String message = outcome("(x+1)^" + (k < 0 ? "(" + k + ")" : k));
        oneBoundedLine(message);
        assertEquals(Math.abs(k) > ExpressionParser.MAX_CONSTANT_EXPONENT, message != null, k + ": " + message);
    }
}

package org.actlab.symbolic;

import java.util.List;

import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The result of integrating a gradient specification: the activation in closed form per piece (or
 * flagged as numerically integrated), the proof that it differentiates back to the gradient, and its
 * properties. Printers take this value and never recompute.
 *
 * @param spec          the specification
 * @param pieces        one result per piece, left to right
 * @param closedForm    whether every piece has a closed-form antiderivative
 * @param breakpoints   smoothness at every breakpoint
 * @param valueAtZero   {@code f(0)} (null when not in closed form)
 * @param slopeAtZero   {@code f′(0⁻)} and {@code f′(0⁺)} (equal unless 0 is a breakpoint with a kink)
 * @param limits        limits of f and f′ at ±∞
 * @param asymptotes    the behaviour of f at −∞ and +∞ (asymptote line, or growth)
 * @param stationary    stationary points (g = 0) and intervals where g ≡ 0
 * @param monotone      the ranges where f increases or decreases
 * @param globalMinimum the global minimum in closed form, or {@code null} with {@link #minimumNote}
 * @param minimumNote   why there is no closed-form global minimum, or how it was established
 * @param notes         how undecided questions were settled (sampling), what could not be done
 * @param seconds       wall-clock time of the derivation
 */
public record Derivation(GradientSpec spec, List<PieceResult> pieces, boolean closedForm,
                         List<Breakpoint> breakpoints, IExpr valueAtZero, IExpr[] slopeAtZero,
                         Limits limits, List<Asymptote> asymptotes, List<StationaryPoint> stationary,
                         List<MonotoneRange> monotone, StationaryPoint globalMinimum, String minimumNote,
                         List<String> notes, double seconds) {

    /** How {@code f′ = g} was established on a piece. */
    public enum Proof {
        /** Simplify(D[f] − g) returned 0. */
        PROVED,
        /** Symbolic simplification was inconclusive; the residual vanished numerically at sampled points. */
        NUMERIC,
        /** No closed form: f is the numeric integral of g, so f′ = g by construction. */
        BY_CONSTRUCTION,
        /** The residual does not vanish (a bug, reported, never hidden). */
        FAILED
    }

    /**
     * One piece of the result.
     *
     * @param domain         the interval
     * @param gradient       g on the piece
     * @param antiderivative ∫g dx as Symja returned it, or {@code null} without a closed form
     * @param activation     f on the piece with its constant fixed, or {@code null} without a closed form
     * @param proof          how f′ = g was established
     * @param residual       the simplified D[f] − g
     */
    public record PieceResult(Interval domain, IExpr gradient, IExpr antiderivative, IExpr activation,
                              Proof proof, IExpr residual) {
    }

    /**
     * Smoothness at a breakpoint.
     *
     * @param x          the breakpoint
     * @param smoothness the largest k with f ∈ Cᵏ there ({@link Integer#MAX_VALUE} for C^∞, the
     *                   pieces being the same analytic function), for generic parameter values
     * @param jumpOrder  the order of the first derivative that jumps (smoothness + 1), or 0
     * @param jump       that derivative's jump, right minus left, or {@code null}
     * @param checkedUpTo the highest derivative order compared when no jump was found
     */
    public record Breakpoint(BigFraction x, int smoothness, int jumpOrder, IExpr jump, int checkedUpTo) {
        /** Whether f is C^∞ there. */
        public boolean smooth() {
            return smoothness == Integer.MAX_VALUE;
        }
    }

    /** How a limit came out. */
    public enum LimitKind { FINITE, PLUS_INFINITY, MINUS_INFINITY, SIGN_DEPENDS, UNKNOWN }

    /**
     * A limit at ±∞.
     *
     * @param kind        finite, ±∞, ±∞ depending on the sign of {@code value}, or unknown
     * @param value       the finite value, or for ±∞ the expression whose sign is the sign of the limit
     * @param sampled     whether a sign was decided on the sampled assumption region (not by algebra)
     */
    public record Limit(LimitKind kind, IExpr value, boolean sampled) {
    }

    /** Limits of f, f′ and f″ at −∞ and +∞. */
    public record Limits(Limit fMinus, Limit fPlus, Limit dfMinus, Limit dfPlus, Limit d2fMinus, Limit d2fPlus) {
    }

    /**
     * The behaviour of f at one end.
     *
     * @param direction −1 for x → −∞, +1 for x → +∞
     * @param slope     the asymptote's slope m (null when there is no asymptote line)
     * @param intercept the asymptote's intercept c (null when there is none)
     * @param growth    the leading term when f grows faster than linearly (null otherwise)
     */
    public record Asymptote(int direction, IExpr slope, IExpr intercept, IExpr growth) {
    }

    /** What kind of stationary point. */
    public enum StationaryKind { MINIMUM, MAXIMUM, INFLECTION, UNKNOWN, CONSTANT_INTERVAL }

    /**
     * A stationary point x* of f (g(x*) = 0) inside its piece, or an interval where g ≡ 0.
     *
     * @param x        x* (for an interval: its left end, or null for −∞)
     * @param value    f(x*) in closed form, or {@code null}
     * @param valueInX f(x*) written with the symbol x* where that is shorter ({@code −β + (β − α_n)·x*}), or null
     * @param kind     minimum, maximum, inflection, unknown, or a constant interval
     * @param piece    the index of the piece
     * @param note     how membership and kind were decided
     */
    public record StationaryPoint(IExpr x, IExpr value, IExpr valueInX, StationaryKind kind, int piece, String note) {
    }

    /**
     * A range of monotonicity.
     *
     * @param from       the left end (null for −∞)
     * @param to         the right end (null for +∞)
     * @param direction  +1 increasing, −1 decreasing, 0 constant, {@code null} undecided
     */
    public record MonotoneRange(IExpr from, IExpr to, Integer direction) {
    }
}

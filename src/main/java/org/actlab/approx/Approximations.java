package org.actlab.approx;

import java.util.Locale;

import org.actlab.ActlabException;
import org.actlab.network.Network;
import org.actlab.polynomial.Interval;
import org.actlab.polynomial.Target;

/** Builds networks for a target error with the available constructions, and certifies them. */
public final class Approximations {
    /** Construction methods. */
    public enum Method {
        /**
         * Yarotsky's construction as written: for x² the plain sawtooth interpolant (error exactly
         * W²·2^(−2m−2)); for higher degree, Horner with two-square products, every chain with the same
         * number of levels, λ = 1, no re-centring.
         */
        TEXTBOOK,
        /**
         * The sawtooth re-centred on its error range (x²: half the error at the same size); for
         * higher degree, levels and λ chosen per chain on the dense parameter count, one merged
         * accumulator per step, output re-centred on the error interval.
         */
        DEEP,
        /**
         * The best one-hidden-layer network: uniform knots for x², greedy free knots otherwise
         * (equioscillating, hence optimal, for convex or concave targets).
         */
        SHALLOW,
        /** One hidden layer with uniform knots (optimal for x²; for other targets the simple baseline). */
        UNIFORM,
        /**
         * A one-hidden-layer network of the shallow method's shape (at most 64 units) trained by
         * least squares from seeded starts; it reports the error it reaches, which need not meet ε.
         */
        TRAINED;

        /** The lower-case name used on the command line. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Approximations() {
    }

    /**
     * A certified network for {@code target} on {@code [a, b]} with error at most {@code eps}.
     *
     * @throws ActlabException when the request is invalid or beyond the size limits
     */
    public static Approximation build(Target target, double a, double b, double eps, Method method) {
        if (method == Method.TRAINED) {
            return trained(target, a, b, eps);
        }
        // The design works with ideal weights; the stored doubles round them, which can lift the
        // certified error a hair above the design. Then design again for a slightly smaller error.
        double design = eps;
        Approximation ap = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            ap = buildFor(target, a, b, design, method);
            double excess = ap.certificate().certifiedError() - eps;
            if (excess <= 0) {
                return new Approximation(ap.method(), ap.target(), a, b, eps, ap.network(), ap.certificate(),
                        ap.description() + (design < eps ? " (designed for ε = " + design + " so that the stored "
                                + "double weights certify within ε)" : ""));
            }
            if (excess > 0.5 * eps) {
                break;   // not a hair above ε: designing for a smaller error cannot close this gap
            }
            design *= 1 - Math.max(1e-9, 4 * excess / eps);
        }
        throw new ActlabException("could not certify a network within ε = " + eps + " (certified "
                + ap.certificate().certifiedError() + ", sampled " + ap.certificate().sampledError() + "): "
                + (ap.certificate().certifiedError() > 2 * eps
                        ? "the bound on the one-ulp pieces around kinks grows with the depth of this network (a larger ε or "
                                + "a lower degree helps; one-hidden-layer networks have no such pieces)"
                        : "the rounding of double weights dominates at this ε"));
    }

    /** Seed of the trained baseline's starts. */
    public static final long TRAINING_SEED = 20241105L;

    private static Approximation trained(Target target, double a, double b, double eps) {
        checkRequest(target, a, b, eps);
        int units = target.name().equals("square") ? ShallowSquare.piecesFor(eps, a, b)
                : (int) ShallowGreedy.build(target, a, b, eps).network().neurons();
        int n = Math.min(units, TrainedShallow.MAX_UNITS);
        Network net = TrainedShallow.train(target, a, b, n, TRAINING_SEED);
        Certificate cert = Certifier.standard().certify(net, target, a, b);
        String note = cert.certifiedError() <= eps ? "meets ε" : "does not meet ε: training settles above it";
        return new Approximation(Method.TRAINED.key(), target, a, b, eps, net, cert, n + " hidden units (the shallow "
                + "method needs " + units + (units > n ? ", capped at " + n : "") + "), Levenberg–Marquardt on "
                + (6 * n + 1) + " uniform samples, best of " + TrainedShallow.STARTS + " starts (seed " + TRAINING_SEED
                + "); " + note);
    }

    private static void checkRequest(Target target, double a, double b, double eps) {
        Interval.of(a, b);   // finite ends with a < b
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new ActlabException("ε must be a positive number, got " + eps);
        }
        double[] extremes = target.range(a, b);
        double range = extremes[1] - extremes[0];
        if (eps >= range) {
            throw new ActlabException("ε = " + eps + " is not below the target's range " + range
                    + " on [" + a + ", " + b + "]: a constant already meets it");
        }
    }

    private static Approximation buildFor(Target target, double a, double b, double eps, Method method) {
        checkRequest(target, a, b, eps);
        Construction d = design(target, a, b, eps, method);
        refuseIfTooManyPieces(d, target, a, b, eps);
        return new Approximation(method.key(), target, a, b, eps, d.network(), Certifier.standard().certify(d.network(), target, a, b),
                d.description() + "; designed error " + d.errorBudget());
    }

    /**
     * Refuses at once, before any certification, a construction whose predicted linear pieces exceed what
     * the certifier takes ({@link Certifier#MAX_POINTS}): every piece is a point of the certifier's grid, so
     * it would fail there, after minutes and gigabytes. The suggested ε follows from the sawtooth's
     * 2^m ∝ ε^(−1/2) pieces per chain, with a factor 2 for the grid points that bracket a kink that is not a
     * double.
     */
    private static void refuseIfTooManyPieces(Construction d, Target target, double a, double b, double eps) {
        long limit = Certifier.MAX_POINTS;
        if (d.predictedPieces() <= limit) {
            return;
        }
        double ratio = 2.0 * d.predictedPieces() / limit;
        double suggest = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.1e", eps * ratio * ratio * 1.05));
        throw new ActlabException(ActlabException.field("eps") + " = " + eps + ": the network for " + target.name() + " on [" + a
                + ", " + b + "] would have about " + d.predictedPieces() + " linear pieces (predicted from its construction: "
                + "the kinks of its sawtooth chains), above the certifier's limit of " + limit + " pieces; ask for ε ≥ "
                + suggest + ", or use " + ActlabException.field("method") + " shallow (one hidden layer)");
    }

    private static Construction design(Target target, double a, double b, double eps, Method method) {
        if (method == Method.UNIFORM) {
            return ShallowGreedy.uniform(target, a, b, eps);
        }
        boolean square = target.name().equals("square");
        if (method == Method.SHALLOW && !square) {
            return ShallowGreedy.build(target, a, b, eps);
        }
        if (method == Method.SHALLOW) {
            return ShallowSquare.construction(ShallowSquare.piecesFor(eps, a, b), a, b);
        }
        boolean recentred = method == Method.DEEP;
        if (!square) {
            return PolynomialNetwork.optimise(PolynomialNetwork.problem(target, a, b), eps, recentred, method == Method.TEXTBOOK);
        }
        return SawtoothSquare.construction(SawtoothSquare.levelsFor(eps, recentred, a, b), recentred, a, b);
    }
}

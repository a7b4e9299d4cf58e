package org.actlab.approx;

import java.util.Locale;

import org.actlab.ActlabException;
import org.actlab.network.Network;

/** Builds networks for a target error with the available constructions, and certifies them. */
public final class Approximations {
    /** Construction methods. */
    public enum Method {
        /** Yarotsky's plain sawtooth interpolant (error exactly W²·2^(−2m−2)). */
        TEXTBOOK,
        /** The sawtooth re-centred on its error range (half the error, same size). */
        DEEP,
        /** The best one-hidden-layer network (equioscillating, uniform knots for x²). */
        SHALLOW;

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
     * @throws ActlabException when the request is invalid or the target/method pair is not available
     */
    public static Approximation build(Target target, double a, double b, double eps, Method method) {
        if (!(a < b) || !Double.isFinite(a) || !Double.isFinite(b)) {
            throw new ActlabException("the interval must have finite ends with a < b, got [" + a + ", " + b + "]");
        }
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new ActlabException("ε must be a positive number, got " + eps);
        }
        if (!target.name().equals("square")) {
            throw new ActlabException("target " + target.name() + " has no construction yet (available: square)");
        }
        double range = Math.max(a * a, b * b) - (a < 0 && b > 0 ? 0 : Math.min(a * a, b * b));
        if (eps >= range) {
            throw new ActlabException("ε = " + eps + " is not below the target's range " + range
                    + " on [" + a + ", " + b + "]: a constant already meets it");
        }
        Network net;
        String description;
        switch (method) {
            case TEXTBOOK, DEEP -> {
                boolean recentred = method == Method.DEEP;
                int m = SawtoothSquare.levelsFor(eps, recentred, a, b);
                double[] frame = SawtoothSquare.frame(m, a, b);
                net = SawtoothSquare.network(m, recentred, a, b);
                description = m + " sawtooth levels (width 3) on the dyadic frame [" + frame[0] + ", " + (frame[0] + frame[1])
                        + "]" + (recentred ? ", output re-centred by half the interpolation error" : "")
                        + "; designed error " + SawtoothSquare.error(m, recentred, a, b);
            }
            case SHALLOW -> {
                int n = ShallowSquare.piecesFor(eps, a, b);
                net = ShallowSquare.network(n, a, b);
                description = n + " hidden units, uniform knots, secants shifted by h²/8 (equioscillating); designed error "
                        + ShallowSquare.error(n, a, b);
            }
            default -> throw new IllegalStateException(method.toString());
        }
        Certificate cert = Certifier.certify(net, target, a, b);
        return new Approximation(method.key(), target, a, b, eps, net, cert, description);
    }
}

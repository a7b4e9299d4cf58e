package org.actlab.validation;

import java.util.SplittableRandom;

/**
 * The seeded points on which an activation's ND4J form is held to its reference: a mixture that
 * covers where the formulas differ in character, drawn chunk by chunk (the same seed gives the same
 * points in the same order, whatever the chunk size of the caller).
 */
public final class SamplePoints {
    /** How the points are drawn, in words (for the report). */
    public static final String DISTRIBUTION = "seeded mixture: 35% N(0, 3²), 20% U[−40, 40], 30% ±10^U[−12, 3], "
            + "10% breakpoint ± 10^U[−12, −1], 5% ±10^U[3, 12]; first the special points "
            + "0, −0, ±4.9e-324, ±1e-300, ±1e-16, ±1e-8, ±0.5, ±1, ±18.5, ±20, ±30, ±40, ±100, ±700, ±710, ±1e6, ±1e12, ±1e100, ±1e150";

    private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, 1e-300, 1e-16, 1e-8, 0.5, 1, 18.5, 20, 30, 40, 100,
        700, 710, 1e6, 1e12, 1e100, 1e150};

    private final SplittableRandom random;
    private final double[] breakpoints;
    private boolean specialsGiven;

    /** @param breakpoints where the activation changes formula (0 for the ReLU family), sampled closely */
    public SamplePoints(long seed, double[] breakpoints) {
        this.random = new SplittableRandom(seed);
        this.breakpoints = breakpoints.length == 0 ? new double[] {0} : breakpoints.clone();
    }

    /** The next {@code n} points (the special points and the breakpoints themselves come first). */
    public double[] next(int n) {
        double[] out = new double[n];
        int i = 0;
        if (!specialsGiven) {
            for (int k = 0; k < SPECIAL.length && i < n; k++) {
                out[i++] = SPECIAL[k];
                if (SPECIAL[k] != 0 && i < n) {
                    out[i++] = -SPECIAL[k];
                }
            }
            for (int k = 0; k < breakpoints.length && i < n; k++) {
                out[i++] = breakpoints[k];
            }
            specialsGiven = true;
        }
        for (; i < n; i++) {
            out[i] = draw();
        }
        return out;
    }

    private double draw() {
        double u = random.nextDouble();
        double sign = random.nextBoolean() ? 1 : -1;
        if (u < 0.35) {
            return 3 * gaussian();
        }
        if (u < 0.55) {
            return random.nextDouble(-40, 40);
        }
        if (u < 0.85) {
            return sign * Math.pow(10, random.nextDouble(-12, 3));
        }
        if (u < 0.95) {
            return breakpoints[random.nextInt(breakpoints.length)] + sign * Math.pow(10, random.nextDouble(-12, -1));
        }
        return sign * Math.pow(10, random.nextDouble(3, 12));
    }

    /** A standard normal draw (Box–Muller on the seeded generator). */
    private double gaussian() {
        double a = 1 - random.nextDouble();
        double b = random.nextDouble();
        return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * b);
    }
}

package org.actlab.gpu.api;

/**
 * A saved network evaluated on a dense grid by batched matrix products, held to what its JSON says
 * it approximates.
 *
 * @param file          the network file
 * @param inputDim      inputs
 * @param parameters    weights and biases
 * @param approximates  the target as recorded ("square", "power:3", "polyrelu network", "ridge d=2 n=2"…)
 * @param region        the interval or box as recorded
 * @param points        grid points evaluated
 * @param sampledError  the largest |target − network| on the grid (float64)
 * @param at            where it occurs (first coordinate for d ≥ 2)
 * @param certified     the recorded exact certificate (1-D), or NaN
 * @param float64Bound  the recorded float64 rounding bound over it, or NaN
 * @param bound         the recorded construction bound (d ≥ 2), or NaN
 * @param verdict       what was checked and how close sampling came
 * @param perSecond     grid points per second on the backend
 * @param passed        sampled ≤ certified + float64 bound (or ≤ bound)
 */
public record NetworkCheck(String file, int inputDim, long parameters, String approximates, String region, long points,
                           double sampledError, double at, double certified, double float64Bound, double bound, String verdict,
                           double perSecond, boolean passed) {
}

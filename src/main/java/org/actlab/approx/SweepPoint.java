package org.actlab.approx;

/**
 * One point of a sweep: a method's certified network for one ε.
 *
 * @param target            target name
 * @param a                 interval start
 * @param b                 interval end
 * @param method            construction method
 * @param eps               requested error
 * @param parameters        all weights and biases
 * @param nonzeroParameters nonzero weights and biases
 * @param depth             affine layers
 * @param width             widest hidden layer
 * @param certifiedError    the certificate
 * @param sampledError      exact error at the worst samples
 */
public record SweepPoint(String target, double a, double b, String method, double eps, long parameters,
                         long nonzeroParameters, int depth, int width, double certifiedError, double sampledError) {
}

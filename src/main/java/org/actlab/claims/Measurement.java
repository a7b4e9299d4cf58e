package org.actlab.claims;

/**
 * A number a claim measured, with what it was held to.
 *
 * @param name        what was measured ({@code f'(0-)})
 * @param value       the measured value
 * @param requirement what it had to meet, in words ({@code = β = 0.5 within 4 ulp})
 * @param met         whether it met it
 */
public record Measurement(String name, double value, String requirement, boolean met) {
}

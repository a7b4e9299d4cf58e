package org.actlab.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SoftplusTest {
    @Test
    void followsPytorchThresholdSemantics() {
        // above 20 the input is returned unchanged (torch.nn.functional.softplus, threshold=20)
        assertEquals(20.5, Softplus.value(20.5), 0.0);
        assertEquals(Math.log1p(Math.exp(20.0)), Softplus.value(20.0), 0.0);
        assertEquals(1.0, Softplus.derivative(25), 0.0);
        assertEquals(Math.exp(20.0) / (Math.exp(20.0) + 1), Softplus.derivative(20.0), 0.0);
        assertEquals(Math.log(2), Softplus.value(0), 0.0);
        assertEquals(0.5, Softplus.derivative(0), 0.0);
    }

    @Test
    void inverseRoundTrips() {
        // r = log(expm1(y)) is rounded with absolute error ≈ |r|·u; exp turns that into a relative
        // error |r|·u of y (d softplus/softplus = dr·σ(r)/softplus(r) ≤ dr), plus ≤ 4 roundings of
        // expm1, log, exp, log1p: (|r| + 4) ulp of y.
        for (double y : new double[] {1e-8, 1e-3, 0.3, 0.8, 5, 19.9, 20.1, 300}) {
            double r = Softplus.inverse(y);
            assertEquals(y, Softplus.value(r), (Math.abs(r) + 4) * Math.ulp(y), "y=" + y);
        }
        assertThrows(IllegalArgumentException.class, () -> Softplus.inverse(0));
    }
}

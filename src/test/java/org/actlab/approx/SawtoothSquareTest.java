package org.actlab.approx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.actlab.ActlabException;
import org.actlab.network.Network;
import org.actlab.polynomial.Target;
import org.junit.jupiter.api.Test;

class SawtoothSquareTest {
    @Test
    void parameterCountIs12mMinus7() {
        assertEquals(7, SawtoothSquare.network(1, false).parameterCount(Network.Count.ALL));
        for (int m = 2; m <= 22; m++) {
            assertEquals(12L * m - 7, SawtoothSquare.network(m, false).parameterCount(Network.Count.ALL), "m=" + m);
        }
        // Yarotsky's sawtooth (Neural Networks 2017), width 3: x² on [0, 1] at 1e-12 with the width-3 sawtooth takes 221 parameters (m = 19)
        assertEquals(19, SawtoothSquare.levelsFor(1e-12, false, 0, 1));
    }

    @Test
    void recentringHalvesTheErrorAtNoCost() {
        for (int m = 1; m <= 12; m++) {
            Certificate plain = Certifier.standard().certify(SawtoothSquare.network(m, false), Target.square(), 0, 1);
            Certificate centred = Certifier.standard().certify(SawtoothSquare.network(m, true), Target.square(), 0, 1);
            assertEquals(plain.certifiedError() / 2, centred.certifiedError(), 0.0);
        }
    }

    @Test
    void anyIntervalThroughADyadicFrame() {
        double[][] intervals = {{-1, 1}, {-0.3, 2.5}, {-2, -0.5}, {3, 3.1}, {-100, 7}};
        for (double[] ab : intervals) {
            for (int m : new int[] {2, 5, 9}) {
                double[] frame = SawtoothSquare.frame(m, ab[0], ab[1]);
                assertTrue(frame[0] <= ab[0] && frame[0] + frame[1] >= ab[1]);
                assertTrue(frame[1] < 2 * (ab[1] - ab[0]) + Math.scalb(frame[1], -m + 1), "frame at most twice as wide");
                Certificate c = Certifier.standard().certify(SawtoothSquare.network(m, true, ab[0], ab[1]), Target.square(), ab[0], ab[1]);
                assertTrue(c.certifiedError() <= SawtoothSquare.error(m, true, ab[0], ab[1]));
                assertEquals(0, c.microIntervals(), "every kink is a double");
                assertTrue(c.exact());
            }
        }
    }

    @Test
    void tooManyLevelsIsAUserError() {
        assertThrows(ActlabException.class, () -> SawtoothSquare.levelsFor(1e-20, true, 0, 1));
        assertThrows(ActlabException.class, () -> SawtoothSquare.network(0, true));
    }
}

package org.actlab.print;

import java.util.List;

import org.actlab.approx.SweepPoint;
import org.actlab.io.Numbers;
import org.actlab.io.OutputProvenance;

/** The CSV of an error sweep: one row per constructed network. */
public final class SweepPrinter {
    private SweepPrinter() {
    }

    /** One row per network of the sweep, after the provenance comment line. */
    public static String csv(List<SweepPoint> points, OutputProvenance provenance) {
        StringBuilder sb = new StringBuilder(provenance.csvComment()).append(
                "target,interval_a,interval_b,method,eps,parameters,nonzero_parameters,depth,width,certified_error,sampled_error\n");
        for (SweepPoint p : points) {
            sb.append(p.target()).append(',').append(Numbers.format(p.a())).append(',').append(Numbers.format(p.b()))
                    .append(',').append(p.method()).append(',').append(Numbers.format(p.eps())).append(',')
                    .append(p.parameters()).append(',').append(p.nonzeroParameters()).append(',').append(p.depth())
                    .append(',').append(p.width()).append(',').append(Numbers.format(p.certifiedError())).append(',')
                    .append(Numbers.format(p.sampledError())).append('\n');
        }
        return sb.toString();
    }
}

package org.actlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.actlab.ActlabException;
import org.actlab.approx.Certificate;
import org.actlab.approx.Certifier;
import org.actlab.polynomial.Target;
import org.actlab.io.ProcessTime;
import org.actlab.print.CertificatePrinter;
import org.actlab.network.Network;
import org.actlab.network.NetworkJson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code actlab certify}: the exact sup error of a saved network. */
@Command(name = "certify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Certify the exact sup error of a saved one-input ReLU network against a target.",
            "The network is actlab-network/1 JSON; every breakpoint is found and proved complete, the network",
            "is evaluated in exact rational arithmetic, and the maximum on each piece is found analytically."},
        footer = {"", "Example:", "  actlab certify square.json --target square --interval 0,1 --format json"})
public final class CertifyCommand implements Callable<Integer> {
    /** The most float64 multiply-adds of the sampled error (samples × parameters). */
    static final long MAX_SAMPLE_WORK = 2_000_000_000L;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NET.json", description = "the network file")
    private Path file;

    @picocli.CommandLine.Mixin
    private TargetOptions targetOptions = new TargetOptions();

    @Option(names = "--samples", paramLabel = "N", description = "sample points (default: 100003, fewer for networks "
            + "over 2000 parameters so sampling stays near 2e8 multiply-adds)")
    private Integer samples;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "output format (default: ${DEFAULT-VALUE})")
    private String format;

    @Override
    public Integer call() {
        Target t = targetOptions.target();
        double[] ab = targetOptions.interval();
        String fmt = ApproxCommand.checkFormat(format);
        if (samples != null && (samples < 1 || samples > 10_000_000)) {
            throw new ActlabException("--samples must be from 1 to 10000000, got " + samples);
        }
        Network net = NetworkJson.read(file);
        Certifier certifier = samples != null ? Certifier.standard().withSamples(samples) : Certifier.standard();
        long work = (long) certifier.samplesFor(net) * net.parameterCount(Network.Count.ALL);
        if (work > MAX_SAMPLE_WORK) {
            throw new ActlabException("--samples × the network's " + net.parameterCount(Network.Count.ALL) + " parameters = "
                    + work + " multiply-adds of float64 sampling; at most " + MAX_SAMPLE_WORK + " (give fewer --samples)");
        }
        long start = System.nanoTime();
        Certificate c = certifier.certify(net, t, ab[0], ab[1]);
        ProcessTime time = ProcessTime.after(start);
        PrintWriter out = spec.commandLine().getOut();
        out.print(fmt.equals("json") ? CertificatePrinter.json(net, c, CommandOutput.provenance(spec), time)
                : CertificatePrinter.text(net, c) + CertificatePrinter.timeLine(time));
        out.flush();
        return 0;
    }
}

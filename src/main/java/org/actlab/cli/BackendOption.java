package org.actlab.cli;

import org.actlab.ActlabException;
import org.actlab.io.Excerpt;

import picocli.CommandLine.Option;

/** {@code --backend cpu|cuda} of the ND4J commands (a picocli mixin): the backend the build must have. */
final class BackendOption {
    @Option(names = "--backend", paramLabel = "cpu|cuda", description = "require this ND4J backend (the build decides which one is there)")
    String backend;

    /** Checks the value itself, before any work. */
    void checkValue() {
        if (backend != null && !backend.equals("cpu") && !backend.equals("cuda")) {
            throw new ActlabException("--backend takes cpu or cuda, got '" + Excerpt.of(backend) + "'");
        }
    }

    /** Fails (exit 2) when the build's backend, in words, is not the one asked for. */
    void require(String backendText) {
        if (backend == null) {
            return;
        }
        boolean cuda = backendText.contains("CUDA");
        if (backend.equals("cuda") && !cuda) {
            throw new ActlabException("--backend cuda: this build has ND4J's CPU backend; build with 'mvn -Pcuda package' on a machine "
                    + "with an NVIDIA GPU of the Ampere generation or older (README: ND4J harness), or use 'actlab export' with PyTorch");
        }
        if (backend.equals("cpu") && cuda) {
            throw new ActlabException("--backend cpu: this build has ND4J's CUDA backend; build without -Pcuda for the CPU one");
        }
    }
}

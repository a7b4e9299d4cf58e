package org.actlab.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into {@code org/actlab/version.properties}. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    /** The project version, or "unknown" outside a Maven build. */
    public static String version() {
        return org.actlab.io.OutputProvenance.actlabVersion();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"actlab " + version(), "Java " + System.getProperty("java.version")};
    }
}

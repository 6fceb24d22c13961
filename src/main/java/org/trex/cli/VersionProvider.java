package org.trex.cli;

import org.trex.extract.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code trex --version}: the tool version and the git commit it was built from. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        BuildInfo info = BuildInfo.current();
        return new String[] {"trex " + info.version() + " (commit " + info.commit() + ")"};
    }
}

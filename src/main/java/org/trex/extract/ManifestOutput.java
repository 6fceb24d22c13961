package org.trex.extract;

import static java.util.Objects.requireNonNull;

/** An output as the manifest lists it: rows written and the digest of its content over sorted rows. */
public record ManifestOutput(String name, long rows, String contentSha256) {
    public ManifestOutput {
        requireNonNull(name, "name is null");
        requireNonNull(contentSha256, "contentSha256 is null");
        if (rows < 0) {
            throw new IllegalArgumentException("Cannot list output in manifest: " + name + " has negative rows "
                    + rows);
        }
    }
}

package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pseudonymisation key of one project: its name (recorded in lineage), where its file is found, relative to the
 * policy file unless absolute, and optionally the key ID the file must have, so the board's signed plan pins the key.
 * The key itself is never in a policy.
 */
public record ProjectKey(String project, String name, String file, Optional<String> id) {
    /** A key ID as trex prints it: the first 16 hex digits of the SHA-256 of the key bytes. */
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");

    public ProjectKey {
        Names.requireId(project, "project");
        Names.requireText(name, "key name");
        requireNonNull(file, "file is null");
        requireNonNull(id, "id is null");
        id.ifPresent(value -> {
            if (!KEY_ID.matcher(value).matches()) {
                // Not quoted: a key pasted here by mistake must not reach a terminal or a log.
                throw new IllegalArgumentException("Cannot use key id of project " + project + " (" + value.length()
                        + " characters, not shown): expected a key ID as trex prints it (16 lowercase hex digits, as"
                        + " trex plan and lineage show it), never the key");
            }
        });
    }

    /** A key whose file's ID the policy does not pin. */
    public ProjectKey(String project, String name, String file) {
        this(project, name, file, Optional.empty());
    }
}

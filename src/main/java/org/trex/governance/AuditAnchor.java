package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An audit entry's sequence number and hash as noted outside the database ({@code trex audit --head}): the chain
 * proves every entry up to an anchored one unchanged only if that one's hash is known from somewhere a database
 * superuser cannot rewrite.
 */
public record AuditAnchor(long seq, String hash) {
    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,18})\\s*[: ]\\s*([0-9a-f]{64})\\s*");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    public AuditAnchor {
        requireNonNull(hash, "hash is null");
        if (seq < 1) {
            throw new IllegalArgumentException("Cannot anchor the audit log at entry " + seq
                    + ": entries are numbered from 1");
        }
        if (!HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("Cannot anchor the audit log at entry " + seq + ": '" + hash
                    + "' is not a SHA-256 in lowercase hex");
        }
    }

    /** Reads {@code SEQ HASH} or {@code SEQ:HASH}, as {@code trex audit --head} prints it. */
    public static AuditAnchor parse(String text) {
        requireNonNull(text, "text is null");
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Cannot read the audit anchor '" + text + "': expected a sequence "
                    + "number and the entry's 64-hex hash, as trex audit --head prints them (SEQ HASH or SEQ:HASH)");
        }
        return new AuditAnchor(Long.parseLong(matcher.group(1)), matcher.group(2));
    }

    @Override
    public String toString() {
        return seq + " " + hash;
    }
}

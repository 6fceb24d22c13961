package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;
import org.trex.sshsig.SshPublicKey;

/**
 * One member of the governance board as the register lists them: the ID that names them in an allowed-signers
 * file, their name, role and organisation, and the ed25519 key they sign approvals with.
 */
public record BoardMember(String id, String name, String role, String organisation, SshPublicKey key) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,62}");
    /** What separates the parts of an organisation's name: its departments, sites or other names. */
    private static final Pattern PARTS = Pattern.compile("[,;()\\[\\]/]|\\s[-\u2013\u2014]\\s");

    public BoardMember {
        requireNonNull(id, "id is null");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Cannot use member id '" + id + "': use lowercase letters, digits and"
                    + " . _ @ -, starting with a letter or digit (at most 63); it is the principal in allowed_signers");
        }
        name = Names.requireText(name, "member name").strip();
        role = Names.requireText(role, "member role").strip();
        organisation = Names.requireText(organisation, "member organisation").strip();
        requireNonNull(key, "key is null");
    }

    /**
     * Whether the requester named in a spec belongs to this member's organisation: the organisation's words, or the
     * words of one of its parts of two words or more (between commas, semicolons, brackets, slashes or spaced
     * dashes: "City Council (Public Health)" has the parts "City Council" and "Public Health"), appear in order
     * among the requester's, compared as {@link NameFolding} reads them: with spacing, punctuation, accents and
     * invisible characters ignored, case and look-alike letters folded ("Public Health Team, City Council" belongs
     * to "City Council", and so does "City Cоuncil." with a Cyrillic о). A part may name a department another
     * organisation also has; refusing such a member errs on the side of an independent board.
     */
    public boolean organisationRequested(String requester) {
        requireNonNull(requester, "requester is null");
        String words = " " + NameFolding.folded(requester) + " ";
        String whole = NameFolding.folded(organisation);
        if (!whole.isEmpty() && words.contains(" " + whole + " ")) {
            return true;
        }
        return PARTS.splitAsStream(organisation).map(NameFolding::folded)
                .filter(part -> part.contains(" "))
                .anyMatch(part -> words.contains(" " + part + " "));
    }

    /** How the member appears in messages: name, role and key fingerprint (never more). */
    public String describe() {
        return name + " (" + role + ", " + organisation + ", key " + key.fingerprint() + ")";
    }
}

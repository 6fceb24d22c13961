package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trex.spec.IdentifiersInText;

/**
 * What board members sign to approve an extract (namespace {@code trex-approval}): the extract, its version,
 * policy and requester, the plan hash (spec, policy, SQL and board register), the board's reference, the expiry
 * and the conditions. Its text is canonical: {@code trex approve SPEC --statement} prints exactly the bytes signed.
 */
public record ApprovalStatement(String extractId, int specVersion, String policy, String requester, String planHash,
        String reference, Optional<LocalDate> expiresOn, Optional<String> conditions) {
    static final String TITLE = "trex approval v1";
    private static final List<String> KEYS =
            List.of("extract", "version", "policy", "requester", "plan-hash", "reference", "expires", "conditions");
    private static final String NEVER = "never";
    private static final String NONE = "none";

    public ApprovalStatement {
        ApprovalSubject subject = new ApprovalSubject(extractId, specVersion, policy, requester, planHash);
        requester = subject.requester();
        reference = Texts.requireText(reference, "reference").strip();
        requireNonNull(expiresOn, "expiresOn is null");
        conditions = requireNonNull(conditions, "conditions is null").map(String::strip).filter(t -> !t.isEmpty());
    }

    /**
     * The statement approving this subject under this reference, expiry and conditions. A new reference is one line:
     * every listing and audit line names an approval by it. Neither names a person: the audit log keeps them for good
     * and the extract repeats them in its approval statement and lineage.
     */
    public static ApprovalStatement of(ApprovalSubject subject, String reference, Optional<LocalDate> expiresOn,
            Optional<String> conditions) {
        requireNonNull(subject, "subject is null");
        requireNonNull(reference, "reference is null");
        if (reference.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Cannot use reference for extract " + subject.extractId()
                    + ": it holds a line break or another control character; give one line, such as IGB-2026-014");
        }
        requireNoPerson(subject, "reference", Optional.of(reference));
        requireNoPerson(subject, "conditions", conditions);
        return new ApprovalStatement(subject.extractId(), subject.specVersion(), subject.policy(), subject.requester(),
                subject.planHash(), reference, expiresOn, conditions);
    }

    private static void requireNoPerson(ApprovalSubject subject, String what, Optional<String> text) {
        text.flatMap(IdentifiersInText::found).ifPresent(found -> {
            throw new IllegalArgumentException("Cannot use " + what + " for extract " + subject.extractId()
                    + ": it holds what looks like " + found + ", which the audit log and the extract would keep;"
                    + " name no person");
        });
    }

    /** What the statement approves. */
    public ApprovalSubject subject() {
        return new ApprovalSubject(extractId, specVersion, policy, requester, planHash);
    }

    /** A statement from its canonical text (as an extract keeps it); refuses any text that is not canonical. */
    public static ApprovalStatement parse(String text) {
        requireNonNull(text, "text is null");
        Map<String, String> fields = StatementText.fields(text, TITLE, KEYS);
        ApprovalStatement statement;
        try {
            String expires = fields.get("expires");
            String conditions = fields.get("conditions");
            statement = new ApprovalStatement(StatementText.unquoted(fields.get("extract"), "extract"),
                    Integer.parseInt(fields.get("version")), StatementText.unquoted(fields.get("policy"), "policy"),
                    StatementText.unquoted(fields.get("requester"), "requester"), fields.get("plan-hash"),
                    StatementText.unquoted(fields.get("reference"), "reference"),
                    expires.equals(NEVER) ? Optional.empty() : Optional.of(LocalDate.parse(expires)),
                    conditions.equals(NONE) ? Optional.empty()
                            : Optional.of(StatementText.unquoted(conditions, "conditions")));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("Cannot read approval statement: " + e.getMessage());
        }
        if (!statement.text().equals(text.replace("\r\n", "\n"))) {
            throw new IllegalArgumentException("Cannot read approval statement: it is not in canonical form");
        }
        return statement;
    }

    /** The canonical text, one field a line, ending with a newline. */
    public String text() {
        return new StatementText(TITLE)
                .quoted("extract", extractId)
                .plain("version", specVersion)
                .quoted("policy", policy)
                .quoted("requester", requester)
                .plain("plan-hash", planHash)
                .quoted("reference", reference)
                .plain("expires", expiresOn.map(LocalDate::toString).orElse(NEVER))
                .plain("conditions", conditions.map(StatementText::quote).orElse(NONE))
                .text();
    }

    /** The UTF-8 bytes of {@link #text()}: what is signed. */
    public byte[] bytes() {
        return StatementText.bytes(text());
    }
}

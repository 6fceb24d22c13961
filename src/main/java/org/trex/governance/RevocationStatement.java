package org.trex.governance;

/**
 * What a board member signs to withdraw an approval (namespace {@code trex-approval}, a title of its own so an
 * approval's signature never passes for a revocation): the extract, the approval's reference and plan hash, why.
 */
public record RevocationStatement(String extractId, String reference, String planHash, String reason) {
    static final String TITLE = "trex revocation v1";

    public RevocationStatement {
        Texts.requireText(extractId, "extract id");
        reference = Texts.requireText(reference, "reference").strip();
        Texts.requirePlanHash(planHash);
        reason = Texts.requireText(reason, "revocation reason").strip();
    }

    /** The canonical text, one field a line, ending with a newline. */
    public String text() {
        return new StatementText(TITLE)
                .quoted("extract", extractId)
                .quoted("reference", reference)
                .plain("plan-hash", planHash)
                .quoted("reason", reason)
                .text();
    }

    /** The UTF-8 bytes of {@link #text()}: what is signed. */
    public byte[] bytes() {
        return StatementText.bytes(text());
    }
}

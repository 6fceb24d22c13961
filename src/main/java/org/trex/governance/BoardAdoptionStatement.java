package org.trex.governance;

/**
 * What members of the adopted board register sign to adopt a new one (namespace {@code trex-approval}, a title of
 * its own so no approval's or revocation's signature passes for it): the new register's board name and SHA-256, and
 * the SHA-256 of the register it replaces, so the signatures adopt this one change and no other.
 */
public record BoardAdoptionStatement(String board, String registerSha256, String replacesSha256) {
    static final String TITLE = "trex board adoption v1";

    public BoardAdoptionStatement {
        board = Texts.requireText(board, "board name").strip();
        Texts.requireSha256(registerSha256, "register SHA-256");
        Texts.requireSha256(replacesSha256, "replaced register SHA-256");
    }

    /** The canonical text, one field a line, ending with a newline. */
    public String text() {
        return new StatementText(TITLE)
                .quoted("board", board)
                .plain("register-sha256", registerSha256)
                .plain("replaces-sha256", replacesSha256)
                .text();
    }

    /** The UTF-8 bytes of {@link #text()}: what is signed. */
    public byte[] bytes() {
        return StatementText.bytes(text());
    }
}

package org.trex.cli;

/**
 * Text from a spec or policy as it may reach a terminal: control characters (an escape sequence can move the
 * cursor, rewrite what a board member reads, or set the window title) and bidirectional overrides become
 * visible {@code \u001B}-style escapes; line breaks and tabs stay.
 */
final class TerminalText {
    private TerminalText() {
    }

    static String safe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean control = Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t';
            boolean bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
            if (control || bidi) {
                safe.append(String.format("\\u%04X", c));
            } else {
                safe.appendCodePoint(c);
            }
        });
        return safe.toString();
    }
}

package org.trex.spec;

/**
 * Days around the index date, both ends included: {@code fromDays = -365, toDays = 84} keeps linked
 * records from a year before to 84 days after. Ignored for the index dataset itself.
 */
public record RelativeWindow(int fromDays, int toDays) {
    /** Only the index day. */
    public static final RelativeWindow INDEX_DAY = new RelativeWindow(0, 0);

    public RelativeWindow {
        if (toDays < fromDays) {
            throw new IllegalArgumentException("Cannot use window " + fromDays + " to " + toDays
                    + " days: it ends before it starts");
        }
    }
}

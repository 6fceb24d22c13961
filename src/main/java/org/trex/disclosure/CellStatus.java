package org.trex.disclosure;

/** Why a cell is published or suppressed. */
public enum CellStatus {
    PUBLISHED("published, rounded", false),
    SMALL_COUNT("suppressed: a count at or below the threshold", true),
    DOMINATED("suppressed: a sum dominated by its largest contributors", true),
    DIFFERENCE("suppressed: it differs from an earlier release by a count at or below the threshold", true),
    COMPLEMENTARY("suppressed: complementary, so a suppressed cell cannot be worked out from totals", true);

    private final String description;
    private final boolean suppressed;

    CellStatus(String description, boolean suppressed) {
        this.description = description;
        this.suppressed = suppressed;
    }

    public String description() {
        return description;
    }

    public boolean suppressed() {
        return suppressed;
    }
}

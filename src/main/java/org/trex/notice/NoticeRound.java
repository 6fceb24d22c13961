package org.trex.notice;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.trex.governance.DeletionNotice;

/**
 * What one {@code trex objections notices} did: the notices it issued, the earlier notices not yet done whose files
 * it wrote again (they were missing from the folder: an earlier round failed to write them, or a new folder), the
 * releases it could not check, how many it checked, and whom it found.
 */
public record NoticeRound(List<DeletionNotice> issued, List<DeletionNotice> rewritten, List<Unresolved> unresolved,
        int releasesChecked, Found found) {
    public NoticeRound {
        issued = List.copyOf(requireNonNull(issued, "issued is null"));
        rewritten = List.copyOf(requireNonNull(rewritten, "rewritten is null"));
        unresolved = List.copyOf(requireNonNull(unresolved, "unresolved is null"));
        requireNonNull(found, "found is null");
    }

    /**
     * The people the releases checked must now lose: those with a local objection in force, those off the newest
     * national allow list (releases made under the national data opt-out), and the objections that name no valid
     * NHS number, which no extract can hold.
     */
    public record Found(long objecting, long optedOut, long withoutValidNumber) {
    }
}

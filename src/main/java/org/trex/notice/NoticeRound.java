package org.trex.notice;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.trex.governance.DeletionNotice;

/**
 * What one {@code trex objections notices} did: the notices it issued, the earlier notices not yet done whose files
 * it wrote again (they were missing from the folder: an earlier round failed to write them, or a new folder), the
 * releases it could not check, how many objectors it looked for and how many objections it could not look for (no
 * valid NHS number).
 */
public record NoticeRound(List<DeletionNotice> issued, List<DeletionNotice> rewritten, List<Unresolved> unresolved,
        int objectors, long skipped) {
    public NoticeRound {
        issued = List.copyOf(requireNonNull(issued, "issued is null"));
        rewritten = List.copyOf(requireNonNull(rewritten, "rewritten is null"));
        unresolved = List.copyOf(requireNonNull(unresolved, "unresolved is null"));
    }
}

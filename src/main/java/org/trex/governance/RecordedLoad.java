package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.trex.load.CouncilCode;
import org.trex.load.LoadedFile;

/**
 * One {@code trex load} as the governance records hold it: the source and period it replaced, who loaded it and
 * when, the council's LA code a social care load held its rows to, and each file with its SHA-256 and rows.
 *
 * @param id the record's ID
 * @param source the source's CLI name (social-care, hospital, objections)
 * @param period the period the load replaced
 * @param loadedBy who loaded it
 * @param loadedAt when it committed
 * @param auditSeq the audit log entry that recorded it
 * @param council the council's LA code every row's LA_Code was held to (V76); empty when none was set, and for the
 *     sources other than social care
 * @param files the files in the order they were given
 */
public record RecordedLoad(long id, String source, String period, String loadedBy, Instant loadedAt, long auditSeq,
        Optional<CouncilCode> council, List<LoadedFile> files) {
    public RecordedLoad {
        Texts.requireText(source, "source");
        Texts.requireText(period, "period");
        Texts.requireText(loadedBy, "loadedBy");
        requireNonNull(loadedAt, "loadedAt is null");
        requireNonNull(council, "council is null");
        files = List.copyOf(requireNonNull(files, "files is null"));
    }

    /** Whether this load put the file of this SHA-256 into this source and period. */
    public boolean loaded(String source, String period, String sha256) {
        return this.source.equals(source) && this.period.equals(period)
                && files.stream().anyMatch(file -> file.sha256().equals(sha256));
    }
}

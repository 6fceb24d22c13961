package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.extract.FileDigests;
import org.trex.lineage.CouncilCodeCheck;
import org.trex.lineage.SourceLoad;
import org.trex.load.CldFile;
import org.trex.run.CurrentFiles;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * What an extract's lineage says of a social care file's council code is held to the governance record of its load,
 * as {@code trex verify} reads them: a lineage saying the rows were held to another code, or were not checked when
 * they were, names a load the records do not hold; one saying nothing of a council (written before TREx said) is held
 * to the file, source and period alone.
 */
class VerifyHoldsALineagesCouncilCodeToTheLoadsRecordTest {
    private static final String OURS = "E08000026";

    @TempDir
    Path dir;

    @Test
    void onlyTheCodeTheLoadWasHeldToIsRecorded() {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.socialCare().row("P1", "E1").write(dir.resolve("cld.csv"));
        Result loaded = Workspace.load(url, "social-care", file, dir.resolve("report.csv"), "--council-code", OURS);
        assertThat(loaded.code()).as(loaded.all()).isEqualTo(ExitCode.OK);
        SourceLoad load = new SourceLoad("social-care", "2024-04-01/2025-03-31", file.toString(),
                FileDigests.sha256(file), OptionalLong.empty(), Instant.parse("2026-01-01T00:00:00Z"));
        SourceLoad ours = load.withCouncil(new CouncilCodeCheck(Optional.of(OURS)));
        SourceLoad another = load.withCouncil(new CouncilCodeCheck(Optional.of("E06000016")));
        SourceLoad unchecked = load.withCouncil(CouncilCodeCheck.NOT_CHECKED);

        List<SourceLoad> unrecorded = CurrentFiles.unrecorded(List.of(load, ours, another, unchecked), url);

        assertThat(unrecorded).containsExactly(another, unchecked);
    }
}

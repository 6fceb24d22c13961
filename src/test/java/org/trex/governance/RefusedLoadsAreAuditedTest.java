package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trex.source.jooq.health.Tables.INPATIENT_SPELL;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.extract.FileDigests;
import org.trex.load.CldFile;
import org.trex.load.LoadMode;
import org.trex.load.LoadRefusedException;
import org.trex.load.LoadRequest;
import org.trex.load.SourceKind;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceSchema;
import org.trex.spec.SpecException;
import org.trex.testing.TestDatabase;

/**
 * A load refused for what it was given writes nothing and is audited as LOAD_REFUSED: which files were offered (by
 * name, and by SHA-256 where they can be read) and why, so an information governance officer sees the attempt as well
 * as the loads that happened. A dry run, which writes nothing either way, is not audited.
 */
class RefusedLoadsAreAuditedTest {
    @TempDir
    Path dir;

    @Test
    void aBinaryFileIsAuditedWithItsDigestAndWhy() throws Exception {
        DatabaseUrl url = ready(TestDatabase.fresh());
        Path good = CldFile.hospital().row("", "S1").write(dir.resolve("apc.csv"));
        Path binary = Files.write(dir.resolve("apc-2.csv"), new byte[] {'a', ',', 0, 'b'});

        assertThatThrownBy(() -> load(url, url, LoadMode.LOAD, Optional.empty(), good, binary))
                .isInstanceOf(LoadRefusedException.class)
                .hasMessage("Cannot load " + binary + ": it is binary (a zero byte at offset 2), expected a UTF-8 CSV"
                        + " text file");

        assertThat(new AuditLog(url).list(AuditAction.LOAD_REFUSED)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("loader");
            assertThat(entry.details()).contains("\"source\":\"hospital\"",
                    "{\"name\":\"" + good + "\",\"sha256\":\"" + FileDigests.sha256(good) + "\"}",
                    "{\"name\":\"" + binary + "\",\"sha256\":\"" + FileDigests.sha256(binary) + "\"}",
                    "\"refusal\":\"Cannot load " + binary + ": it is binary");
        });
        assertThat(new AuditLog(url).list(AuditAction.LOAD)).isEmpty();
        assertThat(spells(url)).isZero();
        assertThat(new AuditLog(url).verify()).isEmpty();
    }

    @Test
    void aMissingFileIsNamedWithoutADigest() {
        DatabaseUrl url = ready(TestDatabase.fresh());
        Path missing = dir.resolve("not-there.csv");

        assertThatThrownBy(() -> load(url, url, LoadMode.LOAD, Optional.empty(), missing))
                .hasMessage("Cannot load " + missing + ": there is no such file");

        assertThat(new AuditLog(url).list(AuditAction.LOAD_REFUSED)).singleElement()
                .satisfies(entry -> assertThat(entry.details()).contains("{\"name\":\"" + missing + "\"}")
                        .doesNotContain("sha256"));
    }

    @Test
    void aBrokenMappingFileIsAuditedInTheSeparateGovernanceDatabase() throws Exception {
        DatabaseUrl source = ready(TestDatabase.fresh());
        DatabaseUrl governance = TestDatabase.fresh();
        GovernanceSchema.migrate(governance);
        Path file = CldFile.hospital().row("", "S1").write(dir.resolve("apc.csv"));
        Path mapping = Files.writeString(dir.resolve("mapping.yaml"), "columns: [not, a, map\n");

        assertThatThrownBy(() -> load(source, governance, LoadMode.LOAD, Optional.of(mapping), file))
                .isInstanceOf(SpecException.class);

        assertThat(new AuditLog(governance).list(AuditAction.LOAD_REFUSED)).singleElement()
                .satisfies(entry -> assertThat(entry.details()).contains(
                        "\"mapping\":{\"name\":\"" + mapping + "\",\"sha256\":\"" + FileDigests.sha256(mapping)));
        assertThat(spells(source)).isZero();
    }

    @Test
    void aRefusedDryRunIsNotAudited() throws Exception {
        DatabaseUrl url = ready(TestDatabase.fresh());
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");

        assertThatThrownBy(() -> load(url, url, LoadMode.DRY_RUN, Optional.empty(), empty))
                .isInstanceOf(LoadRefusedException.class);

        assertThat(new AuditLog(url).list(Optional.empty())).isEmpty();
    }

    private static DatabaseUrl ready(DatabaseUrl url) {
        SourceSchema.migrate(url);
        GovernanceSchema.migrate(url);
        return url;
    }

    private static void load(DatabaseUrl source, DatabaseUrl governance, LoadMode mode, Optional<Path> mapping,
            Path... files) {
        new SourceLoads(governance, Clock.systemUTC()).load(source,
                new LoadRequest(SourceKind.HOSPITAL, List.of(files), mapping, Optional.empty(), Optional.empty(),
                        mode), "loader",
                report -> { });
    }

    private static int spells(DatabaseUrl url) throws Exception {
        try (Connection connection = url.connect()) {
            return DSL.using(connection, SQLDialect.POSTGRES).fetchCount(INPATIENT_SPELL);
        }
    }
}

package org.trex.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A load replaces its period whole, so a file with no row to load (its header alone, or every row quarantined) is
 * refused and the period stays as it was: an empty objection register would release every objector.
 */
class FileWithNoRowToLoadIsRefusedTest {
    @TempDir
    Path dir;

    @Test
    void aHeaderOnlyObjectionRegisterLeavesTheObjectionsInForce() {
        DatabaseUrl url = TestDatabase.fresh();
        Loads.load(url, SourceKind.SOCIAL_CARE, CldFile.socialCare().row("P1", "E1").write(dir.resolve("cld.csv")));
        Loads.load(url, SourceKind.OBJECTIONS, CldFile.objections().row("P1", "O1").write(dir.resolve("first.csv")));
        Path headerOnly = CldFile.objections().write(dir.resolve("header-only.csv"));

        assertThatThrownBy(() -> Loads.load(url, SourceKind.OBJECTIONS, headerOnly))
                .isInstanceOf(LoadRefusedException.class)
                .hasMessage("Cannot load [" + headerOnly + "]: they hold no row to load (0 read); a load replaces its "
                        + "period whole, so it would empty it");
        assertThat(Sql.strings(url, "SELECT count(*)::text FROM opt_out.local_objection")).containsExactly("1");
    }

    @Test
    void aFileWhoseEveryRowIsQuarantinedIsRefused() {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.hospital().row("S1", "S1", Map.of("Start_Date_Hospital_Provider_Spell", "31/02/2025"))
                .write(dir.resolve("apc.csv"));

        assertThatThrownBy(() -> Loads.load(url, SourceKind.HOSPITAL, file))
                .isInstanceOf(LoadRefusedException.class)
                .hasMessage("Cannot load [" + file + "]: they hold no row to load (1 read, every one quarantined); "
                        + "a load replaces its period whole, so it would empty it");
    }
}

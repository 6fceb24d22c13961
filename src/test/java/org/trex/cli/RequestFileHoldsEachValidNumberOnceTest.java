package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.extract.FileDigests;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.testing.SourceFixture;
import org.trex.testing.TestDatabase;

/**
 * {@code trex optouts request} writes the file the service takes: each valid number once, normalised, followed by a
 * comma, LF endings, owner-only; it prints the count and SHA-256 and audits the request without the numbers.
 */
class RequestFileHoldsEachValidNumberOnceTest {
    static final String IN_COHORT = "9434765919";
    static final String OUT_OF_COHORT = "9876543210";
    static final String GP_ONLY = "4000000632";

    @TempDir
    Path root;

    Workspace workspace;

    @BeforeEach
    void source() throws Exception {
        workspace = Workspace.create(root, TestDatabase.fresh());
        try (SourceFixture fixture = SourceFixture.on(workspace.url)) {
            fixture.person("943 476 5919", LocalDate.of(1944, 3, 10), "LE1 5WW");
            fixture.person("1234567890", LocalDate.of(1944, 3, 10), "LE1 5WW");
            fixture.person(null, LocalDate.of(1944, 3, 10), "LE1 5WW");
            fixture.spell(IN_COHORT, LocalDate.of(2025, 1, 5), LocalDate.of(2025, 1, 15), LocalDate.of(2025, 1, 12));
            fixture.spell("987-654-3210", LocalDate.of(2020, 1, 5), LocalDate.of(2020, 1, 15), null);
            fixture.gpRegistration(GP_ONLY, LocalDate.of(2010, 1, 1));
        }
    }

    private Result request(Path file, String... scope) {
        List<String> args = new java.util.ArrayList<>(List.of("optouts", "request", "--out", file.toString(),
                "--database-url", workspace.url.jdbcUrl()));
        args.addAll(List.of(scope));
        return Workspace.trex(args.toArray(String[]::new));
    }

    @Test
    void allWritesEveryValidNumberOnceInTheServicesFormat() throws Exception {
        Path file = root.resolve("request.csv");

        Result result = request(file, "--all");

        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(file)).isEqualTo(GP_ONLY + ",\n" + IN_COHORT + ",\n" + OUT_OF_COHORT + ",\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String sha256 = FileDigests.sha256(file);
        assertThat(result.out()).contains("Wrote 3 NHS numbers to " + file, "SHA-256: " + sha256);
        AuditEntry audit = new AuditLog(workspace.url).list(Optional.empty()).stream()
                .filter(e -> e.action() == AuditAction.OPT_OUT_REQUEST).findFirst().orElseThrow();
        assertThat(audit.details()).contains("\"numbers\":3", "\"sha256\":\"" + sha256 + "\"", "\"scope\":\"all\"")
                .doesNotContain(IN_COHORT, OUT_OF_COHORT, GP_ONLY, "943 476");
    }

    @Test
    void specWritesOnlyTheCohortsNumbers() throws Exception {
        Path file = root.resolve("cohort.csv");

        Result result = request(file, "--spec", workspace.spec.toString(), "--as-of", "2025-06-30");

        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(file)).isEqualTo(IN_COHORT + ",\n");
        assertThat(result.out()).contains("Wrote 1 NHS numbers");
    }

    @Test
    void specAndAllTogetherAreBadUsage() {
        Result result = request(root.resolve("x.csv"), "--all", "--spec", workspace.spec.toString());

        assertThat(result.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.err()).contains("mutually exclusive");
        assertThat(root.resolve("x.csv")).doesNotExist();
    }
}

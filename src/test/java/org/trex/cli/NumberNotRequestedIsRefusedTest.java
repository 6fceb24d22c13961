package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.extract.FileDigests;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceSchema;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * With {@code --request}, a response holding a number that was not sent is refused with its line, and nothing is
 * loaded; a response within the request is loaded with what was sent, and audited with counts, never numbers.
 */
class NumberNotRequestedIsRefusedTest {
    @TempDir
    Path root;

    DatabaseUrl url;
    Path request;

    @BeforeEach
    void sent() throws Exception {
        url = TestDatabase.fresh();
        SourceSchema.migrate(url);
        request = root.resolve("request.csv");
        Files.writeString(request, "4000000632,\n9434765919,\n9876543210,\n");
    }

    private Result load(String content) throws Exception {
        Path response = root.resolve("response.csv");
        Files.writeString(response, content);
        return Workspace.trex("optouts", "load", response.toString(), "--list-date", "2025-06-01", "--request",
                request.toString(), "--database-url", url.jdbcUrl());
    }

    @Test
    void aNumberThatWasNotSentIsRefused() throws Exception {
        Result result = load("9434765919,\n6328797966,\n");

        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.err())
                .isEqualTo("trex: " + root.resolve("response.csv") + ":2: Cannot read the national data "
                + "opt-out file: its NHS number was not in the request " + request + System.lineSeparator());
        assertThat(result.err()).doesNotContain("6328797966");
        assertThat(Sql.count(url, "SELECT count(*) FROM opt_out.national_data_opt_out_check")).isZero();
    }

    @Test
    void aResponseWithinTheRequestIsLoadedWithWhatWasSent() throws Exception {
        Result result = load("4000000632,\n9876543210,\n");

        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.OK);
        assertThat(result.out())
                .contains("Loaded the national data opt-out allow list of 2025-06-01: 2 numbers of 3 sent");
        assertThat(Sql.strings(url, "SELECT numbers_sent || ' ' || numbers_returned || ' ' || request_sha256"
                + " FROM opt_out.national_data_opt_out_check WHERE list_date = DATE '2025-06-01'"))
                .containsExactly("3 2 " + FileDigests.sha256(request));
        AuditEntry audit = new AuditLog(url).list(Optional.empty()).stream()
                .filter(e -> e.action() == AuditAction.OPT_OUT_LOAD).findFirst().orElseThrow();
        assertThat(audit.details())
                .contains("\"listDate\":\"2025-06-01\"", "\"numbersReturned\":2", "\"numbersSent\":3")
                .doesNotContain("4000000632", "9876543210");
    }

    @Test
    void aLaterLoadOfTheSameDateReplacesTheList() throws Exception {
        assertThat(load("4000000632,\n9876543210,\n").code()).isEqualTo(ExitCode.OK);

        Result again = load("9434765919,\n");

        assertThat(again.code()).as(again.all()).isEqualTo(ExitCode.OK);
        assertThat(again.out()).contains("(replaced a list of 2)");
        assertThat(Sql.strings(url, "SELECT nhs_number FROM opt_out.national_data_allow_list"))
                .containsExactly("9434765919");
    }
}

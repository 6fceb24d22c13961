package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.extract.FileDigests;
import org.trex.source.DatabaseUrl;
import org.trex.testing.SourceFixture;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * {@code trex optouts load} refuses the request file given as the service's answer (with or without
 * {@code --request}, or copied under another name), and an answer that holds every number sent, unless
 * {@code --all-allowed} confirms it: loaded by mistake, it would let everyone who opted out through.
 */
class RequestLoadedAsTheAnswerIsRefusedTest {
    static final String LIST_DATE = "2025-06-01";

    @TempDir
    Path root;

    DatabaseUrl url;
    Path request;

    @BeforeEach
    void requestWritten() throws Exception {
        url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            fixture.person("9434765919", LocalDate.of(1944, 3, 10), "LE1 5WW");
            fixture.person("9876543210", LocalDate.of(1950, 1, 2), "LE1 5WW");
        }
        request = root.resolve("request.csv");
        Result written = Workspace.trex("optouts", "request", "--out", request.toString(), "--all",
                "--database-url", url.jdbcUrl());
        assertThat(written.code()).as(written.all()).isEqualTo(ExitCode.OK);
    }

    private Result load(Path answer, String... more) {
        List<String> args = new ArrayList<>(List.of("optouts", "load", answer.toString(), "--list-date", LIST_DATE,
                "--database-url", url.jdbcUrl()));
        args.addAll(List.of(more));
        return Workspace.trex(args.toArray(String[]::new));
    }

    private List<String> loaded() {
        return Sql.strings(url, "SELECT nhs_number FROM opt_out.national_data_allow_list ORDER BY 1");
    }

    @Test
    void theRequestFileUnderAnotherNameIsRefused() throws Exception {
        Path copy = Files.copy(request, root.resolve("ndop-response.csv"));

        Result result = load(copy);

        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.BAD_INPUT);
        // The temporary folder's name is all digits, which the message scrubs: the file's own name stays.
        assertThat(result.err()).startsWith("trex: Cannot load the allow list of " + LIST_DATE + " from ")
                .contains("/ndop-response.csv: it is the request file TREx wrote at ")
                .contains("(SHA-256 " + FileDigests.sha256(copy)
                + "), not the service's answer (the service's answer leaves out everyone who opted out); if the "
                + "service did return every number sent, load it with --all-allowed");
        assertThat(loaded()).isEmpty();
    }

    @Test
    void anAnswerHoldingEveryNumberOfItsRequestIsRefused() throws Exception {
        Path answer = root.resolve("ndop-response.csv");
        // Not the request's bytes (no trailing commas), the same numbers: the service kept everyone.
        Files.writeString(answer, Files.readString(request).replace(",", ""));

        Result result = load(answer, "--request", request.toString());

        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.err()).contains("Cannot load the allow list of " + LIST_DATE + " from ",
                "/ndop-response.csv: it holds every number of the request ",
                "/request.csv (2): is it the request file?");
        assertThat(loaded()).isEmpty();
    }

    @Test
    void allAllowedConfirmsThatTheServiceKeptEveryone() {
        Result result = load(request, "--request", request.toString(), "--all-allowed");

        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.OK);
        assertThat(loaded()).containsExactly("9434765919", "9876543210");
    }

    @Test
    void anAnswerWithoutTheOptedOutLoads() throws Exception {
        Path answer = root.resolve("ndop-response.csv");
        Files.writeString(answer, "9434765919,\n");

        Result result = load(answer, "--request", request.toString());

        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.OK);
        assertThat(loaded()).containsExactly("9434765919");
    }
}

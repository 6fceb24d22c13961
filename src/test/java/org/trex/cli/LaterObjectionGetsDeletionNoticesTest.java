package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.trex.governance.DemoBoard;
import org.trex.testing.TestingBoard;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.nhs.NhsNumber;
import org.trex.pseudonym.PseudonymKey;
import org.trex.pseudonym.Pseudonymiser;
import org.trex.source.DatabaseUrl;
import org.trex.testing.SourceFixture;
import org.trex.testing.SpecCopies;
import org.trex.testing.TestDatabase;

/**
 * Objections recorded after two projects' extracts were released give deletion notices naming exactly the objector's
 * pseudonym under each project's key, only to the extracts that hold them; issuing again adds none; a withdrawn
 * objection gives none before and leaves its notice after; overdue notices give exit 6; no notice file holds an NHS
 * number. One data set and two real runs serve every step, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LaterObjectionGetsDeletionNoticesTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final String DISCHARGE = "discharge-delays";
    private static final String REABLEMENT = "reablement-ascof-2d";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path root;
    private DatabaseUrl url;
    /** One fixture throughout, as it numbers the rows it adds. */
    private SourceFixture fixture;
    private final List<String> numbers = new ArrayList<>();
    private final List<Long> people = new ArrayList<>();
    private PseudonymKey dischargeKey;
    private PseudonymKey reablementKey;
    private Path notices;

    /**
     * Eight people aged 80 discharged on one day (so every output meets k = 5): the first seven in both cohorts, the
     * eighth discharged to another hospital and so only in discharge-delays; the seventh objected before the runs.
     */
    @BeforeAll
    void releaseTwoProjects(@TempDir Path folder) throws Exception {
        root = folder;
        url = TestDatabase.fresh();
        fixture = SourceFixture.on(url);
        numbers.addAll(ReleaseWithANotice.numbers(100));
        people.addAll(ReleaseWithANotice.dischargedAgedEighty(fixture, numbers));
        fixture.nationalList(AS_OF.minusDays(20));
        fixture.objection(people.get(6), AS_OF.minusDays(30), null);
        try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE health.inpatient_spell SET discharge_destination = '49' "
                    + "WHERE nhs_number = '"
                    + numbers.get(7) + "'");
        }
        Files.createDirectories(root.resolve("extracts"));
        Files.createDirectories(root.resolve("policies"));
        Files.createDirectories(root.resolve("keys"));
        Files.copy(Path.of("extracts", DISCHARGE + ".yaml"), root.resolve("extracts").resolve(DISCHARGE + ".yaml"));
        Files.copy(Path.of("extracts", REABLEMENT + ".yaml"), root.resolve("extracts").resolve(REABLEMENT + ".yaml"));
        Files.copy(Path.of("policies/service-evaluation.yaml"), root.resolve("policies/service-evaluation.yaml"));
        SpecCopies.copyDefinitions(root);
        dischargeKey = key("discharge-evaluation", "1a2b");
        reablementKey = key("reablement-evaluation", "9c8d");
        notices = root.resolve("notices");
        DemoBoard board = TestingBoard.create(root);
        for (String extract : List.of(DISCHARGE, REABLEMENT)) {
            ReleaseWithANotice.approveAndRun(root, url, board, extract);
        }
    }

    @AfterAll
    void closeFixture() throws Exception {
        fixture.close();
    }

    @Test
    @Order(1)
    void anObjectionWithdrawnBeforeNoticesAreIssuedGivesNone() throws Exception {
        fixture.objection(people.get(1), AS_OF.plusDays(2), AS_OF.plusDays(4));

        Result result = notices(AS_OF.plusDays(5));

        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).contains("No new notice");
        assertThat(noticeFiles()).isEmpty();
    }

    @Test
    @Order(2)
    void oneLaterObjectionGivesANoticeOnlyToTheExtractsThatHoldThePerson() throws Exception {
        // The eighth person is in discharge-delays only.
        fixture.objection(people.get(7), AS_OF.plusDays(6), null);

        Result result = notices(AS_OF.plusDays(7));

        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.OK);
        // In force: the seventh person's objection from before the releases, and the eighth's.
        assertThat(result.out()).contains("In force on " + AS_OF.plusDays(7) + ", for the 2 release(s) checked: "
                + "2 person(s) with a local objection, 0 off the national data opt-out list\n");
        List<JsonNode> issued = noticeFiles();
        assertThat(issued).hasSize(1);
        JsonNode notice = issued.get(0);
        String pseudonym = new Pseudonymiser(dischargeKey).pseudonym(NhsNumber.parse(numbers.get(7)));
        assertThat(notice.path("extract").asText()).isEqualTo(DISCHARGE);
        assertThat(notice.path("keyId").asText()).isEqualTo(dischargeKey.id());
        assertThat(notice.path("dueOn").asText())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        assertThat(deletions(notice)).containsExactly(Map.entry("spells", Map.of(pseudonym, 1L)));
        assertThat(notice.path("aggregates").get(0).path("output").asText()).isEqualTo("delays_by_band");
        assertThat(notice.path("people").findValuesAsText("pseudonym")).containsExactly(pseudonym);
    }

    @Test
    @Order(3)
    void aPersonInTwoProjectsGetsTwoNoticesWithTwoPseudonymsAndNoDuplicates() throws Exception {
        fixture.objection(people.get(0), AS_OF.plusDays(8), null);

        Result result = notices(AS_OF.plusDays(9));
        Result again = notices(AS_OF.plusDays(9));

        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.OK);
        assertThat(again.out()).contains("No new notice");
        List<JsonNode> issued = noticeFiles();
        assertThat(issued).hasSize(3);
        String underDischarge = new Pseudonymiser(dischargeKey).pseudonym(NhsNumber.parse(numbers.get(0)));
        String underReablement = new Pseudonymiser(reablementKey).pseudonym(NhsNumber.parse(numbers.get(0)));
        assertThat(underDischarge).isNotEqualTo(underReablement);
        Map<String, JsonNode> latest = new TreeMap<>();
        issued.subList(1, 3).forEach(n -> latest.put(n.path("extract").asText(), n));
        assertThat(latest).containsOnlyKeys(DISCHARGE, REABLEMENT);
        assertThat(latest.get(DISCHARGE).path("people").findValuesAsText("pseudonym")).containsExactly(underDischarge);
        assertThat(latest.get(REABLEMENT).path("people").findValuesAsText("pseudonym"))
                .containsExactly(underReablement);
        assertThat(deletions(latest.get(REABLEMENT))).containsExactly(Map.entry("spells", Map.of(underReablement, 1L)));
        assertThat(deletions(latest.get(DISCHARGE)).get("spells")).isEqualTo(Map.of(underDischarge, 1L));
    }

    @Test
    @Order(4)
    void anObjectionWithdrawnAfterItsNoticeLeavesTheNoticeStanding() throws Exception {
        fixture.objection(people.get(2), AS_OF.plusDays(10), AS_OF.plusDays(12));
        assertThat(notices(AS_OF.plusDays(11)).out()).contains("ISSUED DN-000004", "ISSUED DN-000005");

        Result later = notices(AS_OF.plusDays(13));
        Result status = Workspace.trex("objections", "status", "--database-url", url.jdbcUrl());
        Path released;
        try (var runs = Files.list(root.resolve("out").resolve(REABLEMENT))) {
            released = runs.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
        Result verify = Workspace.trex("verify", released.toString(), "--database-url", url.jdbcUrl());

        assertThat(later.out()).contains("No new notice");
        assertThat(status.code()).as(status.all()).isEqualTo(ExitCode.OK);
        assertThat(status.out()).contains("OPEN     DN-000004", "OPEN     DN-000005", "5 notice(s)");
        assertThat(verify.out()).contains("NOTICE OPEN     DN-000003", "NOTICE OPEN     DN-000005")
                .doesNotContain("DN-000001", "DN-000002", "DN-000004");
    }

    @Test
    @Order(5)
    void overdueNoticesExitSixUntilAcknowledged() throws Exception {
        String late = LocalDate.now(ZoneOffset.UTC).plusDays(31).toString();

        Result overdue = Workspace.trex("objections", "status", "--as-of", late, "--database-url", url.jdbcUrl());
        Path elsewhere = root.resolve("elsewhere");
        Result notWhereItsFilesAre = Workspace.trex("objections", "ack", "DN-000001", "--by", "TRE operator", "--out",
                elsewhere.toString(), "--database-url", url.jdbcUrl());
        assertThat(notWhereItsFilesAre.code()).as(notWhereItsFilesAre.all()).isEqualTo(ExitCode.BAD_INPUT);
        // The folder's name is shown scrubbed as any long run of digits is (the temporary folder's).
        assertThat(notWhereItsFilesAre.err()).contains("trex: Cannot acknowledge notice DN-000001: its files"
                + " (DN-000001.md, DN-000001.json) are not in ", "/elsewhere; give --out the folder trex objections"
                + " notices wrote them to, so that they say done");
        assertThat(elsewhere).doesNotExist();
        for (int i = 1; i <= 5; i++) {
            Result ack = Workspace.trex("objections", "ack", "DN-00000" + i, "--by", "TRE operator", "--out",
                    notices.toString(), "--database-url", url.jdbcUrl());
            assertThat(ack.code()).as(ack.all()).isEqualTo(ExitCode.OK);
        }
        Result done = Workspace.trex("objections", "status", "--as-of", late, "--database-url", url.jdbcUrl());
        Result twice = Workspace.trex("objections", "ack", "DN-000001", "--by", "TRE operator", "--out",
                notices.toString(), "--database-url", url.jdbcUrl());

        assertThat(overdue.code()).as(overdue.all()).isEqualTo(ExitCode.NOTICES_OVERDUE);
        assertThat(overdue.out()).contains("OVERDUE  DN-000001", "5 overdue");
        assertThat(done.code()).as(done.all()).isEqualTo(ExitCode.OK);
        assertThat(done.out()).contains("0 open, 0 overdue, 5 done");
        assertThat(twice.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(twice.err()).contains("Cannot acknowledge notice DN-000001: it was done on");
        assertThat(noticeFiles()).allSatisfy(n -> assertThat(n.path("status").asText()).isEqualTo("done"));
    }

    @Test
    @Order(6)
    void noNoticeFileHoldsAnNhsNumberAndNoneIsReadableByOthers() throws Exception {
        List<Path> files;
        try (var stream = Files.list(notices)) {
            files = stream.toList();
        }

        assertThat(files).hasSize(10);
        for (Path file : files) {
            String text = Files.readString(file);
            for (String number : numbers) {
                assertThat(text).doesNotContain(number)
                        .doesNotContain(number.substring(0, 3) + " " + number.substring(3, 6));
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(notices))).isEqualTo("rwx------");
    }

    @Test
    @Order(7)
    void withNoKeyAtHandNoReleaseIsCheckedAndTheRoundSaysSo() throws Exception {
        Path away = Files.move(root.resolve("keys"), root.resolve("keys-away"));
        Result result;
        try {
            result = notices(AS_OF.plusDays(40));
        } finally {
            Files.move(away, root.resolve("keys"));
        }

        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.out()).contains("No release checked for objections in force on " + AS_OF.plusDays(40)
                + ": see UNRESOLVED below", "UNRESOLVED project discharge-evaluation")
                .contains("No new notice from the releases checked; the releases UNRESOLVED below were not checked")
                .doesNotContain("person(s) with a local objection", "no released extract holds an objector");
    }

    private Result notices(LocalDate asOf) {
        return Workspace.trex("objections", "notices", "--as-of", asOf.toString(), "--out", notices.toString(),
                "--database-url", url.jdbcUrl());
    }

    private PseudonymKey key(String project, String hex) throws IOException {
        Path file = root.resolve("keys").resolve(project + ".key");
        Files.writeString(file, hex.repeat(16) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return PseudonymKey.fromFile(file);
    }

    /** The notices' JSON files, in notice order. */
    private List<JsonNode> noticeFiles() throws IOException {
        if (!Files.isDirectory(notices)) {
            return List.of();
        }
        List<JsonNode> nodes = new ArrayList<>();
        try (var stream = Files.list(notices)) {
            for (Path file : stream.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                nodes.add(JSON.readTree(file.toFile()));
            }
        }
        return nodes;
    }

    /** Output to pseudonym to rows, as the notice asks the TRE to delete them. */
    private static Map<String, Map<String, Long>> deletions(JsonNode notice) {
        Map<String, Map<String, Long>> deletions = new TreeMap<>();
        for (JsonNode output : notice.path("delete")) {
            Map<String, Long> rows = new TreeMap<>();
            output.path("pseudonyms").forEach(p -> rows.put(p.path("pseudonym").asText(), p.path("rows").asLong()));
            deletions.put(output.path("output").asText(), rows);
        }
        return deletions;
    }
}

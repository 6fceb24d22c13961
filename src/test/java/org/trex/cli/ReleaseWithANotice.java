package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.trex.cli.Workspace.Result;
import org.trex.governance.DemoBoard;
import org.trex.nhs.NhsNumber;
import org.trex.pseudonym.PseudonymKey;
import org.trex.pseudonym.Pseudonymiser;
import org.trex.source.DatabaseUrl;
import org.trex.testing.SourceFixture;
import org.trex.testing.SpecCopies;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestingBoard;

/**
 * A real release of discharge-delays (eight people aged 80 discharged on one day, so every output meets k = 5), one
 * of whom objects after it, and the deletion notice DN-000001 that follows: the setting of the ack tests.
 */
record ReleaseWithANotice(Path root, DatabaseUrl url, Path notices, Path extract, String pseudonym) {
    static final String NOTICE = "DN-000001";
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final LocalDate DISCHARGED = LocalDate.of(2024, 10, 15);
    private static final String EXTRACT = "discharge-delays";

    static ReleaseWithANotice create(Path root) throws Exception {
        return create(root, UnaryOperator.identity());
    }

    /** The same release of the shipped spec as {@code edit} changes it. */
    static ReleaseWithANotice create(Path root, UnaryOperator<String> edit) throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Path keyFile = root.resolve("keys").resolve("discharge-evaluation.key");
        List<String> numbers;
        List<Long> people = new ArrayList<>();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            numbers = numbers(300);
            people.addAll(dischargedAgedEighty(fixture, numbers));
            fixture.nationalList(AS_OF.minusDays(20));
            Files.createDirectories(root.resolve("extracts"));
            Files.createDirectories(root.resolve("policies"));
            Files.createDirectories(root.resolve("keys"));
            Path spec = root.resolve("extracts").resolve(EXTRACT + ".yaml");
            Files.writeString(spec, edit.apply(Files.readString(Path.of("extracts", EXTRACT + ".yaml"))));
            Files.copy(Path.of("policies/service-evaluation.yaml"), root.resolve("policies/service-evaluation.yaml"));
            SpecCopies.copyDefinitions(root);
            Files.writeString(keyFile, "5e6f".repeat(16) + "\n");
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            approveAndRun(root, url, TestingBoard.create(root), EXTRACT);
            fixture.objection(people.get(3), AS_OF.plusDays(6), null);
        }
        Path notices = root.resolve("notices");
        Result issued = Workspace.trex("objections", "notices", "--as-of", AS_OF.plusDays(7).toString(), "--out",
                notices.toString(), "--database-url", url.jdbcUrl());
        assertThat(issued.out()).as(issued.all()).contains("ISSUED " + NOTICE);
        Path extract;
        try (Stream<Path> runs = Files.list(root.resolve("out").resolve(EXTRACT))) {
            extract = runs.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
        String pseudonym = new Pseudonymiser(PseudonymKey.fromFile(keyFile))
                .pseudonym(NhsNumber.parse(numbers.get(3)));
        return new ReleaseWithANotice(root, url, notices, extract, pseudonym);
    }

    /** Eight valid NHS numbers, from 999 then {@code first} as six digits. */
    static List<String> numbers(int first) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; numbers.size() < 8; i++) {
            String nine = String.format("999%06d", first + i);
            int check = NhsNumber.checkDigit(nine);
            if (check < 10) {
                numbers.add(nine + check);
            }
        }
        return numbers;
    }

    /** Adds each number as a person aged 80 with one spell, all discharged on one day; returns their person IDs. */
    static List<Long> dischargedAgedEighty(SourceFixture fixture, List<String> numbers) throws Exception {
        List<Long> people = new ArrayList<>();
        for (String number : numbers) {
            people.add(fixture.person(number, LocalDate.of(1944, 3, 10), "LE1 5WW"));
            fixture.spell(number, DISCHARGED.minusDays(9), DISCHARGED, DISCHARGED.minusDays(2));
        }
        return people;
    }

    /** Has two members of {@code board} approve the workspace's spec of {@code extract}, then runs it. */
    static void approveAndRun(Path root, DatabaseUrl url, DemoBoard board, String extract) {
        Path spec = root.resolve("extracts").resolve(extract + ".yaml");
        for (String member : List.of(TestingBoard.CHAIR, TestingBoard.GUARDIAN)) {
            Result approve = Workspace.trex("approve", spec.toString(), "--sign-with",
                    board.keyFile(member).toString(), "--reference", "IGB-" + extract, "--database-url",
                    url.jdbcUrl());
            assertThat(approve.code()).as(approve.all()).isEqualTo(ExitCode.OK);
        }
        Result run = Workspace.trex("run", spec.toString(), "--as-of", AS_OF.toString(), "--out",
                root.resolve("out").toString(), "--master", "local[2]", "--partitions", "2",
                "--database-url", url.jdbcUrl());
        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
    }

    /** A copy of the released extract, as the TRE would hold it before deleting anything. */
    Path copy(String name) {
        return DemoCopy.copyOf(extract, root.resolve("tre").resolve(name));
    }

    /** The line of the released spells CSV that holds the objector's row, counting the header as line 1. */
    int releasedLine() throws IOException {
        List<String> lines = Files.readAllLines(extract.resolve("data/spells.csv"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(pseudonym)) {
                return i + 1;
            }
        }
        throw new IllegalStateException("the objector has no row in the released spells");
    }

    Result ack(String... copies) {
        List<String> args = new ArrayList<>(List.of("objections", "ack", NOTICE, "--by", "TRE operator", "--out",
                notices.toString(), "--database-url", url.jdbcUrl()));
        for (String copy : copies) {
            args.add("--copy");
            args.add(copy);
        }
        return Workspace.trex(args.toArray(String[]::new));
    }

    Result status() {
        return Workspace.trex("objections", "status", "--database-url", url.jdbcUrl());
    }

    /** Asserts that the notice is open, in the database and its file, and that no acknowledgement was recorded. */
    void assertStillOpen() throws Exception {
        assertThat(status().out()).contains("OPEN     " + NOTICE);
        assertThat(ackEntries()).isEmpty();
        assertThat(Files.readString(notices.resolve(NOTICE + ".json"))).contains("\"status\" : \"open\"");
    }

    /** The details of each NOTICE_ACK audit entry, as stored. */
    List<String> ackEntries() throws Exception {
        List<String> entries = new ArrayList<>();
        try (Connection connection = url.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT details::text FROM trex_governance.audit_log"
                        + " WHERE action = 'NOTICE_ACK' ORDER BY seq")) {
            while (rows.next()) {
                entries.add(rows.getString(1));
            }
        }
        return entries;
    }
}

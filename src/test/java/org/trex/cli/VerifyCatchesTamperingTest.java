package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.generate.SyntheticData;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditLog;
import org.trex.lineage.LineageValidator;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestingBoard;

/** {@code trex verify} passes a real extract and names the problem in each tampered copy of it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyCatchesTamperingTest {
    // Static: an instance field is not injected before @BeforeAll.
    @TempDir
    static Path root;

    DatabaseUrl url;
    Workspace workspace;
    Path extract;
    Path board;
    int copies;

    @BeforeAll
    void run() {
        url = TestDatabase.fresh();
        SyntheticData.generate(url, 2000, 3);
        workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-VERIFY").code()).isEqualTo(ExitCode.OK);
        Result run = workspace.run();
        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
        extract = workspace.published().get(0);
        board = workspace.boardFile();
    }

    private Result verify(Path directory) {
        return Workspace.trex("verify", directory.toString(), "--board", board.toString(), "--database-url",
                url.jdbcUrl());
    }

    @Test
    void theRealExtractVerifies() {
        Result verify = verify(extract);

        assertThat(verify.code()).as(verify.all()).isEqualTo(ExitCode.OK);
        assertThat(verify.out()).contains("OK " + extract + ": every check holds");
    }

    @Test
    void everyLineageEventValidates() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(extract.resolve("lineage/openlineage.ndjson"));
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        for (String line : lines) {
            assertThat(LineageValidator.validate(json.readTree(line))).as(line).isEmpty();
        }
    }

    @Test
    void oneChangedByteInADataFile() throws IOException {
        Path copy = copy();
        Path csv = copy.resolve("data/spells.csv");
        byte[] bytes = Files.readAllBytes(csv);
        int last = bytes.length - 2;
        // Same size, one byte different: only the digest can tell.
        bytes[last] = (byte) (bytes[last] == '1' ? '2' : '1');
        Files.write(csv, bytes);

        assertFails(copy, "FAIL Cannot verify data/spells.csv: SHA-256 is ");
    }

    @Test
    void aDeletedFile() throws IOException {
        Path copy = copy();
        Files.delete(copy.resolve("README.md"));

        assertFails(copy, "FAIL Cannot verify README.md: file is missing");
    }

    @Test
    void anAddedFile() throws IOException {
        Path copy = copy();
        Files.writeString(copy.resolve("data/extra.csv"), "person\nsomeone\n");

        assertFails(copy, "FAIL Cannot verify data/extra.csv: file is not in the manifest");
    }

    @Test
    void anEditedLineageLine() throws IOException {
        Path copy = copy();
        Path log = copy.resolve("lineage/openlineage.ndjson");
        List<String> lines = Files.readAllLines(log);
        String edited = lines.get(0)
                .replace("\"eventType\":\"START\"", "\"eventType\":\"START\",\"producer\":\"someone\"");
        assertThat(edited).isNotEqualTo(lines.get(0));
        Files.write(log, Stream.concat(Stream.of(edited), lines.stream().skip(1)).toList());

        assertFails(copy, "FAIL Cannot verify lineage/openlineage.ndjson: SHA-256 is ");
    }

    @Test
    void anEditedManifest() throws IOException {
        Path copy = copy();
        Path manifest = copy.resolve("manifest.json");
        String text = Files.readString(manifest);
        String rows = "\"rows\" : ";
        int at = text.indexOf(rows, text.indexOf("\"outputs\""));
        assertThat(at).as(text).isPositive();
        // Claim one more row for the first output than was written.
        int end = at + rows.length();
        while (Character.isDigit(text.charAt(end))) {
            end++;
        }
        long claimed = Long.parseLong(text.substring(at + rows.length(), end)) + 1;
        Files.writeString(manifest, text.substring(0, at + rows.length()) + claimed + text.substring(end));

        // The first output by name is the aggregate delays_by_band, whose rows are groups.
        Result verify = assertFails(copy, "FAIL Cannot verify output delays_by_band: its files hold " + (claimed - 1)
                + " rows, manifest says " + claimed);
        // The audit log holds the digest of the manifest as published, so an edited one is caught there too.
        assertThat(verify.out()).contains("the audit log has no successful end of this run with manifest SHA-256");
        // Without a database the extract's own records must still catch it.
        Result offline = Workspace.trex("verify", copy.toString(), "--board", board.toString());
        assertThat(offline.code()).as(offline.all()).isEqualTo(ExitCode.FAILURE);
    }

    @Test
    void aManifestHoldingAPersonsValuesIsReportedWithoutThem() throws IOException {
        Path copy = copy();
        Path manifest = copy.resolve("manifest.json");
        String text = Files.readString(manifest);
        String runId = extract.getFileName().toString();
        assertThat(text).contains(runId);
        Files.writeString(manifest, text.replace(runId, "9990000018 LE1 2NE"));

        Result edited = verify(copy);
        assertThat(edited.code()).as(edited.all()).isNotEqualTo(ExitCode.OK);
        assertThat(edited.all()).contains("runId").doesNotContain("9990000018", "LE1 2NE");

        Files.writeString(manifest, "{\"extract\": JaneNHSa9990000018LE12NE}");
        Result broken = verify(copy);
        assertThat(broken.code()).as(broken.all()).isNotEqualTo(ExitCode.OK);
        assertThat(broken.all()).contains("it is not JSON (line 1, column ").doesNotContain("9990000018", "LE12NE");
    }

    @Test
    void anApprovalRevokedSinceIsNotedAndTheExtractStillVerifies() {
        Result revoke = workspace.revoke(TestingBoard.GUARDIAN, "IGB-VERIFY", "Purpose no longer supported");
        assertThat(revoke.code()).as(revoke.all()).isEqualTo(ExitCode.OK);

        Result verify = verify(extract);

        assertThat(verify.code()).as(verify.all()).isEqualTo(ExitCode.OK);
        assertThat(verify.out()).contains("NOTE approval IGB-VERIFY of this plan was revoked by ",
                " (Purpose no longer supported): ask the board whether this extract may still be used");
    }

    @Test
    void anEmptiedManifestFailsVerificationAndIsAudited() throws IOException {
        Path copy = copy();
        Files.writeString(copy.resolve("manifest.json"), "");

        Result verify = assertFails(copy, "FAIL Cannot verify manifest.json: ");

        assertThat(verify.out()).contains("State: not checked against the audit log: without a readable manifest its"
                + " run cannot be found");
        assertThat(new AuditLog(url).list(Optional.empty())).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.VERIFY);
            assertThat(entry.details()).contains(copy.toAbsolutePath().toString());
        });
    }

    @Test
    void aDeletedManifestFailsVerification() throws IOException {
        Path copy = copy();
        Files.delete(copy.resolve("manifest.json"));

        Result verify = assertFails(copy, "manifest.json is missing");

        assertThat(verify.out()).doesNotContain("(give --database-url)");
    }

    @Test
    void aFileInPlaceOfTheExtractIsNamedAsOne() throws IOException {
        Path file = Files.writeString(root.resolve("not-an-extract.txt"), "x");

        Result verify = verify(file);

        assertThat(verify.code()).as(verify.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(verify.err()).contains("not-an-extract.txt: it is a file, expected an extract's directory");
    }

    private Result assertFails(Path copy, String problem) {
        Result verify = verify(copy);
        assertThat(verify.code()).as(verify.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(verify.out()).contains(problem).contains("problem(s) in " + copy);
        return verify;
    }

    private synchronized Path copy() {
        return Workspace.copyOf(extract, root.resolve("copies").resolve("copy-" + ++copies));
    }
}

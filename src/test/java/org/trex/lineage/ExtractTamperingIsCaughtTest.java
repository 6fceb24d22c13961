package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.extract.FileDigests;
import org.trex.extract.Manifest;
import org.trex.extract.ManifestFile;

class ExtractTamperingIsCaughtTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeEach
    void writeExtract() throws Exception {
        SampleExtract.write(dir);
    }

    @Test
    void untouchedExtractVerifies() {
        assertThat(ExtractVerifier.verify(dir)).isEmpty();
    }

    @Test
    void oneChangedByteInADataFile() throws Exception {
        Path file = dir.resolve("data/spells.csv");
        String before = FileDigests.sha256(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 2] ^= 1;
        Files.write(file, bytes);

        assertThat(ExtractVerifier.verify(dir)).containsExactly("Cannot verify data/spells.csv: SHA-256 is "
                + FileDigests.sha256(file) + ", manifest says " + before);
    }

    @Test
    void deletedFile() throws Exception {
        Files.delete(dir.resolve("README.md"));

        assertThat(ExtractVerifier.verify(dir)).containsExactly("Cannot verify README.md: file is missing");
    }

    @Test
    void addedFile() throws Exception {
        Files.writeString(dir.resolve("data/extra.csv"), "a,b\n");

        assertThat(ExtractVerifier.verify(dir))
                .containsExactly("Cannot verify data/extra.csv: file is not in the manifest");
    }

    @Test
    void editedLineageLine() throws Exception {
        Path log = dir.resolve(LineageLog.PATH);
        Files.writeString(log, Files.readString(log).replace("\"rowsLeftOut\":2135", "\"rowsLeftOut\":2000"));

        assertThat(ExtractVerifier.verify(dir)).startsWith(
                "Cannot verify lineage/openlineage.ndjson: SHA-256 is " + FileDigests.sha256(log)
                        + ", manifest says " + manifestEntry("lineage/openlineage.ndjson").sha256())
                .contains("Cannot verify output spells: 44010 rows in - 2000 left out is from 42006 to 42014 (counts"
                        + " at or below 7 suppressed (zeros disclosive), the rest rounded to the nearest 5), lineage"
                        + " says 41877 rows out");
    }

    @Test
    void editedManifest() throws Exception {
        Path manifest = dir.resolve(Manifest.FILE_NAME);
        String sha = manifestEntry("README.md").sha256();
        Files.writeString(manifest, Files.readString(manifest).replace(sha, "0".repeat(64)));

        assertThat(ExtractVerifier.verify(dir)).containsExactly(
                "Cannot verify README.md: SHA-256 is " + sha + ", manifest says " + "0".repeat(64));
    }

    @Test
    void dataFileAndManifestEditedTogetherIsCaughtByTheLineage() throws Exception {
        Path file = dir.resolve("data/readmissions_by_month.csv");
        String before = FileDigests.sha256(file);
        Files.writeString(file, "admission_month,readmissions\n2023-05,3\n");
        String after = FileDigests.sha256(file);
        rewriteManifestEntry("data/readmissions_by_month.csv");

        assertThat(ExtractVerifier.verify(dir)).containsExactly("Cannot verify data/readmissions_by_month.csv: "
                + "lineage says SHA-256 " + before + ", manifest says " + after);
    }

    @Test
    void missingCompleteEvent() throws Exception {
        Path log = dir.resolve(LineageLog.PATH);
        Files.writeString(log, Files.readAllLines(log).get(0) + "\n");
        rewriteManifestEntry("lineage/openlineage.ndjson");

        assertThat(ExtractVerifier.verify(dir)).containsExactly(
                "Cannot verify lineage/openlineage.ndjson: no COMPLETE event for run " + SampleLineage.RUN_ID);
    }

    @Test
    void eventThatBreaksTheSchema() throws Exception {
        Path log = dir.resolve(LineageLog.PATH);
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        ObjectNode start = (ObjectNode) JSON.readTree(lines.get(0));
        start.remove("producer");
        lines.set(0, JSON.writeValueAsString(start));
        Files.write(log, lines, StandardCharsets.UTF_8);
        rewriteManifestEntry("lineage/openlineage.ndjson");

        assertThat(ExtractVerifier.verify(dir)).containsExactly(
                "Cannot verify lineage/openlineage.ndjson line 1: $: required property 'producer' not found");
    }

    @Test
    void nhsNumberOrPostcodeInLineage() throws Exception {
        Path md = dir.resolve(LineageReport.MARKDOWN_PATH);
        Files.writeString(md, Files.readString(md) + "\nChecked by hand: 943 476 5919, LS1 4AP\n");
        rewriteManifestEntry(LineageReport.MARKDOWN_PATH);

        List<String> problems = ExtractVerifier.verify(dir);
        int line = Files.readAllLines(md).size();
        assertThat(problems).containsExactly(
                "Cannot verify lineage/report.md: line " + line + " holds what looks like an NHS number",
                "Cannot verify lineage/report.md: line " + line + " holds what looks like a postcode");
        assertThat(String.join("\n", problems)).doesNotContain("943", "LS1");
    }

    @Test
    void nhsNumberWithDashesInTheDataDictionary() throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, Files.readString(readme) + "\nExample: 943-476-5919\n");
        rewriteManifestEntry("README.md");

        int line = Files.readAllLines(readme).size();
        assertThat(ExtractVerifier.verify(dir))
                .containsExactly("Cannot verify README.md: line " + line + " holds what looks like an NHS number");
    }

    @Test
    void anNhsNumberTouchingLettersOrAPostcodeInSmallLettersInTheDataDictionary() throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, Files.readString(readme) + "\nCase ref NHSNo9434765919\nSeen at ls1 4ap\n");
        rewriteManifestEntry("README.md");

        int lines = Files.readAllLines(readme).size();
        assertThat(ExtractVerifier.verify(dir)).containsExactly(
                "Cannot verify README.md: line " + (lines - 1) + " holds what looks like an NHS number",
                "Cannot verify README.md: line " + lines + " holds what looks like a postcode");
    }

    @Test
    void missingManifest() throws Exception {
        Files.delete(dir.resolve(Manifest.FILE_NAME));

        assertThat(ExtractVerifier.verify(dir)).containsExactly("Cannot verify " + dir + ": manifest.json is missing");
    }

    private ManifestFile manifestEntry(String path) {
        return Manifest.read(dir).files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    private void rewriteManifestEntry(String path) throws Exception {
        SampleExtract.rewriteManifestEntry(dir, path);
    }
}

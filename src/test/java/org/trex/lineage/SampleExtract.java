package org.trex.lineage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.trex.extract.FileDigests;
import org.trex.extract.Manifest;
import org.trex.extract.ManifestFile;
import org.trex.extract.ManifestOutput;

/** Writes a complete sample extract directory the way a run does: data, README, lineage, then the manifest. */
final class SampleExtract {
    private SampleExtract() {
    }

    static LineageRun write(Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        byte[] parquet = "PAR1 fake parquet bytes PAR1".getBytes(StandardCharsets.US_ASCII);
        byte[] spellsCsv = "person_pseudonym,age_band,admission_month\n3f9a...,65-74,2023-05\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] countsCsv = "admission_month,readmissions\n2023-05,15\n".getBytes(StandardCharsets.UTF_8);
        Files.write(data.resolve("spells.parquet"), parquet);
        Files.write(data.resolve("spells.csv"), spellsCsv);
        Files.write(data.resolve("readmissions_by_month.csv"), countsCsv);
        Files.writeString(dir.resolve("README.md"), "# Data dictionary\n\nspells: one row per spell.\n");

        LineageRun run = SampleLineage.started().finished(
                List.of(SampleLineage.spells(), SampleLineage.people()), SampleLineage.exclusions(),
                List.of(SampleLineage.spellOutput(FileDigests.sha256(parquet), parquet.length,
                                FileDigests.sha256(spellsCsv), spellsCsv.length),
                        SampleLineage.countsOutput(FileDigests.sha256(countsCsv), countsCsv.length)),
                SampleLinkage.section());
        Path log = dir.resolve(LineageLog.PATH);
        LineageLog.append(log, OpenLineageEvents.start(SampleLineage.started()));
        LineageLog.append(log, OpenLineageEvents.complete(run, SampleLineage.COMPLETED));
        LineageReport.write(dir, run, SampleLineage.COMPLETED);

        Manifest.of(dir, run.jobName(), run.runId(), run.spec().sha256(), run.planHash(),
                        Map.of("data/spells.parquet", 41_877L, "data/spells.csv", 41_877L,
                                "data/readmissions_by_month.csv", 12L),
                        Map.of(),
                        run.outputs().stream()
                                .map(o -> new ManifestOutput(o.name(), o.reconciliation().rowsOut(), o.contentSha256()))
                                .toList())
                .write(dir);
        return run;
    }

    /** Makes the manifest agree with a file again, as someone covering their tracks would. */
    static void rewriteManifestEntry(Path dir, String path) throws IOException {
        Manifest old = Manifest.read(dir);
        Path file = dir.resolve(path);
        long size = Files.size(file);
        List<ManifestFile> files = old.files().stream()
                .map(f -> f.path().equals(path)
                        ? new ManifestFile(f.path(), f.format(), size, FileDigests.sha256(file), f.rows())
                        : f)
                .toList();
        new Manifest(old.extract(), old.runId(), old.specSha256(), old.planHash(), files, old.outputs()).write(dir);
    }
}

package org.trex.lineage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.trex.extract.BuildInfo;
import org.trex.spec.DisclosureRules;

/** A realistic run of a readmissions extract: two sources, five exclusion steps, a record and an aggregate output. */
final class SampleLineage {
    static final UUID RUN_ID = UUID.fromString("0195f3a2-7c1e-7b3a-9d2e-5f1a2b3c4d5e");
    static final Instant STARTED = Instant.parse("2025-03-03T09:00:00Z");
    static final Instant COMPLETED = Instant.parse("2025-03-03T09:04:31Z");
    static final String PG = "postgres://localhost:5432";

    private SampleLineage() {
    }

    static Source spells() {
        return new Source(PG, "trex.health.inpatient_spell",
                "select spell_id, nhs_number, admission_date, discharge_date, admission_method\n"
                        + "from health.inpatient_spell\nwhere admission_date between date '2023-04-01' "
                        + "and date '2024-03-31'",
                48_213,
                List.of(new Field("spell_id", "bigint"), new Field("nhs_number", "text"),
                        new Field("admission_date", "date"), new Field("discharge_date", "date"),
                        new Field("admission_method", "text")));
    }

    static Source people() {
        return new Source(PG, "trex.social_care.person",
                "select person_id, nhs_number, date_of_birth, postcode from social_care.person", 12_904,
                List.of(new Field("person_id", "bigint"), new Field("nhs_number", "text"),
                        new Field("date_of_birth", "date"), new Field("postcode", "text")));
    }

    static Output spellOutput(String sha256Parquet, long bytesParquet, String sha256Csv, long bytesCsv) {
        Source spells = spells();
        Source people = people();
        Transformation ageBand = new Transformation(TransformationType.DIRECT, TransformationSubtype.TRANSFORMATION,
                "age band at index date", Masking.NOT_MASKED);
        Transformation filter = new Transformation(TransformationType.INDIRECT, TransformationSubtype.FILTER,
                "spells in the study window", Masking.NOT_MASKED);
        return new Output("spells", OutputKind.RECORDS, spells.name(),
                List.of(new Field("person_pseudonym", "string"), new Field("age_band", "string"),
                        new Field("admission_month", "string")),
                List.of(new OutputFile("data/spells.parquet", FileFormat.PARQUET, 41_877, bytesParquet, sha256Parquet),
                        new OutputFile("data/spells.csv", FileFormat.CSV, 41_877, bytesCsv, sha256Csv)),
                new Reconciliation(44_012, 2_135, 41_877),
                "9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d",
                List.of(new ColumnLineage("person_pseudonym",
                                List.of(InputField.of(spells, "nhs_number", Transformation.pseudonym()))),
                        new ColumnLineage("age_band", List.of(
                                InputField.of(people, "date_of_birth", ageBand),
                                InputField.of(spells, "admission_date", ageBand))),
                        new ColumnLineage("admission_month", List.of(
                                InputField.of(spells, "admission_date", new Transformation(TransformationType.DIRECT,
                                        TransformationSubtype.TRANSFORMATION, "month of admission",
                                        Masking.NOT_MASKED)),
                                InputField.of(spells, "admission_date", filter)))),
                Optional.of(new DisclosureMeasures.Records(10, 12, 0.004, "suppress", 0)));
    }

    static Output countsOutput(String sha256Csv, long bytesCsv) {
        Source spells = spells();
        return new Output("readmissions_by_month", OutputKind.AGGREGATE, spells.name(),
                List.of(new Field("admission_month", "string"), new Field("readmissions", "long")),
                List.of(new OutputFile("data/readmissions_by_month.csv", FileFormat.CSV, 12, bytesCsv, sha256Csv)),
                new Reconciliation(14, 2, 12),
                "1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a7988",
                List.of(new ColumnLineage("admission_month", List.of(InputField.of(spells, "admission_date",
                                new Transformation(TransformationType.INDIRECT, TransformationSubtype.GROUP_BY,
                                        "month of admission", Masking.NOT_MASKED)))),
                        new ColumnLineage("readmissions", List.of(InputField.of(spells, "spell_id",
                                new Transformation(TransformationType.DIRECT, TransformationSubtype.AGGREGATION,
                                        "count of emergency readmissions within 30 days, rounded to 5",
                                        Masking.NOT_MASKED))))),
                Optional.of(new DisclosureMeasures.Cells("counts <= 7 suppressed (zeros disclosive), others rounded"
                        + " to the nearest 5; protection range 7", 12, 2, "suppressed 2 small counts; rounded the rest",
                        Optional.of("every combination of admission_month (the values found in the data), each listed"
                                + " whether or not anyone is in it"),
                        List.of("spells.people{age_band=65-69} suppressed: complementary, so a suppressed cell cannot "
                                + "be worked out from totals: protects spells.people{age_band=70-74}"))));
    }

    /** The run as known before reading anything. */
    static LineageRun started() {
        return started(SampleLinkage.RULES);
    }

    /** The run as known before reading anything, under a policy of these disclosure rules. */
    static LineageRun started(DisclosureRules rules) {
        return LineageRun.of(RUN_ID, STARTED, LocalDate.parse("2025-03-01"),
                Optional.of(new ParentRun("airflow", "trex_monthly.readmissions",
                        UUID.fromString("0195f3a0-0000-7000-8000-000000000001"))),
                new SpecIdentity("readmissions-2025", "3", "Emergency readmissions after social care assessment",
                        "To estimate how often adults assessed for social care are readmitted within "
                                + "30 days of discharge.",
                        "Dr A. Researcher, Institute of Population Health",
                        "UK GDPR Art. 6(1)(e) and 9(2)(j); s251 CAG 21/CAG/0001",
                        "a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"),
                new PolicyIdentity("nhs-england-default",
                        "b4e2d3c5f6a71829304b5c6d7e8f9a01b2c3d4e5f6a71829304b5c6d7e8f9a01", rules),
                "plan-5c9e1f0a",
                Optional.of(new ApprovalRecord("DARS-NIC-123456", Instant.parse("2025-02-14T15:30:00Z"),
                        Optional.of(LocalDate.parse("2026-02-13")),
                        List.of("Outputs stay in the TRE", "No linkage to other datasets"),
                        "trex approval v1\nextract: \"readmissions-2025\"\nversion: 3\n",
                        "c".repeat(64),
                        List.of(new SignerRecord("chair", "Dr B. Chair", "Chair", "NHS Trust",
                                "SHA256:" + "A".repeat(43),
                                "-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----\n")))),
                new KeyIdentity("trex-project-readmissions", "k-7f3a9c21"),
                new BuildInfo("0.1.0", "4702c43"),
                "4.1.3",
                Map.of("as-of", "2025-03-01", "database", "postgresql://localhost:5432/trex", "key", "[redacted]"),
                List.of(spells(), people()), List.of(), List.of());
    }

    static List<Exclusion> exclusions() {
        return List.of(new Exclusion("missing_nhs_number", 1_204, 0),
                new Exclusion("invalid_nhs_number", 87, 0),
                new Exclusion("local_objection", 129, 17),
                new Exclusion("national_data_opt_out_or_unchecked", 2_781, 602),
                new Exclusion("type1_opt_out", 0, 0),
                new Exclusion("disclosure_suppressed", 2_135, 488));
    }

    /** The finished run with made-up digests; a real extract on disk uses {@link SampleExtract}. */
    static LineageRun finished() {
        String zeros = "0".repeat(63);
        return started().finished(List.of(spells(), people()), exclusions(),
                List.of(spellOutput(zeros + "1", 1_204_331, zeros + "2", 2_017_118), countsOutput(zeros + "3", 311)),
                SampleLinkage.section());
    }
}

package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.trex.nhs.NhsNumber;

class LineageReportRendersTest {
    private static final Pattern TEN_DIGITS = Pattern.compile("(?<![0-9A-Za-z])\\d{3} ?\\d{3} ?\\d{4}(?![0-9A-Za-z])");

    @Test
    void htmlHoldsTheFactsABoardNeeds() throws Exception {
        String html = LineageReport.html(SampleLineage.finished(), SampleLineage.COMPLETED);
        // Kept for bin/screenshot-report, which opens it in a headless browser.
        Path sample = Path.of("target", "lineage-sample", "report.html");
        Files.createDirectories(sample.getParent());
        Files.writeString(sample, html);

        assertThat(html).contains(
                "Emergency readmissions after social care assessment",
                "To estimate how often adults assessed for social care are readmitted within 30 days of discharge.",
                "Dr A. Researcher, Institute of Population Health",
                "UK GDPR Art. 6(1)(e) and 9(2)(j); s251 CAG 21/CAG/0001",
                "DARS-NIC-123456", "2026-02-13", "Dr B. Chair", "NHS Trust", "SHA256:" + "A".repeat(43),
                "trex approval v1&#10;extract: &quot;readmissions-2025&quot;", "c".repeat(64),
                "nhs-england-default", "k-7f3a9c21", "HMAC-SHA256 pseudonym",
                "trex.health.inpatient_spell", "from health.inpatient_spell",
                "48,215", "National data opt-out", "2,780", "41,877",
                "data/spells.parquet", "0".repeat(63) + "1",
                "age band at index date", "4702c43", "4.1.3", SampleLineage.RUN_ID.toString(),
                "<svg", "</svg>", "[redacted]", "Rows read by 2 outputs", "People (each once)");
        // Self-contained: nothing to fetch (the SVG namespace URI is a name, not a fetch).
        assertThat(html).doesNotContain("<script", "<link", "src=", "href=", "@import", "url(");
        assertThat(lookLikeNhsNumbers(html)).isEmpty();
    }

    @Test
    void markdownHoldsTheSameFacts() {
        String md = LineageReport.markdown(SampleLineage.finished(), SampleLineage.COMPLETED);

        assertThat(md).contains("# Emergency readmissions after social care assessment",
                "**Legal basis:** UK GDPR Art. 6(1)(e) and 9(2)(j); s251 CAG 21/CAG/0001",
                "  - Dr B. Chair (`chair`), Chair, NHS Trust: key `SHA256:" + "A".repeat(43) + "`",
                "    trex approval v1\n    extract: \"readmissions-2025\"",
                "| National data opt-out, or not checked |",
                "| spells | records | 44,010 | 2,135 | 41,877 |",
                "Rows read by the 2 outputs: 61,115.",
                "| Left out because | Code | Rows (all outputs) | People (each once) |",
                "| 1,205 | not countable (no valid NHS number) |",
                "| 85 | not countable (no valid NHS number) |",
                "    from health.inpatient\\_spell".replace("\\_", "_"),
                "| data/spells.parquet | parquet | 41,877 |",
                "- **Conditions:** Outputs stay in the TRE; No linkage to other datasets\n");
        assertThat(lookLikeNhsNumbers(md)).isEmpty();
    }

    @Test
    void valuesFromTheSpecCannotInjectMarkup() {
        LineageRun sample = SampleLineage.finished();
        SpecIdentity spec = sample.spec();
        LineageRun hostile = LineageRun.of(sample.runId(), sample.startedAt(), sample.asOf(), Optional.empty(),
                new SpecIdentity(spec.id(), spec.version(), "<script>alert(1)</script> | injected", spec.purpose(),
                        spec.requester(), spec.legalBasis(), spec.sha256()),
                sample.policy(), sample.planHash(), Optional.empty(), sample.key(), sample.build(),
                sample.sparkVersion(), sample.parameters(), sample.sources(), sample.exclusions(), sample.outputs());

        String html = LineageReport.html(hostile, SampleLineage.COMPLETED);
        String md = LineageReport.markdown(hostile, SampleLineage.COMPLETED);

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;")
                .contains("No approval is recorded for this run.");
        assertThat(md).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; \\| injected");
    }

    private static List<String> lookLikeNhsNumbers(String text) {
        Matcher m = TEN_DIGITS.matcher(text);
        return m.results().map(r -> r.group()).filter(s -> NhsNumber.isValidNormalised(s.replace(" ", ""))).toList();
    }
}

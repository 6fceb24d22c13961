package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.governance.DeletionNotices;
import org.trex.governance.GovernanceSchema;
import org.trex.governance.Release;
import org.trex.governance.ReleaseOutputKind;
import org.trex.governance.ReleaseRegister;
import org.trex.governance.ReleasedOutput;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceSchema;
import org.trex.spec.Applicability;
import org.trex.testing.TestDatabase;

/**
 * A deletion notice that names aggregate outputs of a release (which cannot be recalled) marks the next release of
 * that extract as needing a differencing review: {@code trex plan} with a database says so in text and JSON, until
 * a later release of the extract is published. A notice naming record-level outputs only asks for none.
 */
class NextReleaseAfterAnAggregateNoticeNeedsAReviewTest {
    private static final String PSEUDONYM = "a".repeat(64);
    private static final String OTHER = "b".repeat(64);
    private static final Instant RELEASED = Instant.parse("2026-06-30T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;
    private Path people;
    private Path other;

    @Test
    void thePlanAsksForAReviewUntilTheNextRelease() throws IOException {
        Workspace workspace = workspace();
        noticeTo(workspace.url, release(workspace.url, "run-1", RELEASED,
                List.of(output("spells", ReleaseOutputKind.RECORDS, people, other),
                        output("delays_by_band", ReleaseOutputKind.AGGREGATE, people, other),
                        output("delays_summary", ReleaseOutputKind.AGGREGATE, other))));

        String text = plan(workspace, "text");
        JsonNode json = reviews(workspace);

        assertThat(text).contains("WARNING: needs a differencing review: notice DN-000001 named aggregate outputs"
                + " delays_by_band released in run run-1");
        assertThat(json).hasSize(1);
        assertThat(json.get(0).path("notice").asText()).isEqualTo("DN-000001");
        assertThat(json.get(0).path("run").asText()).isEqualTo("run-1");
        assertThat(JSON.convertValue(json.get(0).path("aggregateOutputs"), List.class))
                .containsExactly("delays_by_band");

        release(workspace.url, "run-2", RELEASED.plusSeconds(7200),
                List.of(output("spells", ReleaseOutputKind.RECORDS, other)));

        assertThat(plan(workspace, "text")).doesNotContain("differencing review");
        assertThat(reviews(workspace)).isEmpty();
    }

    @Test
    void aNoticeNamingOnlyRecordLevelOutputsAsksForNoReview() throws IOException {
        Workspace workspace = workspace();
        noticeTo(workspace.url, release(workspace.url, "run-1", RELEASED,
                List.of(output("spells", ReleaseOutputKind.RECORDS, people),
                        output("delays_by_band", ReleaseOutputKind.AGGREGATE, other))));

        assertThat(plan(workspace, "text")).doesNotContain("differencing review");
        assertThat(reviews(workspace)).isEmpty();
    }

    /** A fresh database with the source and governance schemas, a workspace on it, and the two people files. */
    private Workspace workspace() throws IOException {
        DatabaseUrl url = TestDatabase.fresh();
        SourceSchema.migrate(url);
        GovernanceSchema.migrate(url);
        people = Files.writeString(root.resolve("people.tsv"), PSEUDONYM + "\t2\n");
        other = Files.writeString(root.resolve("other.tsv"), OTHER + "\t1\n");
        return Workspace.create(root, url);
    }

    /** A notice, an hour after the release, for the person who objected. */
    private static void noticeTo(DatabaseUrl url, ReleaseRegister.Registered release) {
        new DeletionNotices(url, at(RELEASED.plusSeconds(3600))).issue(release, Workspace.AS_OF.plusDays(1),
                Map.of(PSEUDONYM, "local-objection"), "tester");
    }

    private static JsonNode reviews(Workspace workspace) throws IOException {
        JsonNode reviews = JSON.readTree(plan(workspace, "json")).path("differencingReviews");
        assertThat(reviews.isArray()).as("differencingReviews is a list").isTrue();
        return reviews;
    }

    private static String plan(Workspace workspace, String format) {
        Result result = Workspace.trex("plan", workspace.spec.toString(), "--as-of", Workspace.AS_OF.toString(),
                "--format", format, "--database-url", workspace.url.jdbcUrl());
        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.OK);
        return result.out();
    }

    private ReleaseRegister.Registered release(DatabaseUrl url, String runId, Instant at,
            List<ReleasedOutput> outputs) {
        ReleaseRegister register = new ReleaseRegister(url, at(at));
        register.record(new Release(Workspace.EXTRACT, runId, 1, "discharge-evaluation", "0123456789abcdef",
                root.resolve("project.key"), Workspace.AS_OF, Applicability.APPLIES, 30, root.resolve("out"), outputs));
        return register.release(runId).orElseThrow();
    }

    private static ReleasedOutput output(String name, ReleaseOutputKind kind, Path... people) {
        Optional<String> personColumn = kind == ReleaseOutputKind.RECORDS ? Optional.of("person") : Optional.empty();
        return new ReleasedOutput(name, kind, personColumn, people.length, List.of(people));
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}

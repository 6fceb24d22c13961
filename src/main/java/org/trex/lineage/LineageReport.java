package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.trex.disclosure.CellStatus;
import org.trex.linkage.ShownCount;

/**
 * The lineage report a governance board reads: {@code lineage/report.html} (self-contained: inline CSS and
 * SVG, no script, no network) and {@code lineage/report.md}, from the same facts and escaped templates.
 */
public final class LineageReport {
    /** Where the reports live, relative to the extract directory. */
    public static final String HTML_PATH = "lineage/report.html";
    public static final String MARKDOWN_PATH = "lineage/report.md";

    private static final Mustache HTML = new DefaultMustacheFactory("lineage/report")
            .compile("report.html.mustache");
    private static final Mustache MARKDOWN = new MarkdownMustacheFactory().compile("report.md.mustache");

    private static final int CHART_LABEL_WIDTH = 300;
    private static final int CHART_BAR_WIDTH = 520;
    private static final int CHART_ROW_HEIGHT = 46;
    /** A step whose count is not shown (suppressed, or an aggregate's, in its cells) is an outline this wide. */
    private static final int CHART_OUTLINE_WIDTH = 40;

    private LineageReport() {
    }

    /** The HTML report of a finished run. */
    public static String html(LineageRun run, Instant completedAt) {
        return render(HTML, view(run, completedAt));
    }

    /** The Markdown report of a finished run. */
    public static String markdown(LineageRun run, Instant completedAt) {
        return render(MARKDOWN, view(run, completedAt));
    }

    /** Writes both reports under the extract directory's {@code lineage/}, from one view of the run. */
    public static void write(Path extractDir, LineageRun run, Instant completedAt) {
        // One view: its counts are decided by disclosure control, which need not solve them twice.
        Map<String, Object> view = view(run, completedAt);
        write(extractDir.resolve(HTML_PATH), render(HTML, view));
        write(extractDir.resolve(MARKDOWN_PATH), render(MARKDOWN, view));
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String render(Mustache template, Map<String, Object> view) {
        StringWriter out = new StringWriter();
        template.execute(out, view);
        return out.toString();
    }

    private static Map<String, Object> view(LineageRun run, Instant completedAt) {
        requireNonNull(run, "run is null");
        requireNonNull(completedAt, "completedAt is null");
        PublishedCounts counts = run.policy().counts();
        LineageCells cells = LineageCells.of(run);
        Map<String, Object> view = new LinkedHashMap<>();
        SpecIdentity spec = run.spec();
        view.put("spec", spec);
        view.put("run", run);
        view.put("runId", run.runId().toString());
        view.put("asOf", run.asOf().toString());
        view.put("started", run.startedAt().toString());
        view.put("completed", completedAt.toString());
        view.put("algorithm", KeyIdentity.ALGORITHM);
        run.approval().ifPresent(approval -> view.put("approval", Map.of(
                "reference", approval.reference(),
                "recordedAt", approval.recordedAt().toString(),
                "expires", approval.expires().map(Object::toString).orElse("no expiry"),
                "conditions", approval.conditions(),
                // Markdown gives them on one line: joined here, as the template cannot tell the last from the others.
                "conditionsInLine", String.join("; ", approval.conditions()),
                "statement", approval.statement(),
                "statementIndented", approval.statement().strip().indent(4).stripTrailing(),
                "boardRegisterSha256", approval.boardRegisterSha256(),
                "signers", approval.signers())));
        run.parent().ifPresent(parent -> view.put("parent", parent));
        view.put("parameters", run.parameters().entrySet().stream()
                .map(e -> Map.of("key", e.getKey(), "value", e.getValue())).toList());
        view.put("sources", run.sources().stream().map(source -> Map.of(
                "namespace", source.namespace(),
                "name", source.name(),
                "rowsRead", rowsRead(source, cells),
                "fields", String.join(", ", source.fields().stream().map(Field::name).toList()),
                "sql", source.sql(),
                "sqlIndented", source.sql().strip().indent(4).stripTrailing())).toList());
        view.put("loads", run.loads().stream().map(load -> Map.of(
                "name", load.fileName(),
                "source", load.source(),
                "period", load.period(),
                "sha256", load.sha256(),
                "rowsLoaded", load.rowsLoaded().isPresent() ? counts.text(load.rowsLoaded().getAsLong()) : "suppressed",
                "loadedAt", load.loadedAt().toString(),
                // A list of one or none, as a template cannot tell an absent value from its parent's.
                "council", load.council().map(CouncilCodeCheck::inWords).stream().toList())).toList());
        view.put("hasLoads", !run.loads().isEmpty());
        view.put("rowsRead", cells.rowsRead().display());
        view.put("shownCounts", counts.words());
        view.put("outputCount", run.outputs().size());
        view.put("exclusions", run.exclusions().stream().map(e -> Map.of(
                "label", e.label(), "reason", e.reason(), "rows", cells.rows(e).display(), "people", people(e, cells)))
                .toList());
        List<Map<String, Object>> outputs = new ArrayList<>();
        List<Map<String, Object>> files = new ArrayList<>();
        List<Map<String, Object>> columns = new ArrayList<>();
        List<Map<String, Object>> recordDisclosure = new ArrayList<>();
        List<Map<String, Object>> aggregateDisclosure = new ArrayList<>();
        List<Map<String, Object>> aggregateGroups = new ArrayList<>();
        List<Map<String, Object>> disclosureNotes = new ArrayList<>();
        for (Output output : run.outputs()) {
            outputs.add(Map.of("name", output.name(), "kind", output.kind().code(),
                    "rowsIn", cells.rowsIn(output).display(), "rowsLeftOut", cells.rowsLeftOut(output).display(),
                    "rowsOut", rowsOut(output),
                    "contentSha256", output.contentSha256()));
            for (OutputFile file : output.files()) {
                files.add(Map.of("path", file.path(), "format", file.format().code(), "rows", count(file.rows()),
                        "bytes", count(file.bytes()), "sha256", file.sha256()));
            }
            for (ColumnLineage column : output.columnLineage()) {
                for (InputField in : column.inputs()) {
                    Transformation t = in.transformation();
                    columns.add(Map.of("output", output.name(), "column", column.column(),
                            "source", in.name() + "." + in.field(),
                            "type", t.type().name(), "subtype", t.subtype().name(),
                            "description", t.description(), "masked", t.masking().masks() ? "yes" : "no",
                            "maskedCss", t.masking().masks() ? "masked" : ""));
                }
            }
            Optional<DisclosureMeasures> measures = output.disclosure();
            if (measures.orElse(null) instanceof DisclosureMeasures.Records d) {
                recordDisclosure.add(Map.of("output", output.name(), "kRequired", d.kRequired(),
                        "smallestClass", count(d.smallestClass()), "uniqueShare", d.uniquePercent(),
                        "action", d.action(), "valuesSuppressed", counts.text(d.valuesSuppressed())));
            } else if (measures.orElse(null) instanceof DisclosureMeasures.Cells d) {
                aggregateDisclosure.add(Map.of("output", output.name(), "rule", d.rule(), "cells", count(d.cells()),
                        "cellsSuppressed", count(d.cellsSuppressed()), "action", d.action()));
                d.groups().ifPresent(groups -> aggregateGroups.add(Map.of("output", output.name(), "groups", groups)));
                d.notes().forEach(note -> disclosureNotes.add(Map.of("output", output.name(), "note", note)));
            }
        }
        view.put("outputs", outputs);
        view.put("files", files);
        view.put("columns", columns);
        view.put("recordDisclosure", recordDisclosure);
        view.put("hasRecordDisclosure", !recordDisclosure.isEmpty());
        view.put("aggregateDisclosure", aggregateDisclosure);
        view.put("hasAggregateDisclosure", !aggregateDisclosure.isEmpty());
        view.put("aggregateGroups", aggregateGroups);
        view.put("disclosureNotes", disclosureNotes);
        view.put("hasDisclosureNotes", !disclosureNotes.isEmpty());
        view.put("chart", chart(run, cells));
        run.linkage().ifPresent(section -> view.put("linkage", LinkageView.of(section)));
        return view;
    }

    /** One step of the flow chart, placed on the SVG's grid. */
    record ChartBar(String label, String css, String note, String text, int labelX, int barX, int width, int y,
            int textY, int countX, boolean arrow, int arrowY1, int arrowY2) {
    }

    /** A step of the chart: its rows as shown (empty when not shown: drawn as an outline), in words. */
    private record Step(String label, OptionalLong rows, String css, String text, String note) {
    }

    /** A source's rows read as shown, or why it has no count of its own. */
    private static String rowsRead(Source source, LineageCells cells) {
        return source.rowsRead().isPresent()
                ? cells.rowsRead(source).display() + " rows read (summed over the outputs that read it)"
                : "rows not counted: the outputs only join to its rows or look them up, for the rows of the tables"
                        + " they read";
    }

    /** People left out as shown, or why they cannot be counted. */
    private static String people(Exclusion e, LineageCells cells) {
        return e.peopleCountable() ? cells.people(e).display() : "not countable (no valid NHS number)";
    }

    /**
     * A record output's rows out, exactly as its files hold them; an aggregate's counted rows are its cells', shown as
     * disclosure control published them, so the reconciliation gives its groups instead.
     */
    private static String rowsOut(Output output) {
        return output.kind() == OutputKind.RECORDS ? count(output.reconciliation().rowsOut())
                : "counted in its cells (" + groups(output.rowsWritten()) + ")";
    }

    /**
     * Bars from rows read, through each exclusion, to the rows each output wrote; all sized on one scale, from the
     * counts as shown: a suppressed count, and the rows an aggregate counted, are outlines, whose width says nothing.
     */
    private static Map<String, Object> chart(LineageRun run, LineageCells cells) {
        List<Step> steps = new ArrayList<>();
        steps.add(step("Rows read by " + run.outputs().size() + " outputs", cells.rowsRead(), "read", ""));
        for (Exclusion e : run.exclusions()) {
            steps.add(step("Left out: " + e.label(), cells.rows(e), "out",
                    e.peopleCountable() ? cells.people(e).display() + " people" : "people not countable"));
        }
        for (Output o : run.outputs()) {
            String left = "after " + cells.rowsLeftOut(o).display() + " left out at this output";
            if (o.kind() == OutputKind.AGGREGATE) {
                steps.add(new Step("Counted: " + o.name(), OptionalLong.empty(), "cells",
                        "into " + groups(o.rowsWritten()), left + "; its counts are its cells"));
            } else {
                long rows = o.reconciliation().rowsOut();
                steps.add(new Step("Written: " + o.name(), OptionalLong.of(rows), "written", count(rows) + " rows",
                        left));
            }
        }
        long max = Math.max(1, steps.stream().mapToLong(s -> s.rows().orElse(0)).max().orElse(1));
        List<ChartBar> bars = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            long rows = s.rows().orElse(0);
            int width = s.rows().isEmpty() ? CHART_OUTLINE_WIDTH
                    : rows == 0 ? 0 : (int) Math.max(2, Math.round(CHART_BAR_WIDTH * (double) rows / max));
            int y = 10 + i * CHART_ROW_HEIGHT;
            bars.add(new ChartBar(s.label(), s.css(), s.note(), s.text(), CHART_LABEL_WIDTH - 12,
                    CHART_LABEL_WIDTH, width, y, y + 18, CHART_LABEL_WIDTH + width + 8, i + 1 < steps.size(),
                    y + 28, y + CHART_ROW_HEIGHT - 2));
        }
        return Map.of("bars", bars, "width", CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 280,
                "height", 20 + steps.size() * CHART_ROW_HEIGHT, "arrowX", CHART_LABEL_WIDTH - 6);
    }

    /**
     * A step of rows as shown: a bar, or an outline marked suppressed ("&lt;=7 rows (suppressed)", or "rows suppressed"
     * where it hides a small count beside it).
     */
    private static Step step(String label, ShownCount shown, String css, String note) {
        if (!shown.suppressed()) {
            return new Step(label, shown.value(), css, shown.display() + " rows", note);
        }
        return new Step(label, OptionalLong.empty(), "suppressed", shown.status() == CellStatus.SMALL_COUNT
                ? shown.display() + " rows (suppressed)" : "rows suppressed", note);
    }

    private static String groups(long groups) {
        return count(groups) + (groups == 1 ? " group" : " groups");
    }

    private static String count(long value) {
        return String.format(Locale.UK, "%,d", value);
    }

    /** Escapes Markdown so that a value from a spec cannot make a table, a link or a heading of its own. */
    private static final class MarkdownMustacheFactory extends DefaultMustacheFactory {
        MarkdownMustacheFactory() {
            super("lineage/report");
        }

        @Override
        public void encode(String value, Writer writer) {
            StringBuilder out = new StringBuilder(value.length());
            for (char c : value.toCharArray()) {
                if (c == '\n' || c == '\r') {
                    out.append(' ');
                } else if (c == '<') {
                    out.append("&lt;");
                } else if (c == '>') {
                    out.append("&gt;");
                } else {
                    if ("\\`*_[]|~".indexOf(c) >= 0) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
            try {
                writer.write(out.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write report: " + e.getMessage(), e);
            }
        }
    }
}

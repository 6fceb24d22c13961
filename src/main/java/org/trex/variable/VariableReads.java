package org.trex.variable;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.trex.source.SourceCatalog;
import org.trex.spec.Expr;
import org.trex.spec.ExtractSpec;

/** The source fields a variable reads, directly or through the variables it uses: for lineage and the plan. */
public final class VariableReads {
    private VariableReads() {
    }

    /** Every {@code dataset.field} the variable reads, in the order met, each once. */
    public static List<String> of(ExtractSpec spec, String variable) {
        Set<String> reads = new LinkedHashSet<>();
        String index = SourceCatalog.indexDatasetName(spec.cohort().indexEvent());
        collectVariable(spec, variable, index, reads, new LinkedHashSet<>());
        return List.copyOf(reads);
    }

    private static void collectVariable(ExtractSpec spec, String name, String index, Set<String> reads,
            Set<String> seen) {
        if (seen.add(name)) {
            spec.variable(name).ifPresent(v -> collect(spec, v.definition(), index, index, reads, seen));
        }
    }

    private static void collect(ExtractSpec spec, Expr expr, String current, String index, Set<String> reads,
            Set<String> seen) {
        if (expr instanceof Expr.FieldValue field) {
            reads.add((field.row() == Expr.Row.INDEX ? index : current) + "." + field.field());
        } else if (expr instanceof Expr.VariableValue variable) {
            collectVariable(spec, variable.name(), index, reads, seen);
        } else if (expr instanceof Expr.PersonValue person) {
            reads.add(switch (person.attribute()) {
                case AGE -> index + ".date_of_birth";
                case SEX -> index + ".sex";
                case DATE_OF_DEATH -> "social_care_person.date_of_death";
            });
        } else if (expr instanceof Expr.Events events) {
            reads.add(events.dataset() + ".nhs_number");
            events.where().forEach(e -> collect(spec, e, events.dataset(), index, reads, seen));
            events.window().ifPresent(w -> {
                w.field().ifPresent(f -> reads.add(events.dataset() + "." + f));
                w.of().ifPresent(e -> collect(spec, e, current, index, reads, seen));
            });
            events.value().ifPresent(v -> reads.add(events.dataset() + "." + v));
            events.by().ifPresent(b -> reads.add(events.dataset() + "." + b));
        } else if (expr instanceof Expr.LinkedEpisodes link) {
            Expr.Episodes episodes = link.episodes();
            reads.add(episodes.dataset() + ".nhs_number");
            reads.add(episodes.dataset() + "." + episodes.start());
            reads.add(episodes.dataset() + "." + episodes.end());
            episodes.where().forEach(e -> collect(spec, e, episodes.dataset(), index, reads, seen));
            link.indexWhere().forEach(e -> collect(spec, e, index, index, reads, seen));
        } else {
            Expressions.children(expr).forEach(e -> collect(spec, e, current, index, reads, seen));
        }
    }
}

package org.trex.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The canonical JSON of a spec or policy: the parsed model with YAML key names, keys sorted, no whitespace,
 * dates ISO, enums by their YAML words and defaults written out. Comments, key order and quoting in the
 * YAML do not change it, so its SHA-256 changes exactly when the meaning does.
 */
public final class Canonical {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Canonical() {
    }

    public static String json(ExtractSpec spec) {
        return write(tree(spec));
    }

    /** A key's entry; its id only when the policy pins one, so policies that pin none keep their hashes. */
    private static Map<String, Object> key(ProjectKey key) {
        Map<String, Object> entry = new TreeMap<>();
        entry.put("project", key.project());
        entry.put("name", key.name());
        entry.put("file", key.file());
        key.id().ifPresent(id -> entry.put("id", id));
        return entry;
    }

    public static String json(Policy policy) {
        return write(tree(policy));
    }

    /** Lowercase hex SHA-256 of {@link #json(ExtractSpec)}. */
    public static String sha256(ExtractSpec spec) {
        return sha256(json(spec));
    }

    /** Lowercase hex SHA-256 of {@link #json(Policy)}. */
    public static String sha256(Policy policy) {
        return sha256(json(policy));
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes of a text. */
    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash: this Java has no SHA-256", e);
        }
    }

    private static Map<String, Object> tree(ExtractSpec spec) {
        Map<String, Object> root = new TreeMap<>();
        root.put("id", spec.id());
        root.put("version", spec.version());
        root.put("title", spec.title());
        root.put("requester", spec.requester());
        root.put("purpose", spec.purpose());
        root.put("legal_basis", spec.legalBasis());
        root.put("project", spec.project());
        root.put("policy", spec.policy());
        root.put("cohort", tree(spec.cohort()));
        root.put("outputs", spec.outputs().stream().map(Canonical::tree).toList());
        spec.schedule().ifPresent(schedule -> root.put("schedule", schedule));
        if (!spec.imports().isEmpty() || !spec.variables().isEmpty()) {
            root.put("imports", spec.imports());
            root.put("variables", variables(spec.variables()));
        }
        return root;
    }

    /** Variables as written in YAML: a mapping of names to {type, description, definition keys}. */
    private static Map<String, Object> variables(List<VariableSpec> variables) {
        Map<String, Object> node = new TreeMap<>();
        for (VariableSpec variable : variables) {
            Map<String, Object> body = new TreeMap<>(tree(variable.definition()));
            body.put("type", variable.type().yamlName());
            body.put("description", variable.description());
            node.put(variable.name(), body);
        }
        return node;
    }

    /** A definition's keys; a variable's definition is always written as a mapping. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(Expr expr) {
        return (Map<String, Object>) value(expr);
    }

    /** An expression in the form it is written in YAML; positions are left out. */
    private static Object value(Expr expr) {
        Map<String, Object> node = new TreeMap<>();
        if (expr instanceof Expr.Literal l) {
            if (l.value() instanceof java.time.LocalDate date) {
                node.put("date", date.toString());
            } else {
                return l.value();
            }
        } else if (expr instanceof Expr.FieldValue f) {
            node.put(f.row() == Expr.Row.INDEX ? "index" : "field", f.field());
        } else if (expr instanceof Expr.VariableValue v) {
            node.put("var", v.name());
        } else if (expr instanceof Expr.PersonValue p) {
            node.put("person", p.attribute().yamlName());
        } else if (expr instanceof Expr.PeriodValue p) {
            node.put("period", p.bound().yamlName());
        } else if (expr instanceof Expr.EpisodeValue e) {
            node.put("episode", e.bound().yamlName());
        } else if (expr instanceof Expr.Test t) {
            node.putAll(tree(t.subject()));
            node.put(t.op().yamlName(), t.op().takesList() ? values(t.operands()) : value(t.operands().get(0)));
        } else if (expr instanceof Expr.Logic l) {
            node.put(l.op().yamlName(), l.op() == Expr.LogicOp.NOT ? value(l.operands().get(0)) : values(l.operands()));
        } else if (expr instanceof Expr.ShiftDays d) {
            node.put("plus_days", List.of(value(d.date()), d.days()));
        } else if (expr instanceof Expr.DaysBetween d) {
            node.put("days_between", values(List.of(d.from(), d.to())));
        } else if (expr instanceof Expr.FirstPresent f) {
            node.put("first_present", values(f.operands()));
        } else if (expr instanceof Expr.Case c) {
            node.put("case", c.whens().stream().map(w -> new TreeMap<>(Map.of(
                    "when", value(w.condition()), "then", value(w.then())))).toList());
            c.otherwise().ifPresent(e -> node.put("else", value(e)));
        } else if (expr instanceof Expr.Events e) {
            Map<String, Object> query = new TreeMap<>();
            query.put("from", e.dataset());
            query.put("where", values(e.where()));
            e.window().ifPresent(w -> query.put("window", window(w)));
            e.value().ifPresent(v -> query.put("value", v));
            e.by().ifPresent(b -> query.put("by", b));
            node.put(e.op().yamlName(), query);
        } else if (expr instanceof Expr.LinkedEpisodes l) {
            Expr.Episodes episodes = l.episodes();
            node.put("linked_episodes", new TreeMap<>(Map.of(
                    "episodes", new TreeMap<>(Map.of("from", episodes.dataset(), "where", values(episodes.where()),
                            "start", episodes.start(), "end", episodes.end(),
                            "join_within_days", episodes.joinWithinDays())),
                    "link", l.link().yamlName(),
                    "window", new TreeMap<>(Map.of("from_days", l.fromDays(), "to_days", l.toDays())),
                    "index_where", values(l.indexWhere()),
                    "value", l.value().yamlName())));
        }
        return node;
    }

    private static Map<String, Object> window(Expr.Window window) {
        Map<String, Object> node = new TreeMap<>(Map.of("from_days", window.fromDays(), "to_days", window.toDays()));
        window.field().ifPresent(f -> node.put("field", f));
        window.of().ifPresent(o -> node.put("of", value(o)));
        return node;
    }

    private static List<Object> values(List<Expr> exprs) {
        return exprs.stream().map(Canonical::value).toList();
    }

    private static Map<String, Object> tree(CohortSpec cohort) {
        Map<String, Object> node = new TreeMap<>();
        node.put("description", cohort.description());
        node.put("index_event", cohort.indexEvent().yamlName());
        node.put("window", new TreeMap<>(Map.of("from", cohort.from().toString(), "to", cohort.to().toString())));
        Map<String, Object> ages = new TreeMap<>();
        put(ages, "min", cohort.minAge());
        put(ages, "max", cohort.maxAge());
        if (!ages.isEmpty()) {
            node.put("age_at_index", ages);
        }
        node.put("social_care_at_index", cohort.socialCareAtIndex().yamlName());
        node.put("conditions", cohort.conditions().stream()
                .map(c -> new TreeMap<>(Map.of("field", c.field(), "in", c.values()))).toList());
        return node;
    }

    private static Map<String, Object> tree(OutputSpec output) {
        Map<String, Object> node = new TreeMap<>();
        node.put("name", output.name());
        node.put("dataset", output.dataset());
        node.put("window",
                new TreeMap<>(Map.of("from_days", output.window().fromDays(), "to_days", output.window().toDays())));
        if (output instanceof RecordOutput records) {
            node.put("kind", "records");
            node.put("fields", records.fields().stream().map(Canonical::tree).toList());
            node.put("quasi_identifiers", records.quasiIdentifiers());
        } else if (output instanceof AggregateOutput aggregate) {
            node.put("kind", "aggregate");
            node.put("group_by", aggregate.groupBy().stream().map(Canonical::tree).toList());
            node.put("measures", aggregate.measures().stream().map(Canonical::tree).toList());
            // Written only when asked for, so specs without totals keep the hash they were approved under.
            if (!aggregate.totals().isEmpty()) {
                node.put("totals", aggregate.totals());
            }
        }
        return node;
    }

    private static Map<String, Object> tree(FieldSpec field) {
        return new TreeMap<>(Map.of("name", field.name(), "source", field.source(), "form", field.form().yamlName()));
    }

    private static Map<String, Object> tree(MeasureSpec measure) {
        Map<String, Object> node = new TreeMap<>(Map.of("name", measure.name()));
        // A count keeps the form it was approved under; a mean is written as it is read (no count key).
        switch (measure.kind()) {
            case MEAN -> node.put("mean", measure.mean().orElseThrow());
            case SUM -> node.put("sum", measure.sum().orElseThrow());
            case COUNT -> node.put("count", measure.countOf().yamlName());
        }
        measure.where().ifPresent(where -> node.put("where", where));
        measure.by().ifPresent(by -> node.put("by", by));
        return node;
    }

    private static Map<String, Object> tree(Policy policy) {
        Map<String, Object> root = new TreeMap<>();
        root.put("id", policy.id());
        root.put("title", policy.title());
        OptOutRules optOuts = policy.optOuts();
        root.put("opt_outs", new TreeMap<>(Map.of(
                "national_data_opt_out", optOuts.nationalDataOptOut().yamlName(),
                "national_list_max_age_days", optOuts.nationalListMaxAgeDays(),
                "type1", optOuts.type1().yamlName())));
        root.put("unverifiable_nhs_numbers", policy.unverifiableNhsNumbers().yamlName());
        root.put("bias_warning_points", policy.biasWarningPoints());
        root.put("keys", policy.keys().stream().map(Canonical::key).toList());
        Map<String, Object> allowed = new TreeMap<>();
        policy.allowedForms().forEach((category, forms) ->
                allowed.put(category.yamlName(), forms.stream().sorted().map(FieldForm::yamlName).toList()));
        root.put("allowed_forms", allowed);
        DisclosureRules disclosure = policy.disclosure();
        root.put("disclosure", new TreeMap<>(Map.of(
                "record_level", new TreeMap<>(Map.of("k", disclosure.k(), "below_k", disclosure.belowK().yamlName())),
                "aggregate", new TreeMap<>(Map.of(
                        "suppress_at_or_below", disclosure.suppressAtOrBelow(), "round_to", disclosure.roundTo(),
                        "zeros", disclosure.zeros().yamlName(), "protection_range", disclosure.protectionRange(),
                        "dominance", new TreeMap<>(Map.of("n", disclosure.dominance().n(),
                                "k", disclosure.dominance().kPercent(), "p", disclosure.dominance().pPercent())))))));
        root.put("objection_deletion_days", policy.objectionDeletionDays());
        return root;
    }

    private static void put(Map<String, Object> node, String key, OptionalInt value) {
        value.ifPresent(v -> node.put(key, v));
    }

    private static String write(Map<String, Object> tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write canonical JSON: " + e.getOriginalMessage(), e);
        }
    }
}

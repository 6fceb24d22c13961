package org.trex.spec;

import static org.trex.spec.Converter.date;
import static org.trex.spec.Converter.list;
import static org.trex.spec.Converter.mapping;
import static org.trex.spec.Converter.text;
import static org.trex.spec.Converter.wholeNumber;
import static org.trex.spec.Converter.words;
import static org.trex.spec.Converter.word;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.trex.spec.YamlTree.MapNode;
import org.trex.spec.YamlTree.Node;

/**
 * Reads extract specs and policies from YAML, strictly: unknown keys, missing keys, wrong types, bad
 * dates, unknown words, duplicate keys and malformed YAML are all reported with file, line and column.
 */
public final class SpecFiles {
    /** Which of the two formats a file holds. */
    public enum Kind {
        EXTRACT_SPEC,
        POLICY
    }

    private static final String RECORDS = "records";
    private static final String AGGREGATE = "aggregate";
    private static final Pattern CRON_FIELD = Pattern.compile("[0-9*/,\\-]+");
    private static final CronParser CRON = new CronParser(
            CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    /** Parts of the model that YAML nests but the records keep flat; their values are null only after a report. */
    private record DateWindow(LocalDate from, LocalDate to) {
    }

    private record Ages(OptionalInt min, OptionalInt max) {
    }

    private record RecordLevel(Integer k, KAnonymityAction belowK) {
    }

    private record AggregateLevel(Integer suppressAtOrBelow, Integer roundTo, ZeroCounts zeros,
            Optional<Integer> protectionRange, DominanceRule dominance) {
    }

    private SpecFiles() {
    }

    /** The extract spec in a file; a {@link SpecException} lists every problem found. */
    public static SpecDocument<ExtractSpec> loadSpec(Path file) {
        Problems problems = new Problems(file);
        Optional<Node> root = YamlTree.parse(problems);
        Optional<ExtractSpec> spec = root.map(node -> mapping(SpecFiles::spec)
                .convert(rootSlot(node, "extract spec", problems)));
        if (problems.count() > 0 || spec.isEmpty()) {
            throw new SpecException(problems.list());
        }
        return new SpecDocument<>(file, spec.get(), Canonical.sha256(spec.get()), root);
    }

    /** The policy in a file; a {@link SpecException} lists every problem found. */
    public static SpecDocument<Policy> loadPolicy(Path file) {
        Problems problems = new Problems(file);
        Optional<Node> root = YamlTree.parse(problems);
        Optional<Policy> policy = root.map(node -> mapping(SpecFiles::policy)
                .convert(rootSlot(node, "policy", problems)));
        if (problems.count() > 0 || policy.isEmpty()) {
            throw new SpecException(problems.list());
        }
        return new SpecDocument<>(file, policy.get(), Canonical.sha256(policy.get()), root);
    }

    /** Whether a file holds an extract spec (it has a cohort or outputs) or a policy (it has allowed forms or keys). */
    public static Kind kind(Path file) {
        Problems problems = new Problems(file);
        Optional<Node> root = YamlTree.parse(problems);
        if (root.isPresent() && root.get() instanceof MapNode map) {
            if (map.entries().containsKey("cohort") || map.entries().containsKey("outputs")) {
                return Kind.EXTRACT_SPEC;
            }
            if (map.entries().containsKey("allowed_forms") || map.entries().containsKey("keys")) {
                return Kind.POLICY;
            }
        }
        if (problems.count() == 0) {
            problems.add(root.map(Node::location).orElse(YamlTree.Location.UNKNOWN), "Cannot tell what " + file
                    + " holds: it has no cohort or outputs (extract spec) and no allowed_forms or keys (policy),"
                    + " expected one of [extract spec, policy]");
        }
        throw new SpecException(problems.list());
    }

    private static Slot rootSlot(Node node, String what, Problems problems) {
        return new Slot(node, what, "", problems);
    }

    private static ExtractSpec spec(MapReader m) {
        int before = m.problemCount();
        String id = m.required("id", text(v -> Names.requireId(v, "extract id")));
        Integer version = m.required("version", checked(wholeNumber(), ExtractSpec::requireVersion));
        String title = m.required("title", words());
        String requester = m.required("requester",
                checked(words(), v -> NameFolding.requireOneScript(v, "requester")));
        String purpose = m.required("purpose", words());
        String legalBasis = m.required("legal_basis", words());
        String project = m.required("project", text(v -> Names.requireId(v, "project")));
        String policy = m.required("policy", text(v -> Names.requireId(v, "policy")));
        CohortSpec cohort = m.required("cohort", mapping(SpecFiles::cohort));
        List<OutputSpec> outputs = m.required("outputs", list(mapping(SpecFiles::output)));
        Optional<String> schedule = m.optional("schedule", text(SpecFiles::requireCron));
        List<VariableSpec> variables = new ArrayList<>();
        List<String> imports = m.optional("imports",
                list(checked(text(v -> Names.requireId(v, "definitions name")), name -> {
            try {
                variables.addAll(Definitions.load(definitionsFile(m.file(), name)));
            } catch (SpecException e) {
                m.addProblems(e.problems());
            }
            return name;
        }))).orElse(List.of());
        m.optional("variables", VariableReader::variables).ifPresent(variables::addAll);
        if (!m.cleanSince(before)) {
            return null;
        }
        return m.build("variables", () -> new ExtractSpec(id, version, title, requester, purpose, legalBasis, project,
                policy, cohort, outputs, schedule, imports, variables));
    }

    /** Where a spec's import is looked up: {@code <spec folder>/../definitions/<name>.yaml}. */
    public static Path definitionsFile(Path specFile, String name) {
        Path folder = specFile.toAbsolutePath().normalize().getParent();
        Path base = folder.getParent() == null ? folder : folder.getParent();
        Path found = base.resolve(Definitions.FOLDER).resolve(name + ".yaml");
        Path relative = Path.of("").toAbsolutePath().relativize(found);
        return relative.toString().startsWith("..") ? found : relative;
    }

    private static CohortSpec cohort(MapReader m) {
        int before = m.problemCount();
        String description = m.required("description", words());
        IndexEvent event = m.required("index_event", word("an index event", IndexEvent.values(), IndexEvent::yamlName));
        DateWindow window = m.required("window",
                mapping(w -> new DateWindow(w.required("from", date()), w.required("to", date()))));
        Ages ages = m.optional("age_at_index", mapping(a -> new Ages(
                optionalInt(a.optional("min", wholeNumber())), optionalInt(a.optional("max", wholeNumber())))))
                .orElse(new Ages(OptionalInt.empty(), OptionalInt.empty()));
        SocialCareAtIndex socialCare = m.required("social_care_at_index",
                word("a social care choice", SocialCareAtIndex.values(), SocialCareAtIndex::yamlName));
        Optional<List<Condition>> conditions = m.optional("conditions", list(mapping(SpecFiles::condition)));
        if (!m.cleanSince(before)) {
            return null;
        }
        return m.build(() -> new CohortSpec(description, event, window.from(), window.to(), ages.min(), ages.max(),
                socialCare, conditions.orElse(List.of())));
    }

    private static Condition condition(MapReader m) {
        int before = m.problemCount();
        String field = m.required("field", text());
        List<String> values = m.required("in", list(text()));
        return m.cleanSince(before) ? m.build(() -> new Condition(field, values)) : null;
    }

    private static OutputSpec output(MapReader m) {
        int before = m.problemCount();
        String name = m.required("name", text(v -> Names.requireIdentifier(v, "output name")));
        String kind = m.required("kind", checked(text(), k -> {
            if (!k.equals(RECORDS) && !k.equals(AGGREGATE)) {
                throw new IllegalArgumentException("Cannot read kind '" + k
                        + "': it is not an output kind, expected one of "
                        + List.of(RECORDS, AGGREGATE));
            }
            return k;
        }));
        String dataset = m.required("dataset", text());
        // The window is left to the validator when absent: only the index dataset may go without one.
        RelativeWindow window = m.optional("window", mapping(SpecFiles::relativeWindow))
                .orElse(RelativeWindow.INDEX_DAY);
        if (kind == null) {
            m.allow("fields", "quasi_identifiers", "group_by", "measures", "totals");
            return null;
        }
        if (kind.equals(RECORDS)) {
            List<FieldSpec> fields = m.required("fields", list(mapping(SpecFiles::field)));
            List<String> quasiIdentifiers = m.required("quasi_identifiers", list(text()));
            return m.cleanSince(before)
                    ? m.build(() -> new RecordOutput(name, dataset, window, fields, quasiIdentifiers)) : null;
        }
        int beforeGroups = m.problemCount();
        List<FieldSpec> groupBy = m.optional("group_by", list(mapping(SpecFiles::field))).orElse(List.of());
        boolean groupsRead = m.cleanSince(beforeGroups);
        List<MeasureSpec> measures = m.required("measures", list(mapping(SpecFiles::measure)));
        // Totals are checked against the group columns; when a group column could not be read (a mistyped form),
        // that check would refuse every total over columns that are there, a second error of no use.
        List<String> totals = m.optional("totals", groupsRead
                ? checked(list(text()), t -> AggregateOutput.requireTotals(name, groupBy, t)) : list(text()))
                .orElse(List.of());
        return m.cleanSince(before)
                ? m.build(() -> new AggregateOutput(name, dataset, window, groupBy, measures, totals)) : null;
    }

    private static RelativeWindow relativeWindow(MapReader m) {
        Integer from = m.required("from_days", wholeNumber());
        Integer to = m.required("to_days", wholeNumber());
        return from == null || to == null ? null : m.build(() -> new RelativeWindow(from, to));
    }

    private static FieldSpec field(MapReader m) {
        int before = m.problemCount();
        String name = m.required("name", text(v -> Names.requireIdentifier(v, "field name")));
        String source = m.required("source", text());
        FieldForm form = m.required("form", word("a field form", FieldForm.values(), FieldForm::yamlName));
        return m.cleanSince(before) ? m.build(() -> new FieldSpec(name, source, form)) : null;
    }

    private static MeasureSpec measure(MapReader m) {
        int before = m.problemCount();
        String name = m.required("name", text(v -> Names.requireIdentifier(v, "measure name")));
        Optional<CountOf> count = m.optional("count", word("something to count", CountOf.values(), CountOf::yamlName));
        Optional<String> where = m.optional("where", text());
        Optional<String> mean = m.optional("mean", text());
        Optional<String> sum = m.optional("sum", text());
        Optional<String> by = m.optional("by", text());
        return m.cleanSince(before) ? m.build(() -> MeasureSpec.of(name, count, where, mean, sum, by)) : null;
    }

    private static Policy policy(MapReader m) {
        int before = m.problemCount();
        String id = m.required("id", text(v -> Names.requireId(v, "policy id")));
        String title = m.required("title", text());
        OptOutRules optOuts = m.optional("opt_outs", mapping(SpecFiles::optOuts)).orElse(OptOutRules.DEFAULTS);
        UnverifiableNhsNumbers unverifiable = m.optional("unverifiable_nhs_numbers",
                word("a choice for unverifiable NHS numbers", UnverifiableNhsNumbers.values(),
                        UnverifiableNhsNumbers::yamlName))
                .orElse(UnverifiableNhsNumbers.EXCLUDE);
        List<ProjectKey> keys = m.required("keys", list(mapping(SpecFiles::projectKey)));
        Map<FieldCategory, Set<FieldForm>> allowedForms = m.required("allowed_forms", mapping(SpecFiles::allowedForms));
        DisclosureRules disclosure = m.required("disclosure", mapping(SpecFiles::disclosure));
        int biasWarningPoints = m.optional("bias_warning_points",
                checked(wholeNumber(), Policy::requireBiasWarningPoints))
                .orElse(Policy.DEFAULT_BIAS_WARNING_POINTS);
        int deletionDays = m.optional("objection_deletion_days", checked(wholeNumber(), Policy::requireDeletionDays))
                .orElse(Policy.DEFAULT_OBJECTION_DELETION_DAYS);
        if (keys != null) {
            requireOneKeyPerProject(m, keys);
        }
        if (!m.cleanSince(before)) {
            return null;
        }
        return m.build(() -> new Policy(id, title, optOuts, unverifiable, keys, allowedForms, disclosure,
                biasWarningPoints, deletionDays));
    }

    private static void requireOneKeyPerProject(MapReader m, List<ProjectKey> keys) {
        Set<String> projects = new HashSet<>();
        for (ProjectKey key : keys) {
            if (!projects.add(key.project())) {
                m.build("keys", () -> {
                    throw new IllegalArgumentException("Cannot use keys: project " + key.project()
                            + " has more than one, expected one key per project");
                });
            }
        }
    }

    private static OptOutRules optOuts(MapReader m) {
        Converter<Applicability> applicability = word("applies or exempt", Applicability.values(),
                Applicability::yamlName);
        Applicability national = m.optional("national_data_opt_out", applicability).orElse(Applicability.APPLIES);
        Integer maxAge = m.optional("national_list_max_age_days",
                checked(wholeNumber(), OptOutRules::requireMaxAgeDays))
                .orElse(OptOutRules.DEFAULT_NATIONAL_LIST_MAX_AGE_DAYS);
        Applicability type1 = m.optional("type1", applicability).orElse(Applicability.APPLIES);
        return m.build(() -> new OptOutRules(national, maxAge, type1));
    }

    private static ProjectKey projectKey(MapReader m) {
        int before = m.problemCount();
        String project = m.required("project", text(v -> Names.requireId(v, "project")));
        String name = m.required("name", text());
        String file = m.required("file", text());
        Optional<String> id = m.optional("id", text());
        return m.cleanSince(before) ? m.build("id", () -> new ProjectKey(project, name, file, id)) : null;
    }

    private static Map<FieldCategory, Set<FieldForm>> allowedForms(MapReader m) {
        Map<FieldCategory, Set<FieldForm>> allowed = new EnumMap<>(FieldCategory.class);
        Converter<FieldForm> form = word("a field form", FieldForm.values(), FieldForm::yamlName);
        for (FieldCategory category : FieldCategory.values()) {
            m.optional(category.yamlName(), checked(list(form), forms -> {
                Set<FieldForm> set = forms.isEmpty() ? EnumSet.noneOf(FieldForm.class) : EnumSet.copyOf(forms);
                allowed.put(category, Policy.requirePossible(category, set));
                return forms;
            }));
        }
        return allowed;
    }

    private static DisclosureRules disclosure(MapReader m) {
        int before = m.problemCount();
        RecordLevel recordLevel = m.required("record_level", mapping(r -> new RecordLevel(
                r.required("k", checked(wholeNumber(), DisclosureRules::requireK)),
                r.required("below_k", word("a k-anonymity action", KAnonymityAction.values(),
                        KAnonymityAction::yamlName)))));
        AggregateLevel aggregate = m.required("aggregate", mapping(SpecFiles::aggregateLevel));
        if (!m.cleanSince(before)) {
            return null;
        }
        return m.build(() -> new DisclosureRules(recordLevel.k(), recordLevel.belowK(), aggregate.suppressAtOrBelow(),
                aggregate.roundTo(), aggregate.zeros(),
                aggregate.protectionRange().orElse(aggregate.suppressAtOrBelow()),
                aggregate.dominance()));
    }

    private static AggregateLevel aggregateLevel(MapReader a) {
        int before = a.problemCount();
        Integer threshold = a.required("suppress_at_or_below",
                checked(wholeNumber(), DisclosureRules::requireSuppressAtOrBelow));
        Integer roundTo = a.required("round_to", checked(wholeNumber(), DisclosureRules::requireRoundTo));
        ZeroCounts zeros = a.optional("zeros", word("a choice for zeros", ZeroCounts.values(), ZeroCounts::yamlName))
                .orElse(ZeroCounts.DISCLOSIVE);
        Optional<Integer> range = a.optional("protection_range",
                checked(wholeNumber(), DisclosureRules::requireProtectionRange));
        DominanceRule dominance = a.optional("dominance", mapping(SpecFiles::dominance)).orElse(DominanceRule.DEFAULT);
        return a.cleanSince(before) ? new AggregateLevel(threshold, roundTo, zeros, range, dominance) : null;
    }

    private static DominanceRule dominance(MapReader d) {
        int before = d.problemCount();
        int n = d.optional("n", wholeNumber()).orElse(DominanceRule.DEFAULT.n());
        int k = d.optional("k", wholeNumber()).orElse(DominanceRule.DEFAULT.kPercent());
        int p = d.optional("p", wholeNumber()).orElse(DominanceRule.DEFAULT.pPercent());
        return d.cleanSince(before) ? d.build(() -> new DominanceRule(n, k, p)) : null;
    }

    /** A converter whose value must also pass a model rule; the rule's refusal is reported at the value. */
    private static <T> Converter<T> checked(Converter<T> converter, Function<T, T> rule) {
        return slot -> {
            T value = converter.convert(slot);
            return value == null ? null : slot.build(() -> rule.apply(value));
        };
    }

    private static OptionalInt optionalInt(Optional<Integer> value) {
        return value.map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** Five cron fields (minute hour day-of-month month day-of-week), as the scheduler reads them. */
    private static String requireCron(String schedule) {
        String[] fields = schedule.strip().split("\\s+");
        if (fields.length != 5 || !List.of(fields).stream().allMatch(f -> CRON_FIELD.matcher(f).matches())) {
            throw new IllegalArgumentException("Cannot use schedule '" + schedule
                    + "': it is not a cron expression, expected 5 fields [minute, hour, day-of-month, month,"
                    + " day-of-week] of digits, *, /, - and ,");
        }
        Cron cron;
        try {
            cron = CRON.parse(schedule.strip()).validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot use schedule '" + schedule.strip() + "': " + e.getMessage(), e);
        }
        // A date that never occurs (31 February) parses, but would leave the extract due never.
        ZonedDateTime from = ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        if (ExecutionTime.forCron(cron).nextExecution(from).isEmpty()) {
            throw new IllegalArgumentException("Cannot use schedule '" + schedule.strip()
                    + "': it never fires (no such date), expected a day that occurs in the months given");
        }
        return schedule.strip();
    }
}

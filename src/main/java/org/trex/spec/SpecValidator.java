package org.trex.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a spec against its policy and the source catalog: everything a governance board needs caught
 * before an extract is planned, each problem with the line of the spec (or policy) that causes it.
 */
public final class SpecValidator {
    /** Fields a sum may add up. */
    private static final Set<FieldCategory> SUMMABLE =
            EnumSet.of(FieldCategory.AMOUNT, FieldCategory.COUNT, FieldCategory.DAYS);
    /** Fields whose values may be a sum's contributors (providers, say). */
    private static final Set<FieldCategory> CONTRIBUTORS = EnumSet.of(FieldCategory.CODE, FieldCategory.IDENTIFIER);
    private final SpecDocument<ExtractSpec> document;
    private final ExtractSpec spec;
    private final Policy policy;
    private final DatasetCatalog catalog;
    private final DatasetDescriptor indexDataset;
    private final List<SpecProblem> problems = new ArrayList<>();

    private SpecValidator(SpecDocument<ExtractSpec> document, Policy policy, DatasetCatalog catalog) {
        this.document = document;
        this.spec = document.value();
        this.policy = policy;
        this.catalog = catalog;
        this.indexDataset = catalog.indexDataset(spec.cohort().indexEvent());
    }

    /** Every problem of a loaded spec under a loaded policy, placed on the spec's lines; empty when it is valid. */
    public static List<SpecProblem> validate(SpecDocument<ExtractSpec> spec, SpecDocument<Policy> policy,
            DatasetCatalog catalog) {
        SpecValidator validator = new SpecValidator(spec, policy.value(), catalog);
        validator.checkPolicy();
        VariableChecker.check(validator.spec, catalog, validator.problems);
        validator.checkCohort();
        for (int i = 0; i < validator.spec.outputs().size(); i++) {
            validator.checkOutput(i, validator.spec.outputs().get(i));
        }
        return validator.problems.stream().sorted().toList();
    }

    /** Every problem of a spec built in code; the problems name the spec's id as their file and have no line. */
    public static List<SpecProblem> validate(ExtractSpec spec, Policy policy, DatasetCatalog catalog) {
        return validate(SpecDocument.of(spec, Path.of(spec.id())), SpecDocument.of(policy, Path.of(policy.id())),
                catalog);
    }

    private void checkPolicy() {
        if (!spec.policy().equals(policy.id())) {
            report("/policy", "Cannot use policy " + policy.id() + " for extract " + spec.id()
                    + ": the spec names policy " + spec.policy() + ", expected a policy file whose id is "
                    + spec.policy());
        }
        if (policy.key(spec.project()).isEmpty()) {
            report("/project", "Cannot use project " + spec.project() + ": policy " + policy.id()
                    + " has no key for it, expected one of "
                    + policy.keys().stream().map(ProjectKey::project).toList());
        }
    }

    private void checkCohort() {
        List<Condition> conditions = spec.cohort().conditions();
        for (int i = 0; i < conditions.size(); i++) {
            Condition condition = conditions.get(i);
            String pointer = "/cohort/conditions/" + i;
            Optional<FieldDescriptor> field = field(indexDataset, condition.field());
            if (field.isEmpty()) {
                report(pointer + "/field", "Cannot use condition on " + condition.field() + ": the index dataset "
                        + indexDataset.name() + " has no such field or variable, expected one of "
                        + fieldNames(indexDataset));
                continue;
            }
            if (VariableDependencies.linksToCohort(spec, condition.field())) {
                report(pointer + "/field", "Cannot use condition on " + condition.field() + ": it links episodes to the"
                        + " cohort's own index events, so the cohort would depend on itself (a cycle)");
                continue;
            }
            FieldCategory category = field.get().category();
            if (category != FieldCategory.CODE && category != FieldCategory.FLAG) {
                report(pointer + "/field", "Cannot use condition on " + condition.field() + ": it is a "
                        + category.yamlName() + " field, expected a code or flag field, one of "
                        + names(indexDataset, Set.of(FieldCategory.CODE, FieldCategory.FLAG)));
            }
            for (int v = 0; v < condition.values().size(); v++) {
                String value = condition.values().get(v);
                if (!field.get().holds(value)) {
                    report(pointer + "/in/" + v, VariableChecker.notOneOfItsCodes(field.get(), value));
                }
            }
            if (category == FieldCategory.FLAG) {
                for (int v = 0; v < condition.values().size(); v++) {
                    String value = condition.values().get(v);
                    if (!value.equals("true") && !value.equals("false")) {
                        report(pointer + "/in/" + v, "Cannot use value '" + value + "' in the condition on flag "
                                + condition.field() + ": a flag is true or false, expected one of ['true', 'false']");
                    }
                }
            }
        }
    }

    private void checkOutput(int index, OutputSpec output) {
        String pointer = "/outputs/" + index;
        Optional<DatasetDescriptor> found = catalog.dataset(output.dataset());
        if (found.isEmpty()) {
            report(pointer + "/dataset", "Cannot use dataset " + output.dataset() + " in output " + output.name()
                    + ": the catalog has no such dataset, expected one of " + catalog.datasetNames());
            return;
        }
        DatasetDescriptor dataset = found.get();
        checkWindow(pointer, output, dataset);
        if (output instanceof RecordOutput records) {
            for (int i = 0; i < records.fields().size(); i++) {
                checkField(pointer + "/fields/" + i, output, dataset, records.fields().get(i));
            }
            checkQuasiIdentifiers(pointer, records);
        } else if (output instanceof AggregateOutput aggregate) {
            for (int i = 0; i < aggregate.groupBy().size(); i++) {
                FieldSpec field = aggregate.groupBy().get(i);
                checkField(pointer + "/group_by/" + i, output, dataset, field);
                if (field.form() == FieldForm.DAYS_FROM_INDEX) {
                    report(pointer + "/group_by/" + i + "/form", "Cannot group output " + output.name() + " by "
                            + field.name() + " as days_from_index: every day makes a group of its own and small groups"
                            + " are suppressed, expected one of [month, delay_band, age_band]");
                }
            }
            for (int i = 0; i < aggregate.measures().size(); i++) {
                checkMeasure(pointer + "/measures/" + i, output, dataset, aggregate.measures().get(i));
            }
        }
    }

    private void checkWindow(String pointer, OutputSpec output, DatasetDescriptor dataset) {
        boolean written = document.written(pointer + "/window");
        if (!dataset.name().equals(indexDataset.name()) && !written) {
            report(pointer, "Cannot use output " + output.name() + ": it reads the linked dataset " + dataset.name()
                    + " and has no window, expected window: {from_days, to_days} around the index date");
        }
        if (dataset.name().equals(indexDataset.name()) && written
                && !output.window().equals(RelativeWindow.INDEX_DAY)) {
            report(pointer + "/window", "Cannot use a window on output " + output.name()
                    + ": it reads the index dataset "
                    + dataset.name() + ", whose rows are the index events themselves, expected no window");
        }
    }

    private void checkField(String pointer, OutputSpec output, DatasetDescriptor dataset, FieldSpec field) {
        DatasetDescriptor source = field.fromIndexEvent() ? indexDataset : dataset;
        Optional<FieldDescriptor> found = field(source, field.sourceField());
        if (found.isEmpty()) {
            String where = field.fromIndexEvent() ? "the index dataset " + source.name() : "dataset " + source.name();
            List<String> valid = field.fromIndexEvent()
                    ? fieldNames(source).stream().map(name -> FieldSpec.INDEX_PREFIX + name).toList()
                    : fieldNames(source);
            report(pointer + "/source", "Cannot use source " + field.source() + " in output " + output.name() + ": "
                    + where + " has no such field, expected one of " + valid);
            return;
        }
        FieldCategory category = found.get().category();
        if (!category.possibleForms().contains(field.form())) {
            report(pointer + "/form", "Cannot use " + field.source() + " as " + field.form().yamlName() + " in output "
                    + output.name() + ": a " + category.yamlName() + " field can only take "
                    + words(category.possibleForms()));
            return;
        }
        Set<FieldForm> allowed = policy.allowed(category);
        if (!allowed.contains(field.form())) {
            String why = allowed.isEmpty()
                    ? "policy " + policy.id() + " does not allow " + category.yamlName() + " fields in any form"
                    : "policy " + policy.id() + " allows " + category.yamlName() + " only as " + words(allowed);
            report(pointer + "/form", "Cannot use " + field.source() + " as " + field.form().yamlName() + " in output "
                    + output.name() + ": " + why);
        }
    }

    private void checkQuasiIdentifiers(String pointer, RecordOutput records) {
        for (int i = 0; i < records.quasiIdentifiers().size(); i++) {
            String column = records.quasiIdentifiers().get(i);
            boolean pseudonym = records.fields().stream()
                    .anyMatch(f -> f.name().equals(column) && f.form() == FieldForm.PSEUDONYM);
            if (pseudonym) {
                report(pointer + "/quasi_identifiers/" + i, "Cannot use quasi-identifier " + column + " of output "
                        + records.name() + ": it is a pseudonym, unique to each person or record, expected one of "
                        + records.fields().stream().filter(f -> f.form() != FieldForm.PSEUDONYM).map(FieldSpec::name)
                                .toList());
            }
        }
    }

    private void checkMeasure(String pointer, OutputSpec output, DatasetDescriptor dataset, MeasureSpec measure) {
        measure.mean().ifPresent(mean -> checkMean(pointer, output, dataset, measure, mean));
        measure.sum().ifPresent(summed -> requireCategory(pointer + "/sum", dataset, summed, SUMMABLE,
                "Cannot sum " + summed + " in measure " + measure.name() + " of output " + output.name(), "a number"));
        measure.by().ifPresent(by -> requireCategory(pointer + "/by", dataset, by, CONTRIBUTORS,
                "Cannot weigh measure " + measure.name() + " of output " + output.name() + " by " + by, "a code"));
        if (measure.where().isEmpty()) {
            return;
        }
        String where = measure.where().get();
        Optional<FieldDescriptor> field = field(dataset, where);
        if (field.isEmpty() || field.get().category() != FieldCategory.FLAG) {
            String why = field.isEmpty()
                    ? "dataset " + dataset.name() + " has no such field"
                    : "it is a " + field.get().category().yamlName() + " field";
            report(pointer + "/where", "Cannot count " + measure.name() + " in output " + output.name() + " where "
                    + where
                    + ": " + why + ", expected a flag field, one of " + names(dataset, Set.of(FieldCategory.FLAG)));
        }
    }

    private void requireCategory(String pointer, DatasetDescriptor dataset, String name, Set<FieldCategory> categories,
            String cannot, String expected) {
        Optional<FieldDescriptor> field = field(dataset, name);
        if (field.isEmpty() || !categories.contains(field.get().category())) {
            String why = field.isEmpty()
                    ? "dataset " + dataset.name() + " has no such field"
                    : "it is a " + field.get().category().yamlName() + " field";
            report(pointer, cannot + ": " + why + ", expected " + expected + ", one of " + names(dataset, categories));
        }
    }

    private void checkMean(String pointer, OutputSpec output, DatasetDescriptor dataset, MeasureSpec measure,
            String mean) {
        Optional<FieldDescriptor> field = field(dataset, mean);
        Set<FieldCategory> averaged = Set.of(FieldCategory.DAYS, FieldCategory.COUNT);
        if (field.isEmpty() || !averaged.contains(field.get().category())) {
            String why = field.isEmpty()
                    ? "dataset " + dataset.name() + " has no such field"
                    : "it is a " + field.get().category().yamlName() + " field";
            report(pointer + "/mean", "Cannot take the mean of " + mean + " in output " + output.name() + ": " + why
                    + ", expected a days or count field, one of " + names(dataset, averaged));
        }
        boolean counted = ((AggregateOutput) output).measures().stream().anyMatch(m -> m.mean().isEmpty()
                && m.countOf() == CountOf.RECORDS && m.where().equals(measure.where()));
        if (!counted) {
            report(pointer + "/mean", "Cannot publish mean " + measure.name() + " in output " + output.name()
                    + ": the output has no count of the records it is over, expected a measure {count: records"
                    + measure.where().map(w -> ", where: " + w).orElse("")
                    + "} (the mean is blank where that count is suppressed)");
        }
    }

    /** A field of a dataset; on the index dataset, a variable of the spec first. */
    private Optional<FieldDescriptor> field(DatasetDescriptor dataset, String name) {
        if (dataset.name().equals(indexDataset.name())) {
            Optional<VariableSpec> variable = spec.variable(name);
            if (variable.isPresent()) {
                return Optional.of(new FieldDescriptor(name, variable.get().type().category(),
                        variable.get().description(), List.of()));
            }
        }
        return dataset.field(name);
    }

    private List<FieldDescriptor> fields(DatasetDescriptor dataset) {
        List<FieldDescriptor> fields = new ArrayList<>(dataset.fields());
        if (dataset.name().equals(indexDataset.name())) {
            spec.variables().forEach(v -> fields.add(new FieldDescriptor(v.name(), v.type().category(),
                    v.description(), List.of())));
        }
        return fields;
    }

    private List<String> fieldNames(DatasetDescriptor dataset) {
        return fields(dataset).stream().map(FieldDescriptor::name).toList();
    }

    private List<String> names(DatasetDescriptor dataset, Set<FieldCategory> categories) {
        return fields(dataset).stream().filter(f -> categories.contains(f.category())).map(FieldDescriptor::name)
                .toList();
    }

    private static List<String> words(Set<FieldForm> forms) {
        return forms.stream().sorted().map(FieldForm::yamlName).toList();
    }

    private void report(String pointer, String message) {
        problems.add(document.problemAt(pointer, message));
    }
}

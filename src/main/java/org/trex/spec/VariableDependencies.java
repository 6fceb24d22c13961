package org.trex.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** How a spec's variables depend on one another: cycles, links to the cohort, and the parts of a definition. */
final class VariableDependencies {
    private VariableDependencies() {
    }

    /** Whether a variable depends, directly or not, on episodes linked to the cohort's index events. */
    static boolean linksToCohort(ExtractSpec spec, String name) {
        return links(spec, name, new LinkedHashSet<>());
    }

    private static boolean links(ExtractSpec spec, String name, Set<String> seen) {
        Optional<VariableSpec> variable = spec.variable(name);
        if (variable.isEmpty() || !seen.add(name)) {
            return false;
        }
        List<Expr> parts = new ArrayList<>();
        collect(variable.get().definition(), parts);
        return parts.stream().anyMatch(p -> p instanceof Expr.LinkedEpisodes
                || (p instanceof Expr.VariableValue v && links(spec, v.name(), seen)));
    }

    /** Adds a problem for each variable that depends on itself, at the variable, with the path around. */
    static void checkCycles(ExtractSpec spec, List<SpecProblem> problems) {
        Map<String, VariableSpec> byName = new HashMap<>();
        spec.variables().forEach(v -> byName.put(v.name(), v));
        Set<String> done = new LinkedHashSet<>();
        for (VariableSpec variable : spec.variables()) {
            visit(variable, new ArrayList<>(), done, byName, problems);
        }
    }

    private static void visit(VariableSpec variable, List<String> path, Set<String> done,
            Map<String, VariableSpec> byName, List<SpecProblem> problems) {
        if (done.contains(variable.name())) {
            return;
        }
        if (path.contains(variable.name())) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(variable.name()), path.size()));
            cycle.add(variable.name());
            problems.add(variable.at().problem("Cannot define variable " + variable.name()
                    + ": it depends on itself through " + String.join(" -> ", cycle)));
            done.addAll(cycle);
            return;
        }
        path.add(variable.name());
        List<Expr> parts = new ArrayList<>();
        collect(variable.definition(), parts);
        for (Expr part : parts) {
            if (part instanceof Expr.VariableValue reference && byName.containsKey(reference.name())) {
                visit(byName.get(reference.name()), path, done, byName, problems);
            }
        }
        path.remove(path.size() - 1);
        done.add(variable.name());
    }

    /** Every part of an expression, itself included. */
    static void collect(Expr expr, List<Expr> parts) {
        parts.add(expr);
        if (expr instanceof Expr.Test test) {
            collect(test.subject(), parts);
            test.operands().forEach(o -> collect(o, parts));
        } else if (expr instanceof Expr.Logic logic) {
            logic.operands().forEach(o -> collect(o, parts));
        } else if (expr instanceof Expr.ShiftDays shift) {
            collect(shift.date(), parts);
        } else if (expr instanceof Expr.DaysBetween between) {
            collect(between.from(), parts);
            collect(between.to(), parts);
        } else if (expr instanceof Expr.FirstPresent first) {
            first.operands().forEach(o -> collect(o, parts));
        } else if (expr instanceof Expr.Case branches) {
            branches.whens().forEach(w -> {
                collect(w.condition(), parts);
                collect(w.then(), parts);
            });
            branches.otherwise().ifPresent(o -> collect(o, parts));
        } else if (expr instanceof Expr.Events events) {
            events.where().forEach(o -> collect(o, parts));
            events.window().flatMap(Expr.Window::of).ifPresent(o -> collect(o, parts));
        } else if (expr instanceof Expr.LinkedEpisodes link) {
            link.episodes().where().forEach(o -> collect(o, parts));
            link.indexWhere().forEach(o -> collect(o, parts));
        }
    }
}

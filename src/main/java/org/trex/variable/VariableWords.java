package org.trex.variable;

import java.util.List;
import java.util.stream.Collectors;
import org.trex.spec.Expr;
import org.trex.spec.VariableSpec;

/**
 * A variable's definition in words, generated from the definition itself, so that what a board reads in the
 * plan is what runs (the description beside it is the author's; these words are the machine's).
 */
public final class VariableWords {
    private VariableWords() {
    }

    /** The definition of a variable in words. */
    public static String describe(VariableSpec variable) {
        return words(variable.definition(), false);
    }

    private static String words(Expr expr, boolean inEvents) {
        if (expr instanceof Expr.Literal literal) {
            return literal.value() instanceof String text ? "'" + text + "'" : literal.value().toString();
        } else if (expr instanceof Expr.FieldValue field) {
            return field.row() == Expr.Row.INDEX || !inEvents ? "the index event's " + field.field()
                    : "its " + field.field();
        } else if (expr instanceof Expr.VariableValue variable) {
            return variable.name();
        } else if (expr instanceof Expr.PersonValue person) {
            return switch (person.attribute()) {
                case AGE -> "the person's age in whole years on the index date";
                case SEX -> "the person's sex";
                case DATE_OF_DEATH -> "the person's latest recorded date of death in social care records";
            };
        } else if (expr instanceof Expr.PeriodValue period) {
            return "the " + period.bound().yamlName() + " of the cohort's period";
        } else if (expr instanceof Expr.EpisodeValue episode) {
            return "the episode's " + episode.bound().yamlName();
        } else if (expr instanceof Expr.Test test) {
            String subject = words(test.subject(), inEvents);
            if (test.op() == Expr.TestOp.IS_NULL) {
                return subject + (Boolean.TRUE.equals(((Expr.Literal) test.operands().get(0)).value()) ? " is blank"
                        : " is not blank");
            }
            String operands = test.op().takesList() ? "[" + list(test.operands(), inEvents, ", ") + "]"
                    : words(test.operands().get(0), inEvents);
            return subject + " " + test.op().words() + " " + operands;
        } else if (expr instanceof Expr.Logic logic) {
            return logic.op() == Expr.LogicOp.NOT ? "not (" + words(logic.operands().get(0), inEvents) + ")"
                    : "(" + list(logic.operands(), inEvents, " " + logic.op().yamlName() + " ") + ")";
        } else if (expr instanceof Expr.ShiftDays shift) {
            return words(shift.date(), inEvents)
                    + (shift.days() < 0 ? " minus " + -shift.days() : " plus " + shift.days()) + " days";
        } else if (expr instanceof Expr.DaysBetween between) {
            return "the days from " + words(between.from(), inEvents) + " to " + words(between.to(), inEvents);
        } else if (expr instanceof Expr.FirstPresent first) {
            return list(first.operands(), inEvents, ", or when blank ");
        } else if (expr instanceof Expr.Case branches) {
            String whens = branches.whens().stream().map(w -> "when " + words(w.condition(), inEvents) + " then "
                    + words(w.then(), inEvents)).collect(Collectors.joining("; "));
            return whens + branches.otherwise().map(o -> "; otherwise " + words(o, inEvents))
                    .orElse("; otherwise blank");
        } else if (expr instanceof Expr.Events events) {
            return events(events);
        } else if (expr instanceof Expr.LinkedEpisodes link) {
            return link(link);
        }
        throw new IllegalStateException("Cannot describe " + expr.getClass().getSimpleName());
    }

    private static String events(Expr.Events events) {
        String which = "the person's " + events.dataset() + " records (linked by NHS number)"
                + where(events.where(), true)
                + events.window().map(w -> ", dated (" + w.field().orElse("its event date") + ") from " + w.fromDays()
                        + " to " + w.toDays() + " days after "
                        + w.of().map(o -> words(o, false)).orElse("the index date"))
                        .orElse("");
        String by = events.by().orElse("its event date");
        return switch (events.op()) {
            case EXISTS -> "whether there is any of " + which;
            case COUNT -> "the number of " + which;
            case FIRST -> "the " + events.value().orElseThrow() + " of the first (by " + by + ") of " + which;
            case LAST -> "the " + events.value().orElseThrow() + " of the last (by " + by + ") of " + which;
            case MIN -> "the lowest " + events.value().orElseThrow() + " of " + which;
            case MAX -> "the highest " + events.value().orElseThrow() + " of " + which;
        };
    }

    private static String link(Expr.LinkedEpisodes link) {
        Expr.Episodes episodes = link.episodes();
        String linked = "episodes of the person's " + episodes.dataset() + " records" + where(episodes.where(), true)
                + " (ordered by " + episodes.start() + "; a record starting no more than " + episodes.joinWithinDays()
                + " days after the latest " + episodes.end() + " so far, a blank " + episodes.end()
                + " being still open, joins the episode, which starts at its first " + episodes.start()
                + "), each linked to the " + link.link().yamlName()
                + " of the person's index events in the cohort dated from "
                + link.fromDays() + " to " + link.toDays() + " days after the episode's start"
                + (link.indexWhere().isEmpty() ? "" : " whose " + list(link.indexWhere(), false, " and "));
        return switch (link.value()) {
            case EXISTS -> "whether any of the " + linked + " is linked to this index event";
            case COUNT -> "how many of the " + linked + " are linked to this index event";
            case START -> "the start of the first of the " + linked + " linked to this index event";
            case END -> "the end (blank: still open) of the first of the " + linked + " linked to this index event";
        };
    }

    private static String where(List<Expr> conditions, boolean inEvents) {
        return conditions.isEmpty() ? "" : " where " + list(conditions, inEvents, " and ");
    }

    private static String list(List<Expr> exprs, boolean inEvents, String separator) {
        return exprs.stream().map(e -> words(e, inEvents)).collect(Collectors.joining(separator));
    }
}

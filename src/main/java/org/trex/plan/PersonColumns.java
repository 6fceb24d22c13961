package org.trex.plan;

import java.util.List;
import org.trex.spec.RecordOutput;

/**
 * A warning for each record-level output that holds no pseudonym of its people's NHS numbers: deletion notices find a
 * person's rows by that column, so should someone whose rows such an output holds object after its release, no notice
 * can name their rows in it.
 */
final class PersonColumns {
    private PersonColumns() {
    }

    /** One warning for each record-level output without a person column. */
    static List<String> warnings(ExtractPlan plan) {
        return plan.outputs().stream()
                .filter(output -> output.output() instanceof RecordOutput && output.personColumn().isEmpty())
                .map(output -> "Output " + output.name() + " holds no pseudonym of the person's NHS number (a field"
                        + " with source: nhs_number and form: pseudonym): should someone whose rows it holds object"
                        + " after its release, no deletion notice can name their rows in it, as notices find a"
                        + " person's rows by that column, and the TRE could honour the objection only by deleting the"
                        + " whole output")
                .toList();
    }
}

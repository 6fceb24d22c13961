package org.trex.run;

/**
 * The flags of the run's tests of counts that exclude each other: ready on the day, with social care after, and
 * ready or not ready with care, which are never both true.
 */
final class ReadyWithCareFlags {
    static final String VARIABLES = """
                ready_on_the_day:
                  type: flag
                  description: d
                  field: discharge_ready_date
                  is_null: false
                not_ready:
                  type: flag
                  description: d
                  not: {var: ready_on_the_day}
                with_care:
                  type: flag
                  description: d
                  exists: {from: social_care_event}
                ready_with_care:
                  type: flag
                  description: d
                  and: [{var: ready_on_the_day}, {var: with_care}]
                not_ready_with_care:
                  type: flag
                  description: d
                  and: [{var: not_ready}, {var: with_care}]
                """;

    private ReadyWithCareFlags() {
    }
}

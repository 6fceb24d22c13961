package org.trex.generate;

import static org.trex.generate.Dates.DAYS_PER_YEAR;
import static org.trex.generate.Dates.NONE;

import java.util.List;
import java.util.SplittableRandom;

/** The care events of a council record: requests, assessments, services, reviews, and care after discharge. */
final class CareEvents {
    private static final String[] ST_MAX = {"Short term support: ST-Max", "Reablement"};
    private static final Weighted<String> REQUEST_OUTCOME = Weighted.of(
            "Progress to assessment, review or reassessment", 55, "NFA: Information and advice or signposting", 25,
            "Progress to reablement/ST-Max", 8, "NFA: Support declined", 5, "NFA: Other", 4,
            "NFA: Referral to NHS services or NHS funded social care", 3);
    private static final Weighted<String> ROUTE = Weighted.of("Community/Other route", 70,
            "Discharge from Hospital", 18, "Diversion from Hospital Services", 6, "Planned Entry (Transition)", 3,
            "Self-funder with depleted funds", 3);
    private static final Weighted<String[]> SERVICE = Weighted.of(
            new String[] {"Long term support: Community", "Home support or domiciliary care"}, 34,
            new String[] {"Long term support: Community", "Direct payment"}, 9,
            new String[] {"Long term support: Community", "Community supported living"}, 5,
            new String[] {"Long term support: Community", "Extra care housing"}, 4,
            new String[] {"Long term support: Community", "Shared Lives"}, 1,
            new String[] {"Long term support: Residential care", "Long term residential care"}, 14,
            new String[] {"Long term support: Nursing care", "Long term nursing care"}, 8,
            new String[] {"Short term support: Ongoing low level", "Equipment"}, 10,
            new String[] {"Short term support: Other short term", "Short term residential care"}, 6,
            new String[] {"Short term support: Other short term", "Short term nursing care"}, 2,
            new String[] {"Unpaid carer support: Direct to unpaid carer", "Direct payment"}, 3);
    private static final Weighted<String> DELIVERY = Weighted.of("CASSR commissioned support", 75,
            "CASSR managed personal budget", 15, "Direct payment", 10);
    private static final Weighted<String> SERVICE_END_OUTCOME = Weighted.of("NFA: Support ended as planned", 45,
            "NFA: Support ended for other reason", 20, "Progress to assessment, review or reassessment", 15,
            "NFA: Self-funded client or under 12wk disregard", 8, "Admitted to hospital", 7,
            "NFA: Responsibility moved to another local authority", 5);
    private static final Weighted<String> REABLEMENT_OUTCOME = Weighted.of("NFA: Support ended as planned", 55,
            "Progress to support planning or services", 30, "Admitted to hospital", 10, "NFA: Support declined", 5);
    private static final Weighted<String> REVIEW_REASON = Weighted.of("Planned", 70, "Unplanned", 25,
            "Hospital discharge", 5);
    private static final Weighted<String> REVIEW_OUTCOME = Weighted.of("No change in package", 60,
            "Package increased", 18, "Package decreased", 10, "Support ended", 7, "Moved to residential care", 5);

    /** Null when this pass draws the events without writing them. */
    private final CopyWriter event;

    CareEvents(CopyWriter event) {
        this.event = event;
    }

    /** A first request and what follows it, then what follows each discharge of someone 65 or over. */
    void history(Individual who, long personId, List<Spell> spells, SplittableRandom r) {
        int k = firstRequest(who, personId, r);
        boolean longTermCare = false;
        for (Spell s : spells) {
            if (s.discharge() == NONE || s.died() || s.age() < 65 || k > 50) {
                continue;
            }
            double u = r.nextDouble();
            if (u < SyntheticData.REABLEMENT_AFTER_DISCHARGE_RATE) {
                k = reablement(who, personId, k, s, r);
            } else if (!longTermCare && u < SyntheticData.REABLEMENT_AFTER_DISCHARGE_RATE
                    + SyntheticData.CARE_HOME_AFTER_DISCHARGE_RATE) {
                boolean nursing = r.nextDouble() < 0.4;
                k = service(who, personId, k, s.discharge() + r.nextInt(29), nursing
                        ? new String[] {"Long term support: Nursing care", "Long term nursing care"}
                        : new String[] {"Long term support: Residential care", "Long term residential care"}, r);
                longTermCare = true;
            }
        }
    }

    /** The person's first request, on their first contact as an adult, and what follows it; returns the next k. */
    int firstRequest(Individual who, long personId, SplittableRandom r) {
        return request(who, personId, 0, firstContact(who, r), ROUTE.draw(r), r);
    }

    private static int firstContact(Individual who, SplittableRandom r) {
        int from = Math.max(Dates.CARE_START, who.birth() + 18 * DAYS_PER_YEAR);
        int to = Math.min(who.deathOrNever(), Dates.STUDY_END - 30);
        return from + r.nextInt(Math.max(1, to - from + 1));
    }

    /** A request and what follows it: assessment, services, reviews, each starting after the last ended. */
    private int request(Individual who, long personId, int k, int start, String route, SplittableRandom r) {
        String outcome = REQUEST_OUTCOME.draw(r);
        int end = start + (r.nextDouble() < 0.6 ? 0 : r.nextInt(8));
        int written = event(who, personId, k, "Request", start, end, outcome, r, route, null, null, null);
        if (written == k || !outcome.startsWith("Progress to assessment")) {
            return written;
        }
        k = written;
        int assessed = end + 1 + r.nextInt(28);
        int assessedEnd = assessed + r.nextInt(22);
        boolean eligible = r.nextDouble() < 0.75;
        written = event(who, personId, k, "Assessment", assessed, assessedEnd,
                eligible ? "Progress to support planning or services" : "NFA: No services offered for other reason",
                r, null, r.nextDouble() < 0.1 ? "Carer assessment" : "Needs assessment", eligible, null);
        if (written == k || !eligible) {
            return written;
        }
        k = written;
        int services = 1 + (r.nextDouble() < 0.35 ? 1 : 0);
        int day = assessedEnd + 1 + r.nextInt(30);
        for (int s = 0; s < services; s++) {
            int before = k;
            k = service(who, personId, k, day, SERVICE.draw(r), r);
            if (k == before) {
                break;
            }
            day += 14 + r.nextInt(200);
        }
        return k;
    }

    /**
     * Reablement starting from 5 days before discharge to 14 days after (ASCOF 2D links a discharge from 3 days
     * before its start to 7 after, so both ends and both sides of them occur), sometimes followed by a second
     * event 4 to 11 days after the first ends (clusters join events up to 7 days apart).
     */
    private int reablement(Individual who, long personId, int k, Spell s, SplittableRandom r) {
        int start = s.discharge() - 5 + r.nextInt(20);
        k = event(who, personId, k, "Request", Math.max(s.admission(), start - 2), Math.max(s.admission(), start - 2),
                "Progress to reablement/ST-Max", r, "Discharge from Hospital", null, null, null);
        int end = start + 14 + r.nextInt(29);
        k = event(who, personId, k, "Service", start, end, REABLEMENT_OUTCOME.draw(r), r, null, null, null, ST_MAX);
        if (r.nextDouble() < SyntheticData.REPEATED_REABLEMENT_RATE) {
            int again = end + 4 + r.nextInt(8);
            k = event(who, personId, k, "Service", again, again + 7 + r.nextInt(22), REABLEMENT_OUTCOME.draw(r), r,
                    null, null, null, ST_MAX);
        }
        return k;
    }

    private int service(Individual who, long personId, int k, int start, String[] typeAndComponent,
            SplittableRandom r) {
        boolean longTerm = typeAndComponent[0].startsWith("Long term");
        int end = longTerm ? (r.nextDouble() < 0.6 ? NONE : start + 30 + r.nextInt(870))
                : start + 7 + r.nextInt(78);
        int written = event(who, personId, k, "Service", start, end, SERVICE_END_OUTCOME.draw(r), r, null, null,
                null, typeAndComponent);
        if (written > k && longTerm && r.nextDouble() < 0.6) {
            int reviewed = start + 42 + r.nextInt(324);
            if (end == NONE || reviewed <= end) {
                written = review(who, personId, written, reviewed, r);
            }
        }
        return written;
    }

    private int review(Individual who, long personId, int k, int day, SplittableRandom r) {
        String reason = REVIEW_REASON.draw(r);
        String outcome = REVIEW_OUTCOME.draw(r);
        if (day > Dates.STUDY_END || day > who.deathOrNever()) {
            return k;
        }
        if (event != null) {
            event.number(personId * 64 + k).number(personId).text("Review").text("RV" + (personId * 64 + k))
                    .date(day).date(day).text("Continuation of support or services").nullValue().nullValue()
                    .nullValue().nullValue().nullValue().nullValue().nullValue().nullValue().nullValue()
                    .nullValue().text(reason).text(outcome);
            event.endRow();
        }
        return k + 1;
    }

    /**
     * Writes one event unless it would start after the extract date or the person's death; an end past the
     * extract date is left open, one past death is cut to it. Event {@code k} of a person is numbered
     * {@code personId * 64 + k}, so a person has at most 63. Returns the next event number.
     */
    private int event(Individual who, long personId, int k, String type, int start, int end, String outcome,
            SplittableRandom r, String route, String assessmentType, Boolean eligible, String[] service) {
        String delivery = service == null ? null : "Direct payment".equals(service[1]) ? "Direct payment"
                : DELIVERY.draw(r);
        double costDraw = r.nextDouble();
        double unitsDraw = r.nextDouble();
        String provider = "1-" + (100_000_000 + r.nextInt(900_000_000));
        start = Math.max(start, Math.max(who.birth(), Dates.CARE_START));
        if (start > Dates.STUDY_END || start > who.deathOrNever() || k >= 63) {
            return k;
        }
        if (end != NONE && end < start) {
            end = start;
        }
        if (end != NONE && end > Dates.STUDY_END) {
            end = NONE;
            outcome = null;
        }
        if (who.death() != NONE && (end == NONE || end >= who.death())) {
            end = who.death();
            outcome = "NFA: Deceased";
        }
        if (event == null) {
            return k + 1;
        }
        long id = personId * 64 + k;
        event.number(id).number(personId).text(type).text(type.substring(0, 2).toUpperCase() + id)
                .date(start).date(end).text(outcome).text(route).text(assessmentType);
        if (eligible == null) {
            event.nullValue();
        } else {
            event.bool(eligible);
        }
        if (service == null) {
            event.nullValue().nullValue().nullValue().nullValue().nullValue().nullValue().nullValue();
        } else {
            Cost cost = Cost.of(service[1], costDraw, unitsDraw);
            event.text(service[0]).text(service[1]).text(delivery)
                    .text("Direct payment".equals(delivery) ? null : provider)
                    .text(cost.unitCost()).text(cost.frequency()).text(cost.unitsPerWeek());
        }
        event.nullValue().nullValue();
        event.endRow();
        return k + 1;
    }

    /** Unit cost, cost frequency and planned units per week, as COPY text, by service component. */
    private record Cost(String unitCost, String frequency, String unitsPerWeek) {
        static Cost of(String component, double costDraw, double unitsDraw) {
            return switch (component) {
                case "Home support or domiciliary care" -> new Cost(money(21 + 5 * costDraw), "Hourly",
                        Integer.toString(3 + (int) (unitsDraw * 28)) + ".0");
                case "Long term residential care", "Short term residential care" ->
                        new Cost(money(750 + 400 * costDraw), "Weekly", "1.0");
                case "Long term nursing care", "Short term nursing care" ->
                        new Cost(money(900 + 450 * costDraw), "Weekly", "1.0");
                case "Equipment" -> new Cost(money(40 + 760 * costDraw), "One-off", null);
                case "Reablement" -> new Cost(money(22 + 6 * costDraw), "Hourly",
                        Integer.toString(5 + (int) (unitsDraw * 15)) + ".0");
                default -> new Cost(money(150 + 450 * costDraw), "Weekly", "1.0");
            };
        }

        private static String money(double pounds) {
            long pence = Math.round(pounds * 100);
            return pence / 100 + "." + (pence % 100 < 10 ? "0" : "") + pence % 100;
        }
    }
}

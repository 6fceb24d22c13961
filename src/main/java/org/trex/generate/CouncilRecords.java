package org.trex.generate;

import static java.util.Objects.requireNonNull;
import static org.trex.generate.Dates.NONE;
import static org.trex.generate.SyntheticData.BAD_CHECK_DIGIT_RATE;
import static org.trex.generate.SyntheticData.DUPLICATE_RECORD_RATE;
import static org.trex.generate.SyntheticData.LOCAL_OBJECTION_RATE;
import static org.trex.generate.SyntheticData.LOCAL_OBJECTION_WITHDRAWN_RATE;
import static org.trex.generate.SyntheticData.MISSING_NUMBER_RATE;
import static org.trex.generate.SyntheticData.SUPERSEDED_RATE;
import static org.trex.generate.SyntheticData.UNVERIFIED_RATE;
import static org.trex.generate.TestRangeNumbers.asCouncilsHoldThem;
import static org.trex.generate.TestRangeNumbers.badCheckDigit;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** The council side of a pass: an individual's social care person record, its care events and local objection. */
final class CouncilRecords {
    /** The generated council's LA code, as its CLD files state it. */
    static final String COUNCIL_CODE = "E06000016";
    private static final Weighted<String> MISSING_TRACE = Weighted.of("not_traced", 50, "no_match", 35,
            "multiple_matches", 15);
    private static final Weighted<String> SUPPORT_REASON = Weighted.of(
            "Physical support: Personal care support", 52, "Physical support: Access and mobility only", 8,
            "Sensory support: Support for visual impairment", 1.5,
            "Sensory support: Support for hearing impairment", 0.8,
            "Sensory support: Support for dual impairment", 0.3, "Support with memory and cognition", 12,
            "Learning disability support", 11, "Mental health support", 9,
            "Social support: Substance misuse support", 0.8, "Social support: Asylum seeker support", 0.2,
            "Social support: Support for social isolation or other", 2.4, "Social support: Support to unpaid carer", 1,
            "Unknown", 1);
    private static final Weighted<String> ACCOMMODATION = Weighted.of(
            "Owner occupier or shared ownership scheme", 35,
            "Tenant: Local authority or other social housing provider", 18,
            "Tenant: Private landlord", 6, "Settled mainstream housing with family or friends", 14,
            "Supported accommodation, supported lodgings or supported group home", 5, "Shared Lives scheme", 0.5,
            "Sheltered housing, extra care housing or other sheltered housing", 6, "Registered care home", 7,
            "Registered nursing home", 4, "Acute hospital or long term healthcare residential facility", 0.5,
            "Other temporary accommodation", 1, "Unknown", 3);
    private static final Weighted<String> CHANNEL = Weighted.of("Online form", 40, "Letter", 20, "Telephone", 15,
            "In person", 5, "Email", 20);

    /** Null when this pass draws the person records without writing them. */
    private final CopyWriter person;
    /** Null when this pass draws the objections without writing them. */
    private final CopyWriter objection;
    private final CareEvents events;
    private final NumberSupply numbers;
    private final Optional<TraceFailureBias> traceFailureBias;

    CouncilRecords(CopyWriter person, CopyWriter objection, CareEvents events, NumberSupply numbers,
            Optional<TraceFailureBias> traceFailureBias) {
        this.person = person;
        this.objection = objection;
        this.events = requireNonNull(events, "events is null");
        this.numbers = requireNonNull(numbers, "numbers is null");
        this.traceFailureBias = requireNonNull(traceFailureBias, "traceFailureBias is null");
    }

    /**
     * Draws the individual's council record from {@code r} after their hospital spells, which reablement and care
     * homes follow, and writes it; some are recorded twice, under a second person id.
     */
    void records(Individual who, List<Spell> spells, SplittableRandom r) {
        long personId = 2L * who.index() + 1;
        double u = r.nextDouble();
        String status;
        String recorded;
        if (traceFailsForBias(who, r)) {
            status = MISSING_TRACE.draw(r);
            recorded = null;
        } else if (u < MISSING_NUMBER_RATE) {
            status = MISSING_TRACE.draw(r);
            recorded = null;
        } else if (u < MISSING_NUMBER_RATE + BAD_CHECK_DIGIT_RATE) {
            status = "unverified";
            recorded = badCheckDigit(who.nhs(), r);
        } else if (u < MISSING_NUMBER_RATE + BAD_CHECK_DIGIT_RATE + SUPERSEDED_RATE) {
            status = "superseded";
            recorded = numbers.retired();
        } else if (u < MISSING_NUMBER_RATE + BAD_CHECK_DIGIT_RATE + SUPERSEDED_RATE + UNVERIFIED_RATE) {
            status = "unverified";
            recorded = who.nhs();
        } else {
            status = "matched";
            recorded = who.nhs();
        }
        boolean duplicate = recorded != null && r.nextDouble() < DUPLICATE_RECORD_RATE;
        personRow(who, personId, status, asCouncilsHoldThem(recorded, r), r);
        events.history(who, personId, spells, r);
        objection(who, personId, r);
        if (duplicate) {
            personRow(who, personId + 1, "matched", asCouncilsHoldThem(recorded, r), r);
            events.firstRequest(who, personId + 1, r);
        }
    }

    /** A draw only when a bias is set, so the data without one stays as it was. */
    private boolean traceFailsForBias(Individual who, SplittableRandom r) {
        return traceFailureBias.filter(b -> b.applies(who.ethnicCategory(), who.ageOn(Dates.AGE_REFERENCE)))
                .map(b -> r.nextDouble() < b.rate()).orElse(false);
    }

    private void personRow(Individual who, long personId, String status, String recorded, SplittableRandom r) {
        int traced = "not_traced".equals(status) ? NONE
                : Math.max(who.birth(), Dates.day(2015, 1, 1) + r.nextInt(4000));
        String supportReason = SUPPORT_REASON.draw(r);
        String accommodation = r.nextDouble() < 0.03 ? null : ACCOMMODATION.draw(r);
        String client = r.nextDouble() < 0.07 ? "Unpaid carer" : r.nextDouble() < 0.01
                ? "Unpaid carer known by association" : "Service user";
        if (person == null) {
            return;
        }
        person.number(personId).text(COUNCIL_CODE).text(Long.toString(100_000 + personId)).text(recorded)
                .text(status).date(traced).date(who.birth()).date(who.death()).text(who.gender())
                .text(who.ethnicity()).text(who.postcode()).text(who.practice()).text(client)
                .text("Service user".equals(client) ? supportReason : "Social support: Support to unpaid carer")
                .text(accommodation);
        person.endRow();
    }

    private void objection(Individual who, long personId, SplittableRandom r) {
        if (r.nextDouble() >= LOCAL_OBJECTION_RATE) {
            return;
        }
        int last = Math.min(who.deathOrNever(), Dates.STUDY_END);
        int first = Math.max(Dates.CARE_START, who.birth());
        int recorded = first + r.nextInt(Math.max(1, last - first + 1));
        int withdrawn = r.nextDouble() < LOCAL_OBJECTION_WITHDRAWN_RATE ? recorded + 30 + r.nextInt(700) : NONE;
        String channel = CHANNEL.draw(r);
        if (objection == null || recorded > last) {
            return;
        }
        objection.number(personId).number(personId).date(recorded)
                .date(withdrawn != NONE && withdrawn <= last ? withdrawn : NONE).text(channel);
        objection.endRow();
    }
}

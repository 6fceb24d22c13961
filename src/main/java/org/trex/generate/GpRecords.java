package org.trex.generate;

import static org.trex.generate.SyntheticData.TYPE1_OPT_OUT_RATE;
import static org.trex.generate.SyntheticData.TYPE1_WITHDRAWN_RATE;

import java.util.SplittableRandom;

/** The GP side of a pass: an individual's practice registrations and type 1 opt-outs. */
final class GpRecords {
    private static final String[] PRACTICES = practices();

    /** Null when this pass draws the registrations without writing them. */
    private final CopyWriter registration;
    /** Null when this pass draws the type 1 opt-outs without writing them. */
    private final CopyWriter type1;

    GpRecords(CopyWriter registration, CopyWriter type1) {
        this.registration = registration;
        this.type1 = type1;
    }

    /** One of the area's practice codes, drawn from {@code r}. */
    static String practice(SplittableRandom r) {
        return PRACTICES[r.nextInt(PRACTICES.length)];
    }

    /** Draws the individual's registrations, then their type 1 opt-out, from {@code r}, and writes them. */
    void records(Individual who, SplittableRandom r) {
        int current = Math.max(who.birth(), Dates.day(2000, 1, 1) + r.nextInt(9000));
        current = Math.min(current, Math.min(Dates.STUDY_END, who.deathOrNever()));
        boolean moved = r.nextDouble() < 0.2 && current - who.birth() > 400;
        String practice = practice(r);
        String previous = practice(r);
        int previousFrom = who.birth() + r.nextInt(Math.max(1, current - who.birth() - 1));
        if (registration != null) {
            if (moved) {
                registration.number((long) who.index() * 10 + 1).text(who.nhs()).text(previous)
                        .date(previousFrom).date(current - 1);
                registration.endRow();
            }
            registration.number((long) who.index() * 10).text(who.nhs()).text(practice).date(current)
                    .date(who.death());
            registration.endRow();
        }
        type1(who, r);
    }

    private void type1(Individual who, SplittableRandom r) {
        if (r.nextDouble() >= TYPE1_OPT_OUT_RATE) {
            return;
        }
        int first = Math.max(who.birth(), Dates.day(2018, 5, 25));
        int last = Math.min(who.deathOrNever(), Dates.STUDY_END);
        int dissent = first + r.nextInt(Math.max(1, last - first + 1));
        boolean withdrawn = r.nextDouble() < TYPE1_WITHDRAWN_RATE;
        boolean readV2 = r.nextDouble() < 0.7;
        int withdrawal = dissent + 30 + r.nextInt(900);
        if (type1 == null) {
            return;
        }
        type1.number((long) who.index() * 10).text(who.nhs()).text(readV2 ? "9Nu0" : "XaZ89").date(dissent);
        type1.endRow();
        if (withdrawn && withdrawal <= last) {
            type1.number((long) who.index() * 10 + 1).text(who.nhs()).text(readV2 ? "9Nu1" : "XaZ8A")
                    .date(withdrawal);
            type1.endRow();
        }
    }

    private static String[] practices() {
        String[] practices = new String[40];
        for (int i = 0; i < practices.length; i++) {
            practices[i] = "C82" + String.format("%03d", 10 + i * 7);
        }
        return practices;
    }
}

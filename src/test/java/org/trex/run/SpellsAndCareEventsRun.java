package org.trex.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.trex.optout.OptOutLoader;
import org.trex.plan.ExtractPlan;
import org.trex.plan.Planner;
import org.trex.pseudonym.PseudonymKey;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.spec.Applicability;
import org.trex.spec.DisclosureRules;
import org.trex.spec.ExtractSpec;
import org.trex.spec.KAnonymityAction;
import org.trex.spec.Policy;
import org.trex.testing.SourceFixture;
import org.trex.testing.Specs;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestSpark;

/**
 * A run of the spells and social care events outputs, every opt-out applied and every count shown as it is, on
 * spells discharged on {@link #DISCHARGED} and council records with one service a month before: for the tests of what
 * a run leaves out and how it counts it.
 */
final class SpellsAndCareEventsRun {
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final LocalDate DISCHARGED = LocalDate.of(2024, 6, 15);

    private SpellsAndCareEventsRun() {
    }

    /** A council record with one service a month before the discharge; returns its person_id. */
    static long councilRecord(SourceFixture fixture, String nhsNumber) throws Exception {
        long person = fixture.person(nhsNumber, LocalDate.of(1944, 3, 10), "LE1 5WW");
        fixture.service(person, "Long term support: Community", "Home support or domiciliary care",
                DISCHARGED.minusDays(30), null);
        return person;
    }

    /** The run, as of {@link #AS_OF}, of what {@code url} holds, written under {@code out}. */
    static ExtractJob.Result run(DatabaseUrl url, PseudonymKey key, Path out) throws Exception {
        ExtractSpec spec = Specs.spec(Specs.cohort(List.of()), List.of(Specs.spells(), Specs.socialCareEvents()));
        Policy policy = Specs.policy(Applicability.APPLIES, Applicability.APPLIES,
                new DisclosureRules(1, KAnonymityAction.SUPPRESS, 0, 1));
        ExtractPlan plan = new Planner(SourceCatalog.standard()).plan(spec, policy, AS_OF, "{}", "{}");
        return new ExtractJob(TestSpark.session(), url, SourceCatalog.standard(), 2).run(plan,
                OptOutLoader.load(url, plan.exclusions()), key, Files.createDirectories(out.resolve("data")));
    }
}

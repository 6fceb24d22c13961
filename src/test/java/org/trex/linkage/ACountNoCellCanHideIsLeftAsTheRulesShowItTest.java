package org.trex.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trex.disclosure.CellStatus;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * The 5M bench's section: five million index events, the 5,000 that link to a council record all service users left
 * out for an objection, and none of the men left out; the included events are the rows of its records output, spells.
 * Protecting the small counts takes the service users' events as a complement, which the section's other counts then
 * narrow to within the protection range with no cell left to hide them beside it. That count is one the rules would
 * publish, so the section is shown (where disclosure control refused the run) and of every small count in it the
 * section tells no more than its "&lt;=7": from 0 to 7.
 */
class ACountNoCellCanHideIsLeftAsTheRulesShowItTest {
    private static final DisclosureRules SHIPPED = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5);
    private static final String OBJECTION = "local_objection";
    private static final String OPT_OUT = "national_data_opt_out_or_unchecked";
    private static final List<Label> REASONS = List.of(new Label("missing_nhs_number", "NHS number missing"),
            new Label("invalid_nhs_number", "NHS number invalid"), new Label(OBJECTION, "Objection"),
            new Label(OPT_OUT, "National data opt-out, or not checked"), new Label("type1_opt_out", "Type 1 opt-out"));
    private static final List<Label> DIMENSIONS = List.of(new Label("age_band", "Age band"), new Label("sex", "Sex"),
            new Label("ethnicity", "Ethnicity group"), new Label("client_type", "Client type"),
            new Label("area", "Postcode district"));

    @Test
    void theSectionIsShownWithItsSmallCountsHidden() {
        LinkageCounts counts = benchCounts();

        assertThatCode(() -> CountedSection.of(counts, SHIPPED, 5, Optional.of("spells"))).doesNotThrowAnyException();

        SectionCells cells = CountedSection.of(counts, SHIPPED, 5, Optional.of("spells")).cells();
        GroupCount serviceUsers = group(counts, "client_type", "Service user");
        assertThat(cells.of(SectionCells.EVENTS, serviceUsers).status()).isEqualTo(CellStatus.COMPLEMENTARY);
        for (GroupCount group : counts.groups()) {
            for (String measure : List.of(SectionCells.EVENTS, SectionCells.INCLUDED, SectionCells.LEFT_OUT)) {
                if (cells.of(measure, group).status() == CellStatus.SMALL_COUNT) {
                    assertThat(cells.behind(measure, group).width())
                            .as("%s of %s=%s", measure, group.dimension(), group.group()).isEqualTo(7);
                }
            }
        }
    }

    private static LinkageCounts benchCounts() {
        List<GroupCount> groups = List.of(
                new GroupCount("age_band", "65-74", 1_360_501, Map.of(OBJECTION, 1_284L, OPT_OUT, 25_928L),
                        1_359_217),
                new GroupCount("age_band", "75-84", 1_469_163, Map.of(OBJECTION, 1_515L, OPT_OUT, 27_846L),
                        1_467_648),
                new GroupCount("age_band", "85+", 2_170_336, Map.of(OBJECTION, 2_201L, OPT_OUT, 41_227L),
                        2_168_135),
                new GroupCount("sex", "Female", 2_500_000, Map.of(OBJECTION, 5_000L, OPT_OUT, 95_001L), 2_495_000),
                new GroupCount("sex", "Male", 2_500_000, Map.of(), 2_500_000),
                new GroupCount("ethnicity", "White", 5_000_000, Map.of(OBJECTION, 5_000L, OPT_OUT, 95_001L),
                        4_995_000),
                new GroupCount("client_type", Groups.NO_COUNCIL_RECORD, 4_995_000, Map.of(OPT_OUT, 95_001L),
                        4_995_000),
                new GroupCount("client_type", "Service user", 5_000, Map.of(OBJECTION, 5_000L), 0),
                new GroupCount("area", Groups.NO_COUNCIL_RECORD, 4_995_000, Map.of(OPT_OUT, 95_001L), 4_995_000),
                new GroupCount("area", "Not known", 5_000, Map.of(OBJECTION, 5_000L), 0));
        List<Tally> traced = List.of(new Tally(new Label("matched", "Traced and verified"), 909),
                new Tally(new Label("not_traced", "Never traced"), 0));
        List<Tally> validity = List.of(new Tally(new Label("valid", "NHS number valid"), 909),
                new Tally(new Label("missing", "NHS number missing"), 0));
        return new LinkageCounts(traced, validity, 5_000_000, 5_000, REASONS, DIMENSIONS,
                Set.of("client_type", "area"), groups,
                List.of(new Tally(new Label("overlapping_spells", "Overlapping spells"), 744_260)),
                Set.of("missing_nhs_number"));
    }

    private static GroupCount group(LinkageCounts counts, String dimension, String group) {
        return counts.groups().stream().filter(g -> g.dimension().equals(dimension) && g.group().equals(group))
                .findFirst().orElseThrow();
    }
}

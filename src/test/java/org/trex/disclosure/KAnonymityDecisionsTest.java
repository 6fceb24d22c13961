package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/** Record-level decisions: k below the policy's leads to generalise, suppress or refuse, as the policy says. */
class KAnonymityDecisionsTest {
    @ParameterizedTest(name = "k {0}, below k {1}, classes {2}: staged -> {3}, generalised -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # k | below_k    | class sizes | on staged  | on generalised
              5 | suppress   | 5 6 9       | KEEP       | KEEP
              5 | suppress   | 4 6 9       | SUPPRESS   | SUPPRESS
              5 | generalise | 4 6 9       | GENERALISE | SUPPRESS
              5 | refuse     | 1 20        | REFUSE     | SUPPRESS
              5 | refuse     | 5 20        | KEEP       | KEEP
              1 | refuse     | 1 1 1       | KEEP       | KEEP
              5 | refuse     | 0           | KEEP       | KEEP
            """)
    void decides(int k, String belowK, String sizes, RecordStep staged, RecordStep generalised) {
        KAnonymityDecisions decisions = decisions(k, belowK);
        List<Long> classSizes = Arrays.stream(sizes.split(" ")).map(Long::valueOf).filter(s -> s > 0).toList();
        EquivalenceClasses classes = EquivalenceClasses.measure(classSizes, k);
        assertThat(decisions.onMeasured(classes)).isEqualTo(staged);
        assertThat(decisions.onGeneralised(classes)).isEqualTo(generalised);
    }

    @ParameterizedTest(name = "k {0}: a class of {1} is suppressed {2}; {1} fully blanked records are dropped {3}")
    @CsvSource(textBlock = """
            # k, records, class suppressed, blanked dropped
              5, 0,       true,             false
              5, 1,       true,             true
              5, 4,       true,             true
              5, 5,       false,            false
              5, 6,       false,            false
              1, 1,       false,            false
            """)
    void suppressesAndDrops(int k, long records, boolean suppressed, boolean dropped) {
        KAnonymityDecisions decisions = decisions(k, "suppress");
        assertThat(decisions.suppresses(records)).isEqualTo(suppressed);
        assertThat(decisions.dropsFullyBlanked(records)).isEqualTo(dropped);
    }

    private static KAnonymityDecisions decisions(int k, String belowK) {
        return new KAnonymityDecisions(new DisclosureRules(k, KAnonymityAction.fromYaml(belowK).orElseThrow(), 7, 5));
    }
}

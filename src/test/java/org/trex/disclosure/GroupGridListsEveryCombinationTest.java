package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A table lists every combination of its groups' values, those no one has too, so that a missing row never tells a
 * reader a group is empty: a column's fixed list where it has one, else the values found in the data, blanks among
 * them; in the groups and in each total; and a table too large to decide is refused.
 */
class GroupGridListsEveryCombinationTest {
    private static final List<String> DIMENSIONS = List.of("band", "sex");

    @Test
    void theGroupsNoOneIsInAreTheMissingCombinationsOfTheListedValues() {
        GroupGrid grid = GroupGrid.of("delays", DIMENSIONS, List.of(listed("0", "1", "2-3"), listed("1", "2")),
                List.of(group("0", "1"), group("1", "2")));

        assertThat(grid.missing(new BitSet(), List.of(group("0", "1"), group("1", "2"))))
                .containsExactlyInAnyOrder(group("0", "2"), group("1", "1"), group("2-3", "1"), group("2-3", "2"));
    }

    @Test
    void aColumnWithoutAListTakesTheValuesFoundAndABlankFoundIsAValueOfItsOwn() {
        List<List<Object>> found = List.of(group("LE1", "1"), group(null, "2"));
        GroupGrid grid = GroupGrid.of("delays", List.of("district", "sex"),
                List.of(Optional.empty(), listed("1", "2")), found);

        assertThat(grid.missing(new BitSet(), found)).containsExactlyInAnyOrder(group("LE1", "2"), group(null, "1"));
    }

    @Test
    void aValueFoundBeyondItsListIsListedToo() {
        List<List<Object>> found = List.of(group("0", "7"));
        GroupGrid grid = GroupGrid.of("delays", DIMENSIONS, List.of(listed("0"), listed("1")), found);

        assertThat(grid.missing(new BitSet(), found)).containsExactly(group("0", "1"));
    }

    @Test
    void aTotalListsEveryValueOfTheColumnsItDoesNotTotalOver() {
        GroupGrid grid = GroupGrid.of("delays", DIMENSIONS, List.of(listed("0", "1"), listed("1", "2")),
                List.of(group("0", "1")));
        BitSet overSex = new BitSet();
        overSex.set(1);

        assertThat(grid.missing(overSex, List.of(group("0", null)))).containsExactly(group("1", null));
    }

    @Test
    void anUngroupedTableIsOneCell() {
        GroupGrid grid = GroupGrid.of("summary", List.of(), List.of(), List.of());

        assertThat(grid.missing(new BitSet(), List.of())).containsExactly(List.of());
        assertThat(grid.missing(new BitSet(), List.of(List.of()))).isEmpty();
    }

    @Test
    void aTableTooLargeToDecideIsRefused() {
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add("v" + i);
        }
        GroupGrid grid = GroupGrid.of("wide", DIMENSIONS, List.of(Optional.of(many), Optional.of(many)), List.of());

        assertThatThrownBy(() -> grid.missing(new BitSet(), List.of()))
                .isInstanceOf(DisclosureRefusedException.class)
                .hasMessage("Cannot control disclosure of output wide: its groups make a table of 90000 cells (300 band"
                        + " x 300 sex), more than 50000; a table lists every combination of its groups' values, those "
                        + "no one has too, so group it by fewer columns or coarser forms");
    }

    private static Optional<List<Object>> listed(Object... values) {
        return Optional.of(List.of(values));
    }

    private static List<Object> group(Object... values) {
        return Arrays.asList(values);
    }
}

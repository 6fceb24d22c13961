package org.trex.disclosure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Small tables of cells for the disclosure tests, written as "dimension=value,..." keys. */
final class TestingCells {
    static final Quantity SPELLS = new Quantity("records of inpatient_spell", Additivity.EXACT);
    static final Quantity PEOPLE = new Quantity("people of inpatient_spell", Additivity.BOUNDED);

    private TestingCells() {
    }

    /** A count in {@code output}'s measure {@code count} at "age=a1,sex=F" ("" for the grand total). */
    static Cell cell(String output, Quantity quantity, String at, long value) {
        return Cell.count(key(output, at), quantity, value);
    }

    static CellKey key(String output, String at) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        if (!at.isEmpty()) {
            for (String pair : at.split(",")) {
                String[] parts = pair.split("=");
                dimensions.put(parts[0], parts[1]);
            }
        }
        return CellKey.of(output, "count", dimensions);
    }

    /** Each cell's status by its key as text, in the cells' order. */
    static Map<String, CellStatus> statuses(ProtectedCells result) {
        return result.cells().stream().collect(Collectors.toMap(c -> c.key().toString(), DecidedCell::status,
                (a, b) -> a, LinkedHashMap::new));
    }
}

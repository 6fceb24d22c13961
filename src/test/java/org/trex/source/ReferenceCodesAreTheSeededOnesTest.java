package org.trex.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.trex.testing.TestDatabase;

/**
 * The code lists the spec checker refuses values against are exactly what the migrations seed into schema ref, so
 * a spec is never refused a code a load accepts, nor passed one it refuses.
 */
class ReferenceCodesAreTheSeededOnesTest {
    @Test
    void everyListEqualsItsTablesRowsInOrder() throws SQLException {
        DatabaseUrl url = TestDatabase.fresh();
        SourceSchema.migrate(url);
        try (Connection connection = url.connect()) {
            var dsl = SqlText.on(connection);
            List<String> tables = dsl.fetch("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'ref' AND table_name NOT IN ('type1_opt_out_code', 'objection_channel')"
                    + " ORDER BY table_name").getValues(0, String.class);
            assertThat(ReferenceCodes.tables().keySet()).containsExactlyInAnyOrderElementsOf(tables);
            for (Map.Entry<String, List<String>> table : ReferenceCodes.tables().entrySet()) {
                String key = (String) dsl.fetchValue("SELECT a.attname FROM pg_index i JOIN pg_attribute a"
                        + " ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]"
                        + " WHERE i.indisprimary AND i.indrelid = ('ref.' || {0})::regclass",
                        DSL.val(table.getKey()));
                List<String> seeded = dsl.select(DSL.field(DSL.name(key), String.class))
                        .from(DSL.table(DSL.name("ref", table.getKey()))).orderBy(DSL.field("ctid"))
                        .fetch(0, String.class);
                assertThat(table.getValue()).as(table.getKey()).containsExactlyElementsOf(seeded);
            }
        }
    }

    @Test
    void theWordsOfEachSexCodeAreItsSeededDescription() throws SQLException {
        DatabaseUrl url = TestDatabase.fresh();
        SourceSchema.migrate(url);
        try (Connection connection = url.connect()) {
            Map<String, String> seeded = new LinkedHashMap<>();
            SqlText.on(connection).fetch("SELECT code, description FROM ref.sex ORDER BY ctid")
                    .forEach(row -> seeded.put(row.get(0, String.class), row.get(1, String.class)));
            assertThat(ReferenceCodes.SEX_WORDS).containsExactlyEntriesOf(seeded);
        }
    }

    @Test
    void theCheckedListsAreTheSchemasCheckConstraints() throws SQLException {
        DatabaseUrl url = TestDatabase.fresh();
        SourceSchema.migrate(url);
        try (Connection connection = url.connect()) {
            var dsl = SqlText.on(connection);
            String checks = String.join("\n", dsl.fetch("SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                    + " WHERE contype = 'c' AND conrelid IN ('social_care.event'::regclass,"
                    + " 'health.inpatient_spell'::regclass)").getValues(0, String.class));
            assertThat(checks).contains("cost_frequency = ANY (ARRAY[" + quoted(ReferenceCodes.COST_FREQUENCY))
                    .contains("patient_classification = ANY (ARRAY[" + quoted(ReferenceCodes.PATIENT_CLASSIFICATION));
        }
    }

    private static String quoted(List<String> codes) {
        return String.join(", ", codes.stream().map(c -> "'" + c + "'::text").toList()) + "])";
    }
}

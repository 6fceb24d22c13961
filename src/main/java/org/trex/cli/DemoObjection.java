package org.trex.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.trex.governance.ReleaseOutputKind;
import org.trex.governance.ReleaseRegister;
import org.trex.nhs.NhsNumber;
import org.trex.pseudonym.PseudonymKey;
import org.trex.pseudonym.Pseudonymiser;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;

/**
 * The demo's later objection: one person of the synthetic population whom the demo extract holds in a record-level
 * output, found through the source tables and the release register, objects after the release. Their NHS number
 * stays in this class; the demo prints nothing of who they are.
 */
final class DemoObjection {
    /** Enough candidates that one is nearly always in the extract, few enough to pseudonymise at once. */
    private static final int CANDIDATES = 2_000;

    private DemoObjection() {
    }

    /**
     * Records a local objection on {@code recorded} for the first person with a social care record whom the release
     * holds in a record-level output; empty when the release holds none of them.
     */
    static Optional<Long> record(DatabaseUrl url, PseudonymKey key, ReleaseRegister register, long releaseId,
            LocalDate recorded) {
        Pseudonymiser pseudonymiser = new Pseudonymiser(key);
        Map<String, Long> people = new LinkedHashMap<>();
        try (Connection connection = url.connect()) {
            try (PreparedStatement candidates = connection.prepareStatement("SELECT person_id, nhs_number"
                    + " FROM social_care.person WHERE nhs_number IN (SELECT nhs_number FROM health.inpatient_spell)"
                    + " ORDER BY person_id LIMIT " + CANDIDATES);
                    ResultSet rows = candidates.executeQuery()) {
                while (rows.next()) {
                    long personId = rows.getLong(1);
                    NhsNumber.tryParse(rows.getString(2))
                            .ifPresent(number -> people.putIfAbsent(pseudonymiser.pseudonym(number), personId));
                }
            }
            Optional<Long> objector = register.holdings(releaseId, people.keySet()).stream()
                    .filter(holding -> holding.kind() == ReleaseOutputKind.RECORDS)
                    .map(holding -> people.get(holding.pseudonym()))
                    .min(Long::compare);
            if (objector.isPresent()) {
                try (PreparedStatement objection = connection.prepareStatement("INSERT INTO opt_out.local_objection"
                        + " (objection_id, person_id, recorded_date, received_via)"
                        + " SELECT coalesce(max(objection_id), 0) + 1, ?, ?, 'Letter' FROM opt_out.local_objection")) {
                    objection.setLong(1, objector.get());
                    objection.setObject(2, recorded);
                    objection.executeUpdate();
                }
            }
            return objector;
        } catch (SQLException e) {
            throw new DatabaseException("Cannot record the demo's objection: " + DatabaseUrl.safeMessage(e), e);
        }
    }
}

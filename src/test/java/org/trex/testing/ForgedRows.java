package org.trex.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.trex.source.DatabaseUrl;
import org.trex.sshsig.SshSignature;

/**
 * Rows written straight into the governance tables with SQL, as someone with write access to the database but
 * without board members' private keys could write them.
 */
public final class ForgedRows {
    private ForgedRows() {
    }

    /** An approval row (no signatures) for this extract, version and plan hash; its id. */
    public static long approval(DatabaseUrl url, String extractId, int version, String planHash, String reference) {
        String sql = "INSERT INTO trex_governance.approval (extract_id, spec_version, plan_hash, approver, reference,"
                + " approved_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
        try (Connection connection = url.connect(); PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, extractId);
            insert.setInt(2, version);
            insert.setString(3, planHash);
            insert.setString(4, "Information Governance Board");
            insert.setString(5, reference);
            insert.setObject(6, OffsetDateTime.now());
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signature row on an approval. */
    public static void signature(DatabaseUrl url, long approvalId, SshSignature signature) {
        String sql = "INSERT INTO trex_governance.approval_signature (approval_id, signature, key_fingerprint,"
                + " recorded_at) VALUES (?, ?, ?, ?)";
        try (Connection connection = url.connect(); PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, approvalId);
            insert.setString(2, signature.armored());
            insert.setString(3, signature.key().fingerprint());
            insert.setObject(4, OffsetDateTime.now());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.trex.sshsig.SshPublicKey;
import org.trex.sshsig.SshSignature;

/**
 * The governance board's register ({@code governance/board.yaml}): who may approve extracts, by ed25519 key, and
 * how many distinct members must sign an approval, by default and per policy. Its SHA-256 is part of every plan
 * hash, so a change to the board needs new approvals.
 */
public record BoardRegister(Path file, String sha256, String board, int approvalsRequired,
        Map<String, Integer> policyApprovalsRequired, List<BoardMember> members) {
    /** The register's place for a spec: {@code governance/board.yaml} next to the spec's folder, as policies are. */
    public static final String FILE = "governance/board.yaml";
    /** Two independent reviewers unless the register says otherwise. */
    public static final int DEFAULT_APPROVALS_REQUIRED = 2;

    public BoardRegister {
        requireNonNull(file, "file is null");
        requireNonNull(sha256, "sha256 is null");
        board = Names.requireText(board, "board name").strip();
        policyApprovalsRequired = Map.copyOf(requireNonNull(policyApprovalsRequired,
                "policyApprovalsRequired is null"));
        members = List.copyOf(requireNonNull(members, "members is null"));
        if (members.isEmpty()) {
            throw new IllegalArgumentException("Cannot use board register " + file + ": it lists no members");
        }
        Set<String> ids = new HashSet<>();
        Map<SshPublicKey, String> keys = new HashMap<>();
        for (BoardMember member : members) {
            if (!ids.add(member.id())) {
                throw new IllegalArgumentException("Cannot use board register " + file + ": member id " + member.id()
                        + " is listed twice");
            }
            String holder = keys.putIfAbsent(member.key(), member.id());
            if (holder != null) {
                throw new IllegalArgumentException("Cannot use board register " + file + ": members " + holder + " and "
                        + member.id() + " have the same key " + member.key().fingerprint() + ", so one person could"
                        + " count twice");
            }
        }
        requireReachable(file, "approvals_required", approvalsRequired, members.size());
        for (Map.Entry<String, Integer> policy : policyApprovalsRequired.entrySet()) {
            requireReachable(file, "approvals_required of policy " + policy.getKey(), policy.getValue(),
                    members.size());
        }
    }

    private static void requireReachable(Path file, String what, int required, int members) {
        if (required < 1 || required > members) {
            throw new IllegalArgumentException("Cannot use board register " + file + ": " + what + " is " + required
                    + ", expected 1 to the " + members + " members it lists");
        }
    }

    /** Where the register is looked up for a spec file: {@code <spec folder>/../governance/board.yaml}. */
    public static Path fileFor(Path specFile) {
        Path folder = specFile.toAbsolutePath().normalize().getParent();
        Path base = folder.getParent() == null ? folder : folder.getParent();
        Path found = base.resolve(FILE);
        Path relative = Path.of("").toAbsolutePath().relativize(found);
        return relative.toString().startsWith("..") ? found : relative;
    }

    /** How many distinct members must sign an approval of an extract under this policy. */
    public int approvalsRequired(String policyId) {
        return policyApprovalsRequired.getOrDefault(policyId, approvalsRequired);
    }

    /** The member who holds this key, if any. */
    public Optional<BoardMember> member(SshPublicKey key) {
        requireNonNull(key, "key is null");
        return members.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    /**
     * The register as an OpenSSH allowed-signers file, each key limited to the approval namespace, so that
     * {@code ssh-keygen -Y verify -f FILE -I MEMBER_ID -n trex-approval} checks a signature without trex.
     */
    public String allowedSigners() {
        StringBuilder out = new StringBuilder("# ").append(board).append(": members who may sign approvals (from ")
                .append(file.getFileName()).append(", SHA-256 ").append(sha256).append(")\n");
        for (BoardMember member : members) {
            out.append(member.id()).append(" namespaces=\"").append(SshSignature.APPROVAL_NAMESPACE).append("\" ")
                    .append(member.key().openSsh()).append('\n');
        }
        return out.toString();
    }
}

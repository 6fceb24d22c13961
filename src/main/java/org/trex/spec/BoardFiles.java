package org.trex.spec;

import static java.util.Objects.requireNonNull;
import static org.trex.spec.Converter.list;
import static org.trex.spec.Converter.mapping;
import static org.trex.spec.Converter.text;
import static org.trex.spec.Converter.wholeNumber;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trex.spec.YamlTree.Node;
import org.trex.sshsig.SshPublicKey;

/** Reads a board register from YAML as strictly as specs and policies: every problem with file, line and column. */
public final class BoardFiles {
    /** One policy's own number of approvals, as the register lists it. */
    private record PolicyApprovals(String policy, int required) {
    }

    private BoardFiles() {
    }

    /** The board register a spec file is governed by ({@link BoardRegister#fileFor(Path)}). */
    public static BoardRegister forSpec(Path specFile) {
        return load(BoardRegister.fileFor(specFile));
    }

    /** The board register in a file; a {@link SpecException} lists every problem found. */
    public static BoardRegister load(Path file) {
        Problems problems = new Problems(file);
        if (!Files.isRegularFile(file)) {
            problems.add(YamlTree.Location.UNKNOWN, "Cannot read board register " + file + ": there is no such file;"
                    + " the board's members and keys are listed in " + BoardRegister.FILE
                    + " next to the folder of the extract specs");
            throw new SpecException(problems.list());
        }
        Optional<Node> root = YamlTree.parse(problems);
        String sha256 = sha256(file);
        Optional<BoardRegister> register = root.map(node -> mapping(m -> register(m, file, sha256))
                .convert(new Slot(node, "board register", "", problems)));
        if (problems.count() > 0 || register.isEmpty()) {
            throw new SpecException(problems.list());
        }
        return register.get();
    }

    /**
     * A board register kept as text elsewhere (the one the governance database adopted), named {@code name} in
     * messages: read from a private temporary copy, as strictly as a file.
     */
    public static BoardRegister read(String content, Path name) {
        requireNonNull(content, "content is null");
        requireNonNull(name, "name is null");
        Path folder = null;
        try {
            folder = Files.createTempDirectory("trex-board");
            Path copy = Files.writeString(folder.resolve("board.yaml"), content);
            BoardRegister read = load(copy);
            return new BoardRegister(name, read.sha256(), read.board(), read.approvalsRequired(),
                    read.policyApprovalsRequired(), read.members());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read board register " + name + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(folder);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try {
            Files.deleteIfExists(folder.resolve("board.yaml"));
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // A temporary copy of a public register left behind holds nothing secret.
        }
    }

    private static BoardRegister register(MapReader m, Path file, String sha256) {
        int before = m.problemCount();
        String board = m.required("board", text());
        Integer required = m.optional("approvals_required", wholeNumber())
                .orElse(BoardRegister.DEFAULT_APPROVALS_REQUIRED);
        List<PolicyApprovals> policies = m.optional("policies", list(mapping(BoardFiles::policyApprovals)))
                .orElse(List.of());
        List<BoardMember> members = m.required("members", list(mapping(BoardFiles::member)));
        if (!m.cleanSince(before)) {
            return null;
        }
        Map<String, Integer> byPolicy = new LinkedHashMap<>();
        for (PolicyApprovals policy : policies) {
            if (byPolicy.put(policy.policy(), policy.required()) != null) {
                m.build("policies", () -> {
                    throw new IllegalArgumentException("Cannot use policies: policy " + policy.policy()
                            + " is listed twice, expected one approvals_required per policy");
                });
            }
        }
        if (!m.cleanSince(before)) {
            return null;
        }
        return m.build("members", () -> new BoardRegister(file, sha256, board, required, byPolicy, members));
    }

    private static PolicyApprovals policyApprovals(MapReader m) {
        String policy = m.required("policy", text(v -> Names.requireId(v, "policy")));
        Integer required = m.required("approvals_required", wholeNumber());
        return policy == null || required == null ? null : new PolicyApprovals(policy, required);
    }

    private static BoardMember member(MapReader m) {
        int before = m.problemCount();
        String id = m.required("id", text());
        String name = m.required("name", text());
        String role = m.required("role", text());
        String organisation = m.required("organisation",
                text(v -> NameFolding.requireOneScript(v, "member organisation")));
        SshPublicKey key = m.required("key", slot -> {
            String line = text().convert(slot);
            return line == null ? null : slot.build(() -> SshPublicKey.parse(line));
        });
        if (!m.cleanSince(before)) {
            return null;
        }
        return m.build("id", () -> new BoardMember(id, name, role, organisation, key));
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new SpecException(List.of(new SpecProblem(file, 0, 0, "Cannot read board register " + file + ": "
                    + e.getMessage())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash: this Java has no SHA-256", e);
        }
    }
}

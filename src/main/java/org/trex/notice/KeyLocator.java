package org.trex.notice;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trex.pseudonym.KeyException;
import org.trex.pseudonym.PseudonymKey;

/**
 * Finds the key a release was made with, by its key ID, among the key files given here ({@code --key-file},
 * {@code TREX_KEY_FILE}) and the file the run found it in (the policy's for the project, or the one it was
 * given). A file is used only when its key's ID is the release's.
 */
public final class KeyLocator {
    private final List<Path> given;
    private final Map<Path, Optional<PseudonymKey>> loaded = new LinkedHashMap<>();
    private final Map<Path, String> problems = new LinkedHashMap<>();

    public KeyLocator(List<Path> given) {
        this.given = List.copyOf(requireNonNull(given, "given is null"));
    }

    /** The key whose ID is {@code keyId}, looked for in the given files, then in {@code recorded}. */
    public Optional<PseudonymKey> find(String keyId, Path recorded) {
        requireNonNull(keyId, "keyId is null");
        requireNonNull(recorded, "recorded is null");
        List<Path> candidates = new ArrayList<>(given);
        candidates.add(recorded);
        return candidates.stream().map(this::load).flatMap(Optional::stream)
                .filter(key -> key.id().equals(keyId)).findFirst();
    }

    /** Why no key with {@code keyId} was found, naming the files looked at (never a key). */
    public String whyNot(String keyId, Path recorded) {
        List<String> reasons = new ArrayList<>();
        List<Path> candidates = new ArrayList<>(given);
        candidates.add(recorded);
        for (Path candidate : candidates) {
            Optional<PseudonymKey> key = load(candidate);
            reasons.add(key.map(k -> candidate + " holds key ID " + k.id())
                    .orElseGet(() -> candidate + ": " + problems.get(candidate.toAbsolutePath().normalize())));
        }
        return "no key with ID " + keyId + " here (" + String.join("; ", reasons) + ")";
    }

    private Optional<PseudonymKey> load(Path file) {
        Path path = file.toAbsolutePath().normalize();
        return loaded.computeIfAbsent(path, p -> {
            if (!Files.exists(p)) {
                problems.put(p, "no such file");
                return Optional.empty();
            }
            try {
                return Optional.of(PseudonymKey.fromFile(p));
            } catch (KeyException e) {
                problems.put(p, e.getMessage());
                return Optional.empty();
            }
        });
    }
}

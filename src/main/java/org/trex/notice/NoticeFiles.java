package org.trex.notice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.trex.extract.IoReasons;
import org.trex.governance.DeletionNotice;
import org.trex.governance.Release;
import org.trex.governance.ReleaseOutputKind;
import org.trex.governance.ReleaseRegister;
import org.trex.governance.ReleasedOutput;

/**
 * A deletion notice as files for the TRE operator: {@code <notice>.json} for tools and {@code <notice>.md} to read,
 * in an owner-only folder, readable by their owner only. They name people by pseudonym only.
 */
public final class NoticeFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private NoticeFiles() {
    }

    /**
     * Writes the notice's two files into {@code folder}, made owner-only if new; returns them. Each appears whole or
     * not at all: it is written beside its place under a temporary name and moved into place in one step.
     */
    public static List<Path> write(Path folder, DeletionNotice notice, LocalDate today) {
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                Files.setPosixFilePermissions(folder, OWNER_DIRECTORY);
            }
            Path json = json(folder, notice);
            Path markdown = markdown(folder, notice);
            write(json, JSON.writeValueAsString(json(notice, today)) + "\n");
            write(markdown, markdown(notice, today));
            return List.of(json, markdown);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write notice " + notice.id() + " into " + folder + ": "
                    + IoReasons.of(e), e);
        }
    }

    /** Whether both of the notice's files are in {@code folder}. */
    public static boolean present(Path folder, DeletionNotice notice) {
        return Files.isRegularFile(json(folder, notice)) && Files.isRegularFile(markdown(folder, notice));
    }

    private static Path json(Path folder, DeletionNotice notice) {
        return folder.resolve(notice.id() + ".json");
    }

    private static Path markdown(Path folder, DeletionNotice notice) {
        return folder.resolve(notice.id() + ".md");
    }

    private static void write(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_FILE));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                // on disk before the name points at it, so a crash cannot leave a whole-looking empty file
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static ObjectNode json(DeletionNotice notice, LocalDate today) {
        Release release = notice.release().release();
        ObjectNode root = JSON.createObjectNode();
        root.put("notice", notice.id());
        root.put("status", notice.status(today).name().toLowerCase(java.util.Locale.ROOT));
        root.put("issuedAt", notice.issuedAt().toString());
        root.put("asOf", notice.asOf().toString());
        root.put("dueOn", notice.dueOn().toString());
        notice.doneAt().ifPresent(at -> root.put("doneAt", at.toString()));
        notice.doneBy().ifPresent(by -> root.put("doneBy", by));
        notice.evidence().ifPresent(evidence -> root.put("doneEvidence", evidence));
        if (notice.doneAt().isPresent()) {
            ArrayNode copies = root.putArray("checkedCopies");
            notice.checkedIn().forEach(copy -> copies.add(copy.toString()));
        }
        root.put("extract", release.extractId());
        root.put("run", release.runId());
        root.put("project", release.project());
        root.put("keyId", release.keyId());
        root.put("extractPath", release.extractPath().toString());
        ArrayNode delete = root.putArray("delete");
        ArrayNode aggregates = root.putArray("aggregates");
        for (ReleasedOutput output : release.outputs()) {
            List<ReleaseRegister.Holding> held = notice.holdings(output.name());
            if (held.isEmpty()) {
                continue;
            }
            if (output.kind() == ReleaseOutputKind.RECORDS) {
                ObjectNode node = delete.addObject().put("output", output.name());
                output.personColumn().ifPresentOrElse(column -> node.put("personColumn", column),
                        () -> node.put("wholeOutput", true));
                ArrayNode rows = node.putArray("pseudonyms");
                held.forEach(h -> rows.addObject().put("pseudonym", h.pseudonym()).put("rows", h.rows()));
            } else {
                aggregates.addObject().put("output", output.name()).put("peopleCounted", held.size())
                        .put("recall", "not possible: counts already released; the next release of this spec needs a "
                                + "differencing review");
            }
        }
        if (!release.outputsOfUnknownPeople().isEmpty()) {
            release.outputsOfUnknownPeople().forEach(root.putArray("peopleUnknown")::add);
        }
        ArrayNode people = root.putArray("people");
        notice.people().forEach(p -> people.addObject().put("pseudonym", p.pseudonym()).put("source", p.source()));
        return root;
    }

    static String markdown(DeletionNotice notice, LocalDate today) {
        Release release = notice.release().release();
        StringBuilder md = new StringBuilder();
        md.append("# Deletion notice ").append(notice.id()).append("\n\n");
        md.append(notice.people().size()).append(" person(s) objected to the use of their NHS number after extract `")
                .append(release.extractId()).append("` was released.");
        if (rowsToDelete(notice)) {
            md.append(" Delete their rows below from every copy of the extract in the TRE by **")
                    .append(notice.dueOn()).append("**, then record it: `trex objections ack ").append(notice.id())
                    .append(" --by NAME --copy DIR` (once for each copy: TREx reads each and refuses while one still")
                    .append(" holds their rows; without `--copy` it is recorded on your word, unchecked).\n\n");
        } else {
            // An extract of aggregates alone holds no row of theirs: the notice is for the board's next review.
            md.append(release.outputsOfUnknownPeople().isEmpty() ? " The extract holds no row of theirs to delete"
                    : " The extract holds no row of theirs that TREx can name (but see below)").append(": they were"
                    + " counted in its aggregates, which cannot be recalled. Record that the notice was read: `trex"
                    + " objections ack ").append(notice.id())
                    .append(" --by NAME`.\n\n");
        }
        md.append("| | |\n|---|---|\n");
        md.append("| Status | ").append(notice.status(today).name().toLowerCase(java.util.Locale.ROOT)).append(" |\n");
        md.append("| Issued | ").append(notice.issuedAt()).append(" (objections in force on ").append(notice.asOf())
                .append(") |\n");
        md.append("| Due | ").append(notice.dueOn()).append(" |\n");
        notice.doneAt().ifPresent(at -> md.append("| Done | ").append(at).append(" by ")
                .append(notice.doneBy().orElseThrow()).append(", ").append(notice.evidence().orElseThrow())
                .append(" |\n"));
        md.append("| Extract | `").append(release.extractId()).append("` run `").append(release.runId())
                .append("` |\n");
        md.append("| Where | `").append(release.extractPath()).append("` |\n");
        md.append("| Project | ").append(release.project()).append(" (key ID `").append(release.keyId())
                .append("`) |\n\n");
        for (String output : release.outputsOfUnknownPeople()) {
            md.append("## `").append(output).append("`: rows no notice can name\n\n")
                    .append("It holds no pseudonym of an NHS number, and no other output of its read counted its")
                    .append(" people, so the release register does not know whom it holds: TREx cannot tell whether it")
                    .append(" holds rows of the people this notice names, nor which. With the extract's owner, decide")
                    .append(" whether to delete the whole output from every copy (`trex plan` warns of such an output")
                    .append(" before a board approves it).\n\n");
        }
        for (ReleasedOutput output : release.outputs()) {
            List<ReleaseRegister.Holding> held = notice.holdings(output.name());
            if (held.isEmpty()) {
                continue;
            }
            if (output.kind() == ReleaseOutputKind.RECORDS) {
                if (output.personColumn().isPresent()) {
                    md.append("## Delete from `").append(output.name()).append("` (rows whose `")
                            .append(output.personColumn().get()).append("` is)\n\n");
                } else {
                    long rows = held.stream().mapToLong(ReleaseRegister.Holding::rows).sum();
                    md.append("## Delete the whole of `").append(output.name()).append("`\n\nIt holds ").append(rows)
                            .append(" row(s) of these people, but no pseudonym of an NHS number to find them by:")
                            .append(" delete the output (`data/").append(output.name()).append(".csv` and `.parquet`)")
                            .append(" from every copy; `--copy` accepts a copy only without it. Should the extract's")
                            .append(" owner decide otherwise, record the notice without `--copy`.\n\n");
                }
                md.append("| pseudonym | rows |\n|---|---|\n");
                held.forEach(h ->
                        md.append("| `").append(h.pseudonym()).append("` | ").append(h.rows()).append(" |\n"));
                md.append('\n');
            } else {
                md.append("## Aggregate `").append(output.name()).append("`: cannot be recalled\n\n")
                        .append(held.size()).append(" of the people this notice names were counted in it. Its counts")
                        .append(" are already ")
                        .append("released; the next release of this spec needs a differencing review.\n\n");
            }
        }
        return md.toString();
    }

    /** Whether a record-level output of the release holds a row of someone the notice names. */
    public static boolean rowsToDelete(DeletionNotice notice) {
        return notice.release().release().outputs().stream()
                .anyMatch(o -> o.kind() == ReleaseOutputKind.RECORDS && !notice.holdings(o.name()).isEmpty());
    }
}

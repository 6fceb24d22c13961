package org.trex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.trex.extract.FileDigests;
import org.trex.extract.Manifest;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.governance.GovernanceSchema;
import org.trex.governance.AdoptedRegister;
import org.trex.governance.Approval;
import org.trex.governance.ApprovalFiles;
import org.trex.governance.Approvals;
import org.trex.governance.BoardAdoptions;
import org.trex.governance.DeletionNotices;
import org.trex.governance.NoticeStatus;
import org.trex.lineage.BirthDates;
import org.trex.lineage.ExtractVerifier;
import org.trex.lineage.SourceLoad;
import org.trex.run.CurrentFiles;
import org.trex.run.SafeMessages;
import org.trex.source.DatabaseUrl;
import org.trex.source.DatesOfBirth;
import org.trex.source.SourceSchema;
import org.trex.spec.BoardFiles;
import org.trex.spec.BoardRegister;
import org.trex.spec.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trex verify}: anyone can check an extract against its manifest, lineage and, with a database, the audit log.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check an extract directory: every file's size and SHA-256 against the manifest, no file missing "
                + "or added, the lineage events against the OpenLineage and TREx schemas, the reconciliation, no "
                + "personal identifiers outside the data files (NHS numbers, postcodes, dates of birth: with the "
                + "source any date one of its people was born on, a child's too, else adults' look-alikes; printed "
                + "as DATES OF BIRTH); the board members' signatures in approval/ against the board register, "
                + "printed as BOARD (no database needed); with a database, that its approval exists, that "
                + "the audit log recorded this run with this manifest's digest, that the governance records hold each "
                + "load its lineage names, and that the audit chain is intact; prints the loaded files (name, "
                + "SHA-256) its sources came from; lists its deletion notices not yet done. Exit 0 only when "
                + "everything holds.")
public final class VerifyCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "EXTRACT_DIR", description = "An extract directory: OUT/<extract>/<run-id>.")
    Path directory;

    @Option(names = "--board", paramLabel = "FILE",
            description = "The board register to check the approval's signatures against (default: with a database,"
                    + " the register the governance database adopted whose SHA-256 the extract's approval/"
                    + ApprovalFiles.REGISTER_DIGEST + " names, if it adopted it; else " + BoardRegister.FILE
                    + " in the current folder).")
    Path board;

    @Mixin
    DatabaseOptions database;

    @Mixin
    GovernanceOptions governance;

    @Mixin
    HostClock hostClock;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(directory)) {
            throw new CliException(ExitCode.BAD_INPUT, "Cannot verify " + directory + ": " + (Files.exists(directory)
                    ? "it is a file, expected an extract's directory" : "no such directory"));
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        // With the source, any date around the data, a child's too, counts only when it is one of its people's dates
        // of birth. A database of governance tables alone (an IG officer's) cannot say, so every old date counts, as
        // without one.
        Optional<DatabaseUrl> source = database.url().filter(SourceSchema::holdsSourceTables);
        out.println(datesOfBirthRule(database.url(), source));
        BirthDates birthDates = source.map(url -> BirthDates.inSource(dates -> DatesOfBirth.among(url, dates)))
                .orElse(BirthDates.LOOK_ALIKES);
        List<String> problems = new ArrayList<>(ExtractVerifier.verify(directory, birthDates));
        List<SourceLoad> loads = ExtractVerifier.loads(directory);
        loads.forEach(load -> out.println("LOADED FROM " + load.describe()));
        // A missing or unreadable manifest is already one of the problems; without it the run cannot be looked up.
        Optional<Manifest> manifest = readable(directory);
        Optional<DatabaseUrl> records = database.url().isPresent()
                ? Optional.of(governance.required(database)) : Optional.empty();
        records.ifPresent(GovernanceSchema::migrate);
        if (manifest.isPresent()) {
            problems.addAll(approvalProblems(manifest.get(), records, out));
        }
        String state = records.isEmpty() ? "State: published; not checked against the audit log (give --database-url)"
                : "State: not checked against the audit log: without a readable manifest its run cannot be found";
        if (records.isPresent()) {
            DatabaseUrl url = records.get();
            if (manifest.isPresent()) {
                state = checkRecords(url, manifest.get(), loads, problems, out);
            }
            new AuditLog(url).append(Actor.current(), AuditAction.VERIFY, Optional.empty(), Optional.empty(),
                    Map.of("directory", directory.toAbsolutePath().toString(), "problems", problems.size()));
        }
        // A problem may quote what was read from a file anyone could have edited: scrubbed as a library's message is.
        problems.forEach(p -> out.println(SafeMessages.line("FAIL " + p)));
        out.println(state);
        out.println(problems.isEmpty() ? "OK " + directory + ": every check holds"
                : problems.size() + " problem(s) in " + directory);
        out.flush();
        return problems.isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
    }

    /**
     * Checks the extract against the governance records (its approval, its run's end, the loads it names), prints
     * what they say of it that is no problem (an approval revoked since, open deletion notices) and returns its state.
     */
    private String checkRecords(DatabaseUrl url, Manifest manifest, List<SourceLoad> loads,
            List<String> problems, PrintWriter out) throws Exception {
        String manifestSha256 = FileDigests.sha256(directory.resolve(Manifest.FILE_NAME));
        boolean recorded = recorded(url, manifest, manifestSha256);
        List<Approval> approvals = new Approvals(url).history(manifest.extract()).stream()
                .filter(a -> a.planHash().equals(manifest.planHash())).toList();
        problems.addAll(governanceProblems(url, manifest, manifestSha256, recorded, !approvals.isEmpty()));
        // Revoked since: the extract was made under an approval in force, so it verifies, but the board that revoked
        // it would want each reader told.
        approvals.forEach(a -> a.revocation().ifPresent(r -> out.println(SafeMessages.line("NOTE approval "
                + a.reference() + " of this plan was revoked by " + r.by() + " at " + r.at() + " (" + r.reason()
                + "): ask the board whether this extract may still be used"))));
        problems.addAll(loadProblems(url, loads));
        // Overdue or open by the records' date, whatever this host's clock says: verifying is never refused for it.
        Clock clock = hostClock.databaseTime(url);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        // Open deletion notices do not make the extract fail verification; they say what must still be deleted.
        new DeletionNotices(url, clock).forRun(manifest.runId().toString()).stream()
                .filter(n -> n.status(today) != NoticeStatus.DONE)
                .forEach(n -> out.println("NOTICE " + ObjectionsCommand.line(n, n.status(today))));
        return recorded ? "State: published and recorded (the audit log has this run's successful end)"
                : "State: published but not recorded (the audit log has no successful end of run " + manifest.runId()
                        + "): do not release it; the run was stopped between publishing and recording, or the "
                        + "extract was copied from elsewhere";
    }

    private static Optional<Manifest> readable(Path directory) {
        if (!Files.isRegularFile(directory.resolve(Manifest.FILE_NAME))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Manifest.read(directory));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Which rule the date-of-birth check used: a child's date of birth passes the look-alike rule unseen. */
    private static String datesOfBirthRule(Optional<DatabaseUrl> given, Optional<DatabaseUrl> source) {
        if (source.isPresent()) {
            return "DATES OF BIRTH: looked up in the source " + source.get().redacted()
                    + ", every whole date the lineage does not declare as the run's own";
        }
        return "DATES OF BIRTH: looked for as look-alikes, not in the source: "
                + given.map(url -> url.redacted() + " holds no source tables").orElse("no --database-url")
                + "; only whole dates " + BirthDates.ADULT_YEARS + " years or more before the run's as-of date count,"
                + " so a child's is not found";
    }

    /**
     * The approval kept in the extract, re-checked against the board register alone: the one given, else the one
     * the governance database adopted that the extract names, else the file in the current folder.
     */
    private List<String> approvalProblems(Manifest manifest, Optional<DatabaseUrl> records, PrintWriter out)
            throws IOException {
        Optional<String> named = ApprovalFiles.registerSha256(directory);
        Optional<AdoptedRegister> adopted = board != null || named.isEmpty() ? Optional.empty()
                : records.flatMap(url -> new BoardAdoptions(url, Clock.systemUTC()).adopted(named.get()));
        if (adopted.isPresent()) {
            out.println(SafeMessages.line("BOARD adopted register SHA-256 " + adopted.get().sha256() + " ("
                    + adopted.get().describe() + ")"));
            return ApprovalFiles.verify(directory, adopted.get().register(), manifest.extract(),
                    manifest.planHash());
        }
        Path file = board != null ? board : Path.of(BoardRegister.FILE);
        // Said when the database was asked, so a mismatch below is not blamed on the wrong register.
        String notAdopted = board == null && records.isPresent() && named.isPresent()
                ? " (the governance database adopted no register of SHA-256 " + named.get() + ", the one the"
                        + " extract names)" : "";
        BoardRegister register;
        try {
            register = BoardFiles.load(file);
        } catch (SpecException e) {
            out.println("BOARD " + file + " unusable" + notAdopted);
            return List.of("Cannot verify approval of " + manifest.extract() + ": the board register is unusable: "
                    + e.getMessage().replace('\n', ' ') + "; " + ApprovalFiles.WHICH_REGISTER);
        }
        out.println("BOARD " + file + " SHA-256 " + register.sha256() + notAdopted);
        return ApprovalFiles.verify(directory, register, manifest.extract(), manifest.planHash());
    }

    private static List<String> governanceProblems(DatabaseUrl url, Manifest manifest, String manifestSha256,
            boolean recorded, boolean approved) {
        List<String> problems = new ArrayList<>();
        if (!approved) {
            problems.add("Cannot verify approval of " + manifest.extract() + ": no approval of plan hash "
                    + manifest.planHash());
        }
        AuditLog audit = new AuditLog(url);
        if (!recorded) {
            problems.add("Cannot verify run " + manifest.runId()
                    + ": the audit log has no successful end of this run with manifest SHA-256 "
                    + manifestSha256);
        }
        audit.verify().forEach(p -> problems.add("Cannot verify audit log: " + p.message()));
        return problems;
    }

    /**
     * Each file the lineage names as loaded must be in the governance record of loads, into the same source and, where
     * the lineage says whose LA code its rows were held to, held to the same.
     */
    private static List<String> loadProblems(DatabaseUrl url, List<SourceLoad> loads) {
        List<String> problems = new ArrayList<>();
        for (SourceLoad load : CurrentFiles.unrecorded(loads, url)) {
            problems.add("Cannot verify load of " + load.fileName() + ": the governance records hold no load of"
                    + " SHA-256 " + load.sha256() + " into " + load.source() + " period " + load.period()
                    + load.council().map(check -> check.heldTo().map(code -> " held to the council's LA code " + code)
                            .orElse(" without the council's LA code")).orElse(""));
        }
        return problems;
    }

    /** Whether the audit log holds this run's successful end with this manifest's digest. */
    private static boolean recorded(DatabaseUrl url, Manifest manifest, String manifestSha256) throws Exception {
        boolean recorded = false;
        for (AuditEntry entry : new AuditLog(url).list(Optional.empty())) {
            if (entry.action() == AuditAction.RUN_END
                    && entry.runId().equals(Optional.of(manifest.runId().toString()))) {
                JsonNode details = JSON.readTree(entry.details());
                recorded |= manifestSha256.equals(details.path("manifestSha256").asText());
            }
        }
        return recorded;
    }
}

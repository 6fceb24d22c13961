package org.trex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.trex.governance.CheckedCopy;
import org.trex.governance.DeletionNotice;
import org.trex.governance.DeletionNotices;
import org.trex.governance.GovernanceSchema;
import org.trex.governance.NoticeStatus;
import org.trex.governance.ReleaseOutputKind;
import org.trex.notice.CopyCheck;
import org.trex.notice.KeyLocator;
import org.trex.notice.NoticeFiles;
import org.trex.notice.NoticeRound;
import org.trex.notice.ObjectionNotices;
import org.trex.notice.Unresolved;
import org.trex.optout.AllowListDrops;
import org.trex.optout.LocalObjections;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceSchema;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trex objections}: deletion notices for released extracts that hold people who objected since. */
@Command(name = "objections", mixinStandardHelpOptions = true,
        description = "Deletion notices: which released extracts hold people who objected after the release, what the "
                + "TRE must delete and by when, and whether it was done.",
        subcommands = {ObjectionsCommand.Notices.class, ObjectionsCommand.Ack.class, ObjectionsCommand.Status.class})
public final class ObjectionsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.BAD_INPUT;
    }

    /** Today in UTC, as notices' due dates are counted. */
    private static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** {@code trex objections notices}. */
    @Command(name = "notices", mixinStandardHelpOptions = true,
            description = "For everyone whose local objection is in force on the as-of date, and, for releases the "
                    + "national data opt-out applied to, every number that dropped off the allow list since, find "
                    + "every released extract that holds them (by their pseudonym under the extract's project key, "
                    + "from the release register) and issue one deletion notice per extract for the people no notice "
                    + "to it names yet: DIR/<notice>.json and .md, and an audit entry. Releases whose key is not here "
                    + "are listed as unresolved (exit 1).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every release was checked", "1:some releases could not be checked (no key here)",
                "2:bad input"})
    static final class Notices implements Callable<Integer> {
        @Option(names = "--as-of", paramLabel = "DATE",
                description = "Objections in force on this date (default: today).")
        LocalDate asOf;

        @Option(names = "--out", defaultValue = "notices", paramLabel = "DIR",
                description = "Where notice files go (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--key-file", paramLabel = "FILE",
                description = "A project key file to try (repeatable); also $TREX_KEY_FILE and the file each run used.")
        List<Path> keyFiles = new ArrayList<>();

        @Mixin
        DatabaseOptions database;

        @Mixin
        GovernanceOptions governance;

        @Mixin
        HostClock hostClock;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            DatabaseUrl source = database.required();
            DatabaseUrl records = governance.required(database);
            // A notice's due date counts from its issue: a host's clock set back would shorten the time to delete.
            Clock clock = hostClock.onDatabaseTime(records, "issue deletion notices");
            SourceSchema.requireCurrent(source, "issue deletion notices");
            GovernanceSchema.migrate(records);
            List<Path> keys = new ArrayList<>(keyFiles);
            String environmentKey = System.getenv("TREX_KEY_FILE");
            if (environmentKey != null && !environmentKey.isBlank()) {
                keys.add(Path.of(environmentKey));
            }
            LocalDate date = asOf != null ? asOf : today(clock);
            NoticeRound round = issue(source, records, keys, date, out, clock);
            print(spec.commandLine().getOut(), round, date, out);
            return round.unresolved().isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
        }
    }

    /** {@code trex objections ack}. */
    @Command(name = "ack", mixinStandardHelpOptions = true,
            description = "Record that the TRE deleted what a notice names (audit entry); rewrites its files in --out. "
                    + "Each --copy is read first (manifest.json, data/<output>.csv and .parquet): the acknowledgement "
                    + "is refused while one still holds a row of anyone the notice names, and the files checked (with "
                    + "their SHA-256 and rows) go in the audit entry. Without --copy it is recorded on the operator's "
                    + "word, unchecked, and the notice says so.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:recorded done", "1:a copy still holds rows the notice names, or more rows than the "
                + "release less them", "2:bad input (no such notice, already done, a folder that is not a copy of "
                + "the notice's release)"})
    static final class Ack implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NOTICE", description = "The notice ID, such as DN-000001.")
        String notice;

        @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who deleted the rows.")
        String by;

        @Option(names = "--copy", paramLabel = "DIR",
                description = "A copy of the released extract as the TRE holds it, with the rows deleted (repeatable: "
                        + "every copy); each is checked before the notice is recorded done.")
        List<Path> copies = new ArrayList<>();

        @Option(names = "--out", defaultValue = "notices", paramLabel = "DIR",
                description = "Where notice files go (default: ${DEFAULT-VALUE}).")
        Path out;

        @Mixin
        DatabaseOptions database;

        @Mixin
        GovernanceOptions governance;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        HostClock hostClock;

        @Override
        public Integer call() {
            DatabaseUrl records = governance.required(database);
            Clock clock = hostClock.onDatabaseTime(records, "acknowledge notice " + notice);
            GovernanceSchema.migrate(records);
            acknowledge(records, notice, by, copies, out, spec.commandLine().getOut(), clock);
            return ExitCode.OK;
        }
    }

    /** {@code trex objections status}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "List deletion notices: open, overdue and done. Exit 6 when any is overdue, for a "
                    + "scheduler's alert.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:no notice is overdue", "2:bad input", "6:a notice is overdue"})
    static final class Status implements Callable<Integer> {
        @Option(names = "--as-of", paramLabel = "DATE", description = "Judge overdue on this date (default: today).")
        LocalDate asOf;

        @Mixin
        DatabaseOptions database;

        @Mixin
        GovernanceOptions governance;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        HostClock hostClock;

        @Override
        public Integer call() {
            DatabaseUrl records = governance.required(database);
            // A host whose clock was set back would show an overdue notice as open, and exit 0 to the alert.
            Clock clock = hostClock.onDatabaseTime(records, "list the deletion notices");
            GovernanceSchema.migrate(records);
            LocalDate date = asOf != null ? asOf : today(clock);
            long overdue = status(records, date, spec.commandLine().getOut());
            return overdue > 0 ? ExitCode.NOTICES_OVERDUE : ExitCode.OK;
        }
    }

    /**
     * Issues the notices due on {@code date} for local objections and numbers off the allow list, trying the
     * {@code keys} and each release's own key file; {@code trex objections notices} and {@code trex demo} share it.
     */
    static NoticeRound issue(DatabaseUrl source, DatabaseUrl records, List<Path> keys, LocalDate date, Path out,
            Clock clock) {
        return new ObjectionNotices(records, List.of(new LocalObjections(source), new AllowListDrops(source)),
                new KeyLocator(keys), clock).issue(date, out, Actor.current());
    }

    /** What a round of notices issued and could not check, one line each. */
    static void print(PrintWriter printer, NoticeRound round, LocalDate date, Path out) {
        NoticeRound.Found found = round.found();
        if (round.releasesChecked() == 0) {
            printer.println("No release checked for objections in force on " + date
                    + (round.unresolved().isEmpty() ? ": none is registered" : ": see UNRESOLVED below"));
        } else {
            printer.println("In force on " + date + ", for the " + round.releasesChecked() + " release(s) checked: "
                    + found.objecting() + " person(s) with a local objection, " + found.optedOut()
                    + " off the national data opt-out list" + (found.withoutValidNumber() > 0 ? " ("
                    + found.withoutValidNumber() + " more objections without a valid NHS number: no extract holds "
                    + "them)" : ""));
        }
        for (DeletionNotice notice : round.issued()) {
            printer.println("ISSUED " + notice.id() + " to " + notice.release().release().extractId() + " run "
                    + notice.release().release().runId() + ": " + notice.people().size()
                    + (NoticeFiles.rowsToDelete(notice) ? " pseudonym(s) to delete," : " person(s) counted in its"
                            + " aggregates alone, no row to delete,")
                    + " due " + notice.dueOn() + " -> " + out.resolve(notice.id() + ".md") + ", "
                    + out.resolve(notice.id() + ".json"));
        }
        for (DeletionNotice notice : round.rewritten()) {
            printer.println("REWRITTEN " + notice.id() + " (issued " + notice.issuedAt() + ", its files were missing)"
                    + " -> " + out.resolve(notice.id() + ".md") + ", " + out.resolve(notice.id() + ".json"));
        }
        if (round.issued().isEmpty()) {
            // Nothing checked says nothing of who the releases hold: the UNRESOLVED lines say why.
            printer.println(round.unresolved().isEmpty()
                    ? "No new notice: no released extract holds an objector that no notice names yet"
                    : "No new notice from the releases checked; the releases UNRESOLVED below were not checked");
        }
        for (Unresolved unresolved : round.unresolved()) {
            printer.println("UNRESOLVED project " + unresolved.project() + " (key ID " + unresolved.keyId() + "): "
                    + unresolved.runs().size() + " release(s) not checked " + unresolved.runs() + ": "
                    + unresolved.why());
        }
        printer.flush();
    }

    /**
     * Checks each of {@code copies} against the notice, records it done by {@code by} with what was checked (none: on
     * the operator's word), rewrites its files in {@code out} and says so.
     */
    static DeletionNotice acknowledge(DatabaseUrl records, String notice, String by, List<Path> copies, Path out,
            PrintWriter printer, Clock clock) {
        DeletionNotices notices = new DeletionNotices(records, clock);
        Optional<DeletionNotice> open;
        try {
            open = notices.find(notice).filter(found -> found.doneAt().isEmpty());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.BAD_INPUT, e.getMessage(), e);
        }
        // The files the TRE works from must say done; ones written afresh elsewhere would leave them saying open.
        open.filter(found -> !NoticeFiles.present(out, found)).ifPresent(found -> {
            throw new CliException(ExitCode.BAD_INPUT, "Cannot acknowledge notice " + notice + ": its files ("
                    + notice + ".md, " + notice + ".json) are not in " + out + "; give --out the folder trex"
                    + " objections notices wrote them to, so that they say done (it writes them again there"
                    + " if they were lost)");
        });
        List<CheckedCopy> checked = new ArrayList<>();
        if (open.isPresent()) {
            for (Path copy : copies) {
                CheckedCopy read = check(open.get(), copy);
                checked.add(read);
                printer.println("CHECKED " + read.folder() + ": " + Stream.concat(read.files().stream()
                        .map(f -> f.path() + " " + f.rows() + " rows"), read.deletedWhole().stream()
                        .map(output -> output + " deleted whole")).collect(Collectors.joining(", "))
                        + "; no row of anyone " + notice + " names");
            }
        }
        DeletionNotice done;
        try {
            done = notices.acknowledge(notice, by, checked, Actor.current());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.BAD_INPUT, e.getMessage(), e);
        }
        NoticeFiles.write(out, done, today(clock));
        printer.println("DONE " + done.id() + " (" + done.release().release().extractId() + " run "
                + done.release().release().runId() + ") by " + by + " at " + done.doneAt().orElseThrow() + ", "
                + done.evidence().orElseThrow()
                + (checked.isEmpty() && !done.outputs(ReleaseOutputKind.RECORDS).isEmpty()
                        ? " (give --copy DIR for each copy of the extract to have TREx check it)" : ""));
        printer.flush();
        return done;
    }

    private static CheckedCopy check(DeletionNotice notice, Path copy) {
        try {
            return CopyCheck.check(notice, copy);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.BAD_INPUT, e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new CliException(ExitCode.FAILURE, e.getMessage(), e);
        }
    }

    /** Lists every notice with its status on {@code date} and a summary line; returns how many are overdue. */
    static long status(DatabaseUrl records, LocalDate date, PrintWriter printer) {
        List<DeletionNotice> notices = new DeletionNotices(records, Clock.systemUTC()).all();
        long overdue = 0;
        for (DeletionNotice notice : notices) {
            NoticeStatus status = notice.status(date);
            overdue += status == NoticeStatus.OVERDUE ? 1 : 0;
            printer.println(line(notice, status));
        }
        printer.println(notices.size() + " notice(s) on " + date + ": "
                + notices.stream().filter(n -> n.status(date) == NoticeStatus.OPEN).count() + " open, " + overdue
                + " overdue, " + notices.stream().filter(n -> n.status(date) == NoticeStatus.DONE).count() + " done");
        printer.flush();
        return overdue;
    }

    /** One notice on one line, as status and verify list them. */
    static String line(DeletionNotice notice, NoticeStatus status) {
        StringBuilder line = new StringBuilder(String.format("%-8s %s %s run %s: %d people, due %s",
                status.name().toUpperCase(Locale.ROOT), notice.id(), notice.release().release().extractId(),
                notice.release().release().runId(), notice.people().size(), notice.dueOn()));
        notice.doneAt().ifPresent(at -> line.append(", done ").append(at).append(" by ")
                .append(notice.doneBy().orElseThrow()).append(", ").append(notice.evidence().orElseThrow()));
        List<String> aggregates = notice.outputs(ReleaseOutputKind.AGGREGATE);
        if (!aggregates.isEmpty()) {
            line.append("; counted in aggregates ").append(aggregates).append(" (cannot be recalled)");
        }
        List<String> unnamed = notice.release().release().outputsOfUnknownPeople();
        if (!unnamed.isEmpty()) {
            line.append("; rows no notice can name in ").append(unnamed).append(" (no person column)");
        }
        return line.toString();
    }
}

package org.trex.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.governance.GovernanceSchema;
import org.trex.optout.AllowListQueries;
import org.trex.optout.AllowLists;
import org.trex.optout.NationalCheckFile;
import org.trex.plan.ExtractPlan;
import org.trex.plan.OutputPlan;
import org.trex.plan.Planner;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.source.SourceSchema;
import org.trex.source.SqlText;
import org.trex.spec.LoadedSpec;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trex optouts}: the national data opt-out check as NHS England's service works. {@code request} writes the
 * file to send over MESH; {@code load} loads the allow list that comes back.
 */
@Command(name = "optouts", mixinStandardHelpOptions = true,
        description = "The national data opt-out check with NHS England's Check for National Data Opt-outs service: "
                + "write the request file to send over MESH, then load the allow list it returns.",
        subcommands = {OptOutsCommand.Request.class, OptOutsCommand.Load.class})
public final class OptOutsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        commandSpec.commandLine().usage(commandSpec.commandLine().getOut());
        return ExitCode.BAD_INPUT;
    }

    /** {@code trex optouts request}. */
    @Command(name = "request", mixinStandardHelpOptions = true,
            description = "Write the request file for the Check for National Data Opt-outs service: one NHS number per "
                    + "line followed by a comma, LF line endings, normalised, valid numbers only, each once; readable "
                    + "by its owner only. Prints the count and the file's SHA-256 and records the request in the audit "
                    + "log (never the numbers).")
    static final class Request implements Callable<Integer> {
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The request file to write.")
        Path out;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Scope scope;

        @Option(names = "--as-of", paramLabel = "DATE",
                description = "With --spec: the date the cohort is as of (default: today).")
        LocalDate asOf;

        @Mixin
        DatabaseOptions database;

        @Mixin
        GovernanceOptions governance;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec commandSpec;

        /** Whose numbers to send. */
        static final class Scope {
            @Option(names = "--spec", paramLabel = "SPEC", description = "Only the numbers of this extract's cohort.")
            Path spec;

            @Option(names = "--all", description = "Every valid NHS number in the source.")
            boolean all;
        }

        @Mixin
        HostClock hostClock;

        @Override
        public Integer call() {
            DatabaseUrl source = database.required();
            DatabaseUrl governanceUrl = governance.required(database);
            Clock clock = hostClock.onDatabaseTime(governanceUrl, "write the opt-out request");
            LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
            Optional<LoadedSpec> spec = Optional.ofNullable(scope.spec).map(Specs::load);
            // A request reads the source and changes nothing in it: a database never loaded, or loaded by another
            // TREx, is refused rather than given the schema, which would send an empty request.
            SourceSchema.requireCurrent(source, "write the opt-out request");
            List<String> raw = spec.map(s -> {
                ExtractPlan plan = new Planner(SourceCatalog.standard(), clock).plan(s, date);
                return AllowLists.rawNumbers(source, plan.cohortSql(), OutputPlan.NHS_NUMBER);
            }).orElseGet(() -> AllowLists.rawNumbers(source,
                    SqlText.inlined(AllowLists.everySourceNumber(SourceCatalog.standard())),
                    AllowListQueries.NHS_NUMBER));
            NationalCheckFile request = NationalCheckFile.writeRequest(out, raw);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("file", out.toAbsolutePath().toString());
            details.put("scope", spec.map(s -> "cohort of " + s.spec().value().id() + " as of " + date).orElse("all"));
            details.put("numbers", request.count());
            details.put("sha256", request.sha256());
            GovernanceSchema.migrate(governanceUrl);
            new AuditLog(governanceUrl, clock).append(Actor.current(), AuditAction.OPT_OUT_REQUEST,
                    spec.map(s -> s.spec().value().id()), Optional.empty(), details);
            PrintWriter printer = commandSpec.commandLine().getOut();
            printer.printf("Wrote %,d NHS numbers to %s%nSHA-256: %s%n", request.count(), out, request.sha256());
            printer.printf("Send it over MESH to NHS England's Check for National Data Opt-outs service, then load the "
                    + "answer: trex optouts load RESPONSE --list-date DATE --request %s%n", out);
            printer.flush();
            return ExitCode.OK;
        }
    }

    /** {@code trex optouts load}. */
    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Load the allow list the Check for National Data Opt-outs service returned: every line is "
                    + "checked (file:line: Cannot ... when malformed, invalid, or, with --request, not sent); the list "
                    + "for that date is replaced in one transaction; the audit log records the counts.")
    static final class Load implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RESPONSE", description = "The response file (the allow list).")
        Path response;

        @Option(names = "--list-date", required = true, paramLabel = "DATE",
                description = "The date of the check: runs as of a date use the newest list on or before it.")
        LocalDate listDate;

        @Option(names = "--request", paramLabel = "FILE",
                description = "The request file that was sent: every returned number must be in it.")
        Path request;

        @Option(names = "--all-allowed",
                description = "Confirm that the service returned every number sent: without it, a response that "
                        + "holds every number of its request, or is a request file TREx wrote, is refused as the "
                        + "request loaded by mistake (it would count everyone who opted out as allowed).")
        boolean allAllowed;

        @Mixin
        DatabaseOptions database;

        @Mixin
        GovernanceOptions governance;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec commandSpec;

        @Mixin
        HostClock hostClock;

        @Override
        public Integer call() {
            DatabaseUrl source = database.required();
            DatabaseUrl governanceUrl = governance.required(database);
            // A list's age decides whether runs may use it: a host whose clock runs ahead would take a list dated
            // days to come, which would then pass for current until long after it went stale.
            Clock clock = hostClock.onDatabaseTime(governanceUrl, "load the allow list of " + listDate);
            if (listDate.isAfter(LocalDate.now(clock))) {
                throw new CliException(ExitCode.BAD_INPUT, "Cannot load the allow list of " + listDate
                        + ": the date is in the future (give the date of the check)");
            }
            SourceSchema.migrate(source);
            GovernanceSchema.migrate(governanceUrl);
            Optional<NationalCheckFile> sent = Optional.ofNullable(request)
                    .map(r -> NationalCheckFile.read(r, Optional.empty()));
            NationalCheckFile answer = NationalCheckFile.read(response, sent);
            if (!allAllowed) {
                refuseARequest(answer, sent, new AuditLog(governanceUrl, clock));
            }
            AllowLists.Loaded loaded = AllowLists.load(source, listDate, answer, sent, clock);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("listDate", listDate.toString());
            details.put("responseFile", response.toAbsolutePath().toString());
            details.put("responseSha256", loaded.responseSha256());
            details.put("numbersReturned", loaded.numbersReturned());
            loaded.numbersSent().ifPresent(n -> details.put("numbersSent", n));
            loaded.requestSha256().ifPresent(sha -> details.put("requestSha256", sha));
            details.put("numbersReplaced", loaded.replacedNumbers());
            if (allAllowed) {
                details.put("allAllowedConfirmed", true);
            }
            new AuditLog(governanceUrl, clock).append(Actor.current(), AuditAction.OPT_OUT_LOAD, Optional.empty(),
                    Optional.empty(), details);
            PrintWriter printer = commandSpec.commandLine().getOut();
            printer.printf("Loaded the national data opt-out allow list of %s: %,d numbers%s%s%n", listDate,
                    loaded.numbersReturned(),
                    loaded.numbersSent().map(n -> String.format(" of %,d sent", n)).orElse(""),
                    loaded.replacedNumbers() > 0 ? String.format(" (replaced a list of %,d)", loaded.replacedNumbers())
                            : "");
            printer.flush();
            return ExitCode.OK;
        }

        /**
         * The service's answer leaves out everyone who opted out, so an answer holding every number sent is nearly
         * always the request itself, loaded by mistake: it would let every opted-out person through.
         */
        private void refuseARequest(NationalCheckFile answer, Optional<NationalCheckFile> sent, AuditLog audit) {
            String cannot = "Cannot load the allow list of " + listDate + " from " + response + ": ";
            String unless = " (the service's answer leaves out everyone who opted out); if the service did return "
                    + "every number sent, load it with --all-allowed";
            if (sent.isPresent() && sent.get().count() == answer.count()) {
                throw new CliException(ExitCode.BAD_INPUT, cannot + "it holds every number of the request "
                        + sent.get().path() + " (" + answer.count() + "): is it the request file?" + unless);
            }
            Optional<AuditEntry> written = audit.list(AuditAction.OPT_OUT_REQUEST).stream()
                    .filter(e -> answer.sha256().equals(requestDigest(e)))
                    .findFirst();
            if (written.isPresent()) {
                throw new CliException(ExitCode.BAD_INPUT, cannot + "it is the request file TREx wrote at "
                        + written.get().at() + " (SHA-256 " + answer.sha256() + "), not the service's answer" + unless);
            }
        }

        private static String requestDigest(AuditEntry request) {
            try {
                return JSON.readTree(request.details()).path("sha256").asText();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot read the audit entry " + request.seq() + ": its details are "
                        + "not JSON", e);
            }
        }
    }
}
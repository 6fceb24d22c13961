package org.trex.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditLog;
import org.trex.governance.CronSchedule;
import org.trex.governance.DeletionNotices;
import org.trex.governance.GovernanceSchema;
import org.trex.plan.DifferencingReview;
import org.trex.plan.ExtractPlan;
import org.trex.linkage.LinkageSection;
import org.trex.plan.LinkageQueries;
import org.trex.plan.PlanCounts;
import org.trex.plan.PlanFormat;
import org.trex.plan.PlanReport;
import org.trex.plan.Planner;
import org.trex.run.Futures;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.source.SourceSchema;
import org.trex.spec.BoardFiles;
import org.trex.spec.BoardRegister;
import org.trex.spec.LoadedSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trex plan}: what will leave, in what form, from which SQL, and (with a database) for how many people. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what an extract will contain before it runs: outputs, fields and forms, policy checks, "
                + "the SQL jOOQ renders, and with a database the cohort and who would be left out. Prints the plan "
                + "hash a board approves.")
public final class PlanCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "Extract spec YAML file.")
    Path specFile;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, markdown or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Date the counts are taken as of (default: today).")
    LocalDate asOf;

    @Mixin
    DatabaseOptions database;

    @Mixin
    GovernanceOptions governance;

    @Mixin
    HostClock hostClock;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        PlanFormat planFormat = switch (format) {
            case "text" -> PlanFormat.TEXT;
            case "markdown" -> PlanFormat.MARKDOWN;
            case "json" -> PlanFormat.JSON;
            default -> throw new CliException(ExitCode.BAD_INPUT,
                    "Cannot render plan as " + format + ": use text, markdown or json");
        };
        LoadedSpec spec = Specs.load(specFile);
        BoardRegister board = BoardFiles.forSpec(specFile);
        Optional<DatabaseUrl> url = database.url();
        // With a database, today (the as-of date by default, the day opt-outs are checked on) and the PLAN entry's
        // time are the database's, as the run's will be.
        Clock clock = url.map(u -> hostClock.onDatabaseTime(governance.required(database), "plan " + specFile))
                .orElse(hostClock.host);
        ExtractPlan plan = new Planner(SourceCatalog.standard(), clock).plan(spec, board,
                asOf == null ? LocalDate.now(clock) : asOf);
        url.ifPresent(u -> SourceSchema.requireCurrent(u, "count the cohort of extract " + plan.spec().id()));
        Optional<LocalDate> scheduledRun = plan.spec().schedule()
                .flatMap(cron -> new CronSchedule(cron).firstRunOnOrAfter(plan.asOf()));
        // The linkage section on a session of its own while the cohort is counted: each is mostly PostgreSQL's work.
        CompletableFuture<Optional<LinkageSection>> linkageCounted = CompletableFuture.supplyAsync(
                () -> url.map(u -> new LinkageQueries(SourceCatalog.standard()).section(plan, u)));
        Optional<PlanCounts> counts = url.map(u -> PlanCounts.count(plan, u, scheduledRun));
        Optional<LinkageSection> linkage = Futures.joined(linkageCounted);
        Optional<DatabaseUrl> governanceUrl = url.map(u -> governance.required(database));
        governanceUrl.ifPresent(GovernanceSchema::migrate);
        Optional<List<DifferencingReview>> reviews = governanceUrl.map(u -> new DeletionNotices(u, clock)
                .differencingReviews(plan.spec().id()));
        commandSpec.commandLine().getOut().print(TerminalText.safe(PlanReport.render(plan, counts, linkage, reviews,
                planFormat)));
        commandSpec.commandLine().getOut().flush();
        if (governanceUrl.isPresent()) {
            new AuditLog(governanceUrl.get(), clock).append(Actor.current(), AuditAction.PLAN,
                    Optional.of(plan.spec().id()), Optional.empty(),
                    Map.of("specVersion", plan.spec().version(), "planHash", plan.planHash(),
                            "asOf", plan.asOf().toString()));
        }
        return ExitCode.OK;
    }
}

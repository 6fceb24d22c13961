package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.trex.extract.BuildInfo;
import org.trex.linkage.LinkageSection;

/**
 * Everything the lineage of one extract run records, filled by the run and turned into OpenLineage events,
 * reports and the manifest. Before the data is read (for the START event) sources may have zero rows,
 * exclusions and outputs may be empty, and there is no linkage and exclusions section yet.
 */
public record LineageRun(
        UUID runId,
        String jobNamespace,
        String jobName,
        Instant startedAt,
        LocalDate asOf,
        Optional<ParentRun> parent,
        SpecIdentity spec,
        PolicyIdentity policy,
        String planHash,
        Optional<ApprovalRecord> approval,
        KeyIdentity key,
        BuildInfo build,
        String sparkVersion,
        SortedMap<String, String> parameters,
        List<Source> sources,
        List<Exclusion> exclusions,
        List<Output> outputs,
        Optional<LinkageSection> linkage,
        List<SourceLoad> loads) {

    /** The OpenLineage job namespace of every TREx extract. */
    public static final String NAMESPACE = "trex";

    public LineageRun {
        requireNonNull(runId, "runId is null");
        LineageChecks.requireText(jobNamespace, "jobNamespace");
        LineageChecks.requireText(jobName, "jobName");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(parent, "parent is null");
        requireNonNull(spec, "spec is null");
        requireNonNull(policy, "policy is null");
        LineageChecks.requireText(planHash, "planHash");
        requireNonNull(approval, "approval is null");
        requireNonNull(key, "key is null");
        requireNonNull(build, "build is null");
        LineageChecks.requireText(sparkVersion, "sparkVersion");
        parameters = new TreeMap<>(requireNonNull(parameters, "parameters is null"));
        sources = List.copyOf(requireNonNull(sources, "sources is null"));
        exclusions = List.copyOf(requireNonNull(exclusions, "exclusions is null"));
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        requireNonNull(linkage, "linkage is null");
        loads = List.copyOf(requireNonNull(loads, "loads is null"));
        requireUnique(sources.stream().map(s -> s.namespace() + "/" + s.name()).toList(), "source");
        requireUnique(exclusions.stream().map(Exclusion::reason).toList(), "exclusion reason");
        requireUnique(outputs.stream().map(Output::name).toList(), "output");
        requireUnique(outputs.stream().flatMap(o -> o.files().stream()).map(OutputFile::path).toList(),
                "output file");
    }

    /** A run of the extract with the usual job namespace, named after the spec's id. */
    public static LineageRun of(
            UUID runId,
            Instant startedAt,
            LocalDate asOf,
            Optional<ParentRun> parent,
            SpecIdentity spec,
            PolicyIdentity policy,
            String planHash,
            Optional<ApprovalRecord> approval,
            KeyIdentity key,
            BuildInfo build,
            String sparkVersion,
            Map<String, String> parameters,
            List<Source> sources,
            List<Exclusion> exclusions,
            List<Output> outputs) {
        return new LineageRun(runId, NAMESPACE, spec.id(), startedAt, asOf, parent, spec, policy, planHash,
                approval, key, build, sparkVersion, new TreeMap<>(parameters), sources, exclusions, outputs,
                Optional.empty(), List.of());
    }

    /** The same run naming the loaded files its sources' rows came from. */
    public LineageRun withLoads(List<SourceLoad> loadedFiles) {
        return new LineageRun(runId, jobNamespace, jobName, startedAt, asOf, parent, spec, policy, planHash,
                approval, key, build, sparkVersion, parameters, sources, exclusions, outputs, linkage,
                loadedFiles);
    }

    /**
     * The same run with what the finished run knows: rows read, exclusions, outputs, and who the linkage and the
     * exclusions miss.
     */
    public LineageRun finished(List<Source> readSources, List<Exclusion> leftOut, List<Output> written,
            LinkageSection missed) {
        return new LineageRun(runId, jobNamespace, jobName, startedAt, asOf, parent, spec, policy, planHash,
                approval, key, build, sparkVersion, parameters, readSources, leftOut, written,
                Optional.of(requireNonNull(missed, "missed is null")), loads);
    }

    /**
     * Rows read by all outputs together: a table that several outputs read is counted once for each, and a table they
     * only join to or look up not at all.
     */
    public long rowsRead() {
        return sources.stream().mapToLong(source -> source.rowsRead().orElse(0)).sum();
    }

    private static void requireUnique(List<String> names, String what) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("Cannot describe lineage: " + what + " " + name + " appears twice");
            }
        }
    }
}

package org.trex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trex.source.SourceCatalog;
import org.trex.spec.ExtractSpec;
import org.trex.spec.LoadedSpec;
import org.trex.spec.Policy;
import org.trex.spec.SpecDocument;
import org.trex.spec.SpecException;
import org.trex.spec.SpecFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code trex validate FILE...}: checks extract specs and policies, each spec under its policy. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks extract specs and policies: the YAML, each spec against its policy and the source catalog.",
            "A spec's policy is the one given among FILE with the id it names, else policies/<id>.yaml next to"
                    + " the spec's folder.",
            "Prints OK <file> or one line file:line:column: message per problem."
        })
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Extract spec or policy YAML files.")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        PrintWriter out = commandSpec.commandLine().getOut();
        Map<String, SpecDocument<Policy>> givenPolicies = new HashMap<>();
        List<Path> specs = new ArrayList<>();
        int invalid = 0;
        for (Path file : files) {
            try {
                if (SpecFiles.kind(file) == SpecFiles.Kind.POLICY) {
                    SpecDocument<Policy> policy = SpecFiles.loadPolicy(file);
                    givenPolicies.put(policy.value().id(), policy);
                    out.println("OK " + file);
                } else {
                    specs.add(file);
                }
            } catch (SpecException e) {
                e.problems().forEach(out::println);
                invalid++;
            }
        }
        for (Path file : specs) {
            try {
                SpecDocument<ExtractSpec> spec = SpecFiles.loadSpec(file);
                SpecDocument<Policy> policy = givenPolicies.get(spec.value().policy());
                if (policy == null) {
                    LoadedSpec.load(spec, SourceCatalog.standard());
                } else {
                    LoadedSpec.load(spec, policy, SourceCatalog.standard());
                }
                out.println("OK " + file);
            } catch (SpecException e) {
                e.problems().forEach(out::println);
                invalid++;
            }
        }
        out.flush();
        return invalid == 0 ? ExitCode.OK : ExitCode.BAD_INPUT;
    }
}

package org.trex.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trex.source.SourceCatalog;

class ShippedSpecsValidateTest {
    static Stream<Path> shippedSpecs() throws IOException {
        return yamlFiles(Path.of("extracts"));
    }

    static Stream<Path> shippedPolicies() throws IOException {
        return yamlFiles(Path.of("policies"));
    }

    static Stream<Path> yamlFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(list).isNotEmpty();
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedSpecs")
    void everyShippedSpecValidatesUnderItsPolicy(Path file) {
        LoadedSpec loaded = LoadedSpec.load(file, SourceCatalog.standard());

        assertThat(loaded.spec().value().id()).isEqualTo(file.getFileName().toString().replace(".yaml", ""));
        assertThat(loaded.policy().file()).isEqualTo(Path.of("policies", loaded.spec().value().policy() + ".yaml"));
        assertThat(loaded.spec().sha256()).hasSize(64);
    }

    @ParameterizedTest
    @MethodSource("shippedPolicies")
    void everyShippedPolicyLoads(Path file) {
        SpecDocument<Policy> policy = SpecFiles.loadPolicy(file);

        assertThat(policy.value().id()).isEqualTo(file.getFileName().toString().replace(".yaml", ""));
        assertThat(SpecFiles.kind(file)).isEqualTo(SpecFiles.Kind.POLICY);
    }
}

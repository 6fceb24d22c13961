package org.trex;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The compiled classes keep to the package table in {@code docs/architecture.md}, and the table to the tree. */
class ArchitectureTest {
    private static final Path TABLE = Path.of("docs", "architecture.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` \\|.*\\| ([^|]+) \\| ([^|]+) \\|$");
    private static final Pattern NAME = Pattern.compile("`([a-z]+)`");
    private static final Map<String, List<String>> FRAMEWORKS = Map.of(
            "Spark", List.of("org.apache.spark."),
            "JDBC", List.of("java.sql.", "javax.sql.", "org.jooq.", "org.postgresql."));

    private static Map<String, Row> table;
    private static JavaClasses classes;

    /** One package's row: the packages it may use and the frameworks it may touch. */
    private record Row(int position, Set<String> mayUse, Set<String> touches) {}

    @BeforeAll
    static void readTableAndClasses() throws IOException {
        table = new LinkedHashMap<>();
        for (String line : Files.readAllLines(TABLE)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                table.put(row.group(1), new Row(table.size(), mayUse(row.group(2)), touches(row.group(3))));
            }
        }
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.trex");
    }

    private static Set<String> mayUse(String cell) {
        Set<String> names = new TreeSet<>();
        if (cell.contains("every package above")) {
            names.addAll(table.keySet());
        }
        Matcher name = NAME.matcher(cell);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    private static Set<String> touches(String cell) {
        Set<String> frameworks = new TreeSet<>();
        for (String framework : FRAMEWORKS.keySet()) {
            if (cell.contains(framework)) {
                frameworks.add(framework);
            }
        }
        return frameworks;
    }

    @Test
    void everyPackageHasARowAndEveryRowAPackage() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass javaClass : classes) {
            String name = topPackage(javaClass);
            if (name != null) {
                packages.add(name);
            }
        }
        assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(packages);
    }

    @Test
    void aPackageMayUseOnlyPackagesAboveIt() {
        List<String> upward = new ArrayList<>();
        table.forEach((name, row) -> row.mayUse().stream()
                .filter(used -> !table.containsKey(used) || table.get(used).position() >= row.position())
                .forEach(used -> upward.add(name + " -> " + used)));
        assertThat(upward).as("dependencies that do not point up the table").isEmpty();
    }

    @Test
    void packagesUseOnlyWhatTheirRowAllows() {
        Set<String> violations = new TreeSet<>();
        for (JavaClass javaClass : classes) {
            String from = topPackage(javaClass);
            Row row = table.get(from);
            if (row == null) {
                continue;
            }
            for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                String to = topPackage(dependency.getTargetClass());
                if (to != null && !to.equals(from) && !row.mayUse().contains(to)) {
                    violations.add(from + " uses " + to + ": " + dependency.getDescription());
                }
            }
        }
        assertThat(violations).as("dependencies the table does not list").isEmpty();
    }

    /** One name per concept: two classes of one simple name would be two things a reader must tell apart. */
    @Test
    void noTwoClassesShareASimpleName() {
        Map<String, Set<String>> byName = new TreeMap<>();
        for (JavaClass javaClass : classes) {
            if (javaClass.isTopLevelClass() && !javaClass.getPackageName().startsWith("org.trex.source.jooq")) {
                byName.computeIfAbsent(javaClass.getSimpleName(), name -> new TreeSet<>()).add(javaClass.getName());
            }
        }
        byName.values().removeIf(names -> names.size() < 2);
        assertThat(byName).as("simple names used by more than one class").isEmpty();
    }

    @Test
    void packagesTouchOnlyTheFrameworksTheirRowNames() {
        Set<String> violations = new TreeSet<>();
        for (JavaClass javaClass : classes) {
            Row row = table.get(topPackage(javaClass));
            if (row == null) {
                continue;
            }
            for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                String target = dependency.getTargetClass().getName();
                FRAMEWORKS.forEach((framework, prefixes) -> {
                    if (!row.touches().contains(framework) && prefixes.stream().anyMatch(target::startsWith)) {
                        violations.add(topPackage(javaClass) + " touches " + framework + ": "
                                + dependency.getDescription());
                    }
                });
            }
        }
        assertThat(violations).as("framework uses the table does not allow").isEmpty();
    }

    private static String topPackage(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (!name.startsWith("org.trex.")) {
            return null;
        }
        String rest = name.substring("org.trex.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}

package org.trex.source;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.SchemaMappingType;
import org.jooq.meta.jaxb.Target;

/**
 * Regenerates the jOOQ classes in {@code src/generated/java} from the Flyway migrations applied to a
 * real PostgreSQL (embedded). Run it with {@code bin/regenerate-jooq} after changing a migration; the
 * test {@code GeneratedJooqIsCurrentTest} fails while the committed classes are stale.
 */
public final class JooqCodegen {
    /** The package of the generated classes. */
    public static final String PACKAGE = "org.trex.source.jooq";

    private JooqCodegen() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "src/generated/java");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(Path.of("target", "codegen"))) {
            generate(database.url(), target);
        }
        System.out.println("Generated jOOQ classes into " + target);
    }

    /** Migrates the database at {@code url} and writes the generated classes under {@code target}. */
    public static void generate(DatabaseUrl url, Path target) throws Exception {
        SourceSchema.migrate(url);
        Files.createDirectories(target);
        Configuration configuration = new Configuration()
                .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url.jdbcUrl()))
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withSchemata(
                                        new SchemaMappingType().withInputSchema("ref"),
                                        new SchemaMappingType().withInputSchema("social_care"),
                                        new SchemaMappingType().withInputSchema("health"),
                                        new SchemaMappingType().withInputSchema("opt_out"),
                                        new SchemaMappingType().withInputSchema("source_load")))
                        .withGenerate(new Generate()
                                .withGeneratedAnnotation(false)
                                .withComments(false)
                                .withJavadoc(false)
                                .withRecords(true)
                                .withPojos(false)
                                .withDaos(false))
                        .withTarget(new Target()
                                .withPackageName(PACKAGE)
                                .withDirectory(target.toString())
                                .withClean(true)));
        GenerationTool.generate(configuration);
    }
}

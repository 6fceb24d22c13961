package org.trex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.trex.governance.DemoBoard;
import org.trex.source.DatabaseUrl;
import org.trex.testing.SpecCopies;
import org.trex.spec.BoardRegister;
import org.trex.testing.TestingBoard;
import picocli.CommandLine;

/**
 * A folder laid out as a user would lay it out (extracts/, policies/, governance/board.yaml with the testing board,
 * its members' keys, a key file, out/) with copies of the shipped spec and policy, and the {@code trex} command line
 * run in-process on it, its stdout and stderr captured.
 */
final class Workspace {
    /** Inside the synthetic data's last national opt-out list's validity, as {@code trex demo} uses. */
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    static final String EXTRACT = "discharge-delays";
    static final String KEY_HEX = "4f1c".repeat(16);

    private static final Map<String, DemoBoard> BOARDS = new ConcurrentHashMap<>();

    final Path root;
    final Path spec;
    final Path policy;
    final Path key;
    final Path out;
    final DatabaseUrl url;
    DemoBoard board;

    private Workspace(Path root, DatabaseUrl url) {
        this.root = root;
        this.spec = root.resolve("extracts").resolve(EXTRACT + ".yaml");
        this.policy = root.resolve("policies").resolve("service-evaluation.yaml");
        this.key = root.resolve("project.key");
        this.out = root.resolve("out");
        this.url = url;
    }

    /** The shipped spec and policy, the policy edited by {@code policyEdit}, and an owner-only key file. */
    static Workspace create(Path root, DatabaseUrl url, UnaryOperator<String> policyEdit) {
        Workspace workspace = new Workspace(root, url);
        try {
            Files.createDirectories(workspace.spec.getParent());
            Files.createDirectories(workspace.policy.getParent());
            Files.copy(Path.of("extracts/discharge-delays.yaml"), workspace.spec);
            SpecCopies.copyDefinitions(root);
            Files.writeString(workspace.policy,
                    policyEdit.apply(Files.readString(Path.of("policies/service-evaluation.yaml"))));
            Files.writeString(workspace.key, KEY_HEX + "\n");
            Files.setPosixFilePermissions(workspace.key, PosixFilePermissions.fromString("rw-------"));
            workspace.board = boardOf(url, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return workspace;
    }

    /**
     * The testing board of the workspaces on this database, made once in a folder of its own that outlives each
     * test's: a governance database trusts only the first register it sees, so every workspace on one database
     * holds a copy of the same register and signs with the same keys.
     */
    private static DemoBoard boardOf(DatabaseUrl url, Path root) throws IOException {
        // Workspaces without a database (a pseudonym check) still get a board, shared among them.
        DemoBoard board = BOARDS.computeIfAbsent(url == null ? "" : url.jdbcUrl(), database -> {
            try {
                Path folder = Files.createTempDirectory("trex-testing-board");
                DemoBoard made = TestingBoard.create(folder);
                deleteOnExit(folder);
                return made;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Path file = root.resolve(BoardRegister.FILE);
        Files.createDirectories(file.getParent());
        Files.copy(board.register().file(), file, StandardCopyOption.REPLACE_EXISTING);
        return board;
    }

    /** Deleted when the JVM exits: folders are registered before what they hold, so they are deleted after it. */
    private static void deleteOnExit(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.forEach(path -> path.toFile().deleteOnExit());
        }
    }

    static Workspace create(Path root, DatabaseUrl url) {
        return create(root, url, UnaryOperator.identity());
    }

    /** What one {@code trex} call returned and printed. */
    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Result trex(String... args) {
        return trex(commandLine -> { }, args);
    }

    /** {@code trex load} of {@code file} into {@code source}, its quality report written to {@code report}. */
    static Result load(DatabaseUrl url, String source, Path file, Path report, String... options) {
        return trex(concat(List.of("load", source, file.toString(), "--report", report.toString(), "--database-url",
                url.jdbcUrl()), options));
    }

    /** {@code trex} with {@code setUp} done to its command line first (a wrong host clock given to a command). */
    static Result trex(Consumer<CommandLine> setUp, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Trex.newCommandLine();
        setUp.accept(commandLine);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * {@code trex approve} of the spec by the two independent board members, each signing with their key, with extra
     * options such as {@code --expires}; the first failure, else the second signature's result.
     */
    Result approve(String reference, String... extra) {
        Result first = sign(TestingBoard.CHAIR, reference, extra);
        return first.code() != ExitCode.OK ? first : sign(TestingBoard.GUARDIAN, reference, extra);
    }

    /** {@code trex approve --sign-with} by one board member. */
    Result sign(String member, String reference, String... extra) {
        return trex(concat(List.of("approve", spec.toString(), "--reference", reference, "--sign-with",
                board.keyFile(member).toString(), "--database-url", url.jdbcUrl()), extra));
    }

    /** {@code trex revoke --sign-with} by one board member. */
    Result revoke(String member, String reference, String reason) {
        return trex("revoke", spec.toString(), "--reference", reference, "--reason", reason, "--sign-with",
                board.keyFile(member).toString(), "--database-url", url.jdbcUrl());
    }

    /** The board register's file in this workspace. */
    Path boardFile() {
        return root.resolve(BoardRegister.FILE);
    }

    /** The arguments of {@code trex run} of the spec as of {@link #AS_OF} on two local cores. */
    List<String> runArguments(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", spec.toString(), "--as-of", AS_OF.toString(), "--out",
                out.toString(), "--master", "local[2]", "--partitions", "2", "--key-file", key.toString(),
                "--database-url", url.jdbcUrl()));
        args.addAll(Arrays.asList(extra));
        return args;
    }

    Result run(String... extra) {
        return trex(runArguments(extra).toArray(String[]::new));
    }

    /** {@code trex run} of the spec, as {@link #run}, on a host whose clock is {@code host}. */
    Result runOnHost(Clock host, String... extra) {
        return trexOnHost(host, runArguments(extra).toArray(String[]::new));
    }

    /** {@code trex} with {@code args} on a host whose clock is {@code host}: every command's {@link HostClock}. */
    static Result trexOnHost(Clock host, String... args) {
        return trex(commandLine -> onHost(commandLine, host), args);
    }

    private static void onHost(CommandLine commandLine, Clock host) {
        commandLine.getCommandSpec().mixins().values().stream().map(CommandLine.Model.CommandSpec::userObject)
                .filter(HostClock.class::isInstance).forEach(mixin -> ((HostClock) mixin).host = host);
        commandLine.getSubcommands().values().forEach(sub -> onHost(sub, host));
    }

    /** Published extract directories of the spec's extract: not staging, not the failed-runs log. */
    List<Path> published() {
        Path extract = out.resolve(EXTRACT);
        if (!Files.isDirectory(extract)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(extract)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().equals("failed-runs"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of an extract directory, to tamper with, in {@code folder} under the extract's own name. */
    static Path copyOf(Path extract, Path folder) {
        Path copy = folder.resolve(extract.getFileName());
        try (Stream<Path> paths = Files.walk(extract)) {
            for (Path path : paths.toList()) {
                Path target = copy.resolve(extract.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    /** Every regular file under {@code directory}, hidden ones included. */
    static List<Path> files(Path directory) {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code trex} in a child JVM, as cron or Airflow would start it, with the launcher's JVM options and this test
     * JVM's classpath; its stdout and stderr go to {@code log}.
     */
    static Process start(List<String> args, Path log) {
        try {
            return new ProcessBuilder(command(args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command line of {@code trex} in a child JVM, as {@link #start} runs it. */
    static List<String> command(List<String> args) {
        List<String> command =
                new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + Path.of("src/main/launcher/jvm.options").toAbsolutePath(), "-Xmx1g",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), Trex.class.getName()));
        command.addAll(args);
        return command;
    }

    void editSpec(String from, String to) {
        try {
            String text = Files.readString(spec);
            if (!text.contains(from)) {
                throw new IllegalArgumentException("spec has no " + from);
            }
            Files.writeString(spec, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] concat(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(rest));
        return all.toArray(String[]::new);
    }
}

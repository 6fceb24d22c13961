package org.trex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trex.spec.BoardFiles;
import org.trex.spec.BoardRegister;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trex board}: the board register, as tools other than trex need it. */
@Command(name = "board", mixinStandardHelpOptions = true,
        subcommands = {BoardAdoptCommand.class, BoardAdoptedCommand.class},
        description = "The governance board register (governance/board.yaml): members, their keys, approvals required.")
public final class BoardCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        commandSpec.commandLine().usage(commandSpec.commandLine().getErr());
        return ExitCode.BAD_INPUT;
    }

    @Command(name = "allowed-signers", mixinStandardHelpOptions = true,
            description = "Print the register as an OpenSSH allowed-signers file, so that ssh-keygen checks an"
                    + " extract's approval without trex: ssh-keygen -Y verify -f allowed_signers -I MEMBER_ID"
                    + " -n trex-approval -s EXTRACT/approval/MEMBER_ID.sig < EXTRACT/approval/statement.txt")
    int allowedSigners(@Option(names = "--board", defaultValue = BoardRegister.FILE, paramLabel = "FILE",
            description = "Board register (default: ${DEFAULT-VALUE}).") Path board) {
        PrintWriter out = commandSpec.commandLine().getOut();
        out.print(BoardFiles.load(board).allowedSigners());
        out.flush();
        return ExitCode.OK;
    }
}

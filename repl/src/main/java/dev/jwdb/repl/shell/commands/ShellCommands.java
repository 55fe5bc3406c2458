package dev.jwdb.repl.shell.commands;

import dev.jwdb.repl.shell.CommandTable;
import dev.jwdb.repl.shell.ShellCommand;
import java.util.List;

/** The command table of DESIGN §5, in the order help lists it. */
public final class ShellCommands {
    private ShellCommands() {
    }

    public static CommandTable table() {
        CommandTable table = new CommandTable();
        for (List<ShellCommand> group : List.of(RunControl.commands(), Stepping.commands(), Breakpoints.commands(),
                Watch.commands(), Catch.commands(), Frames.commands(), Info.commands(), Examine.commands(),
                Print.commands(), SetState.commands(), Listings.commands(), GrantCommands.commands(),
                WasiCommands.commands(), ReplCommands.commands(), List.<ShellCommand>of(new Help(), new Quit()))) {
            group.forEach(table::add);
        }
        return table;
    }
}

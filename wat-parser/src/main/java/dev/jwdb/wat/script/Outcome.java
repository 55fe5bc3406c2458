package dev.jwdb.wat.script;

/** What running one script command gave: passed, or failed with the reason a person needs to see. */
public record Outcome(Command command, boolean passed, String message) {
    static Outcome pass(Command command) {
        return new Outcome(command, true, "");
    }

    static Outcome fail(Command command, String message) {
        return new Outcome(command, false, message);
    }
}

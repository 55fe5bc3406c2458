package dev.jwdb.repl.shell;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Colours for jwdb's output, or none: off when the output is not a terminal and when {@code NO_COLOR} is set
 * (no-color.org), so that transcripts and pipes get plain text.
 */
public final class Paint {
    public static final Paint NONE = new Paint(false);

    private final boolean on;

    public Paint(boolean on) {
        this.on = on;
    }

    /** Colour when the console can show it and the user has not asked for none. */
    public static Paint forConsole(Console console) {
        String noColor = System.getenv("NO_COLOR");
        return new Paint(console.colour() && (noColor == null || noColor.isEmpty()));
    }

    public boolean on() {
        return on;
    }

    public String error(String text) {
        return style(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED));
    }

    public String denial(String text) {
        return style(text, AttributedStyle.BOLD.foreground(AttributedStyle.RED));
    }

    public String location(String text) {
        return style(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
    }

    public String current(String text) {
        return style(text, AttributedStyle.BOLD.foreground(AttributedStyle.GREEN));
    }

    public String value(String text) {
        return style(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW));
    }

    public String dim(String text) {
        return style(text, AttributedStyle.DEFAULT.faint());
    }

    public String bold(String text) {
        return style(text, AttributedStyle.BOLD);
    }

    private String style(String text, AttributedStyle style) {
        return on ? new AttributedString(text, style).toAnsi() : text;
    }
}

package dev.jwdb.engine.wasi;

import java.util.ArrayList;
import java.util.List;

/** An absolute, normalized path in the guest's file namespace, as components ({@code /} is the empty list). */
public record GuestPath(List<String> components) {
    public static final GuestPath ROOT = new GuestPath(List.of());

    public GuestPath {
        components = List.copyOf(components);
    }

    /**
     * Parses an absolute guest path, folding {@code .} and {@code ..} lexically; used for grant mount points,
     * which are plain names chosen by the user, never guest input.
     */
    public static GuestPath parse(String text) {
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("guest path must be absolute: " + text);
        }
        List<String> parts = new ArrayList<>();
        for (String part : text.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(part);
            }
        }
        return new GuestPath(parts);
    }

    public int depth() {
        return components.size();
    }

    public boolean isRoot() {
        return components.isEmpty();
    }

    public boolean startsWith(GuestPath prefix) {
        return components.size() >= prefix.components.size()
                && components.subList(0, prefix.components.size()).equals(prefix.components);
    }

    public GuestPath child(String name) {
        List<String> parts = new ArrayList<>(components);
        parts.add(name);
        return new GuestPath(parts);
    }

    /** The top-level directory the path lies in ({@code /logs} for {@code /logs/app.log}); root for root. */
    public GuestPath topLevel() {
        return isRoot() ? this : new GuestPath(components.subList(0, 1));
    }

    /** The components after {@code prefix}, which must be a prefix of this path. */
    public List<String> after(GuestPath prefix) {
        return components.subList(prefix.depth(), components.size());
    }

    @Override
    public String toString() {
        return isRoot() ? "/" : "/" + String.join("/", components);
    }
}

package dev.jwdb.engine.wasi;

/**
 * The grant that would have allowed a denied request, as a jwdb shell command ({@code grant dir HOST::/logs}) and
 * as a command-line flag in wasmtime's spelling where it has one ({@code --dir HOST::/logs}). A read-only directory
 * is jwdb's own {@code --ro-dir} ({@code grant dir HOST::/config ro}): wasmtime's {@code --dir} always allows writing,
 * and it has no read-only form.
 */
public record SuggestedGrant(String shellCommand, String flag) {
}

package dev.jwdb.engine.wasi;

/**
 * Ends a WASI call early with an errno. Internal: the dispatcher turns it into the function's result, so it never
 * leaves the host. Carries no stack trace because it is control flow, not a bug report.
 */
final class ErrnoException extends RuntimeException {
    final Errno errno;

    ErrnoException(Errno errno) {
        super(errno.toString(), null, false, false);
        this.errno = errno;
    }
}

package dev.jwdb.engine.wasi;

/** The three standard streams, granted by default and individually revocable. */
public enum StdStream {
    STDIN(0), STDOUT(1), STDERR(2);

    private final int fd;

    StdStream(int fd) {
        this.fd = fd;
    }

    public int fd() {
        return fd;
    }

    public String word() {
        return name().toLowerCase();
    }

    public static StdStream ofFd(int fd) {
        for (StdStream s : values()) {
            if (s.fd == fd) {
                return s;
            }
        }
        return null;
    }
}

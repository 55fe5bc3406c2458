package dev.jwdb.engine.wasi;

/** WASI preview1 error numbers, in the ABI's order (the ordinal is the code). */
public enum Errno {
    SUCCESS, TOOBIG, ACCES, ADDRINUSE, ADDRNOTAVAIL, AFNOSUPPORT, AGAIN, ALREADY, BADF, BADMSG, BUSY, CANCELED,
    CHILD, CONNABORTED, CONNREFUSED, CONNRESET, DEADLK, DESTADDRREQ, DOM, DQUOT, EXIST, FAULT, FBIG, HOSTUNREACH,
    IDRM, ILSEQ, INPROGRESS, INTR, INVAL, IO, ISCONN, ISDIR, LOOP, MFILE, MLINK, MSGSIZE, MULTIHOP, NAMETOOLONG,
    NETDOWN, NETRESET, NETUNREACH, NFILE, NOBUFS, NODEV, NOENT, NOEXEC, NOLCK, NOLINK, NOMEM, NOMSG, NOPROTOOPT,
    NOSPC, NOSYS, NOTCONN, NOTDIR, NOTEMPTY, NOTRECOVERABLE, NOTSOCK, NOTSUP, NOTTY, NXIO, OVERFLOW, OWNERDEAD,
    PERM, PIPE, PROTO, PROTONOSUPPORT, PROTOTYPE, RANGE, ROFS, SPIPE, SRCH, STALE, TIMEDOUT, TXTBSY, XDEV,
    NOTCAPABLE;

    public int code() {
        return ordinal();
    }

    public static Errno of(int code) {
        Errno[] all = values();
        return code >= 0 && code < all.length ? all[code] : null;
    }

    /** The C spelling: {@code ENOTCAPABLE}, {@code ESUCCESS}. */
    @Override
    public String toString() {
        return this == TOOBIG ? "E2BIG" : "E" + name();
    }
}

package dev.jwdb.engine.wasi;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetConnectedException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/** Maps host I/O failures to WASI errnos; Java reports most POSIX errors only as the reason text. */
final class HostErrors {
    private HostErrors() {
    }

    static Errno errno(IOException e) {
        if (e instanceof NoSuchFileException) {
            return Errno.NOENT;
        }
        if (e instanceof FileAlreadyExistsException) {
            return Errno.EXIST;
        }
        if (e instanceof DirectoryNotEmptyException) {
            return Errno.NOTEMPTY;
        }
        if (e instanceof NotDirectoryException) {
            return Errno.NOTDIR;
        }
        if (e instanceof AccessDeniedException) {
            return Errno.ACCES;
        }
        if (e instanceof FileSystemLoopException) {
            return Errno.LOOP;
        }
        if (e instanceof NotLinkException) {
            return Errno.INVAL;
        }
        if (e instanceof ConnectException) {
            return Errno.CONNREFUSED;
        }
        if (e instanceof NoRouteToHostException) {
            return Errno.HOSTUNREACH;
        }
        if (e instanceof PortUnreachableException) {
            return Errno.CONNREFUSED;
        }
        if (e instanceof SocketTimeoutException) {
            return Errno.TIMEDOUT;
        }
        if (e instanceof ClosedChannelException) {
            return Errno.PIPE;
        }
        String reason = e instanceof FileSystemException ? ((FileSystemException) e).getReason() : e.getMessage();
        return reason == null ? Errno.IO : byReason(reason);
    }

    static Errno errno(RuntimeException e) {
        if (e instanceof NotYetConnectedException) {
            return Errno.NOTCONN;
        }
        if (e instanceof AlreadyBoundException) {
            return Errno.INVAL;
        }
        return Errno.IO;
    }

    private static Errno byReason(String reason) {
        String r = reason.toLowerCase();
        if (r.contains("is a directory")) {
            return Errno.ISDIR;
        }
        if (r.contains("not a directory")) {
            return Errno.NOTDIR;
        }
        if (r.contains("directory not empty")) {
            return Errno.NOTEMPTY;
        }
        if (r.contains("file exists")) {
            return Errno.EXIST;
        }
        if (r.contains("too many levels of symbolic links")) {
            return Errno.LOOP;
        }
        if (r.contains("cross-device")) {
            return Errno.XDEV;
        }
        if (r.contains("read-only file system")) {
            return Errno.ROFS;
        }
        if (r.contains("no space")) {
            return Errno.NOSPC;
        }
        if (r.contains("operation not permitted")) {
            return Errno.PERM;
        }
        if (r.contains("permission denied")) {
            return Errno.ACCES;
        }
        if (r.contains("invalid argument")) {
            return Errno.INVAL;
        }
        if (r.contains("file name too long")) {
            return Errno.NAMETOOLONG;
        }
        if (r.contains("address already in use")) {
            return Errno.ADDRINUSE;
        }
        if (r.contains("cannot assign requested address")) {
            return Errno.ADDRNOTAVAIL;
        }
        if (r.contains("connection reset")) {
            return Errno.CONNRESET;
        }
        if (r.contains("broken pipe")) {
            return Errno.PIPE;
        }
        if (r.contains("connection refused")) {
            return Errno.CONNREFUSED;
        }
        return Errno.IO;
    }
}

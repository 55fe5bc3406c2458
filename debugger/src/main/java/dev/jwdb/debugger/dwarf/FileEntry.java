package dev.jwdb.debugger.dwarf;

/**
 * A line program's file: its name as recorded and the directory it is in.
 *
 * @param name      as recorded: a bare name, a relative or an absolute path
 * @param directory the directory entry it names, or null for the compilation directory (directory index 0);
 *                  relative directories are relative to the compilation directory
 * @param md5       the file's MD5 digest (DWARF 5 {@code DW_LNCT_MD5}), or null
 */
public record FileEntry(String name, String directory, long modificationTime, long size, byte[] md5) {
    /** The path to show and match: the name, under its directory unless that is the compilation directory. */
    public String path() {
        if (directory == null || directory.isEmpty() || isAbsolute(name)) {
            return name;
        }
        return directory.endsWith("/") ? directory + name : directory + "/" + name;
    }

    static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.startsWith("\\") || path.length() > 2 && path.charAt(1) == ':';
    }
}

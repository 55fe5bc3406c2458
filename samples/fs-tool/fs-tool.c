/* One file-system operation per run, on paths exactly as given: a probe for what a WASI runtime lets through.
 * usage: fs-tool OP ARGS...
 *   cat PATH | write PATH TEXT | mkdir PATH | rmdir PATH | rm PATH | mv FROM TO | ln FROM TO
 *   | symlink TARGET LINK | ls DIR | stat PATH | touch PATH
 * Prints "OP: ok" (or the result) on success, "OP: ERROR" on failure, with exit status 0 or 1.
 * wasi-libc hands a path like /data/../etc to the runtime as "../etc" relative to the /data preopen, and an
 * absolute path outside every preopen to jwdb's gate: both reach the host, which must confine them. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int result(const char *op, int ok) {
    if (ok) {
        printf("%s: ok\n", op);
        return 0;
    }
    printf("%s: %s\n", op, strerror(errno));
    return 1;
}

static int cat(const char *path) {
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return result("cat", 0);
    }
    char buf[1024];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        fwrite(buf, 1, n, stdout);
    }
    fclose(f);
    return 0;
}

static int write_file(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        return result("write", 0);
    }
    size_t length = strlen(text);
    int ok = write(fd, text, length) == (ssize_t)length;
    close(fd);
    return result("write", ok);
}

static int ls(const char *path) {
    DIR *d = opendir(path);
    if (d == NULL) {
        return result("ls", 0);
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            printf("%s\n", e->d_name);
        }
    }
    closedir(d);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: fs-tool OP ARGS...\n");
        return 2;
    }
    const char *op = argv[1];
    const char *a = argv[2];
    const char *b = argc > 3 ? argv[3] : NULL;
    struct stat st;
    if (strcmp(op, "cat") == 0) {
        return cat(a);
    } else if (strcmp(op, "write") == 0 && b) {
        return write_file(a, b);
    } else if (strcmp(op, "mkdir") == 0) {
        return result(op, mkdir(a, 0755) == 0);
    } else if (strcmp(op, "rmdir") == 0) {
        return result(op, rmdir(a) == 0);
    } else if (strcmp(op, "rm") == 0) {
        return result(op, unlink(a) == 0);
    } else if (strcmp(op, "mv") == 0 && b) {
        return result(op, rename(a, b) == 0);
    } else if (strcmp(op, "ln") == 0 && b) {
        return result(op, link(a, b) == 0);
    } else if (strcmp(op, "symlink") == 0 && b) {
        return result(op, symlink(a, b) == 0);
    } else if (strcmp(op, "ls") == 0) {
        return ls(a);
    } else if (strcmp(op, "stat") == 0) {
        if (stat(a, &st) != 0) {
            return result(op, 0);
        }
        printf("stat: %s, %lld bytes\n", S_ISDIR(st.st_mode) ? "directory" : "file", (long long)st.st_size);
        return 0;
    } else if (strcmp(op, "touch") == 0) {
        return result(op, utimensat(AT_FDCWD, a, NULL, 0) == 0);
    }
    fprintf(stderr, "fs-tool: unknown operation or missing argument: %s\n", op);
    return 2;
}

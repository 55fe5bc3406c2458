/* Every WASI file operation through wasi-libc, inside the directory named by argv[1] (a preopened guest path).
 * Prints one line per step with the result, so that two runtimes given the same directory can be compared line
 * by line. Nothing printed depends on descriptor numbers, timestamps of "now" or directory order. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wasi/api.h>

static char path_buf[4][512];

static const char *at(int slot, const char *dir, const char *name) {
    snprintf(path_buf[slot], sizeof path_buf[slot], "%s/%s", dir, name);
    return path_buf[slot];
}

static void report(const char *step, int ok) {
    if (ok) {
        printf("%s: ok\n", step);
    } else {
        printf("%s: %s\n", step, strerror(errno));
    }
}

static int compare(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list(const char *dir) {
    DIR *d = opendir(dir);
    if (d == NULL) {
        report("opendir", 0);
        return;
    }
    char *names[64];
    int count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && count < 64) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            names[count++] = strdup(e->d_name);
        }
    }
    closedir(d);
    qsort(names, count, sizeof names[0], compare);
    printf("readdir:");
    for (int i = 0; i < count; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: fileops DIR\n");
        return 2;
    }
    const char *dir = argv[1];
    char buf[128];

    /* path_open (create, write), fd_write, fd_tell, fd_seek, fd_pwrite, fd_pread, fd_read */
    int fd = open(at(0, dir, "notes.txt"), O_CREAT | O_RDWR | O_TRUNC, 0644);
    report("open notes.txt (create)", fd >= 0);
    report("write", write(fd, "hello, wasi\n", 12) == 12);
    printf("tell: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
    report("pwrite at 7", pwrite(fd, "WASI", 4, 7) == 4);
    memset(buf, 0, sizeof buf);
    report("pread at 0", pread(fd, buf, 12, 0) == 12);
    printf("pread: %s", buf);
    printf("seek to 7: %lld\n", (long long)lseek(fd, 7, SEEK_SET));
    memset(buf, 0, sizeof buf);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    printf("read: %zd bytes: %s", n, buf);
    printf("seek end: %lld\n", (long long)lseek(fd, 0, SEEK_END));

    /* fd_fdstat_get, fd_fdstat_set_flags, fd_filestat_get, fd_filestat_set_size, fd_allocate, fd_advise */
    int flags = fcntl(fd, F_GETFL);
    printf("fdstat: %s\n", (flags & O_ACCMODE) == O_RDWR ? "read-write" : "other");
    /* Not read back: node's WASI accepts the flag but fd_fdstat_get does not report it. */
    report("set append flag", fcntl(fd, F_SETFL, flags | O_APPEND) == 0);
    report("clear append flag", fcntl(fd, F_SETFL, flags) == 0);
    struct stat st;
    report("fstat", fstat(fd, &st) == 0);
    printf("fstat: size %lld, regular %d\n", (long long)st.st_size, S_ISREG(st.st_mode) ? 1 : 0);
    report("ftruncate to 5", ftruncate(fd, 5) == 0);
    fstat(fd, &st);
    printf("size after truncate: %lld\n", (long long)st.st_size);
    errno = posix_fallocate(fd, 0, 64);
    report("fallocate 64", errno == 0);
    fstat(fd, &st);
    printf("size after fallocate: %lld\n", (long long)st.st_size);
    errno = posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    report("fadvise", errno == 0);

    /* fd_datasync, fd_sync, fd_renumber, fd_close */
    report("fdatasync", fdatasync(fd) == 0);
    report("fsync", fsync(fd) == 0);
    int other = open(at(0, dir, "other.txt"), O_CREAT | O_WRONLY | O_TRUNC, 0644);
    report("open other.txt", other >= 0);
    errno = __wasi_fd_renumber(fd, other);
    report("renumber notes over other", errno == 0);
    fstat(other, &st);
    printf("renumbered fd size: %lld\n", (long long)st.st_size);
    report("close", close(other) == 0);
    report("close again", close(other) == 0);

    /* path_create_directory, path_filestat_get, path_rename, path_link, path_symlink, path_readlink */
    report("mkdir sub", mkdir(at(0, dir, "sub"), 0755) == 0);
    report("mkdir sub again", mkdir(at(0, dir, "sub"), 0755) == 0);
    report("stat sub", stat(at(0, dir, "sub"), &st) == 0);
    printf("sub is a directory: %d\n", S_ISDIR(st.st_mode) ? 1 : 0);
    report("rename notes.txt to sub/moved.txt", rename(at(0, dir, "notes.txt"), at(1, dir, "sub/moved.txt")) == 0);
    report("stat notes.txt", stat(at(0, dir, "notes.txt"), &st) == 0);
    report("link sub/moved.txt to hard.txt", link(at(0, dir, "sub/moved.txt"), at(1, dir, "hard.txt")) == 0);
    stat(at(0, dir, "hard.txt"), &st);
    printf("hard.txt links: %lld\n", (long long)st.st_nlink);
    report("symlink soft -> sub/moved.txt", symlink("sub/moved.txt", at(0, dir, "soft")) == 0);
    memset(buf, 0, sizeof buf);
    ssize_t len = readlink(at(0, dir, "soft"), buf, sizeof buf - 1);
    printf("readlink soft: %s\n", len >= 0 ? buf : strerror(errno));
    report("lstat soft", lstat(at(0, dir, "soft"), &st) == 0);
    printf("soft is a symlink: %d\n", S_ISLNK(st.st_mode) ? 1 : 0);
    report("stat soft (followed)", stat(at(0, dir, "soft"), &st) == 0);
    printf("soft target size: %lld\n", (long long)st.st_size);

    /* path_filestat_set_times, fd_filestat_set_times */
    struct timespec times[2] = {{.tv_sec = 1000000000, .tv_nsec = 0}, {.tv_sec = 1234567890, .tv_nsec = 0}};
    report("utimensat hard.txt", utimensat(AT_FDCWD, at(0, dir, "hard.txt"), times, 0) == 0);
    stat(at(0, dir, "hard.txt"), &st);
    printf("mtime: %lld\n", (long long)st.st_mtim.tv_sec);
    int rd = open(at(0, dir, "hard.txt"), O_RDONLY);
    struct timespec later[2] = {{.tv_sec = 1500000000, .tv_nsec = 0}, {.tv_sec = 1500000000, .tv_nsec = 0}};
    report("futimens", futimens(rd, later) == 0);
    fstat(rd, &st);
    printf("mtime after futimens: %lld\n", (long long)st.st_mtim.tv_sec);
    close(rd);

    /* fd_readdir */
    list(dir);

    /* path_unlink_file, path_remove_directory */
    report("rmdir sub (not empty)", rmdir(at(0, dir, "sub")) == 0);
    report("unlink soft", unlink(at(0, dir, "soft")) == 0);
    report("unlink hard.txt", unlink(at(0, dir, "hard.txt")) == 0);
    report("unlink sub/moved.txt", unlink(at(0, dir, "sub/moved.txt")) == 0);
    report("unlink missing.txt", unlink(at(0, dir, "missing.txt")) == 0);
    report("rmdir sub", rmdir(at(0, dir, "sub")) == 0);
    report("open missing.txt", open(at(0, dir, "missing.txt"), O_RDONLY) >= 0);
    list(dir);
    return 0;
}

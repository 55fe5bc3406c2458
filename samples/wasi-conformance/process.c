/* Arguments, environment, clocks, randomness, stdin and the exit status through wasi-libc. What it prints does
 * not depend on the time or the random bytes drawn, so that two runtimes can be compared line by line.
 * usage: process [exit=N] [ARGS...]   (reads stdin to its end) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static int compare(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
    /* args_sizes_get, args_get (argv[0] is the program's name as the runtime gives it: not printed) */
    printf("argc: %d\n", argc);
    for (int i = 1; i < argc; i++) {
        printf("argv[%d]: %s\n", i, argv[i]);
    }

    /* environ_sizes_get, environ_get */
    int count = 0;
    while (environ[count] != NULL) {
        count++;
    }
    qsort(environ, count, sizeof environ[0], compare);
    printf("environment: %d variables\n", count);
    for (int i = 0; i < count; i++) {
        printf("  %s\n", environ[i]);
    }
    const char *greeting = getenv("GREETING");
    printf("GREETING: %s\n", greeting ? greeting : "(not set)");

    /* clock_time_get, clock_res_get */
    struct timespec real, mono1, mono2, res;
    int real_ok = clock_gettime(CLOCK_REALTIME, &real) == 0;
    printf("realtime: %s\n", !real_ok ? "unavailable" : real.tv_sec > 1600000000 ? "after 2020" : "before 2020");
    int mono_ok = clock_gettime(CLOCK_MONOTONIC, &mono1) == 0 && clock_gettime(CLOCK_MONOTONIC, &mono2) == 0;
    int forward = mono2.tv_sec > mono1.tv_sec || (mono2.tv_sec == mono1.tv_sec && mono2.tv_nsec >= mono1.tv_nsec);
    printf("monotonic: %s\n", !mono_ok ? "unavailable" : forward ? "does not go back" : "went back");
    printf("resolution: %s\n", clock_getres(CLOCK_MONOTONIC, &res) != 0 ? "unavailable"
            : res.tv_sec == 0 && res.tv_nsec > 0 ? "under a second" : "coarse");
    /* poll_oneoff with a clock subscription */
    printf("sleep 10ms: %s\n", usleep(10000) == 0 ? "ok" : "failed");

    /* random_get */
    uint8_t bytes[32] = {0};
    int random_ok = getentropy(bytes, sizeof bytes) == 0;
    int nonzero = 0;
    for (size_t i = 0; i < sizeof bytes; i++) {
        nonzero |= bytes[i];
    }
    printf("random: %s\n", !random_ok ? "unavailable" : nonzero ? "32 bytes, not all zero" : "all zero");

    /* fd_read on stdin */
    char buf[4096];
    size_t total = 0;
    size_t lines = 0;
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) {
        for (size_t i = 0; i < n; i++) {
            lines += buf[i] == '\n';
        }
        if (total == 0) {
            size_t first = 0;
            while (first < n && buf[first] != '\n') {
                first++;
            }
            printf("stdin starts: %.*s\n", (int)first, buf);
        }
        total += n;
    }
    printf("stdin: %zu bytes, %zu lines\n", total, lines);

    /* proc_exit */
    int status = 0;
    if (argc > 1 && strncmp(argv[1], "exit=", 5) == 0) {
        status = atoi(argv[1] + 5);
    }
    fprintf(stderr, "exiting with %d\n", status);
    fflush(stdout);
    exit(status);
}

/* A TCP echo server on the listening socket the runtime preopens (--tcplisten HOST:PORT): accepts connections one
 * at a time and sends back every byte it receives, until the client closes; then serves the next.
 * usage: echo-server [CONNECTIONS]   (default 1)
 *
 * WASI preview1 has no socket() or bind(): the listener must be granted. wasmtime and jwdb put it right after the
 * preopened directories, so the server takes the first socket descriptor from 3 up; when there is none it tries
 * the first unused descriptor, where the grant would have put it, and the runtime refuses the accept. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <wasi/api.h>

static int find_listener(void) {
    for (int fd = 3; fd < 64; fd++) {
        __wasi_fdstat_t stat;
        if (__wasi_fd_fdstat_get(fd, &stat) != 0) {
            return fd;
        }
        if (stat.fs_filetype == __WASI_FILETYPE_SOCKET_STREAM) {
            return fd;
        }
    }
    return -1;
}

int main(int argc, char **argv) {
    int connections = argc > 1 ? atoi(argv[1]) : 1;
    int listener = find_listener();
    for (int served = 0; served < connections; served++) {
        int client = accept(listener, NULL, NULL);
        if (client < 0) {
            fprintf(stderr, "echo-server: accept: %s\n", strerror(errno));
            return 1;
        }
        printf("echo-server: connection %d\n", served + 1);
        fflush(stdout);
        char buf[1024];
        ssize_t n;
        long total = 0;
        while ((n = recv(client, buf, sizeof buf, 0)) > 0) {
            for (ssize_t sent = 0; sent < n;) {
                ssize_t m = send(client, buf + sent, n - sent, 0);
                if (m < 0) {
                    fprintf(stderr, "echo-server: send: %s\n", strerror(errno));
                    return 1;
                }
                sent += m;
            }
            total += n;
        }
        if (n < 0) {
            fprintf(stderr, "echo-server: recv: %s\n", strerror(errno));
            return 1;
        }
        printf("echo-server: echoed %ld bytes\n", total);
        fflush(stdout);
        close(client);
    }
    return 0;
}

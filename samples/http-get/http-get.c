/* An HTTP/1.0 GET over an outbound TCP connection, printing the response.
 * usage: http-get IPV4-ADDRESS PORT [PATH]
 *
 * WASI preview1 cannot open outbound connections; this uses the socket functions WasmEdge adds to the same import
 * module (sock_open, sock_connect), which jwdb implements and checks against --allow-connect grants. Reading and
 * writing then go through preview1's sock_recv and sock_send (wasi-libc's recv and send). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* WasmEdge's ABI: address family 1 is IPv4, socket type 2 is a stream; an address is (buffer, size). */
#define WASMEDGE_AF_INET4 1
#define WASMEDGE_SOCK_STREAM 2

typedef struct {
    uint8_t *buf;
    uint32_t size;
} wasi_address;

__attribute__((import_module("wasi_snapshot_preview1"), import_name("sock_open")))
uint32_t wasmedge_sock_open(int32_t family, int32_t type, int32_t *fd);

__attribute__((import_module("wasi_snapshot_preview1"), import_name("sock_connect")))
uint32_t wasmedge_sock_connect(int32_t fd, wasi_address *address, uint32_t port);

static int parse_ipv4(const char *text, uint8_t out[4]) {
    unsigned a, b, c, d;
    char extra;
    if (sscanf(text, "%u.%u.%u.%u%c", &a, &b, &c, &d, &extra) != 4 || a > 255 || b > 255 || c > 255 || d > 255) {
        return 0;
    }
    out[0] = a;
    out[1] = b;
    out[2] = c;
    out[3] = d;
    return 1;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: http-get IPV4-ADDRESS PORT [PATH]\n");
        return 2;
    }
    uint8_t ip[4];
    if (!parse_ipv4(argv[1], ip)) {
        fprintf(stderr, "http-get: not an IPv4 address: %s\n", argv[1]);
        return 2;
    }
    int port = atoi(argv[2]);
    const char *path = argc > 3 ? argv[3] : "/";

    int32_t fd;
    uint32_t err = wasmedge_sock_open(WASMEDGE_AF_INET4, WASMEDGE_SOCK_STREAM, &fd);
    if (err != 0) {
        fprintf(stderr, "http-get: sock_open: %s\n", strerror(err));
        return 1;
    }
    wasi_address address = {ip, sizeof ip};
    err = wasmedge_sock_connect(fd, &address, port);
    if (err != 0) {
        fprintf(stderr, "http-get: connect to %s:%d: %s\n", argv[1], port, strerror(err));
        return 1;
    }
    char request[512];
    int length = snprintf(request, sizeof request, "GET %s HTTP/1.0\r\nHost: %s:%d\r\nConnection: close\r\n\r\n",
            path, argv[1], port);
    for (int sent = 0; sent < length;) {
        ssize_t n = send(fd, request + sent, length - sent, 0);
        if (n < 0) {
            fprintf(stderr, "http-get: send: %s\n", strerror(errno));
            return 1;
        }
        sent += n;
    }
    char buf[4096];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0) {
        fwrite(buf, 1, n, stdout);
    }
    if (n < 0) {
        fprintf(stderr, "http-get: recv: %s\n", strerror(errno));
        return 1;
    }
    close(fd);
    return 0;
}

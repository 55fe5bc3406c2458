/* The logger of issue 3 in C: create /logs/app.log and write one line to it.
 * Without a grant for /logs the open fails with ENOTCAPABLE ("Capabilities insufficient"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    FILE *f = fopen("/logs/app.log", "w");
    if (f == NULL) {
        perror("Could not create file");
        return 1;
    }
    if (fputs("Wasm module successfully initialized!", f) == EOF || fclose(f) != 0) {
        perror("Write error");
        return 1;
    }
    return 0;
}

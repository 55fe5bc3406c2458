/* files: read a configuration from one directory and write a report into another.
 *
 *   /config/settings.conf   read only: lines "name = value", '#' starts a comment
 *   /out/report.txt         created (or replaced): one line per setting, then a count
 *
 * The two directories play different parts, so they deserve different grants: the program must be able to read
 * its configuration but has no business changing it (--ro-dir), and it must write its report (--dir). With
 * /out granted read-only as well, the open for writing is refused: that is what a read-only grant is for. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#define CONFIG "/config/settings.conf"
#define REPORT "/out/report.txt"

/* Trims spaces and the newline from both ends of s, in place. */
static char *trim(char *s) {
    while (*s == ' ' || *s == '\t') {
        s++;
    }
    char *end = s + strlen(s);
    while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r')) {
        *--end = '\0';
    }
    return s;
}

int main(void) {
    FILE *config = fopen(CONFIG, "r");
    if (config == NULL) {
        fprintf(stderr, "files: cannot read %s: %s\n", CONFIG, strerror(errno));
        return 1;
    }
    FILE *report = fopen(REPORT, "w");
    if (report == NULL) {
        fprintf(stderr, "files: cannot write %s: %s\n", REPORT, strerror(errno));
        fclose(config);
        return 1;
    }
    char line[256];
    int settings = 0;
    while (fgets(line, sizeof line, config) != NULL) {
        char *text = trim(line);
        char *equals = strchr(text, '=');
        if (*text == '#' || *text == '\0' || equals == NULL) {
            continue;
        }
        *equals = '\0';
        fprintf(report, "%-10s %s\n", trim(text), trim(equals + 1));
        settings++;
    }
    fprintf(report, "%d settings\n", settings);
    fclose(config);
    if (fclose(report) != 0) {
        fprintf(stderr, "files: cannot write %s: %s\n", REPORT, strerror(errno));
        return 1;
    }
    printf("files: read %d settings from %s, wrote %s\n", settings, CONFIG, REPORT);
    return 0;
}

/* stats: the count, minimum, maximum and mean of the integers given as arguments.
 *
 * Built with -g -O0 (see ../build.sh): the module keeps its DWARF sections (.debug_info, .debug_line, ...),
 * which map every instruction back to a line of this file and name every local variable. jwdb reads the line
 * tables (break stats.c:24, step and next by C line, bt and list show this file); stats-dwarf5.wasm is the
 * same program with DWARF 5 (-gdwarf-5), whose line tables are laid out differently, for jwdb's tests. */
#include <stdio.h>
#include <stdlib.h>

struct stats {
    int count;
    long min;
    long max;
    long sum;
};

static void add(struct stats *s, long value) {
    if (s->count == 0 || value < s->min) {
        s->min = value;
    }
    if (s->count == 0 || value > s->max) {
        s->max = value;
    }
    s->sum += value;
    s->count++;
}

int main(int argc, char **argv) {
    struct stats s = {0, 0, 0, 0};
    for (int i = 1; i < argc; i++) {
        char *end;
        long value = strtol(argv[i], &end, 10);
        if (*end != '\0') {
            fprintf(stderr, "stats: not an integer: %s\n", argv[i]);
            return 2;
        }
        add(&s, value);
    }
    if (s.count == 0) {
        fprintf(stderr, "usage: stats INTEGER...\n");
        return 2;
    }
    printf("count %d, min %ld, max %ld, mean %.2f\n", s.count, s.min, s.max, (double)s.sum / s.count);
    return 0;
}

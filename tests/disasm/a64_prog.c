/* A small program built static for the A64 disassembler comparison: what
 * matters is the glibc code it pulls in (stdio, string functions, math,
 * locking, start-up), a large corpus of real compiler and hand-written
 * A64. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    char buf[256];
    double x = argc > 1 ? strtod(argv[1], NULL) : 1.5;
    snprintf(buf, sizeof(buf), "%s %g %g", argv[0], sqrt(x), sin(x));
    size_t n = strlen(buf);
    char *p = malloc(n + 1);
    memcpy(p, buf, n + 1);
    printf("%s %zu %d\n", p, n, strcmp(p, buf));
    free(p);
    return 0;
}

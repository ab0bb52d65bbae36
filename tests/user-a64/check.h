/* Self-checks of the aarch64 user-mode test programs: a failed check says
 * where and why on stderr and exits 1; passed groups print "OK name" on
 * stdout, which the test compares with the expected output. */
#ifndef A64_CHECK_H
#define A64_CHECK_H
#include <stdio.h>
#include <stdlib.h>

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,   \
                    #cond);                                                    \
            exit(1);                                                           \
        }                                                                      \
    } while (0)
#define OK(name) printf("OK %s\n", name)
#endif

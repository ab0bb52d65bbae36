/* A tiny assertion for the user-mode test programs: on failure, say
 * where and why, and exit 1. */
#ifndef USER_CHECK_H
#define USER_CHECK_H
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The ISA the program is built for, as uname and AT_PLATFORM name it. */
#ifdef __aarch64__
#define USER_ISA "aarch64"
#else
#define USER_ISA "riscv64"
#endif

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "%s:%d: check failed: %s (errno %d: %s)\n",        \
                    __FILE__, __LINE__, #cond, errno, strerror(errno));        \
            exit(1);                                                           \
        }                                                                      \
    } while (0)
#endif

/*
 * Device options in the command line's syntax: comma-separated items,
 * each key=value or a bare key ("user,hostfwd=tcp::2222-:22"). A value
 * that must hold a comma doubles it (",,"), as in QEMU. Every key a device
 * does not ask for is an error, so a misspelt option never goes unnoticed.
 */
#ifndef MACHINE_OPTS_H
#define MACHINE_OPTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define OPTS_MAX 32

typedef struct dev_opts {
    const char *kind; /* "drive", "net": for messages */
    unsigned n;
    struct {
        char *key, *val; /* val NULL for a bare key */
        bool used;
    } item[OPTS_MAX];
    char *buf;
} dev_opts;

/* Split s into o; false (with a message in err) on a malformed string. */
bool opts_parse(dev_opts *o, const char *kind, const char *s, char *err,
                size_t errlen);
void opts_free(dev_opts *o);

/* The value of key (the last one given), or NULL; marks key as used.
 * A bare key reads as "". */
const char *opts_get(dev_opts *o, const char *key);
/* The i-th value of key, for repeatable keys (hostfwd); NULL past the end. */
const char *opts_get_nth(dev_opts *o, const char *key, unsigned i);
/* True when the bare key is present (net's "user"); marks it used. */
bool opts_flag(dev_opts *o, const char *key);
/* on/off, yes/no, true/false, 1/0; *out keeps its value when key is absent.
 * False (message in err) on another spelling. */
bool opts_bool(dev_opts *o, const char *key, bool *out, char *err,
               size_t errlen);
/* A decimal or 0x number in [min, max]; *out unchanged when absent. */
bool opts_uint(dev_opts *o, const char *key, uint64_t min, uint64_t max,
               uint64_t *out, char *err, size_t errlen);
/* False (message naming the first one) if some key was never asked for. */
bool opts_all_used(const dev_opts *o, char *err, size_t errlen);

#endif

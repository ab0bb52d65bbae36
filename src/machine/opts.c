/* Device option strings (see opts.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "machine/opts.h"

bool opts_parse(dev_opts *o, const char *kind, const char *s, char *err,
                size_t errlen)
{
    memset(o, 0, sizeof(*o));
    o->kind = kind;
    if (!s)
        s = "";
    size_t len = strlen(s);
    o->buf = malloc(len + 1);
    if (!o->buf) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    /* copy, turning item separators into NULs and ",," into "," */
    char *w = o->buf, *start = o->buf;
    for (size_t i = 0;; i++) {
        if (s[i] == ',' && s[i + 1] == ',') {
            *w++ = ',';
            i++;
            continue;
        }
        if (s[i] != ',' && s[i] != 0) {
            *w++ = s[i];
            continue;
        }
        *w++ = 0;
        if (*start == 0) {
            if (s[i] == 0 && start == o->buf)
                break; /* the empty string: no items */
            snprintf(err, errlen, "%s: empty item in \"%s\"", kind, s);
            opts_free(o);
            return false;
        }
        if (o->n == OPTS_MAX) {
            snprintf(err, errlen, "%s: more than %d options", kind, OPTS_MAX);
            opts_free(o);
            return false;
        }
        char *eq = strchr(start, '=');
        if (eq == start) {
            snprintf(err, errlen, "%s: option without a name in \"%s\"", kind, s);
            opts_free(o);
            return false;
        }
        if (eq)
            *eq = 0;
        o->item[o->n].key = start;
        o->item[o->n].val = eq ? eq + 1 : NULL;
        o->n++;
        start = w;
        if (s[i] == 0)
            break;
    }
    return true;
}

void opts_free(dev_opts *o)
{
    free(o->buf);
    o->buf = NULL;
    o->n = 0;
}

const char *opts_get_nth(dev_opts *o, const char *key, unsigned nth)
{
    for (unsigned i = 0; i < o->n; i++)
        if (!strcmp(o->item[i].key, key)) {
            o->item[i].used = true;
            if (nth-- == 0)
                return o->item[i].val ? o->item[i].val : "";
        }
    return NULL;
}

const char *opts_get(dev_opts *o, const char *key)
{
    const char *last = NULL;
    for (unsigned i = 0;; i++) {
        const char *v = opts_get_nth(o, key, i);
        if (!v)
            return last;
        last = v;
    }
}

bool opts_flag(dev_opts *o, const char *key)
{
    for (unsigned i = 0; i < o->n; i++)
        if (!strcmp(o->item[i].key, key) && !o->item[i].val) {
            o->item[i].used = true;
            return true;
        }
    return false;
}

bool opts_bool(dev_opts *o, const char *key, bool *out, char *err,
               size_t errlen)
{
    const char *v = opts_get(o, key);
    if (!v)
        return true;
    static const char *const yes[] = {"on", "yes", "true", "1", ""};
    static const char *const no[] = {"off", "no", "false", "0"};
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
        if (!strcmp(v, yes[i])) {
            *out = true;
            return true;
        }
    for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
        if (!strcmp(v, no[i])) {
            *out = false;
            return true;
        }
    snprintf(err, errlen, "%s: %s=%s: expected on or off", o->kind, key, v);
    return false;
}

bool opts_uint(dev_opts *o, const char *key, uint64_t min, uint64_t max,
               uint64_t *out, char *err, size_t errlen)
{
    const char *v = opts_get(o, key);
    if (!v)
        return true;
    char *end;
    errno = 0;
    unsigned long long x = strtoull(v, &end, 0);
    if (!*v || *end || errno || *v == '-' || x < min || x > max) {
        snprintf(err, errlen, "%s: %s=%s: expected a number from %llu to %llu",
                 o->kind, key, v, (unsigned long long)min,
                 (unsigned long long)max);
        return false;
    }
    *out = x;
    return true;
}

bool opts_all_used(const dev_opts *o, char *err, size_t errlen)
{
    for (unsigned i = 0; i < o->n; i++)
        if (!o->item[i].used) {
            snprintf(err, errlen, "%s: unknown option '%s'", o->kind,
                     o->item[i].key);
            return false;
        }
    return true;
}

/* libc: string functions (glibc's are hand-written A64 with SIMD), malloc
 * and free of many sizes, qsort, snprintf and file I/O in a temporary
 * folder given as argv[1]. */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    CHECK(argc == 2);
    /* strings at every alignment and length around vector sizes */
    char s[300], t[300];
    for (int len = 0; len < 70; len++)
        for (int off = 0; off < 17; off++) {
            memset(s, 'x', sizeof s);
            for (int i = 0; i < len; i++)
                s[off + i] = (char)('a' + i % 26);
            s[off + len] = 0;
            CHECK(strlen(s + off) == (size_t)len);
            strcpy(t + (off * 3) % 16, s + off);
            CHECK(strcmp(t + (off * 3) % 16, s + off) == 0);
            CHECK(memcmp(t + (off * 3) % 16, s + off, len) == 0);
            if (len > 5) {
                CHECK(strchr(s + off, 'f') == s + off + 5);
                CHECK(memchr(s + off, 'c', len) == s + off + 2);
                t[(off * 3) % 16 + len - 1] = 'Z';
                CHECK(strcmp(t + (off * 3) % 16, s + off) < 0);
                CHECK(strncmp(t + (off * 3) % 16, s + off, len - 1) == 0);
            }
        }
    CHECK(strstr("hello aarch64 world", "aarch") != NULL);
    memmove(s + 1, s, 100);
    OK("string");

    void *blocks[200];
    for (int i = 0; i < 200; i++) {
        size_t n = (size_t)(i * i * 37 % 70000) + 1;
        blocks[i] = malloc(n);
        CHECK(blocks[i] != NULL);
        memset(blocks[i], i, n);
    }
    for (int i = 0; i < 200; i += 2)
        free(blocks[i]);
    for (int i = 1; i < 200; i += 2) {
        size_t n = (size_t)(i * i * 37 % 70000) + 1;
        CHECK(((unsigned char *)blocks[i])[n - 1] == (unsigned char)i);
        blocks[i] = realloc(blocks[i], n * 2);
        CHECK(((unsigned char *)blocks[i])[n - 1] == (unsigned char)i);
        free(blocks[i]);
    }
    void *big = calloc(1, 10 << 20); /* mmap-backed */
    CHECK(big && ((char *)big)[(10 << 20) - 1] == 0);
    free(big);
    OK("malloc");

    int v[1000];
    for (int i = 0; i < 1000; i++)
        v[i] = (i * 7919) % 1000;
    qsort(v, 1000, sizeof v[0], cmp_int);
    for (int i = 0; i < 1000; i++)
        CHECK(v[i] == i);
    OK("qsort");

    char buf[200];
    int n = snprintf(buf, sizeof buf, "%d|%5s|%-4x|%lld|%c|%08.3f", -42, "ab",
                     255, -9000000000ll, 'z', 3.14159);
    CHECK(strcmp(buf, "-42|   ab|ff  |-9000000000|z|0003.142") == 0);
    CHECK(n == (int)strlen(buf));
    volatile size_t four = 4;
    CHECK(snprintf(buf, four, "%s", "truncated") == 9 && strcmp(buf, "tru") == 0);
    OK("snprintf");

    char path[4096];
    /* the static and dynamic builds may run at once in one folder */
    snprintf(path, sizeof path, "%s/a64-libcwork-%d.txt", argv[1],
             (int)getpid());
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    for (int i = 0; i < 1000; i++)
        fprintf(f, "line %d\n", i);
    CHECK(fclose(f) == 0);
    struct stat st;
    CHECK(stat(path, &st) == 0 && st.st_size == 10 * 7 + 90 * 8 + 900 * 9);
    f = fopen(path, "r");
    CHECK(f != NULL);
    int k = 0, x;
    while (fscanf(f, "line %d\n", &x) == 1)
        CHECK(x == k++);
    CHECK(k == 1000);
    fclose(f);
    int fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    CHECK(lseek(fd, 10 * 7, SEEK_SET) == 70);
    CHECK(read(fd, buf, 9) == 9 && memcmp(buf, "line 10\n", 8) == 0);
    close(fd);
    CHECK(unlink(path) == 0 && access(path, F_OK) != 0);
    OK("fileio");
    return 0;
}

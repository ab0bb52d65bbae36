/*
 * The device option parser (src/machine/opts.c) and emu_device_add() on a
 * virt machine. The input is split at NUL bytes into at most MAX_ITEMS
 * items; each item's first byte picks a device kind, the rest is its
 * option string. Every item goes through opts_parse() and every getter
 * directly, then to emu_device_add(). Kinds that reach the host are held
 * on a short leash: "drive" only ever gets the harness's own image (an
 * item naming another file is skipped), "net" is only parsed (libslirp
 * would bind host ports for hostfwd). A last byte of 1 at an item's kind
 * hands emu_device_add() a NULL option string.
 */
#include <fcntl.h>
#include <libfdt.h>
#include <unistd.h>

#include "fuzz.h"
#include "machine/machine.h"
#include "machine/opts.h"

#define RAM_SIZE (1ull << 20)
#define MAX_ITEMS 12
#define MAX_ITEM 512

static const char *const kinds[] = {"rng",   "console", "keyboard", "tablet",
                                    "mouse", "display", "drive",    "net"};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

static char img_dir[64], img_path[96];

static void remove_image(void)
{
    unlink(img_path);
    rmdir(img_dir);
}

static const char *image(void)
{
    if (!img_path[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(img_dir, sizeof(img_dir), "%s/libemu-fuzz-XXXXXX",
                 tmp && *tmp && strlen(tmp) < 32 ? tmp : "/tmp");
        if (!mkdtemp(img_dir)) {
            perror("fuzz_opts: mkdtemp");
            abort();
        }
        snprintf(img_path, sizeof(img_path), "%s/disk.img", img_dir);
        int fd = open(img_path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0 || ftruncate(fd, 4096) != 0) {
            perror("fuzz_opts: image");
            abort();
        }
        close(fd);
        atexit(remove_image);
    }
    return img_path;
}

static void check_err(bool ok, const char *err, const char *what)
{
    if (!ok && !err[0]) {
        fprintf(stderr, "fuzz_opts: %s failed without a message\n", what);
        abort();
    }
}

/* Every getter on the parsed options, with the keys the devices use and
 * the first key the input gave. */
static void getters(const char *s)
{
    dev_opts o;
    char err[256] = "";
    bool ok = opts_parse(&o, "fuzz", s, err, sizeof(err));
    check_err(ok, err, "opts_parse");
    if (!ok)
        return;
    const char *keys[] = {"file", "format", "readonly", "serial", "width",
                          "height", "user", "hostfwd", "mac",
                          o.n ? o.item[0].key : "x"};
    for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
        const char *v = opts_get(&o, keys[k]);
        if (v)
            (void)strlen(v);
        for (unsigned i = 0; (v = opts_get_nth(&o, keys[k], i)) && i < OPTS_MAX; i++)
            (void)strlen(v);
        opts_flag(&o, keys[k]);
        bool b = false;
        err[0] = 0;
        check_err(opts_bool(&o, keys[k], &b, err, sizeof(err)), err, "opts_bool");
        uint64_t u = 7;
        err[0] = 0;
        check_err(opts_uint(&o, keys[k], 1, 4096, &u, err, sizeof(err)), err,
                  "opts_uint");
        if (u < 1 || u > 4096) {
            fprintf(stderr, "fuzz_opts: opts_uint gave %llu outside [1, 4096]\n",
                    (unsigned long long)u);
            abort();
        }
    }
    err[0] = 0;
    check_err(opts_all_used(&o, err, sizeof(err)), err, "opts_all_used");
    opts_free(&o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.board = EMU_BOARD_VIRT;
    cfg.ram_base = FZ_RAM_BASE;
    cfg.ram_size = RAM_SIZE;
    cfg.rtc_start_ns = 1;
    emu_machine *m = fz_machine(&cfg);

    size_t pos = 0;
    for (unsigned item = 0; item < MAX_ITEMS && pos < size; item++) {
        uint8_t sel = data[pos++];
        char s[MAX_ITEM + 1], t[MAX_ITEM + 128];
        const char *opts = s;
        size_t n = 0;
        while (pos < size && data[pos] && n < MAX_ITEM)
            s[n++] = (char)data[pos++];
        while (pos < size && data[pos]) /* the rest of an overlong item */
            pos++;
        pos++; /* the NUL */
        s[n] = 0;

        const char *kind = kinds[sel % NKINDS];
        getters(s);
        if (!strcmp(kind, "net"))
            continue;
        if (!strcmp(kind, "drive")) {
            if (strstr(s, "file"))
                continue;
            /* the image first: the input's own options follow it */
            snprintf(t, sizeof(t), "file=%s%s%s", image(), n ? "," : "", s);
            opts = t;
        }
        emu_status st = emu_device_add(m, kind, sel == 0xff ? NULL : opts);
        if (st != EMU_OK && !emu_last_error(m)[0]) {
            fprintf(stderr, "fuzz_opts: emu_device_add failed without a message\n");
            abort();
        }
    }
    /* the device tree lists what was added */
    if (virt_build_fdt(m, "console=ttyS0", 0, 0) == EMU_OK) {
        const void *dtb;
        size_t dtb_size;
        if (emu_get_dtb(m, &dtb, &dtb_size) != EMU_OK ||
            fdt_check_header(dtb) != 0 || fdt_totalsize(dtb) != dtb_size) {
            fprintf(stderr, "fuzz_opts: a bad device tree\n");
            abort();
        }
    }
    emu_machine_free(m);
    return 0;
}

/*
 * The virtio-mmio transport and the device models behind it, driven the
 * way a hostile guest driver could: the input is a sequence of operations
 * on a virt machine whose slots hold rng (0), console (1), a disk (2) on a
 * small temporary image, keyboard (3), tablet (4) and mouse (5). virtio-net
 * is left out: its only backend, libslirp, would open real host sockets
 * for whatever the guest sends (docs/robustness.md).
 *
 * Each operation is an opcode byte, then its arguments:
 *   0 write register    slot, offset (2 bytes), value (4), size code
 *   1 read register     slot, offset (2 bytes), size code
 *   2 write guest RAM   offset (4 bytes), length (1), the bytes
 *   3 notify            slot, queue
 *   4 bring up          slot, features mask (8 bytes), queue size (1):
 *                       reset, negotiate, every queue at its fixed area
 *                       (AREA()), DRIVER_OK, as tests/virtio_driver.c does
 *   5 descriptor        slot, queue, index (1), address (4), length (2),
 *                       flags (1; bit 7: address raw, else inside RAM),
 *                       next (1)
 *   6 make available    slot, queue, head (1), then notify
 *   7 host input        kind (1): console bytes (length, bytes) or an
 *                       input event (type 1, code 2, value 4 bytes)
 */
#include <fcntl.h>
#include <unistd.h>

#include "fuzz.h"
#include "machine/machine.h"

#define RAM_SIZE (2ull << 20)
#define MMIO_BASE 0x10001000ull
#define MMIO_STRIDE 0x1000ull
#define NSLOTS 6
#define NQ 4
#define IMG_SIZE (64 * 1024)
#define MAX_OPS 256
/* queue q of slot s: descriptors, then the available and used rings */
#define AREA(s, q) (FZ_RAM_BASE + 0x100000 + ((s) * NQ + (q)) * 0x2000ull)
#define AVAIL_OFF 0x1000
#define USED_OFF 0x1400

enum {
    R_DEV_FEATURES = 0x010, R_DEV_FEATURES_SEL = 0x014,
    R_DRV_FEATURES = 0x020, R_DRV_FEATURES_SEL = 0x024,
    R_QUEUE_SEL = 0x030, R_QUEUE_NUM = 0x038, R_QUEUE_READY = 0x044,
    R_QUEUE_NOTIFY = 0x050, R_STATUS = 0x070,
    R_DESC_LO = 0x080, R_DESC_HI = 0x084, R_DRIVER_LO = 0x090,
    R_DRIVER_HI = 0x094, R_DEVICE_LO = 0x0a0, R_DEVICE_HI = 0x0a4,
};

static char img_dir[64], img_path[96];
static int img_fd = -1;

static void remove_image(void)
{
    if (img_fd >= 0)
        close(img_fd);
    unlink(img_path);
    rmdir(img_dir);
}

/* One image for the process, in a directory of its own under TMPDIR;
 * every input starts it zeroed so runs are repeatable. */
static void reset_image(void)
{
    if (img_fd < 0) {
        const char *tmp = getenv("TMPDIR");
        snprintf(img_dir, sizeof(img_dir), "%s/libemu-fuzz-XXXXXX",
                 tmp && *tmp && strlen(tmp) < 32 ? tmp : "/tmp");
        if (!mkdtemp(img_dir)) {
            perror("fuzz_virtio: mkdtemp");
            abort();
        }
        snprintf(img_path, sizeof(img_path), "%s/disk.img", img_dir);
        img_fd = open(img_path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (img_fd < 0) {
            perror("fuzz_virtio: image");
            abort();
        }
        atexit(remove_image);
    }
    if (ftruncate(img_fd, 0) != 0 || ftruncate(img_fd, IMG_SIZE) != 0) {
        perror("fuzz_virtio: ftruncate");
        abort();
    }
}

typedef struct fz_queue {
    uint16_t num;       /* as brought up; 0 before */
    uint16_t avail_idx; /* the driver's next avail->idx */
} fz_queue;

static uint64_t reg(unsigned slot, uint32_t off)
{
    return MMIO_BASE + MMIO_STRIDE * slot + off;
}

static void wreg(emu_machine *m, unsigned slot, uint32_t off, uint32_t v)
{
    bus_write(&m->bus, reg(slot, off), 4, v);
}

static void bring_up(emu_machine *m, unsigned slot, uint64_t mask,
                     uint16_t num, fz_queue *qs)
{
    uint64_t v = 0;
    wreg(m, slot, R_STATUS, 0);
    wreg(m, slot, R_STATUS, 1);
    wreg(m, slot, R_STATUS, 1 | 2);
    uint64_t features = 0;
    for (unsigned sel = 0; sel < 2; sel++) {
        wreg(m, slot, R_DEV_FEATURES_SEL, sel);
        bus_read(&m->bus, reg(slot, R_DEV_FEATURES), 4, &v);
        features |= (v & 0xffffffffu) << (32 * sel);
    }
    features &= mask;
    for (unsigned sel = 0; sel < 2; sel++) {
        wreg(m, slot, R_DRV_FEATURES_SEL, sel);
        wreg(m, slot, R_DRV_FEATURES, (uint32_t)(features >> (32 * sel)));
    }
    wreg(m, slot, R_STATUS, 1 | 2 | 8);
    for (unsigned q = 0; q < NQ; q++) {
        uint64_t a = AREA(slot, q);
        wreg(m, slot, R_QUEUE_SEL, q);
        wreg(m, slot, R_QUEUE_NUM, num);
        wreg(m, slot, R_DESC_LO, (uint32_t)a);
        wreg(m, slot, R_DESC_HI, (uint32_t)(a >> 32));
        wreg(m, slot, R_DRIVER_LO, (uint32_t)(a + AVAIL_OFF));
        wreg(m, slot, R_DRIVER_HI, (uint32_t)((a + AVAIL_OFF) >> 32));
        wreg(m, slot, R_DEVICE_LO, (uint32_t)(a + USED_OFF));
        wreg(m, slot, R_DEVICE_HI, (uint32_t)((a + USED_OFF) >> 32));
        wreg(m, slot, R_QUEUE_READY, 1);
        qs[q].num = num;
        qs[q].avail_idx = 0;
    }
    wreg(m, slot, R_STATUS, 1 | 2 | 8 | 4);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    reset_image();
    emu_config cfg = emu_config_default(EMU_ARCH_RISCV64);
    cfg.board = EMU_BOARD_VIRT;
    cfg.ram_base = FZ_RAM_BASE;
    cfg.ram_size = RAM_SIZE;
    cfg.rtc_start_ns = 1;
    emu_machine *m = fz_machine(&cfg);
    char drive[128];
    snprintf(drive, sizeof(drive), "file=%s", img_path);
    static const char *const kinds[NSLOTS] = {"rng", "console", "drive",
                                              "keyboard", "tablet", "mouse"};
    for (unsigned i = 0; i < NSLOTS; i++)
        if (emu_device_add(m, kinds[i], i == 2 ? drive : "") != EMU_OK) {
            fprintf(stderr, "fuzz_virtio: %s: %s\n", kinds[i], emu_last_error(m));
            abort();
        }

    fz_queue qs[NSLOTS][NQ];
    memset(qs, 0, sizeof(qs));
    fz_in in = {data, size};
    for (unsigned op = 0; in.n && op < MAX_OPS; op++) {
        uint8_t code = fz_u8(&in);
        switch (code & 7) {
        case 0: {
            unsigned slot = fz_u8(&in) % NSLOTS;
            uint32_t off = fz_u16(&in) & 0x1ff;
            uint32_t val = fz_u32(&in);
            unsigned sz = 1u << (fz_u8(&in) & 3);
            bus_write(&m->bus, reg(slot, off & ~(sz - 1)), sz, val);
            break;
        }
        case 1: {
            unsigned slot = fz_u8(&in) % NSLOTS;
            uint32_t off = fz_u16(&in) & 0x1ff;
            unsigned sz = 1u << (fz_u8(&in) & 3);
            uint64_t v;
            bus_read(&m->bus, reg(slot, off & ~(sz - 1)), sz, &v);
            break;
        }
        case 2: {
            uint64_t at = FZ_RAM_BASE + fz_u32(&in) % RAM_SIZE;
            const uint8_t *p;
            size_t n = fz_take(&in, fz_u8(&in), &p);
            if (at + n > FZ_RAM_BASE + RAM_SIZE)
                n = (size_t)(FZ_RAM_BASE + RAM_SIZE - at);
            emu_mem_write(m, at, p, n);
            break;
        }
        case 3: {
            unsigned slot = fz_u8(&in) % NSLOTS;
            wreg(m, slot, R_QUEUE_NOTIFY, fz_u8(&in));
            break;
        }
        case 4: {
            unsigned slot = fz_u8(&in) % NSLOTS;
            uint64_t mask = fz_u64(&in);
            bring_up(m, slot, mask, (uint16_t)(fz_u8(&in) + 1), qs[slot]);
            break;
        }
        case 5: {
            unsigned slot = fz_u8(&in) % NSLOTS, q = fz_u8(&in) % NQ;
            uint8_t idx = fz_u8(&in);
            uint32_t addr = fz_u32(&in);
            uint16_t len = fz_u16(&in);
            uint8_t flags = fz_u8(&in);
            uint8_t next = fz_u8(&in);
            uint8_t d[16];
            uint64_t a = flags & 0x80 ? addr : FZ_RAM_BASE + addr % RAM_SIZE;
            for (unsigned i = 0; i < 8; i++)
                d[i] = (uint8_t)(a >> (8 * i));
            d[8] = (uint8_t)len;
            d[9] = (uint8_t)(len >> 8);
            d[10] = d[11] = 0;
            d[12] = flags & 7;
            d[13] = 0;
            d[14] = next;
            d[15] = 0;
            emu_mem_write(m, AREA(slot, q) + 16ull * idx, d, sizeof(d));
            break;
        }
        case 6: {
            unsigned slot = fz_u8(&in) % NSLOTS, q = fz_u8(&in) % NQ;
            uint8_t head = fz_u8(&in);
            fz_queue *fq = &qs[slot][q];
            if (!fq->num)
                break;
            uint64_t avail = AREA(slot, q) + AVAIL_OFF;
            uint16_t h = head, idx = (uint16_t)(fq->avail_idx + 1);
            emu_mem_write(m, avail + 4 + 2ull * (fq->avail_idx % fq->num), &h, 2);
            emu_mem_write(m, avail + 2, &idx, 2);
            fq->avail_idx = idx;
            wreg(m, slot, R_QUEUE_NOTIFY, q);
            break;
        }
        default: {
            if (fz_u8(&in) & 1) {
                const uint8_t *p;
                size_t n = fz_take(&in, fz_u8(&in), &p);
                emu_console_input(m, p, n);
            } else {
                unsigned type = fz_u8(&in);
                unsigned c = fz_u16(&in);
                emu_input_event(m, type, c, (int32_t)fz_u32(&in));
            }
            break;
        }
        }
    }
    emu_machine_free(m);
    return 0;
}

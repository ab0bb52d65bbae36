/*
 * virtio devices (virtio 1.2): the interface between the virtio-mmio
 * transport (virtio_mmio.c), which owns the registers, the status state
 * machine, feature negotiation, the split virtqueues and the interrupt,
 * and a device model (virtio_blk.c, virtio_net.c, ...), which only turns
 * requests into host actions.
 *
 * Everything a guest puts in a virtqueue is untrusted. The transport
 * checks every descriptor chain before a device model sees it: indices in
 * range, no loops, lengths and addresses inside guest RAM, writable
 * descriptors after readable ones, an indirect table well formed. A chain
 * that breaks a rule puts the device in DEVICE_NEEDS_RESET (virtio 1.2
 * 2.1.2) and the device model never sees it. A model therefore works on
 * host pointers it may use directly, within the lengths given.
 */
#ifndef DEVICES_VIRTIO_H
#define DEVICES_VIRTIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Device IDs (virtio 1.2 section 5) */
enum {
    VIRTIO_ID_NET = 1,
    VIRTIO_ID_BLOCK = 2,
    VIRTIO_ID_CONSOLE = 3,
    VIRTIO_ID_RNG = 4,
    VIRTIO_ID_GPU = 16,
    VIRTIO_ID_INPUT = 18,
};

/* Feature bits the transport deals with (virtio 1.2 section 6) */
#define VIRTIO_F_INDIRECT_DESC (1ull << 28)
#define VIRTIO_F_EVENT_IDX (1ull << 29)
#define VIRTIO_F_VERSION_1 (1ull << 32)

/* Device status bits (virtio 1.2 2.1) */
enum {
    VIRTIO_STATUS_ACKNOWLEDGE = 1,
    VIRTIO_STATUS_DRIVER = 2,
    VIRTIO_STATUS_DRIVER_OK = 4,
    VIRTIO_STATUS_FEATURES_OK = 8,
    VIRTIO_STATUS_NEEDS_RESET = 64,
    VIRTIO_STATUS_FAILED = 128,
};

/* Limits the transport enforces (documented in docs/robustness.md) */
#define VIRTIO_QUEUE_MAX 1024  /* largest QueueNumMax any model may offer */
#define VIRTIO_MAX_QUEUES 8
#define VIRTIO_CONFIG_MAX 256  /* bytes of device configuration space */

/* One buffer of a request: a host pointer into guest RAM, already checked. */
typedef struct virtio_seg {
    uint8_t *p;
    uint32_t len;
    uint64_t gpa; /* its guest-physical address */
} virtio_seg;

/*
 * A request popped from a virtqueue: the chain's device-readable buffers
 * (out) followed by its device-writable ones (in), flattened, indirect
 * tables resolved. seg points at transport-owned storage that stays valid
 * until the next virtio_pop() on the same queue.
 */
typedef struct virtio_req {
    uint16_t head;      /* descriptor index the used ring reports */
    unsigned nout, nin; /* seg[0..nout) readable, seg[nout..nout+nin) writable */
    uint64_t out_len, in_len; /* total bytes of each kind */
    virtio_seg *seg;
} virtio_req;

typedef struct virtio_dev virtio_dev; /* the transport's state */
struct snap_w;
struct snap_r;

/* What a device model tells the transport. */
typedef struct virtio_ops {
    const char *name;   /* for messages: "virtio-blk" */
    uint32_t device_id; /* VIRTIO_ID_* */
    uint64_t features;  /* device-specific features offered; the transport
                           adds VERSION_1, INDIRECT_DESC and EVENT_IDX */
    unsigned nqueues;   /* at most VIRTIO_MAX_QUEUES */
    uint16_t queue_max; /* QueueNumMax, a power of 2, <= VIRTIO_QUEUE_MAX */
    uint32_t config_size; /* bytes of configuration space, <= VIRTIO_CONFIG_MAX */

    /* The driver kicked queue q (QueueNotify), or a queue became ready.
     * Called only while DRIVER_OK is set and the device is not broken. */
    void (*notify)(void *model, virtio_dev *v, unsigned q);
    /* The driver wrote config bytes [off, off + len) (already stored in
     * virtio_config(v)); NULL makes the configuration space read-only. */
    void (*config_write)(void *model, virtio_dev *v, uint32_t off, uint32_t len);
    /* The device was reset by the driver (status 0) or the machine. */
    void (*reset)(void *model, virtio_dev *v);
    /* FEATURES_OK was accepted with these features (optional). */
    void (*features_ok)(void *model, virtio_dev *v, uint64_t features);
    /*
     * Host-side work between scheduling rounds (optional): take input that
     * arrived from the host (network frames, console bytes) into the
     * device's receive queues. timeout_ms > 0 lets it wait that long for
     * host input when the guest is idle (realtime mode); 0 must not block.
     */
    void (*poll)(void *model, virtio_dev *v, int timeout_ms);
    /* Release the model's state (host files closed, buffers flushed). */
    void (*free)(void *model);
    /*
     * Snapshots (optional, as dev_ops.save/load): the model's own state
     * beyond the transport's (buffered input, its kind). load with commit
     * false only checks; with commit true it applies and cannot fail.
     */
    void (*save)(void *model, struct snap_w *w);
    bool (*load)(void *model, virtio_dev *v, struct snap_r *r, bool commit);
} virtio_ops;

/* ---- for device models ---- */

/*
 * Pop the next available request of queue q. Returns false when the queue
 * is empty, not ready, or broken (the device then needs a reset).
 */
bool virtio_pop(virtio_dev *v, unsigned q, virtio_req *req);
/*
 * Return a request to the driver through the used ring, saying `written`
 * bytes of its writable buffers were filled (clamped to in_len), and
 * interrupt the driver unless it suppressed that (flags or event index).
 */
void virtio_push(virtio_dev *v, unsigned q, const virtio_req *req,
                 uint32_t written);
/* Copy between a request's buffers and the host, starting `off` bytes into
 * its readable (out) or writable (in) part; returns the bytes copied. */
size_t virtio_req_read(const virtio_req *req, uint64_t off, void *buf,
                       size_t len);
size_t virtio_req_write(const virtio_req *req, uint64_t off, const void *buf,
                        size_t len);
/* True when queue q is ready and the driver has set DRIVER_OK. */
bool virtio_queue_ready(const virtio_dev *v, unsigned q);
/* The features the driver accepted. */
uint64_t virtio_features(const virtio_dev *v);
/* The configuration space (config_size bytes) the model keeps current;
 * after changing it call virtio_config_changed(). */
uint8_t *virtio_config(virtio_dev *v);
void virtio_config_changed(virtio_dev *v);
/* The model found the driver misusing the device: set DEVICE_NEEDS_RESET
 * and tell the driver (a configuration-change interrupt). */
void virtio_set_broken(virtio_dev *v, const char *why);
/* Log through the machine's logger. */
void virtio_log(virtio_dev *v, int level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif

/*
 * virtio-rng (virtio 1.2 section 5.4): one request queue; every writable
 * buffer the driver offers comes back filled from the host's random
 * source (getrandom(2)). It has no configuration and no features.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "devices/virtio_models.h"

/* bytes served per request at most, so a huge buffer costs bounded time */
#define RNG_MAX_REQUEST 65536

static void rng_notify(void *model, virtio_dev *v, unsigned q)
{
    virtio_req req;
    uint8_t buf[4096];
    while (virtio_pop(v, q, &req)) {
        uint64_t want = req.in_len < RNG_MAX_REQUEST ? req.in_len : RNG_MAX_REQUEST;
        uint64_t done = 0;
        while (done < want) {
            size_t n = want - done < sizeof(buf) ? want - done : sizeof(buf);
            /* never block the emulator: a host whose pool is not ready
             * yet returns what it has (possibly nothing), as the spec
             * allows (5.4.6: the device may return fewer bytes) */
            ssize_t got = getrandom(buf, n, GRND_NONBLOCK);
            if (got < 0) {
                if (errno == EINTR)
                    continue;
                if (errno != EAGAIN)
                    virtio_log(v, 1, "virtio-rng: getrandom: %s", strerror(errno));
                break;
            }
            virtio_req_write(&req, done, buf, (size_t)got);
            done += (uint64_t)got;
        }
        virtio_push(v, q, &req, (uint32_t)done);
    }
}

static void rng_free(void *model) { (void)model; }

static const virtio_ops rng_ops = {
    .name = "virtio-rng",
    .device_id = VIRTIO_ID_RNG,
    .nqueues = 1,
    .queue_max = 64,
    .notify = rng_notify,
    .free = rng_free,
};

emu_status virtio_rng_create(dev_opts *o, const virtio_host *host,
                             const virtio_ops **ops, void **model, char *err,
                             size_t errlen)
{
    (void)o, (void)host, (void)err, (void)errlen;
    *ops = &rng_ops;
    *model = NULL;
    return EMU_OK;
}

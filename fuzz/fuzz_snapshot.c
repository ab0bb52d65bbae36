/*
 * Snapshot files: snapshot_decode() (what emu_snapshot_read() does with a
 * file's bytes) on any bytes, and a snapshot that decodes is restored
 * into a small machine (snapshot_machines.h) and run for 2000
 * instructions, so that every device's load and the harts' checks meet
 * hostile values.
 *
 * Input: one byte of flags, then the file's bytes.
 *   bits 0-1  the machine to restore into (0, 1, 2; 3 means 0)
 *   bit 2     put the right CRC-32 in the file's last 4 bytes first, so
 *             that mutations get past the checksum to the parser
 */
#include "fuzz.h"
#include "libemu/snapshot.h"
#include "machine/snapshot.h"
#include "snapshot_machines.h"

#include <zlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t flags = data[0];
    size_t len = size - 1;
    uint8_t *file = malloc(len ? len : 1);
    if (!file)
        return 0;
    memcpy(file, data + 1, len);
    if ((flags & 4) && len >= 4) {
        uint32_t crc = (uint32_t)crc32_z(crc32_z(0, NULL, 0), file, len - 4);
        memcpy(file + len - 4, &crc, 4);
    }
    emu_snapshot *s = NULL;
    char err[256] = "";
    emu_status st = snapshot_decode(file, len, &s, err, sizeof(err));
    free(file);
    if (st != EMU_OK) {
        if (s || !err[0]) {
            fprintf(stderr, "fuzz_snapshot: failure without a message\n");
            abort();
        }
        return 0;
    }
    emu_machine *m = fz_snapshot_machine((flags & 3) % FZ_SNAP_MACHINES);
    if (emu_snapshot_restore(m, s) == EMU_OK) {
        emu_exit e;
        emu_run(m, 2000, &e);
        /* and the restored state saves again */
        emu_snapshot *again = NULL;
        if (emu_snapshot_save(m, &again) == EMU_OK)
            emu_snapshot_free(again);
    } else if (!emu_last_error(m)[0]) {
        fprintf(stderr, "fuzz_snapshot: refused without a message\n");
        abort();
    }
    emu_snapshot_free(s);
    emu_machine_free(m);
    return 0;
}

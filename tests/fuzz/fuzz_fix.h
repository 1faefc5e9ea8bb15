/* fuzz_fix.h -- checksum repairs for the fuzz harnesses.
 *
 * Saves and replays carry checksums, so almost every mutated input is
 * refused at the first check and the field checks behind it are never
 * reached. Each harness therefore runs an input twice: as it is (the header
 * and checksum checks), and once more after these functions have made its
 * lengths and checksums agree with its bytes (the field checks). They only
 * rewrite length and checksum fields, never the data they cover.
 */
#ifndef CP_FUZZ_FIX_H
#define CP_FUZZ_FIX_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bytes.h"
#include "save_internal.h"

/* A world save (cp_world_save bytes): payload length and checksum. */
static inline void fuzz_fix_world(unsigned char *buf, size_t len)
{
    if (len < SAVE_HEADER_BYTES || memcmp(buf, SAVE_MAGIC, SAVE_MAGIC_BYTES) != 0)
        return;
    bytes_put_u64(buf + 16, (uint64_t)(len - SAVE_HEADER_BYTES));
    bytes_put_u64(buf + 24, save_checksum(buf, len));
}

/* A save file (savefile.c's container): the world section inside it, then
 * the body length and the container's checksum. */
static inline void fuzz_fix_savefile(unsigned char *buf, size_t len)
{
    static const unsigned char magic[8] = {'C', 'P', 'S', 'A', 'V', 'E', 0x1a, '\n'};
    if (len < 32 || memcmp(buf, magic, sizeof magic) != 0)
        return;
    size_t pos = 32;
    for (int i = 0; i < 2 && len - pos >= 4; i++) {
        uint32_t nl = bytes_get_u32(buf + pos);
        if (nl > len - pos - 4 || len - pos - 4 - nl < 8)
            break;
        const unsigned char *name = buf + pos + 4;
        pos += 4 + nl;
        uint64_t n = bytes_get_u64(buf + pos);
        pos += 8;
        if (n > len - pos)
            break;
        if (nl == 5 && memcmp(name, "world", 5) == 0)
            fuzz_fix_world(buf + pos, (size_t)n);
        pos += (size_t)n;
    }
    bytes_put_u64(buf + 16, (uint64_t)(len - 32));
    uint64_t h = bytes_fnv1a(BYTES_FNV_BASIS, buf, 24);
    bytes_put_u64(buf + 24, bytes_fnv1a(h, buf + 32, len - 32));
}

/* A replay (replay_file.c): every whole record's checksum, and the start
 * world inside the first record when its length field fits. */
static inline void fuzz_fix_replay(unsigned char *buf, size_t len)
{
    size_t pos = 16;
    int first = 1;
    while (len > pos && len - pos >= 16) {
        unsigned char *rec = buf + pos;
        uint32_t body = bytes_get_u32(rec + 4);
        if (body > len - pos - 16)
            break;
        if (first && memcmp(rec, "STRT", 4) == 0) {
            /* two strings, seed, turn, then the world's length and bytes */
            size_t p = 8, end = 8 + (size_t)body;
            for (int s = 0; s < 2 && end - p >= 4; s++) {
                uint32_t sl = bytes_get_u32(rec + p);
                p = sl > end - p - 4 ? end : p + 4 + sl;
            }
            if (end - p >= 20) {
                p += 12;
                uint64_t wl = bytes_get_u64(rec + p);
                p += 8;
                if (wl <= end - p)
                    fuzz_fix_world(rec + p, (size_t)wl);
            }
        }
        first = 0;
        bytes_put_u64(rec + 8 + body, bytes_fnv1a(BYTES_FNV_BASIS, rec, 8 + (size_t)body));
        pos += 16 + (size_t)body;
    }
}

#endif

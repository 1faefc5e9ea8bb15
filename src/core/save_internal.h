/* save_internal.h -- the world save format, shared by save.c (the field list,
 * in both directions, and cp_world_save) and save_read.c (cp_world_load).
 *
 * A saved world is a 32-byte header and a payload:
 *
 *   offset  size  field
 *        0     8  magic "CPWORLD\x1a"
 *        8     4  format version (little-endian, like every number here)
 *       12     4  model version (CP_MODEL_VERSION; format 1 and 2 wrote 0,
 *                 meaning model version 1)
 *       16     8  payload length in bytes
 *       24     8  checksum: 64-bit FNV-1a over bytes 0..23, then the payload
 *       32     -  payload: sections, each a 4-letter tag, a 4-byte length and
 *                 its fields in the order save.c lists them
 *
 * docs/saves.md describes the sections and how versions migrate. Nothing
 * outside src/core includes this header (the fuzz harness does, to fix up
 * checksums so that it can reach the field checks).
 */
#ifndef CP_SAVE_INTERNAL_H
#define CP_SAVE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "world_internal.h"

#define SAVE_MAGIC "CPWORLD\x1a"
enum {
    SAVE_VERSION = 4,        /* the version this build writes (2: policy locks, tariffs by route;
                                3: heavy separation lines, the model's long-run state;
                                4: goals, consent to foreign investment, news partners) */
    SAVE_VERSION_OLDEST = 1, /* the oldest version it reads (and migrates) */
    SAVE_HEADER_BYTES = 32,
    SAVE_MAGIC_BYTES = 8,
    /* Turn numbers and durations in a save lie within +-SAVE_MAX_TURNS: far
     * beyond any game (4000 turns are a millennium), and far enough from
     * INT_MAX that the rules' turn arithmetic (a turn plus a delay plus a
     * stage's length, a turn minus a proposal's) cannot overflow on a
     * damaged file. */
    SAVE_MAX_TURNS = 1000000
};

/* No number of a world's state lies beyond +-1e30 (save.c): the largest a
 * game at the top of every scenario range reaches in 100,000 turns is near
 * 1e25 (money), and a loaded 1e300 made the next turn infinite. The market's
 * premiums are exempt (they are bounded by the solve itself, below the
 * largest double). */
#define SAVE_MAX_MAGNITUDE 1e30

/* One pass over a world's fields, reading or writing. The same field list
 * (save_fields) drives both directions, so the writer and the reader cannot
 * disagree; checks run in both, so a world the loader would refuse is
 * refused when it is saved, not when it is needed. */
typedef struct {
    int reading;           /* 1: bytes -> world; 0: world -> bytes */
    /* Two ways to walk a world without writing bytes (reading = 0):
     * SAVE_HASH folds every field into 'hash' (cp_world_hash) and checks
     * nothing; SAVE_CHECK runs the writer's checks only (debug builds'
     * invariant after each turn). 0: a real read or write. */
    int dry;
    uint64_t hash;
    uint32_t version;      /* the bytes' format version */
    /* writing: a growing buffer; reading: the input (never written) */
    unsigned char *out;
    const unsigned char *in;
    size_t pos;            /* next byte */
    size_t end;            /* reading: end of the current section */
    size_t limit;          /* reading: end of the payload */
    size_t cap;            /* writing: allocated bytes */
    size_t section_at;     /* writing: where the current section's length goes */
    const char *section;   /* "nations", ... for messages */
    const char *what;      /* "nation", "facility", ... or NULL */
    int index;             /* which one */
    int failed;
    cp_status code;
    char message[CP_TEXT_LEN];
    /* 1 while the world's sections pass (not the scenario's, which has its
     * ranges): every double within +-SAVE_MAX_MAGNITUDE */
    int capped;
    /* writing, for tests: told where each field's bytes go ('kind': 'i' an
     * int, 'u' a 64-bit integer, 'd' a double, 's' a string's bytes) */
    void (*on_field)(void *ud, size_t at, size_t size, char kind, const char *section,
                     const char *name);
    void *on_field_ud;
} save_io;

enum { SAVE_HASH = 1, SAVE_CHECK = 2 };

/* Visit every field of 'w' in format order (save.c). Reading, 'w' is a
 * zeroed world whose shared scenario is allocated; the heap arrays are
 * allocated here. Returns 0, or -1 with io->message set. */
int save_fields(save_io *io, cp_world *w);

/* Save 'w' as cp_world_save does, telling 'fn' where each field's bytes
 * lie in '*buf' (tests/core/test_hash_fields.c perturbs each in turn). */
cp_status save_with_field_map(const cp_world *w, unsigned char **buf, size_t *len,
                              void (*fn)(void *ud, size_t at, size_t size, char kind,
                                         const char *section, const char *name),
                              void *ud, cp_error *err);

/* cp_world_load, with the model version check skipped when 'any_model' is
 * set: the format migration tests load files of older models through it. */
cp_world *save_load(const unsigned char *buf, size_t len, int any_model, cp_error *err);

/* The model version a world buffer with a complete header was saved
 * under (1 for formats 1 and 2, which did not record it). */
uint32_t save_model_version(const unsigned char *buf);

/* 64-bit FNV-1a, continued from 'h' (start with SAVE_FNV_BASIS). */
#define SAVE_FNV_BASIS 0xcbf29ce484222325ULL
uint64_t save_fnv1a(uint64_t h, const unsigned char *p, size_t n);

/* The checksum a buffer with a complete header should carry. */
uint64_t save_checksum(const unsigned char *buf, size_t len);

static inline uint32_t save_get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t save_get_u64(const unsigned char *p)
{
    return (uint64_t)save_get_u32(p) | (uint64_t)save_get_u32(p + 4) << 32;
}

static inline void save_put_u32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static inline void save_put_u64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

#endif

/* memory_codec.h -- an agent's memory as compact bytes and back.
 *
 * Memory is plain data: a tree of tables (no table twice, no metatables)
 * whose keys are strings, numbers or booleans and whose values are also
 * strings, numbers (integers stay integers, floats keep every bit) or
 * booleans, at most CPS_MEMORY_MAX_DEPTH tables deep and at most a given
 * number of bytes once encoded. The encoding is binary, so a string costs
 * its length and four bytes, whatever bytes it holds:
 *
 *   magic "CPMEM1\x1a\n" (8 bytes), then one value:
 *   'T' u32 count, then count pairs of key and value (keys in the sandbox's
 *       deterministic order: the same memory always gives the same bytes)
 *   'S' u32 length, then the bytes      'I' i64      'F' f64 (IEEE-754 bits)
 *   'B' u8 (0 false, 1 true)            all numbers little-endian
 *
 * The decoder trusts nothing: a save is a file anyone can edit. Private to
 * src/script (it includes lua.h).
 */
#ifndef CPS_MEMORY_CODEC_H
#define CPS_MEMORY_CODEC_H

#include <stddef.h>

#include <lua.h>

#define CPS_MEMORY_MAGIC "CPMEM1\x1a\n"
enum {
    CPS_MEMORY_MAGIC_LEN = 8,
    CPS_MEMORY_MAX_DEPTH = 64 /* tables inside tables, the memory table itself being 1 */
};

/* Encode the table at 'idx' of L into a malloc'd buffer (*out, *len) of at
 * most 'limit' bytes. '*work' gets what it cost, in instructions (one per
 * entry and one per 64 bytes of strings), to be charged to the agent. Runs
 * in a protected call (it allocates in L). Returns 0, or -1 with a message
 * that names the place, "memory.plan[3]: a function cannot be kept
 * (memory holds plain data: ...)". */
int cps_memory_encode(lua_State *L, int idx, size_t limit, unsigned char **out, size_t *len,
                      long long *work, char *err, size_t errlen);

/* Decode 'len' bytes (magic included) and push the table on L. Returns 0,
 * or -1 with a message (nothing pushed). Runs in a protected call: a
 * memory error (the sandbox's cap) is a refusal too. */
int cps_memory_decode(lua_State *L, const unsigned char *buf, size_t len, char *err,
                      size_t errlen);

/* 1 if the bytes start with the binary format's magic. */
int cps_memory_is_binary(const unsigned char *buf, size_t len);

#endif

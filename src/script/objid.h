/* objid.h -- creation serials for Lua objects, so identity never shows an address.
 *
 * Lua prints tables as "table: 0x5581..." and hashes them by address, which
 * changes from run to run. The sandbox's allocator numbers every table and
 * closure as it is created; tostring and the sandbox's pairs use that number
 * instead, which is the same in every run of the same game. This file is a
 * plain open-addressing map from block address to serial; it knows no Lua.
 */
#ifndef CPS_OBJID_H
#define CPS_OBJID_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uintptr_t key; /* 0 = empty slot */
    uint64_t serial;
} cps_objid_slot;

typedef struct {
    cps_objid_slot *slots;
    size_t cap;   /* a power of two, or 0 */
    size_t count;
    uint64_t next_serial;
} cps_objid;

/* Number the block 'p' (just allocated); returns 0, or -1 when out of memory
 * (the object then has no serial and falls back to first-seen numbering). */
int cps_objid_note(cps_objid *m, const void *p);
/* Forget 'p' if it was numbered (the block is being freed). */
void cps_objid_forget(cps_objid *m, const void *p);
/* The serial of 'p', or 0 if it has none. */
uint64_t cps_objid_find(const cps_objid *m, const void *p);
void cps_objid_free(cps_objid *m);

#endif

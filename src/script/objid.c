/* objid.c -- the address -> creation-serial map behind deterministic identity. */
#include <stdlib.h>

#include "objid.h"

static size_t slot_of(uintptr_t key, size_t cap)
{
    /* Blocks are 16-byte aligned: drop the low bits, then mix (Fibonacci). */
    uint64_t h = (uint64_t)(key >> 4) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 20) & (cap - 1);
}

static int grow(cps_objid *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1024;
    cps_objid_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].key)
            continue;
        size_t j = slot_of(m->slots[i].key, cap);
        while (slots[j].key)
            j = (j + 1) & (cap - 1);
        slots[j] = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

int cps_objid_note(cps_objid *m, const void *p)
{
    if ((m->count + 1) * 2 > m->cap && grow(m) != 0)
        return -1;
    uintptr_t key = (uintptr_t)p;
    size_t j = slot_of(key, m->cap);
    while (m->slots[j].key && m->slots[j].key != key)
        j = (j + 1) & (m->cap - 1);
    if (!m->slots[j].key)
        m->count++;
    m->slots[j].key = key;
    m->slots[j].serial = ++m->next_serial;
    return 0;
}

uint64_t cps_objid_find(const cps_objid *m, const void *p)
{
    if (!m->cap)
        return 0;
    uintptr_t key = (uintptr_t)p;
    size_t j = slot_of(key, m->cap);
    while (m->slots[j].key) {
        if (m->slots[j].key == key)
            return m->slots[j].serial;
        j = (j + 1) & (m->cap - 1);
    }
    return 0;
}

/* Linear probing with backward-shift deletion: after emptying a slot, move
 * later members of the probe run back so that no lookup stops early. */
void cps_objid_forget(cps_objid *m, const void *p)
{
    if (!m->cap)
        return;
    uintptr_t key = (uintptr_t)p;
    size_t mask = m->cap - 1, j = slot_of(key, m->cap);
    while (m->slots[j].key && m->slots[j].key != key)
        j = (j + 1) & mask;
    if (!m->slots[j].key)
        return;
    m->slots[j].key = 0;
    m->count--;
    size_t hole = j;
    for (size_t k = (j + 1) & mask; m->slots[k].key; k = (k + 1) & mask) {
        size_t home = slot_of(m->slots[k].key, m->cap);
        /* may the entry at k move to the hole? only if its home is not in (hole, k] */
        int between = hole <= k ? (home > hole && home <= k) : (home > hole || home <= k);
        if (!between) {
            m->slots[hole] = m->slots[k];
            m->slots[k].key = 0;
            hole = k;
        }
    }
}

void cps_objid_free(cps_objid *m)
{
    free(m->slots);
    m->slots = NULL;
    m->cap = m->count = 0;
}

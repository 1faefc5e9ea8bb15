/* test_hash_fields.c -- the state hash covers every field a save holds.
 *
 * A rich world (three nations, random orders, deals proposed, answered and
 * countered, events lasting and injected, a policy lock, decisions still
 * queued) is saved; the writer says where each field's bytes lie
 * (save_with_field_map). Each field in turn is then perturbed in a copy of
 * the save -- an int by one, a double by its last bit, a string's first
 * letter -- the checksum fixed, and the copy loaded: a perturbed save that
 * loads is a different world, and must hash differently. Fields whose every
 * perturbation the loader refuses (counts, ids, names that must match the
 * scenario) cannot make two saved worlds differ, and are counted.
 *
 * The regression: the hash once folded in a hand-picked list and missed
 * policy tables, premiums, demand, ledgers, history and more; two worlds
 * whose export-control suspension had 3 and 8 turns left hashed the same
 * (test_suspension_turns), and so would most of the fields below.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixture.h"
#include "inputs.h"
#include "save_internal.h"

typedef struct {
    size_t at, size;
    char kind;
    char section[24], name[64];
} field;

typedef struct {
    field *f;
    int n, cap;
} field_map;

static void note(void *ud, size_t at, size_t size, char kind, const char *section,
                 const char *name)
{
    field_map *m = ud;
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 4096;
        m->f = realloc(m->f, sizeof *m->f * (size_t)m->cap);
    }
    field *f = &m->f[m->n++];
    f->at = at;
    f->size = size;
    f->kind = kind;
    snprintf(f->section, sizeof f->section, "%s", section ? section : "?");
    snprintf(f->name, sizeof f->name, "%s", name);
}

/* The world to perturb: everything a save holds, non-empty. */
static cp_world *rich_world(cp_scenario *sc)
{
    fixture_three(sc, 1);
    cp_world *w = fixture_world(sc, 21);
    inputs in = {0};
    for (int t = 0; t < 10; t++) {
        inputs_seed(&in, 3, cp_world_turn(w));
        inputs_turn(&in, w);
        cp_world_advance(w);
    }
    cp_error e;
    cp_world_lock_policy(w, 1, 1, &e);
    /* decisions queued for the next turn: orders among them */
    for (int game = 3; cp_world_pending_count(w) == 0 && game < 100; game++) {
        inputs_seed(&in, game, cp_world_turn(w));
        inputs_turn(&in, w);
    }
    return w;
}

/* Load 'buf' with its checksum made to match; NULL if refused. */
static cp_world *load_fixed(unsigned char *buf, size_t len)
{
    bytes_put_u64(buf + 24, save_checksum(buf, len));
    cp_error e;
    return cp_world_load(buf, len, &e);
}

/* Try the perturbations of field 'f' in 'copy' (a fresh copy of 'orig' each
 * time) until one loads; the loaded world, or NULL if none does. */
static cp_world *perturbed(const unsigned char *orig, unsigned char *copy, size_t len,
                           const field *f)
{
    for (int attempt = 0; attempt < 3; attempt++) {
        memcpy(copy, orig, len);
        unsigned char *p = copy + f->at;
        if (f->kind == 'i') {
            uint32_t v = bytes_get_u32(p);
            uint32_t options[3] = {v + 1, v - 1, v ^ 2};
            bytes_put_u32(p, options[attempt]);
        } else if (f->kind == 'd' || f->kind == 'u') {
            uint64_t v = bytes_get_u64(p);
            /* the last bit (a double's last digit), then a larger step */
            uint64_t options[3] = {v ^ 1, v ^ ((uint64_t)1 << 40), v ^ ((uint64_t)1 << 51)};
            bytes_put_u64(p, options[attempt]);
        } else if (f->size > 0) {
            unsigned char c = p[0];
            unsigned char options[3] = {(unsigned char)(c == 'A' ? 'B' : 'A'), '_', 'z'};
            p[0] = options[attempt];
        } else {
            return NULL; /* an empty string: its length is the field */
        }
        cp_world *w = load_fixed(copy, len);
        if (w)
            return w;
    }
    return NULL;
}

static void test_every_field(void)
{
    static cp_scenario sc;
    cp_world *w = rich_world(&sc);
    unsigned char *buf;
    size_t len;
    cp_error e;
    field_map map = {0};
    CHECK(save_with_field_map(w, &buf, &len, note, &map, &e) == CP_OK, "save: %s", e.message);
    uint64_t h0 = cp_world_hash(w);
    cp_world *back = cp_world_load(buf, len, &e);
    CHECK(back && cp_world_hash(back) == h0, "the save loads to the same hash");
    cp_world_destroy(back);
    CHECK(map.n > 3000, "the field map has %d fields", map.n);
    CHECK(cp_world_pending_count(w) > 0 && cp_world_deal_count(w) > 0 &&
              cp_world_deal_event_count(w) > 0 && cp_world_news_count(w) > 0,
          "the world holds pending orders (%d), deals (%d), a deal log and news",
          cp_world_pending_count(w), cp_world_deal_count(w));

    unsigned char *copy = malloc(len);
    int loaded = 0, refused = 0, same = 0;
    int by_kind[128] = {0};
    for (int k = 0; k < map.n; k++) {
        const field *f = &map.f[k];
        cp_world *x = perturbed(buf, copy, len, f);
        if (!x) {
            refused++;
            continue;
        }
        loaded++;
        by_kind[(int)f->kind]++;
        if (cp_world_hash(x) == h0) {
            same++;
            if (same <= 20)
                CHECK(0, "%s: %s (byte %zu, kind %c) changed and the hash did not", f->section,
                      f->name, f->at, f->kind);
        }
        cp_world_destroy(x);
    }
    printf("    %d fields: %d perturbed and loaded (%d ints, %d doubles, %d 64-bit, %d strings), "
           "%d refused by the loader; %d kept the hash\n",
           map.n, loaded, by_kind['i'], by_kind['d'], by_kind['u'], by_kind['s'], refused, same);
    CHECK(same == 0, "%d perturbed fields left the hash unchanged", same);
    /* the test reaches nearly everything: only counts, ids, names the
     * scenario fixes and the like refuse every perturbation */
    CHECK(loaded > map.n * 9 / 10, "%d of %d fields perturbed", loaded, map.n);
    CHECK(by_kind['i'] > 100 && by_kind['d'] > 1000 && by_kind['u'] >= 5 && by_kind['s'] > 10,
          "every kind of field is reached");
    free(copy);
    free(buf);
    free(map.f);
    cp_world_destroy(w);
}

/* The two worlds: an export-control suspension with 3 turns left,
 * and the same with 8. They hashed the same, and went apart six turns later. */
static void test_suspension_turns(void)
{
    static cp_scenario sc;
    fixture_three(&sc, 0);
    cp_world *w = fixture_world(&sc, 4);
    cp_order o = fixture_order(CP_ORDER_SET_EXPORT_CONTROL, 0);
    o.good = CP_MAGNET;
    o.mode = CP_CONTROL_BANNED;
    cp_error e;
    CHECK(cp_world_submit(w, &o, &e) == CP_OK, "a ban: %s", e.message);
    cp_world_advance(w);
    cp_order s = fixture_order(CP_ORDER_SUSPEND_EXPORT_CONTROL, 0);
    s.good = CP_MAGNET;
    s.partner = 2;
    s.turns = 4;
    CHECK(cp_world_submit(w, &s, &e) == CP_OK, "suspended for 4 turns: %s", e.message);
    cp_world_advance(w); /* 3 turns left */
    unsigned char *buf;
    size_t len;
    field_map map = {0};
    CHECK(save_with_field_map(w, &buf, &len, note, &map, &e) == CP_OK, "save");
    int patched = 0;
    for (int k = 0; k < map.n; k++)
        if (strcmp(map.f[k].name, "suspended_turns") == 0 &&
            strcmp(map.f[k].section, "nations") == 0 && bytes_get_u32(buf + map.f[k].at) == 3) {
            bytes_put_u32(buf + map.f[k].at, 8);
            patched++;
        }
    CHECK(patched == 1, "one suspension with 3 turns left (%d)", patched);
    cp_world *eight = load_fixed(buf, len);
    CHECK(eight != NULL, "the world with 8 turns left loads");
    if (eight) {
        CHECK(cp_world_hash(eight) != cp_world_hash(w), "3 and 8 turns left hash differently");
        for (int t = 0; t < 6; t++) {
            cp_world_advance(w);
            cp_world_advance(eight);
        }
        CHECK(cp_world_hash(eight) != cp_world_hash(w), "and they are different games");
    }
    cp_world_destroy(eight);
    free(buf);
    free(map.f);
    cp_world_destroy(w);
}

int main(void)
{
    RUN(test_suspension_turns);
    RUN(test_every_field);
    return DONE();
}

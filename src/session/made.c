/* made.c -- the without-worlds behind "made" (made.h, docs/score.md): how much a seat's own
 * decisions moved its score, measured against the world as it went minus those decisions.
 *
 * A seat's absolute score is mostly what the world does anyway (issue 22: every strategy moves
 * China's by about a point in a hundred). Playing the same game again without the seat's
 * decisions and taking the difference removes what both games share, so what is left is the
 * seat's own doing. The without-world gets every other seat's orders and deal actions and the
 * teacher's events as they happened; nobody reacts to the seat's absence (the others' decisions
 * are the real game's), which is what makes it one more advance a quarter and not a game of
 * agents.
 *
 * Ids differ between the worlds once the seat builds a plant or proposes a deal: the real
 * world's ids are mapped to the without-world's (a table per seat), and a decision that does
 * not apply there (an answer to the seat's own deal, an order about its plant) is dropped and
 * counted, never an error: the real game has already accepted it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "made.h"
#include "replay_file.h"

typedef struct {
    cp_world *world;                /* NULL: no without-world for this seat */
    int since;                      /* the real turn it began at */
    int mark;                       /* the real deal log's entries it has had */
    int dropped;                    /* decisions it refused */
    int deal[CP_MAX_DEALS];         /* real deal id -> its id here, -1: none */
    int facility[CP_MAX_FACILITIES]; /* real plant id -> its id here, -1: none */
} made_seat;

struct cpg_made_tracker {
    int nations;
    int facilities;     /* the real world's plants before the quarter's advance */
    made_seat seat[CP_MAX_NATIONS];
};

/* A without-world for seat 'n' that begins as 'real' does now: ids map to themselves. */
static int seat_begin(made_seat *s, const cp_world *real)
{
    s->world = cp_world_clone(real);
    if (!s->world)
        return -1;
    cp_error e;
    while (cp_world_pending_count(s->world) > 0)
        cp_world_withdraw(s->world, 0, &e);
    s->since = cp_world_turn(real);
    s->mark = cp_world_deal_event_count(real);
    s->dropped = 0;
    for (int k = 0; k < CP_MAX_DEALS; k++)
        s->deal[k] = k < cp_world_deal_count(real) ? k : -1;
    for (int k = 0; k < CP_MAX_FACILITIES; k++)
        s->facility[k] = k < cp_world_facility_count(real) ? k : -1;
    return 0;
}

static made_set *set_new(const cp_world *real)
{
    made_set *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->nations = cp_world_nation_count(real);
    m->facilities = cp_world_facility_count(real);
    return m;
}

made_set *made_open(const cp_world *real, uint32_t mask)
{
    made_set *m = set_new(real);
    int any = 0;
    for (int n = 0; m && n < m->nations; n++) {
        if (!(mask >> n & 1u))
            continue;
        if (seat_begin(&m->seat[n], real) != 0) {
            made_close(m);
            return NULL;
        }
        any = 1;
    }
    if (m && !any) {
        made_close(m);
        return NULL;
    }
    return m;
}

void made_close(made_set *m)
{
    if (!m)
        return;
    for (int n = 0; n < CP_MAX_NATIONS; n++)
        cp_world_destroy(m->seat[n].world);
    free(m);
}

const cp_world *made_world(const made_set *m, int nation)
{
    return m && nation >= 0 && nation < m->nations ? m->seat[nation].world : NULL;
}

int made_since(const made_set *m, int nation)
{
    return made_world(m, nation) ? m->seat[nation].since : -1;
}

int made_dropped(const made_set *m, int nation)
{
    return made_world(m, nation) ? m->seat[nation].dropped : 0;
}

/* A real plant id as the without-world knows it: -1 stays -1 (the core picks), a plant it
 * does not have gives -2. */
static int map_facility(const made_seat *s, int id)
{
    if (id < 0)
        return id;
    return id < CP_MAX_FACILITIES && s->facility[id] >= 0 ? s->facility[id] : -2;
}

void made_inject(made_set *m, const cp_event *e)
{
    for (int n = 0; m && n < m->nations; n++) {
        made_seat *s = &m->seat[n];
        if (!s->world)
            continue;
        cp_event x = *e;
        x.facility = map_facility(s, e->facility);
        cp_error err;
        if (x.facility == -2 || cp_world_inject_event(s->world, &x, &err) != CP_OK)
            s->dropped++;
    }
}

/* One deal action of another seat, made in seat 's''s without-world with its ids mapped;
 * 0, or -1 when that world refuses it or lacks its deal. */
static int apply_action(made_seat *s, const replay_action *a)
{
    cp_error e;
    if (a->kind == REPLAY_PROPOSE) {
        cp_deal d = a->deal;
        for (int k = 0; k < d.clause_count; k++)
            d.clauses[k].facility = -1;
        int id = cp_world_propose(s->world, &d, &e);
        if (a->deal_id >= 0 && a->deal_id < CP_MAX_DEALS)
            s->deal[a->deal_id] = id;
        return id >= 0 ? 0 : -1;
    }
    int id = a->deal_id >= 0 && a->deal_id < CP_MAX_DEALS ? s->deal[a->deal_id] : -1;
    if (id < 0)
        return -1;
    cp_status st = CP_ERR_BAD_STATE;
    switch (a->kind) {
    case REPLAY_ACCEPT:
    case REPLAY_REJECT:
        st = cp_world_answer(s->world, id, a->nation,
                             a->kind == REPLAY_ACCEPT ? CP_ANSWER_ACCEPT : CP_ANSWER_REJECT, &e);
        break;
    case REPLAY_COUNTER: {
        cp_deal d = a->deal;
        for (int k = 0; k < d.clause_count; k++)
            d.clauses[k].facility = -1;
        st = cp_world_counter(s->world, id, a->nation, &d, &e);
        break;
    }
    case REPLAY_WITHDRAW:
        st = cp_world_withdraw_deal(s->world, id, a->nation, &e);
        break;
    default:
        break;
    }
    return st == CP_OK ? 0 : -1;
}

void made_before(made_set *m, const cp_world *real)
{
    if (!m)
        return;
    cp_error e;
    for (int n = 0; n < m->nations; n++) {
        made_seat *s = &m->seat[n];
        if (!s->world)
            continue;
        /* a teacher's policy locks hold in every world: they are nobody's decision, and the
         * turn's end refuses a locked nation's orders (its scheduled ones too) by them */
        for (int x = 0; x < m->nations; x++)
            if (cp_world_policy_locked(s->world, x) != cp_world_policy_locked(real, x))
                cp_world_lock_policy(s->world, x, cp_world_policy_locked(real, x), &e);
        for (int k = 0; k < cp_world_pending_count(real); k++) {
            cp_order o = *cp_world_pending(real, k);
            if (o.nation == n)
                continue;
            o.facility = map_facility(s, o.facility);
            if (o.facility == -2 || cp_world_submit(s->world, &o, &e) != CP_OK)
                s->dropped++;
        }
    }
    /* the deal actions in the order they were taken */
    replay_action a;
    for (int n = 0; n < m->nations; n++) {
        made_seat *s = &m->seat[n];
        for (int k = s->mark; s->world && k < cp_world_deal_event_count(real); k++)
            if (replay_action_at(real, k, &a) && a.nation != n && apply_action(s, &a) != 0)
                s->dropped++;
    }
    m->facilities = cp_world_facility_count(real);
}

/* Whether plants 'a' (real) and 'b' (without) are the same decision's: what was ordered. */
static int same_plant(const cp_facility *a, const cp_facility *b)
{
    return a->kind == b->kind && a->host == b->host && a->funder == b->funder &&
           a->cofunder == b->cofunder && a->capacity_t_per_yr == b->capacity_t_per_yr &&
           a->start_turn == b->start_turn && a->private_capital == b->private_capital;
}

void made_after(made_set *m, const cp_world *real)
{
    if (!m)
        return;
    int real_new = cp_world_facility_count(real);
    for (int n = 0; n < m->nations; n++) {
        made_seat *s = &m->seat[n];
        if (!s->world)
            continue;
        int first = cp_world_facility_count(s->world);
        cp_world_advance(s->world);
        int last = cp_world_facility_count(s->world);
        unsigned char taken[CP_MAX_FACILITIES] = {0};
        /* the quarter's new plants, paired in the order they were numbered */
        for (int r = m->facilities; r < real_new && r < CP_MAX_FACILITIES; r++) {
            s->facility[r] = -1;
            for (int w = first; w < last; w++)
                if (!taken[w] && same_plant(cp_world_facility(real, r),
                                            cp_world_facility(s->world, w))) {
                    taken[w] = 1;
                    s->facility[r] = w;
                    break;
                }
        }
    }
    for (int n = 0; n < m->nations; n++)
        m->seat[n].mark = cp_world_deal_event_count(real);
    m->facilities = real_new;
}

/* ---- saves ---------------------------------------------------------------------------- */

enum { MADE_SECTION_VERSION = 1 };

static int add(savefile_section **list, int *count, const char *name, bytes_buf *b)
{
    savefile_section *grown = realloc(*list, sizeof *grown * (size_t)(*count + 1));
    if (!grown || b->failed)
        return -1;
    *list = grown;
    savefile_section *s = &grown[*count];
    memset(s, 0, sizeof *s);
    snprintf(s->name, sizeof s->name, "%s", name);
    s->data = b->data;
    s->len = b->len;
    memset(b, 0, sizeof *b);
    (*count)++;
    return 0;
}

/* "made": the format's version; "made.ISO3": a seat's turn begun, the real deal log entries
 * it has had, decisions dropped, id maps and its world (cp_world_save bytes). */
int made_sections(const made_set *m, const cp_world *real, savefile_section **list, int *count,
                  char *msg, size_t len)
{
    if (!m)
        return 0;
    bytes_buf b = {0};
    bytes_i32(&b, MADE_SECTION_VERSION);
    if (add(list, count, "made", &b) != 0)
        goto oom;
    for (int n = 0; n < m->nations; n++) {
        const made_seat *s = &m->seat[n];
        if (!s->world)
            continue;
        unsigned char *world = NULL;
        size_t world_len = 0;
        cp_error e;
        if (cp_world_save(s->world, &world, &world_len, &e) != CP_OK) {
            snprintf(msg, len, "the world without %s: %s", cp_world_nation(real, n)->iso3,
                     e.message);
            return -1;
        }
        bytes_i32(&b, s->since);
        bytes_i32(&b, s->mark);
        bytes_i32(&b, s->dropped);
        bytes_i32(&b, CP_MAX_DEALS);
        for (int k = 0; k < CP_MAX_DEALS; k++)
            bytes_i32(&b, s->deal[k]);
        bytes_i32(&b, CP_MAX_FACILITIES);
        for (int k = 0; k < CP_MAX_FACILITIES; k++)
            bytes_i32(&b, s->facility[k]);
        bytes_u64(&b, (uint64_t)world_len);
        bytes_append(&b, world, world_len);
        free(world);
        char name[SAVEFILE_NAME_MAX + 1];
        snprintf(name, sizeof name, "made.%s", cp_world_nation(real, n)->iso3);
        if (add(list, count, name, &b) != 0)
            goto oom;
    }
    return 0;
oom:
    free(b.data);
    snprintf(msg, len, "out of memory");
    return -1;
}

/* Seat 's' from its section; 0, or -1 when it does not read. */
static int read_seat(made_seat *s, const savefile_section *sec, const cp_world *real)
{
    bytes_reader r = {sec->data, 0, sec->len, 0};
    s->since = bytes_read_i32(&r);
    s->mark = bytes_read_i32(&r);
    s->dropped = bytes_read_i32(&r);
    if (bytes_read_i32(&r) != CP_MAX_DEALS)
        return -1;
    for (int k = 0; k < CP_MAX_DEALS; k++) {
        s->deal[k] = bytes_read_i32(&r);
        if (s->deal[k] < -1 || s->deal[k] >= CP_MAX_DEALS)
            return -1;
    }
    if (bytes_read_i32(&r) != CP_MAX_FACILITIES)
        return -1;
    for (int k = 0; k < CP_MAX_FACILITIES; k++) {
        s->facility[k] = bytes_read_i32(&r);
        if (s->facility[k] < -1 || s->facility[k] >= CP_MAX_FACILITIES)
            return -1;
    }
    uint64_t world_len = bytes_read_u64(&r);
    if (r.failed || world_len != r.len - r.pos || s->since < 0 ||
        s->since > cp_world_turn(real) || s->dropped < 0 || s->mark < 0 ||
        s->mark > cp_world_deal_event_count(real))
        return -1;
    cp_error e;
    s->world = cp_world_load(bytes_read_raw(&r, (size_t)world_len), (size_t)world_len, &e);
    if (!s->world)
        return -1;
    /* the same game: the same nations, at the same turn */
    if (cp_world_turn(s->world) != cp_world_turn(real) ||
        cp_world_nation_count(s->world) != cp_world_nation_count(real) ||
        cp_world_pending_count(s->world) != 0) {
        cp_world_destroy(s->world);
        s->world = NULL;
        return -1;
    }
    return 0;
}

made_set *made_restore(const savefile *sf, const cp_world *real, uint32_t mask, char *msg,
                       size_t len)
{
    made_set *m = set_new(real);
    if (!m) {
        snprintf(msg, len, "out of memory");
        return NULL;
    }
    /* a later build's sections (another version) are not read: made begins at the load */
    const savefile_section *head = savefile_find(sf, "made");
    if (head) {
        bytes_reader r = {head->data, 0, head->len, 0};
        if (bytes_read_i32(&r) != MADE_SECTION_VERSION)
            head = NULL;
    }
    int any = 0;
    for (int n = 0; n < m->nations; n++) {
        if (!(mask >> n & 1u))
            continue;
        char name[SAVEFILE_NAME_MAX + 1];
        snprintf(name, sizeof name, "made.%s", cp_world_nation(real, n)->iso3);
        const savefile_section *sec = head ? savefile_find(sf, name) : NULL;
        if (sec ? read_seat(&m->seat[n], sec, real) != 0 : seat_begin(&m->seat[n], real) != 0) {
            snprintf(msg, len, sec ? "damaged: the section \"%s\" does not read" : "out of memory",
                     name);
            made_close(m);
            return NULL;
        }
        any = 1;
    }
    if (!any) {
        made_close(m);
        snprintf(msg, len, "no seat to measure");
        return NULL;
    }
    return m;
}

/* save.c -- the world save format: every field, in order, in both directions.
 *
 * save_fields walks the world once, section by section, field by field, and
 * either writes each field into a byte buffer or reads it back: one list
 * serves both directions, so they cannot drift apart. Numbers are written
 * little-endian whatever the machine (ints as 32 bits, doubles as their
 * IEEE-754 bits, so every value comes back exactly), strings as a length and
 * their bytes; no struct is ever dumped whole (padding, pointers, layout).
 * Arrays sized for CP_MAX_NATIONS hold only the nations in play.
 *
 * Each field is checked as it passes, in both directions: enums and indices
 * in range, counts within their limits and within the bytes that remain,
 * doubles finite, strings terminated. A world that the loader would refuse
 * is therefore refused when it is saved, with the same message, rather than
 * when someone needs the file.
 *
 * Adding a field (the migration recipe, docs/saves.md):
 *   1. bump SAVE_VERSION in save_internal.h to N;
 *   2. write the field where it belongs, guarded by
 *        if (io->version >= N) F64(x); else x = <what a version N-1 world means>;
 *      the writer always writes the newest version, so the guard only ever
 *      skips the read of an older file, which then gets the value the rules
 *      would have given it;
 *   3. never drop a field from the list: one that goes away is still read,
 *      under "if (io->version < N)", and thrown away;
 *   4. add a test that loads a hand-made version N-1 buffer.
 * SAVE_VERSION_OLDEST says how far back the loader reaches.
 */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "save_internal.h"

/* ---- primitives ------------------------------------------------------- */

/* Record the first failure, naming the section and the item being read. */
static void fail(save_io *io, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void fail(save_io *io, const char *fmt, ...)
{
    if (io->failed || io->dry == SAVE_HASH)
        return;
    io->failed = 1;
    io->code = CP_ERR_BAD_VALUE;
    char detail[CP_TEXT_LEN];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    size_t n = (size_t)snprintf(io->message, sizeof io->message, "%s: ",
                                io->section ? io->section : "save");
    if (io->what && n < sizeof io->message)
        n += (size_t)snprintf(io->message + n, sizeof io->message - n, "%s %d: ", io->what,
                              io->index);
    if (n < sizeof io->message)
        snprintf(io->message + n, sizeof io->message - n, "%s", detail);
}

static inline uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdULL;
}

uint64_t save_mix(uint64_t h, uint64_t v) { return mix(h, v); }

/* Fold 'n' bytes into the hash, eight at a time (as a little-endian number,
 * whatever the machine), and their count. */
static void fold_bytes(save_io *io, const unsigned char *p, size_t n)
{
    uint64_t h = mix(io->hash, n);
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        h = mix(h, save_get_u64(p + i));
    if (i < n) {
        uint64_t v = 0;
        for (size_t k = 0; i + k < n; k++)
            v |= (uint64_t)p[i + k] << (8 * k);
        h = mix(h, v);
    }
    io->hash = h;
}

/* A field's name as the macros spell it, without the "n->" in front. */
static const char *field_name(const char *expr)
{
    const char *arrow = strstr(expr, "->");
    return arrow ? arrow + 2 : expr;
}

static void item(save_io *io, const char *what, int index)
{
    io->what = what;
    io->index = index;
}

static int reserve(save_io *io, size_t n)
{
    if (io->pos + n <= io->cap)
        return 1;
    size_t cap = io->cap ? io->cap : 1 << 16;
    while (cap < io->pos + n)
        cap *= 2;
    unsigned char *grown = realloc(io->out, cap);
    if (!grown) {
        fail(io, "out of memory");
        io->code = CP_ERR_FULL;
        return 0;
    }
    io->out = grown;
    io->cap = cap;
    return 1;
}

/* Move 'n' raw bytes between 'p' and the buffer. Reading past the end of
 * the section fails (and leaves zeros in 'p'). */
static void raw(save_io *io, unsigned char *p, size_t n)
{
    if (io->dry) {
        if (io->dry == SAVE_HASH)
            fold_bytes(io, p, n);
        return;
    }
    if (io->failed) {
        if (io->reading)
            memset(p, 0, n);
        return;
    }
    if (io->reading) {
        if (n > io->end - io->pos) {
            fail(io, "the section ends early (%zu bytes short)", n - (io->end - io->pos));
            memset(p, 0, n);
            return;
        }
        memcpy(p, io->in + io->pos, n);
    } else {
        if (!reserve(io, n))
            return;
        memcpy(io->out + io->pos, p, n);
    }
    io->pos += n;
}

static void u32(save_io *io, uint32_t *v)
{
    if (io->dry) {
        if (io->dry == SAVE_HASH)
            io->hash = mix(io->hash, *v);
        return;
    }
    unsigned char b[4];
    if (!io->reading)
        save_put_u32(b, *v);
    raw(io, b, 4);
    if (io->reading)
        *v = save_get_u32(b);
}

static void u64(save_io *io, uint64_t *v)
{
    if (io->dry) {
        if (io->dry == SAVE_HASH)
            io->hash = mix(io->hash, *v);
        return;
    }
    unsigned char b[8];
    if (!io->reading)
        save_put_u64(b, *v);
    raw(io, b, 8);
    if (io->reading)
        *v = save_get_u64(b);
}

/* Tell the test's field map (save_with_field_map) where a field goes. */
static void mark(save_io *io, size_t size, char kind, const char *name)
{
    if (io->on_field && !io->reading && !io->dry && !io->failed)
        io->on_field(io->on_field_ud, io->pos, size, kind, io->section, field_name(name));
}

/* A 64-bit integer field (the seed, the random stream, the policy hash). */
static void u64_field(save_io *io, uint64_t *v, const char *name)
{
    mark(io, 8, 'u', name);
    u64(io, v);
}

/* An int field, checked to lie in lo..hi (i32: the hash's path inline,
 * the rest out of line, so that hashing a row is a short loop). */
static int i32_io(save_io *io, int v, long long lo, long long hi, const char *name)
{
    uint32_t bits = (uint32_t)v;
    mark(io, 4, 'i', name);
    u32(io, &bits);
    if (io->reading)
        v = bits <= INT32_MAX ? (int)bits : -(int)(~bits) - 1;
    if (!io->failed && (v < lo || v > hi))
        fail(io, "%s is %d, not %lld..%lld", field_name(name), v, lo, hi);
    /* after a failure the reader goes on to the end of the list without
     * reading: give what follows a value in range to compute with */
    if (io->reading && io->failed)
        v = lo <= 0 && hi >= 0 ? 0 : (int)lo;
    return v;
}

static inline int i32(save_io *io, int v, long long lo, long long hi, const char *name)
{
    if (io->dry == SAVE_HASH) {
        io->hash = mix(io->hash, (uint32_t)v);
        return v;
    }
    return i32_io(io, v, lo, hi, name);
}

/* A double, by its bits; 'finite' = 1 refuses NaN and infinities. */
static void f64_io(save_io *io, double *v, const char *name, int finite)
{
    uint64_t bits = 0;
    if (!io->reading)
        memcpy(&bits, v, sizeof bits);
    mark(io, 8, 'd', name);
    u64(io, &bits);
    if (io->reading)
        memcpy(v, &bits, sizeof bits);
    if (finite && !io->failed && !isfinite(*v))
        fail(io, "%s is not a finite number", field_name(name));
    else if (finite && io->capped && !io->failed && fabs(*v) > SAVE_MAX_MAGNITUDE)
        fail(io, "%s is %g, beyond +-%g", field_name(name), *v, SAVE_MAX_MAGNITUDE);
}

static inline void f64(save_io *io, double *v, const char *name, int finite)
{
    if (io->dry == SAVE_HASH) {
        /* -0.0 and 0.0 are the same state */
        uint64_t z = 0;
        if (*v != 0)
            memcpy(&z, v, sizeof z);
        io->hash = mix(io->hash, z);
        return;
    }
    f64_io(io, v, name, finite);
}

/* A string held in char[size]: its length (< size) and its bytes. */
static void str(save_io *io, char *s, size_t size, const char *name)
{
    uint32_t n = 0;
    if (!io->reading) {
        const char *nul = memchr(s, 0, size);
        n = nul ? (uint32_t)(nul - s) : (uint32_t)size;
        if (n >= size) {
            fail(io, "%s is not terminated", field_name(name));
            return;
        }
    }
    u32(io, &n);
    if (io->failed)
        return;
    if (io->reading) {
        if (n >= size) {
            fail(io, "%s is %u bytes long, at most %zu fit", field_name(name), n, size - 1);
            return;
        }
        memset(s, 0, size);
        raw(io, (unsigned char *)s, n);
        if (strlen(s) != n)
            fail(io, "%s holds a NUL byte", field_name(name));
    } else {
        mark(io, n, 's', name);
        raw(io, (unsigned char *)s, n);
    }
}

/* A count of items of at least 'item_bytes' each: 0..max, and (reading)
 * no more than the bytes left in the section could hold, so that a damaged
 * count cannot ask for gigabytes. Returns the count, 0 after a failure. */
static int count(save_io *io, int *field, int max, size_t item_bytes, const char *name)
{
    int n = i32(io, *field, 0, max, name);
    if (!io->failed && io->reading && item_bytes &&
        (size_t)n > (io->end - io->pos) / item_bytes)
        fail(io, "%s is %d, more than the section holds", field_name(name), n);
    if (io->failed)
        n = 0;
    if (io->reading)
        *field = n;
    return n;
}

/* Start a section: its tag, then its length (patched by end()). */
static void begin(save_io *io, const char *tag, const char *name)
{
    io->section = name;
    io->what = NULL;
    if (io->failed)
        return;
    if (io->reading) {
        io->end = io->limit;
        unsigned char t[4];
        uint32_t len = 0;
        raw(io, t, 4);
        u32(io, &len);
        if (io->failed)
            return;
        if (memcmp(t, tag, 4) != 0) {
            fail(io, "expected section '%.4s', found '%c%c%c%c'", tag, t[0] >= 32 && t[0] < 127 ? t[0] : '?',
                 t[1] >= 32 && t[1] < 127 ? t[1] : '?', t[2] >= 32 && t[2] < 127 ? t[2] : '?',
                 t[3] >= 32 && t[3] < 127 ? t[3] : '?');
            return;
        }
        if (len > io->limit - io->pos) {
            fail(io, "the section claims %u bytes, %zu remain", len, io->limit - io->pos);
            return;
        }
        io->end = io->pos + len;
    } else {
        uint32_t zero = 0;
        raw(io, (unsigned char *)tag, 4);
        io->section_at = io->pos;
        u32(io, &zero);
    }
}

static void end(save_io *io)
{
    io->what = NULL;
    if (io->failed)
        return;
    if (io->reading) {
        if (io->pos != io->end)
            fail(io, "%zu bytes left over at the end of the section", io->end - io->pos);
        io->end = io->limit;
    } else if (!io->dry) {
        save_put_u32(io->out + io->section_at, (uint32_t)(io->pos - io->section_at - 4));
    }
}

/* Allocate 'n' zeroed items for an array the reader fills. */
static void *alloc_items(save_io *io, size_t n, size_t size)
{
    if (io->failed || n == 0)
        return NULL;
    void *p = calloc(n, size);
    if (!p) {
        fail(io, "out of memory");
        io->code = CP_ERR_FULL;
    }
    return p;
}

/* Field macros: the stringified lvalue names the field in messages. */
#define F64(x) f64(io, &(x), #x, 1)
#define F64_ANY(x) f64(io, &(x), #x, 0)
#define F64S(a, n)                                                                             \
    do {                                                                                       \
        for (int i_ = 0; i_ < (n); i_++)                                                       \
            f64(io, &(a)[i_], #a, 1);                                                          \
    } while (0)
#define INT(x, lo, hi)                                                                         \
    do {                                                                                       \
        int v_ = i32(io, (int)(x), (lo), (hi), #x);                                            \
        if (io->reading)                                                                       \
            (x) = v_;                                                                          \
    } while (0)
#define I32(x) INT(x, INT_MIN, INT_MAX)
/* a number of turns, and a turn (dates may lie before the game's start) */
#define TURNS(x) INT(x, 0, SAVE_MAX_TURNS)
#define TURN_AT(x) INT(x, -SAVE_MAX_TURNS, SAVE_MAX_TURNS)
#define STR(s) str(io, (s), sizeof(s), #s)

/* Arrays by facility kind: version 3 added heavy separation lines as a
 * fourth kind; an older file holds three entries, and the heavy line's
 * entry takes the separation plant's. */
static void f64_kinds(save_io *io, double *a, const char *name)
{
    int n = io->version >= 3 ? CP_FAC_KIND_COUNT : 3;
    for (int k = 0; k < n; k++)
        f64(io, &a[k], name, 1);
    if (io->reading && n < CP_FAC_KIND_COUNT)
        a[CP_FAC_HEAVY_SEPARATION] = a[CP_FAC_SEPARATION];
}
#define F64K(a) f64_kinds(io, (a), #a)

/* ---- the records --------------------------------------------------------- */

static void io_policy(save_io *io, cp_policy *p, int nn)
{
    for (int g = 0; g < CP_GOOD_COUNT; g++)
        for (int d = 0; d < nn; d++)
            F64(p->tariff[g][d]);
    for (int g = 0; g < CP_GOOD_COUNT; g++)
        for (int d = 0; d < nn; d++) {
            cp_export_control *c = &p->control[g][d];
            INT(c->mode, CP_CONTROL_OPEN, CP_CONTROL_BANNED);
            F64(c->approval_share);
            TURNS(c->suspended_turns);
            INT(c->fallback_mode, CP_CONTROL_OPEN, CP_CONTROL_BANNED);
            F64(c->fallback_share);
        }
    F64S(p->export_quota_t, CP_GOOD_COUNT);
    F64S(p->export_tax, CP_GOOD_COUNT);
    F64K(p->subsidy);
    F64S(p->price_floor_usd_per_kg, CP_GOOD_COUNT);
    INT(p->tracking, 0, 1);
    INT(p->tech_ban, 0, 1);
    /* version 3: the extraterritorial rule; none before */
    if (io->version >= 3)
        INT(p->extraterritorial, 0, 1);
    else if (io->reading)
        p->extraterritorial = 0;
    /* version 4: consent to foreign investment; every nation open before */
    if (io->version >= 4)
        INT(p->investment_closed, 0, 1);
    else if (io->reading)
        p->investment_closed = 0;
}

/* A nation: identity, state, policies and this quarter's figures. */
static void io_nation(save_io *io, cp_nation *n, int nn)
{
    STR(n->iso3);
    STR(n->name);
    F64(n->lat_deg);
    F64(n->lon_deg);
    F64(n->ore_light_share);
    F64(n->ore_heavy_share);
    F64(n->permitting_factor);
    F64(n->conflict_risk_per_yr);
    F64(n->budget_musd_per_yr);
    F64(n->hurdle_price_ratio);
    if (io->version >= 3)
        F64(n->expansion_cap_per_yr);
    else if (io->reading)
        n->expansion_cap_per_yr = 0.35;
    F64(n->weights.security);
    F64(n->weights.prosperity);
    F64(n->weights.leverage);
    F64(n->weights.stability);

    F64(n->reserves_t);
    F64(n->treasury_musd);
    F64(n->gdp_busd_per_yr);
    F64(n->gdp_loss_busd);
    F64S(n->sector_gdp_busd, CP_SECTOR_COUNT);
    for (int s = 0; s < CP_SECTOR_COUNT; s++)
        F64S(n->demand_t_per_yr[s], CP_GOOD_COUNT);
    F64S(n->stock_t, CP_GOOD_COUNT);
    F64S(n->unsold_t, CP_GOOD_COUNT);
    F64(n->ore_stock_heavy_t);
    F64(n->ore_stock_light_t);
    F64S(n->stockpile_t, CP_GOOD_COUNT);
    /* version 3: heavy concentrate and the long run (consumption.c); an
     * older world starts them where a new world does */
    if (io->version >= 3) {
        F64(n->heavy_conc_t);
        F64S(n->demand_adjust, CP_GOOD_COUNT);
        F64(n->heavy_intensity);
        F64S(n->recycled_share, CP_GOOD_COUNT);
    } else if (io->reading) {
        n->heavy_conc_t = 0;
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            n->demand_adjust[g] = 1.0;
            n->recycled_share[g] = g == CP_LIGHT_OXIDE || g == CP_HEAVY_OXIDE ? 0.01 : 0.0;
        }
        n->heavy_intensity = 1.0;
    }
    F64K(n->tech);
    F64(n->pressure);
    F64(n->trust);
    F64(n->score);
    io_policy(io, &n->policy, nn);

    F64(n->mined_t);
    F64(n->separated_t);
    F64(n->magnets_t);
    F64(n->byproduct_t);
    if (io->version >= 3) {
        F64(n->heavy_separated_t);
        F64S(n->recycled_t, CP_GOOD_COUNT);
    }
    F64S(n->demand_t, CP_GOOD_COUNT);
    F64S(n->consumed_t, CP_GOOD_COUNT);
    F64S(n->shortage_t, CP_GOOD_COUNT);
    F64S(n->sector_shortage_t, CP_SECTOR_COUNT);
    F64S(n->imports_t, CP_GOOD_COUNT);
    F64S(n->exports_t, CP_GOOD_COUNT);
    F64S(n->price_paid_usd_per_kg, CP_GOOD_COUNT);
    F64S(n->producer_price_usd_per_kg, CP_GOOD_COUNT);
    F64(n->export_revenue_musd);
    F64(n->import_bill_musd);
    F64(n->tariff_revenue_musd);
    F64(n->export_tax_revenue_musd);
    F64(n->subsidy_paid_musd);
    F64(n->floor_paid_musd);
    F64(n->capex_paid_musd);
}

/* Orders and events are written as they are; what must hold depends on
 * where they sit, so the callers check them. An order's amount may be
 * anything for the kinds that ignore it. */
static void io_order(save_io *io, cp_order *o)
{
    I32(o->kind);
    I32(o->nation);
    I32(o->partner);
    I32(o->good);
    I32(o->facility);
    I32(o->facility_kind);
    I32(o->mode);
    I32(o->flag);
    TURN_AT(o->turns);
    F64_ANY(o->amount);
}

static void io_event(save_io *io, cp_event *e)
{
    I32(e->kind);
    I32(e->nation);
    I32(e->partner);
    I32(e->good);
    I32(e->facility);
    F64(e->magnitude);
    TURN_AT(e->turns);
}

/* What the rules read of an order without checking it again: the kind,
 * the nation, and the indices order_committed_musd looks up. */
static void check_order(save_io *io, const cp_order *o, int nn)
{
    if (o->kind < 0 || o->kind >= CP_ORDER_KIND_COUNT)
        fail(io, "order kind %d is unknown", (int)o->kind);
    else if (o->nation < 0 || o->nation >= nn)
        fail(io, "%s: nation %d is not in the game", cp_order_kind_name(o->kind), o->nation);
    else if (o->kind == CP_ORDER_BUILD_FACILITY &&
             (o->facility_kind < 0 || o->facility_kind >= CP_FAC_KIND_COUNT))
        fail(io, "build_facility: facility kind %d is unknown", o->facility_kind);
    else if (o->kind == CP_ORDER_BUY_STOCKPILE && (o->good < 0 || o->good >= CP_GOOD_COUNT))
        fail(io, "buy_stockpile: good %d is unknown", o->good);
}

/* What the rules read of an event without checking it: its kind and
 * nation, and the index each kind uses (a summit's partner, a demand
 * shock's good, a lawsuit's facility below 'facilities'). */
static void check_event(save_io *io, const cp_event *e, int nn, int facilities)
{
    if (e->kind < 0 || e->kind >= CP_EVENT_KIND_COUNT)
        fail(io, "event kind %d is unknown", (int)e->kind);
    else if (e->nation < 0 || e->nation >= nn)
        fail(io, "%s: nation %d is not in the game", cp_event_kind_name(e->kind), e->nation);
    else if (e->kind == CP_EVENT_SUMMIT && (e->partner < 0 || e->partner >= nn))
        fail(io, "summit: partner %d is not in the game", e->partner);
    else if (e->kind == CP_EVENT_DEMAND_SHOCK && (e->good < 0 || e->good >= CP_GOOD_COUNT))
        fail(io, "demand_shock: good %d is unknown", e->good);
    else if (e->kind == CP_EVENT_PRICE_FLOOR && (e->good < -1 || e->good >= CP_GOOD_COUNT))
        fail(io, "price_floor: good %d is unknown", e->good);
    else if (e->kind == CP_EVENT_LAWSUIT && (e->facility < -1 || e->facility >= facilities))
        fail(io, "lawsuit: facility %d does not exist", e->facility);
}

static void io_facility_spec(save_io *io, cp_facility_spec *f, int nn)
{
    STR(f->name);
    INT(f->kind, 0, CP_FAC_KIND_COUNT - 1);
    INT(f->host, 0, nn - 1);
    INT(f->funder, 0, nn - 1);
    F64(f->capacity_t_per_yr);
    INT(f->stage, 0, CP_STAGE_COUNT - 1);
    TURNS(f->turns_in_stage);
    for (int s = 0; s < CP_STAGE_COUNT; s++)
        TURNS(f->stage_turns[s]);
    /* version 3: projects firms pay for; none before */
    if (io->version >= 3)
        INT(f->private_capital, 0, 1);
    else if (io->reading)
        f->private_capital = 0;
}

/* ---- the sections ------------------------------------------------------ */

/* The scenario the world was made from: a save carries its own, so it loads
 * even after the scenario file has changed or gone. */
static void io_scenario(save_io *io, cp_scenario *sc)
{
    begin(io, "SCEN", "scenario");
    STR(sc->name);
    STR(sc->title);
    TURN_AT(sc->start_year);
    INT(sc->start_quarter, 1, 4);
    TURNS(sc->default_turns);
    int nn = count(io, &sc->nation_count, CP_MAX_NATIONS, 0, "sc->nation_count");
    for (int i = 0; i < nn; i++) {
        item(io, "nation", i);
        io_nation(io, &sc->nations[i], nn);
    }
    item(io, NULL, 0);
    int fc = count(io, &sc->facility_count, CP_MAX_FACILITIES, 0, "sc->facility_count");
    for (int k = 0; k < fc; k++) {
        item(io, "facility", k);
        io_facility_spec(io, &sc->facilities[k], nn);
    }
    item(io, NULL, 0);
    int count_s = count(io, &sc->scheduled_count, CP_MAX_SCHEDULED, 0, "sc->scheduled_count");
    for (int k = 0; k < count_s; k++) {
        cp_scheduled *s = &sc->scheduled[k];
        item(io, "scheduled item", k);
        TURNS(s->turn);
        INT(s->is_event, 0, 1);
        io_order(io, &s->order);
        io_event(io, &s->event);
        STR(s->note);
        if (io->failed)
            break;
        if (s->is_event)
            check_event(io, &s->event, nn, fc);
        else
            check_order(io, &s->order, nn);
    }
    item(io, NULL, 0);
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        cp_good_params *p = &sc->goods[g];
        item(io, "good", g);
        F64(p->reference_price_usd_per_kg);
        F64(p->demand_elasticity);
        F64(p->substitution);
        F64(p->supply_elasticity);
        F64(p->transport_usd_per_kg_per_10000km);
        F64S(p->growth_per_yr, CP_SECTOR_COUNT);
    }
    item(io, NULL, 0);
    F64(sc->magnet_light_t_per_t);
    F64(sc->magnet_heavy_t_per_t);
    F64(sc->leakage_share);
    F64(sc->leakage_share_tracked);
    F64(sc->random_events);
    F64(sc->stock_target_quarters);
    /* version 4: the scenario's goals; none before (every nation's are derived) */
    int count_g = 0;
    if (io->version >= 4)
        count_g = count(io, &sc->goal_count, CP_MAX_GOALS, 7 * 4, "sc->goal_count");
    else if (io->reading)
        sc->goal_count = 0;
    for (int k = 0; k < count_g && !io->failed; k++) {
        cp_goal *g = &sc->goals[k];
        item(io, "goal", k);
        INT(g->nation, 0, nn - 1);
        INT(g->kind, 0, CP_GOAL_KIND_COUNT - 1);
        INT(g->measure, 0, CP_MEASURE_COUNT - 1);
        INT(g->good, -1, CP_GOOD_COUNT - 1);
        I32(g->facility_kind);
        F64(g->target);
        TURNS(g->by_turn);
    }
    item(io, NULL, 0);
    end(io);
    cp_error e;
    if (!io->failed && !io->dry && cp_scenario_validate(sc, &e) != CP_OK)
        fail(io, "%s", e.message);
}

/* The turn, the random stream, the running policy hash and the ledgers. */
static void io_clock(save_io *io, cp_world *w)
{
    begin(io, "CLCK", "clock");
    u64_field(io, &w->seed, "seed");
    for (int k = 0; k < 4; k++)
        u64_field(io, &w->rng.s[k], "rng");
    if (!io->failed && (w->rng.s[0] | w->rng.s[1] | w->rng.s[2] | w->rng.s[3]) == 0)
        fail(io, "the random stream is all zeros");
    TURNS(w->turn);
    INT(w->resolving, 0, 0); /* never saved inside an advance */
    u64_field(io, &w->policy_hash, "policy_hash");
    cp_ledger *l = &w->ledger;
    F64(l->mined_t);
    if (io->version >= 3) /* version 3: recycling */
        F64(l->recycled_t);
    F64(l->lost_t);
    F64(l->consumed_t);
    F64(l->in_stock_t);
    F64(l->initial_stock_t);
    F64(l->buyers_paid_musd);
    F64(l->sellers_got_musd);
    F64(l->tariffs_musd);
    F64(l->export_taxes_musd);
    F64(l->transport_musd);
    end(io);
}

/* A world nation's traits, which the rules keep within the scenario's
 * ranges (shares, weights, technology, trust, pressure). */
static void check_traits(save_io *io, const cp_nation *n)
{
    _Static_assert(CP_FAC_KIND_COUNT == 4, "the list below names every kind's tech");
    struct {
        const char *range, *name;
        double v;
    } t[] = {{"lat", "lat_deg", n->lat_deg},
             {"lon", "lon_deg", n->lon_deg},
             {"permitting_factor", "permitting_factor", n->permitting_factor},
             {"hurdle_price_ratio", "hurdle_price_ratio", n->hurdle_price_ratio},
             {"expansion_cap_per_yr", "expansion_cap_per_yr", n->expansion_cap_per_yr},
             {"conflict_risk_per_yr", "conflict_risk_per_yr", n->conflict_risk_per_yr},
             {"trust", "trust", n->trust},
             {"pressure", "pressure", n->pressure},
             {"ore", "ore_light_share", n->ore_light_share},
             {"ore", "ore_heavy_share", n->ore_heavy_share},
             {"weights", "weights.security", n->weights.security},
             {"weights", "weights.prosperity", n->weights.prosperity},
             {"weights", "weights.leverage", n->weights.leverage},
             {"weights", "weights.stability", n->weights.stability},
             {"tech", "tech", n->tech[0]},
             {"tech", "tech", n->tech[1]},
             {"tech", "tech", n->tech[2]},
             {"tech", "tech", n->tech[3]}};
    for (size_t i = 0; i < sizeof t / sizeof t[0] && !io->failed; i++) {
        const cp_number_range *r = cp_scenario_range(t[i].range);
        if (r && !cp_range_holds(r, t[i].v))
            fail(io, "%s is %g, not %g..%g", t[i].name, t[i].v, r->min, r->max);
    }
}

static void io_nations(save_io *io, cp_world *w)
{
    begin(io, "NATN", "nations");
    int nn = count(io, &w->nation_count, CP_MAX_NATIONS, 0, "w->nation_count");
    if (!io->failed && nn != w->sc->nation_count)
        fail(io, "%d nations, but the scenario has %d", nn, w->sc->nation_count);
    for (int i = 0; i < nn && !io->failed; i++) {
        item(io, "nation", i);
        io_nation(io, &w->nations[i], nn);
        if (!io->failed && io->dry != SAVE_HASH)
            check_traits(io, &w->nations[i]);
        if (!io->failed && strcmp(w->nations[i].iso3, w->sc->nations[i].iso3) != 0)
            fail(io, "%s, but the scenario's nation there is %s", w->nations[i].iso3,
                 w->sc->nations[i].iso3);
    }
    /* version 2: the teacher's policy locks (lock.c); none before */
    item(io, NULL, 0);
    if (io->version >= 2)
        for (int i = 0; i < nn && !io->failed; i++)
            INT(w->policy_locked[i], 0, 1);
    end(io);
}

static void io_facilities(save_io *io, cp_world *w)
{
    begin(io, "FACI", "facilities");
    int nn = w->nation_count;
    int fc = count(io, &w->facility_count, CP_MAX_FACILITIES, 0, "w->facility_count");
    for (int k = 0; k < fc && !io->failed; k++) {
        cp_facility *f = &w->facilities[k];
        item(io, "facility", k);
        INT(f->id, k, k);
        STR(f->name);
        INT(f->kind, 0, CP_FAC_KIND_COUNT - 1);
        INT(f->host, 0, nn - 1);
        INT(f->funder, 0, nn - 1);
        INT(f->private_capital, 0, 1);
        INT(f->cofunder, -1, nn - 1);
        F64(f->cofunder_share);
        F64(f->capacity_t_per_yr);
        INT(f->stage, 0, CP_STAGE_COUNT - 1);
        for (int s = 0; s < CP_STAGE_COUNT; s++)
            TURNS(f->stage_turns[s]);
        TURNS(f->turns_in_stage);
        F64(f->progress);
        if (!io->failed && !(f->progress >= 0 && f->progress <= 1))
            fail(io, "progress is %g, not 0..1", f->progress);
        TURN_AT(f->start_turn);
        TURN_AT(f->operating_turn);
        F64(f->capex_musd);
        F64(f->capex_paid_musd);
        F64(f->funds_musd);
        F64(f->output_t);
        F64(f->utilisation);
        TURNS(f->delay_turns);
        /* version 3: slippage still to come; none before */
        if (io->version >= 3)
            TURNS(f->slip_turns);
    }
    end(io);
}

/* This quarter's markets and the prices and premiums that warm-start the
 * next quarter's solve. */
static void io_markets(save_io *io, cp_world *w)
{
    begin(io, "MRKT", "markets");
    int nn = w->nation_count;
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        cp_market *m = &w->market[g];
        cp_market_state *s = &w->mstate[g];
        item(io, "good", g);
        F64(m->world_price_usd_per_kg);
        F64(m->reference_price_usd_per_kg);
        F64(m->production_t);
        F64(m->traded_t);
        F64(m->shortage_t);
        for (int i = 0; i < nn; i++)
            F64S(m->flow_t[i], nn);
        F64S(s->price, nn);
        /* the market's guards hold prices within a million times either
         * way of the reference (market.c); a price far below made the next
         * solve's powers infinite */
        double ref = w->sc->goods[g].reference_price_usd_per_kg;
        for (int i = 0; i < nn && !io->failed && io->dry != SAVE_HASH; i++)
            if (!(s->price[i] >= ref * 1e-6 && s->price[i] <= ref * 1e6))
                fail(io, "price of nation %d is %g, not within a million times of the reference %g",
                     i, s->price[i], ref);
        io->capped = 0; /* premiums: bounded by the solve, not by a constant */
        for (int i = 0; i < nn; i++)
            F64S(s->premium[i], nn);
        F64S(s->quota_premium, nn);
        io->capped = 1;
    }
    /* version 2: tariff collected route by route (tariffs.c); a version 1
     * game starts counting from the turn it is loaded */
    item(io, NULL, 0);
    if (io->version >= 2)
        for (int g = 0; g < CP_GOOD_COUNT; g++)
            for (int j = 0; j < nn; j++)
                F64S(w->tariff_paid_musd[g][j], nn);
    /* version 3: how each quarter's solve settled */
    if (io->version >= 3)
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            cp_market *m = &w->market[g];
            item(io, "good", g);
            INT(m->solve_iterations, 0, 1000000);
            F64(m->solve_residual);
            INT(m->solve_capped, 0, 1);
        }
    end(io);
}

/* The per-nation tables the rules keep between and within turns. Two
 * caches are left out on purpose: route_k (transport costs, worked out
 * again from transport_km on the first market) and no_suspensions (0 on a
 * loaded world, so its first countdown looks at every control). */
static void io_tables(save_io *io, cp_world *w)
{
    begin(io, "GRID", "tables");
    int nn = w->nation_count;
    for (int i = 0; i < nn; i++)
        F64S(w->transport_km[i], nn);
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        F64S(w->demand_scale[g], nn);
        F64S(w->licensed_in_t[g], nn);
        F64S(w->stockpile_buy_t[g], nn);
        F64S(w->growth_q[g], CP_SECTOR_COUNT);
    }
    F64S(w->mine_cut, nn);
    F64S(w->approvals_cut, nn);
    for (int i = 0; i < nn; i++) {
        F64K(w->cap_t[i]);
        F64K(w->used_t[i]);
        F64K(w->util[i]);
    }
    /* version 3: plans, normal use of capacity, investment signals; an
     * older world gets plans at its next quarter, 0.9 for normal use and
     * signals at the reference */
    if (io->version >= 3) {
        for (int i = 0; i < nn; i++) {
            F64S(w->plan_t[i], CP_FAC_KIND_COUNT);
            F64S(w->invest_signal[i], CP_FAC_KIND_COUNT);
        }
        F64S(w->u0, CP_FAC_KIND_COUNT);
    } else if (io->reading) {
        for (int k = 0; k < CP_FAC_KIND_COUNT; k++) {
            w->u0[k] = 0.9;
            for (int i = 0; i < nn; i++)
                w->invest_signal[i][k] = 1.0;
        }
    }
    end(io);
}

/* Orders queued for the coming advance: a game saved mid-turn keeps them. */
static void io_pending(save_io *io, cp_world *w)
{
    begin(io, "ORDR", "pending orders");
    int n = count(io, &w->pending_count, CP_MAX_PENDING_ORDERS, 0, "w->pending_count");
    for (int k = 0; k < n && !io->failed; k++) {
        item(io, "order", k);
        io_order(io, &w->pending[k]);
        if (!io->failed)
            check_order(io, &w->pending[k], w->nation_count);
    }
    end(io);
}

/* Lasting effects, and events a teacher injected for the next advance. */
static void io_events(save_io *io, cp_world *w)
{
    begin(io, "EVNT", "events");
    int n = count(io, &w->effect_count, CP_MAX_ACTIVE_EFFECTS, 0, "w->effect_count");
    for (int k = 0; k < n && !io->failed; k++) {
        cp_effect *ef = &w->effects[k];
        item(io, "effect", k);
        io_event(io, &ef->event);
        TURNS(ef->turns_left);
        if (!io->failed)
            check_event(io, &ef->event, w->nation_count, w->facility_count);
    }
    n = count(io, &w->injected_count, CP_MAX_ACTIVE_EFFECTS, 0, "w->injected_count");
    for (int k = 0; k < n && !io->failed; k++) {
        item(io, "injected event", k);
        io_event(io, &w->injected[k]);
        cp_error e;
        if (!io->failed && io->dry != SAVE_HASH && evt_check(w, &w->injected[k], &e) != CP_OK)
            fail(io, "%s", e.message);
    }
    end(io);
}

static void io_nation_row(save_io *io, cp_nation_history *h, int turn)
{
    INT(h->turn, turn, turn);
    F64(h->mined_t);
    F64(h->separated_t);
    F64(h->magnets_t);
    if (io->version >= 3)
        F64(h->heavy_separated_t);
    F64(h->demand_t);
    F64(h->shortage_t);
    F64S(h->demand_good_t, CP_GOOD_COUNT);
    F64S(h->shortage_good_t, CP_GOOD_COUNT);
    F64S(h->sector_shortage_t, CP_SECTOR_COUNT);
    F64(h->stockpile_t);
    F64(h->treasury_musd);
    F64(h->gdp_busd_per_yr);
    F64(h->gdp_loss_busd);
    F64(h->score);
    F64(h->pressure);
    F64S(h->price_paid_usd_per_kg, CP_GOOD_COUNT);
    F64S(h->imports_t, CP_GOOD_COUNT);
    F64S(h->exports_t, CP_GOOD_COUNT);
    F64(h->tariff_revenue_musd);
}

/* Bytes a history row takes, to bound a damaged row count (version 3
 * added a field to the nation row). */
enum { NATION_ROW_BYTES = 4 + 37 * 8, MARKET_ROW_BYTES = 4 + 4 * 8 };

/* Every turn's figures, turns 0..turn: the charts, the CSV files and the
 * firms' investment decisions (which look a year back) read them. */
/* One turn's rows: every nation's, then every good's. */
static void io_history_turn(save_io *io, cp_world *w, int t)
{
    int nn = w->nation_count;
    for (int i = 0; i < nn; i++)
        io_nation_row(io, &w->hist_nation[(size_t)t * (size_t)nn + (size_t)i], t);
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        cp_market_history *h = &w->hist_market[(size_t)t * CP_GOOD_COUNT + (size_t)g];
        INT(h->turn, t, t);
        F64(h->world_price_usd_per_kg);
        F64(h->production_t);
        F64(h->traded_t);
        F64(h->shortage_t);
    }
}

static void io_history(save_io *io, cp_world *w)
{
    begin(io, "HIST", "history");
    int nn = w->nation_count;
    int rows = w->turn + 1;
    INT(rows, w->turn + 1, w->turn + 1);
    if (io->dry == SAVE_HASH) {
        /* the rows' running hash (hist_record keeps it): the same fields,
         * folded once each, so that hashing a long game stays cheap */
        io->hash = mix(io->hash, w->hist_hash);
        end(io);
        return;
    }
    if (io->dry == SAVE_CHECK) {
        /* the rows before were checked when they were new */
        item(io, "turn", w->turn);
        io_history_turn(io, w, w->turn);
        end(io);
        return;
    }
    size_t row_bytes = (size_t)nn * (NATION_ROW_BYTES + (io->version >= 3 ? 8 : 0)) +
                       CP_GOOD_COUNT * MARKET_ROW_BYTES;
    if (!io->failed && io->reading) {
        if ((size_t)rows > (io->end - io->pos) / row_bytes)
            fail(io, "%d turns of history do not fit in the section", rows);
        w->hist_nation = alloc_items(io, (size_t)rows * (size_t)nn, sizeof *w->hist_nation);
        w->hist_market = alloc_items(io, (size_t)rows * CP_GOOD_COUNT, sizeof *w->hist_market);
        w->hist_cap = io->failed ? 0 : rows;
    }
    for (int t = 0; t < rows && !io->failed; t++) {
        item(io, "turn", t);
        io_history_turn(io, w, t);
    }
    end(io);
}

static void io_news_item(save_io *io, cp_news *x, int nn)
{
    TURN_AT(x->turn);
    INT(x->kind, CP_NEWS_POLICY, CP_NEWS_KIND_COUNT - 1);
    INT(x->nation, -1, nn - 1);
    I32(x->good); /* commentary: shown through cp_good_name, which copes */
    STR(x->text);
    /* version 4: who else, which plant, routine or not; unknown before */
    if (io->version >= 4) {
        INT(x->partner, -1, nn - 1);
        I32(x->facility); /* commentary too */
        INT(x->routine, 0, 1);
    } else if (io->reading) {
        x->partner = -1;
        x->facility = -1;
        x->routine = 0;
    }
}

static void io_news(save_io *io, cp_world *w)
{
    begin(io, "NEWS", "news");
    int n = count(io, &w->news_count, INT_MAX, 5 * 4, "w->news_count");
    if (io->reading) {
        w->news = alloc_items(io, (size_t)n, sizeof *w->news);
        w->news_cap = io->failed ? 0 : n;
    }
    if (io->dry) {
        /* hashing: the items' running hash (news_add keeps it); checking:
         * news holds no numbers the rules compute with */
        if (io->dry == SAVE_HASH)
            io->hash = mix(io->hash, w->news_hash);
        n = 0;
    }
    for (int k = 0; k < n && !io->failed; k++) {
        item(io, "news item", k);
        io_news_item(io, &w->news[k], w->nation_count);
    }
    end(io);
}

/* The deal capacity the rules would have grown to: it decides when the
 * CP_MAX_DEALS limit bites (deal.c doubles from 16). */
static int deal_cap_for(int count)
{
    int cap = count ? 16 : 0;
    while (cap < count)
        cap *= 2;
    return cap;
}

static void io_clause(save_io *io, cp_clause *c, int nn, int fc)
{
    INT(c->kind, 0, CP_CLAUSE_KIND_COUNT - 1);
    INT(c->from, 0, nn - 1);
    INT(c->to, 0, nn - 1);
    I32(c->good);
    I32(c->facility_kind);
    F64(c->amount);
    F64(c->price_usd_per_kg);
    F64_ANY(c->capacity_t_per_yr); /* read by coinvest clauses only */
    F64(c->before);
    F64(c->delivered_t);
    INT(c->facility, -1, fc - 1);
    if (io->failed)
        return;
    int needs_good = c->kind == CP_CLAUSE_TARIFF || c->kind == CP_CLAUSE_LICENCE ||
                     c->kind == CP_CLAUSE_OFFTAKE || c->kind == CP_CLAUSE_STOCKPILE;
    int kind_used = c->kind == CP_CLAUSE_COINVEST || c->kind == CP_CLAUSE_TECH_TRANSFER;
    if (needs_good && (c->good < 0 || c->good >= CP_GOOD_COUNT))
        fail(io, "%s clause: good %d is unknown", cp_clause_kind_name(c->kind), c->good);
    else if (c->kind == CP_CLAUSE_SUSPEND && (c->good < CP_ALL || c->good >= CP_GOOD_COUNT))
        fail(io, "suspend clause: good %d is unknown", c->good);
    else if (kind_used && (c->facility_kind < 0 || c->facility_kind >= CP_FAC_KIND_COUNT))
        fail(io, "%s clause: facility kind %d is unknown", cp_clause_kind_name(c->kind),
             c->facility_kind);
    else if (c->kind == CP_CLAUSE_COINVEST && !isfinite(c->capacity_t_per_yr))
        fail(io, "coinvest clause: capacity is not a finite number");
}

static void io_deal_event(save_io *io, cp_deal_event *e, int nn, int deals)
{
    TURN_AT(e->turn);
    INT(e->deal_id, 0, deals - 1);
    INT(e->nation, -1, nn - 1);
    INT(e->status, 0, CP_DEAL_STATUS_COUNT - 1);
    STR(e->what);
}

/* Every deal ever proposed (its id is its place) and the deal log. */
static void io_deals(save_io *io, cp_world *w)
{
    begin(io, "DEAL", "deals");
    int nn = w->nation_count;
    int n = count(io, &w->deal_count, CP_MAX_DEALS, 0, "w->deal_count");
    if (io->reading) {
        w->deal_cap = deal_cap_for(n);
        w->deals = alloc_items(io, (size_t)w->deal_cap, sizeof *w->deals);
    }
    for (int k = 0; k < n && !io->failed; k++) {
        cp_deal *d = &w->deals[k];
        item(io, "deal", k);
        INT(d->id, k, k);
        INT(d->proposer, 0, nn - 1);
        int parties = count(io, &d->party_count, CP_MAX_PARTIES, 0, "d->party_count");
        for (int p = 0; p < parties; p++) {
            INT(d->parties[p], 0, nn - 1);
            INT(d->accepted[p], 0, 1);
        }
        int clauses = count(io, &d->clause_count, CP_MAX_CLAUSES, 0, "d->clause_count");
        for (int c = 0; c < clauses && !io->failed; c++)
            io_clause(io, &d->clauses[c], nn, w->facility_count);
        INT(d->term_turns, 1, SAVE_MAX_TURNS);
        TURN_AT(d->proposed_turn);
        TURN_AT(d->start_turn);
        TURN_AT(d->end_turn);
        INT(d->revision, 0, INT_MAX / 2); /* counters add one */
        INT(d->status, 0, CP_DEAL_STATUS_COUNT - 1);
        INT(d->breacher, -1, nn - 1);
    }
    item(io, NULL, 0);
    n = count(io, &w->deal_event_count, INT_MAX, 5 * 4, "w->deal_event_count");
    if (io->reading) {
        w->deal_events = alloc_items(io, (size_t)n, sizeof *w->deal_events);
        w->deal_event_cap = io->failed ? 0 : n;
    }
    if (io->dry) {
        /* as the news: the entries' running hash (deal_log keeps it) */
        if (io->dry == SAVE_HASH)
            io->hash = mix(io->hash, w->deal_log_hash);
        n = 0;
    }
    for (int k = 0; k < n && !io->failed; k++) {
        item(io, "deal log entry", k);
        io_deal_event(io, &w->deal_events[k], nn, w->deal_count);
    }
    end(io);
}

int save_fields(save_io *io, cp_world *w)
{
    /* the scenario never changes: hashed once (save_scenario_hash), and
     * checked when the world was made or loaded */
    if (io->dry == SAVE_HASH)
        io->hash = mix(io->hash, w->shared->hash);
    else if (!io->dry)
        io_scenario(io, &w->shared->sc);
    io->capped = 1; /* the world's numbers, from here on */
    io_clock(io, w);
    io_nations(io, w);
    io_facilities(io, w);
    io_markets(io, w);
    io_tables(io, w);
    io_pending(io, w);
    io_events(io, w);
    io_history(io, w);
    io_news(io, w);
    io_deals(io, w);
    return io->failed ? -1 : 0;
}

/* ---- the state hash and the invariant ------------------------------------ */

/* A walk that writes nothing: SAVE_HASH or SAVE_CHECK, from 'h'. */
static save_io dry_io(int mode, uint64_t h)
{
    save_io io;
    memset(&io, 0, sizeof io);
    io.dry = mode;
    io.version = SAVE_VERSION;
    io.hash = h;
    return io;
}

uint64_t save_scenario_hash(const cp_scenario *sc)
{
    save_io io = dry_io(SAVE_HASH, 0x5343454e4152494fULL); /* "SCENARIO" */
    io_scenario(&io, (cp_scenario *)sc); /* a dry walk only reads */
    return io.hash;
}

uint64_t save_hash_history_turn(const cp_world *w, int turn, uint64_t h)
{
    save_io io = dry_io(SAVE_HASH, h);
    io_history_turn(&io, (cp_world *)w, turn);
    return io.hash;
}

uint64_t save_hash_news(uint64_t h, const cp_news *x)
{
    save_io io = dry_io(SAVE_HASH, h);
    io_news_item(&io, (cp_news *)x, 0);
    return io.hash;
}

uint64_t save_hash_deal_event(uint64_t h, const cp_deal_event *e)
{
    save_io io = dry_io(SAVE_HASH, h);
    io_deal_event(&io, (cp_deal_event *)e, 0, 0);
    return io.hash;
}

void save_rehash_logs(cp_world *w)
{
    w->shared->hash = save_scenario_hash(&w->shared->sc);
    w->hist_hash = 0;
    for (int t = 0; t <= w->turn; t++)
        w->hist_hash = save_hash_history_turn(w, t, w->hist_hash);
    w->news_hash = 0;
    for (int k = 0; k < w->news_count; k++)
        w->news_hash = save_hash_news(w->news_hash, &w->news[k]);
    w->deal_log_hash = 0;
    for (int k = 0; k < w->deal_event_count; k++)
        w->deal_log_hash = save_hash_deal_event(w->deal_log_hash, &w->deal_events[k]);
}

uint64_t save_hash_world(const cp_world *w, uint64_t h)
{
    save_io io = dry_io(SAVE_HASH, h);
    save_fields(&io, (cp_world *)w);
    return io.hash;
}

int save_check(const cp_world *w, char *message, size_t len)
{
    save_io io = dry_io(SAVE_CHECK, 0);
    save_fields(&io, (cp_world *)w);
    if (io.failed && len)
        snprintf(message, len, "%s", io.message);
    return io.failed ? -1 : 0;
}

/* ---- checksum and the writer -------------------------------------------- */

uint64_t save_fnv1a(uint64_t h, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

uint64_t save_checksum(const unsigned char *buf, size_t len)
{
    uint64_t h = save_fnv1a(SAVE_FNV_BASIS, buf, 24);
    return save_fnv1a(h, buf + SAVE_HEADER_BYTES, len - SAVE_HEADER_BYTES);
}

/* Serialise 'w' (see chokepoint.h). The writer reads the world through the
 * same field list the loader fills it with; it never writes to 'w' (the
 * cast below only lets one function serve both directions). */
cp_status cp_world_save(const cp_world *w, unsigned char **buf, size_t *len, cp_error *err)
{
    return save_with_field_map(w, buf, len, NULL, NULL, err);
}

cp_status save_with_field_map(const cp_world *w, unsigned char **buf, size_t *len,
                              void (*fn)(void *ud, size_t at, size_t size, char kind,
                                         const char *section, const char *name),
                              void *ud, cp_error *err)
{
    *buf = NULL;
    *len = 0;
    save_io io;
    memset(&io, 0, sizeof io);
    io.version = SAVE_VERSION;
    io.on_field = fn;
    io.on_field_ud = ud;
    unsigned char header[SAVE_HEADER_BYTES] = {0};
    raw(&io, header, sizeof header);
    if (save_fields(&io, (cp_world *)w) != 0) {
        free(io.out);
        return cp_fail(err, io.code, "cannot save the world: %s", io.message);
    }
    memcpy(io.out, SAVE_MAGIC, SAVE_MAGIC_BYTES);
    save_put_u32(io.out + 8, SAVE_VERSION);
    save_put_u32(io.out + 12, CP_MODEL_VERSION);
    save_put_u64(io.out + 16, (uint64_t)(io.pos - SAVE_HEADER_BYTES));
    save_put_u64(io.out + 24, save_checksum(io.out, io.pos));
    *buf = io.out;
    *len = io.pos;
    return CP_OK;
}

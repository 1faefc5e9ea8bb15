/* replay_file.c -- writing and reading replay files (see replay_file.h).
 *
 * Layout (little-endian): a 16-byte header, "CPREPLAY", the format version
 * (u32) and the model version of the rules it was recorded under (u32,
 * CP_MODEL_VERSION; 0 before format 4, which means model 1); then records,
 * each a 4-letter tag, a u32 body length, the body and a u64 FNV-1a
 * checksum of tag, length and body:
 *
 *   STRT  scenario (as named), scenario name, seed, start turn, the start
 *         world (length + cp_world_save bytes; length 0 when the game
 *         started from its scenario), seats ("ISO3=agent"), start hash,
 *         and since version 5 the agents' difficulty ("easy", "normal",
 *         "hard")
 *   TURN  the turn reached, its orders, injected events and deal actions,
 *         and the hash after the advance; one per turn, in order
 *   AGNT  (version 2, optional) right after a TURN: the turn, what each
 *         seated agent did (nation, agent, instructions used and allowed,
 *         memory, orders kept, calls refused, failed, message, and since
 *         version 3 the calls the wall clock stopped) and the seats' log
 *         lines (nation or -1, text)
 *   END   the last turn: the recording was closed properly
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bytes.h"
#include "file_io.h"
#include "replay_file.h"

static const unsigned char MAGIC[8] = {'C', 'P', 'R', 'E', 'P', 'L', 'A', 'Y'};
enum { HEADER_BYTES = 16 };

struct replay_rec {
    FILE *f;
    char path[1024];
    int deal_mark;   /* deal log entries that belong to earlier turns */
    int event_count; /* injected since the last advance */
    cp_event events[CP_MAX_ACTIVE_EFFECTS];
    bytes_buf turn;  /* the turn being recorded, between before and after */
    int last_turn;
    /* the agents' side of the turn being recorded (AGNT) */
    int seat_count;
    replay_seat_turn seats[REPLAY_MAX_SEATS];
    int line_count;
    bytes_buf lines;
};

/* ---- encoding the records ---------------------------------------------------- */

static void put_order(bytes_buf *b, const cp_order *o)
{
    int f[] = {(int)o->kind, o->nation, o->partner, o->good, o->facility, o->facility_kind,
               o->mode, o->flag, o->turns};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        bytes_i32(b, f[i]);
    bytes_f64(b, o->amount);
}

static void put_event(bytes_buf *b, const cp_event *e)
{
    bytes_i32(b, (int)e->kind);
    bytes_i32(b, e->nation);
    bytes_i32(b, e->partner);
    bytes_i32(b, e->good);
    bytes_i32(b, e->facility);
    bytes_f64(b, e->magnitude);
    bytes_i32(b, e->turns);
}

/* The negotiable part of a deal: what cp_world_propose and cp_world_counter
 * take. */
static void put_terms(bytes_buf *b, const cp_deal *d)
{
    bytes_i32(b, d->proposer);
    bytes_i32(b, d->party_count);
    for (int p = 0; p < d->party_count; p++)
        bytes_i32(b, d->parties[p]);
    bytes_i32(b, d->clause_count);
    for (int k = 0; k < d->clause_count; k++) {
        const cp_clause *c = &d->clauses[k];
        bytes_i32(b, (int)c->kind);
        bytes_i32(b, c->from);
        bytes_i32(b, c->to);
        bytes_i32(b, c->good);
        bytes_i32(b, c->facility_kind);
        bytes_f64(b, c->amount);
        bytes_f64(b, c->price_usd_per_kg);
        bytes_f64(b, c->capacity_t_per_yr);
    }
    bytes_i32(b, d->term_turns);
}

static int write_record(replay_rec *r, const char *tag, const bytes_buf *body, char *err,
                        size_t errlen)
{
    bytes_buf rec = {0};
    bytes_append(&rec, tag, 4);
    bytes_u32(&rec, (uint32_t)body->len);
    bytes_append(&rec, body->data, body->len);
    bytes_u64(&rec, bytes_fnv1a(BYTES_FNV_BASIS, rec.data, rec.len));
    int ok = !rec.failed && !body->failed && fwrite(rec.data, 1, rec.len, r->f) == rec.len &&
             fflush(r->f) == 0;
    free(rec.data);
    if (!ok) {
        snprintf(err, errlen, "cannot write the replay %s: %s", r->path,
                 errno ? strerror(errno) : "out of memory");
        return -1;
    }
    return 0;
}

replay_rec *replay_rec_open(const char *path, const char *scenario, const cp_world *w,
                            int from_save, const char *const *seats, int seat_count,
                            cps_difficulty difficulty, char *err, size_t errlen)
{
    replay_rec *r = calloc(1, sizeof *r);
    if (!r) {
        snprintf(err, errlen, "cannot record %s: out of memory", path);
        return NULL;
    }
    snprintf(r->path, sizeof r->path, "%s", path);
    r->f = fopen(path, "wb");
    if (!r->f) {
        snprintf(err, errlen, "cannot write the replay %s: %s", path, strerror(errno));
        free(r);
        return NULL;
    }
    r->deal_mark = cp_world_deal_event_count(w);
    r->last_turn = cp_world_turn(w);
    unsigned char header[HEADER_BYTES];
    memcpy(header, MAGIC, sizeof MAGIC);
    bytes_put_u32(header + 8, REPLAY_VERSION);
    bytes_put_u32(header + 12, CP_MODEL_VERSION);

    bytes_buf b = {0};
    bytes_str(&b, scenario);
    bytes_str(&b, cp_world_scenario(w)->name);
    bytes_u64(&b, cp_world_seed(w));
    bytes_i32(&b, cp_world_turn(w));
    unsigned char *world = NULL;
    size_t world_len = 0;
    if (from_save) {
        cp_error e;
        if (cp_world_save(w, &world, &world_len, &e) != CP_OK) {
            snprintf(err, errlen, "cannot record %s: %s", path, e.message);
            goto fail;
        }
    }
    bytes_u64(&b, (uint64_t)world_len);
    bytes_append(&b, world, world_len);
    free(world);
    if (seat_count > REPLAY_MAX_SEATS)
        seat_count = REPLAY_MAX_SEATS;
    bytes_i32(&b, seat_count);
    for (int i = 0; i < seat_count; i++)
        bytes_str(&b, seats[i]);
    /* the start as a replay sees it: the orders queued in the world are
     * withdrawn there, since the first turn's record holds them again
     * (replay_start_world) */
    cp_world *bare = cp_world_clone(w);
    cp_error e;
    while (bare && cp_world_pending_count(bare) > 0)
        cp_world_withdraw(bare, 0, &e);
    bytes_u64(&b, cp_world_hash(bare ? bare : w));
    cp_world_destroy(bare);
    bytes_str(&b, cps_difficulty_name(difficulty));
    if (fwrite(header, 1, sizeof header, r->f) != sizeof header ||
        write_record(r, "STRT", &b, err, errlen) != 0) {
        snprintf(err, errlen, "cannot write the replay %s: %s", path, strerror(errno));
        goto fail;
    }
    free(b.data);
    return r;

fail:
    free(b.data);
    fclose(r->f);
    free(r);
    return NULL;
}

void replay_rec_inject(replay_rec *r, const cp_event *e)
{
    if (r && r->event_count < CP_MAX_ACTIVE_EFFECTS)
        r->events[r->event_count++] = *e;
}

/* The deal log entry's action, or -1 for what the core did by itself. */
static int action_of(const cp_deal_event *e)
{
    static const char *const what[REPLAY_ACTION_COUNT] = {
        [REPLAY_PROPOSE] = "proposed", [REPLAY_ACCEPT] = "accepted", [REPLAY_REJECT] = "rejected",
        [REPLAY_COUNTER] = "countered", [REPLAY_WITHDRAW] = "withdrawn"};
    if (e->nation < 0)
        return -1;
    for (int k = 0; k < REPLAY_ACTION_COUNT; k++)
        if (strcmp(e->what, what[k]) == 0)
            return k;
    return -1;
}

int replay_rec_before(replay_rec *r, const cp_world *w, char *err, size_t errlen)
{
    bytes_buf *b = &r->turn;
    b->len = 0;
    bytes_i32(b, cp_world_turn(w) + 1);
    bytes_i32(b, cp_world_pending_count(w));
    for (int k = 0; k < cp_world_pending_count(w); k++)
        put_order(b, cp_world_pending(w, k));
    bytes_i32(b, r->event_count);
    for (int k = 0; k < r->event_count; k++)
        put_event(b, &r->events[k]);
    r->event_count = 0;
    int actions = 0;
    for (int k = r->deal_mark; k < cp_world_deal_event_count(w); k++)
        actions += action_of(cp_world_deal_event(w, k)) >= 0;
    bytes_i32(b, actions);
    for (int k = r->deal_mark; k < cp_world_deal_event_count(w); k++) {
        const cp_deal_event *e = cp_world_deal_event(w, k);
        int a = action_of(e);
        if (a < 0)
            continue;
        bytes_i32(b, a);
        bytes_i32(b, e->deal_id);
        bytes_i32(b, e->nation);
        if (a == REPLAY_PROPOSE || a == REPLAY_COUNTER) {
            /* the terms as proposed or countered then: a counter later in
             * the turn replaces the deal's, and the news says both */
            const cp_deal *then = cp_world_deal_as_logged(w, k);
            put_terms(b, then ? then : cp_world_deal(w, e->deal_id));
        }
    }
    if (b->failed) {
        snprintf(err, errlen, "cannot record %s: out of memory", r->path);
        return -1;
    }
    return 0;
}

void replay_rec_seat(replay_rec *r, const replay_seat_turn *s)
{
    if (r && r->seat_count < REPLAY_MAX_SEATS)
        r->seats[r->seat_count++] = *s;
}

void replay_rec_log(replay_rec *r, int nation, const char *line)
{
    if (!r || r->line_count >= REPLAY_MAX_LOG_LINES)
        return;
    char text[sizeof ((replay_log_line *)0)->text];
    snprintf(text, sizeof text, "%s", line);
    bytes_i32(&r->lines, nation);
    bytes_str(&r->lines, text);
    r->line_count++;
}

/* The AGNT record of the turn just written, when agents played it. */
static int write_agents(replay_rec *r, int turn, char *err, size_t errlen)
{
    if (r->seat_count == 0 && r->line_count == 0)
        return 0;
    bytes_buf b = {0};
    bytes_i32(&b, turn);
    bytes_i32(&b, r->seat_count);
    for (int k = 0; k < r->seat_count; k++) {
        const replay_seat_turn *s = &r->seats[k];
        bytes_i32(&b, s->nation);
        bytes_str(&b, s->agent);
        bytes_u64(&b, (uint64_t)s->instructions);
        bytes_u64(&b, (uint64_t)s->budget);
        bytes_u64(&b, s->mem_bytes);
        bytes_i32(&b, s->orders);
        bytes_i32(&b, s->refused);
        bytes_i32(&b, s->failed);
        bytes_str(&b, s->message);
        bytes_i32(&b, s->wall);
    }
    bytes_i32(&b, r->line_count);
    bytes_append(&b, r->lines.data, r->lines.len);
    b.failed |= r->lines.failed;
    int st = write_record(r, "AGNT", &b, err, errlen);
    free(b.data);
    return st;
}

int replay_rec_after(replay_rec *r, const cp_world *w, char *err, size_t errlen)
{
    bytes_u64(&r->turn, cp_world_hash(w));
    r->deal_mark = cp_world_deal_event_count(w);
    r->last_turn = cp_world_turn(w);
    int st = write_record(r, "TURN", &r->turn, err, errlen);
    if (st == 0)
        st = write_agents(r, r->last_turn, err, errlen);
    r->seat_count = r->line_count = 0;
    r->lines.len = 0;
    r->lines.failed = 0;
    return st;
}

int replay_rec_close(replay_rec *r, char *err, size_t errlen)
{
    if (!r)
        return 0;
    bytes_buf b = {0};
    bytes_i32(&b, r->last_turn);
    int st = write_record(r, "END ", &b, err, errlen);
    free(b.data);
    if (st == 0 && (fsync(fileno(r->f)) != 0 || ferror(r->f))) {
        snprintf(err, errlen, "cannot write the replay %s: %s", r->path, strerror(errno));
        st = -1;
    }
    if (fclose(r->f) != 0 && st == 0) {
        snprintf(err, errlen, "cannot write the replay %s: %s", r->path, strerror(errno));
        st = -1;
    }
    free(r->turn.data);
    free(r->lines.data);
    free(r);
    return st;
}

void replay_rec_abandon(replay_rec *r)
{
    if (!r)
        return;
    fclose(r->f);
    free(r->turn.data);
    free(r->lines.data);
    free(r);
}

/* ---- reading ------------------------------------------------------------------ */

void replay_free(replay *r)
{
    if (!r)
        return;
    for (int t = 0; t < r->turn_count; t++) {
        free(r->turns[t].orders);
        free(r->turns[t].events);
        free(r->turns[t].actions);
        free(r->turns[t].seats);
        free(r->turns[t].lines);
    }
    free(r->turns);
    free(r->world);
    memset(r, 0, sizeof *r);
}

/* An item count, refused when the record could not hold that many items of
 * at least 'item_bytes' each. */
static int read_count(bytes_reader *b, int max, size_t item_bytes)
{
    int n = bytes_read_i32(b);
    if (b->failed || n < 0 || n > max || (size_t)n > (b->len - b->pos) / item_bytes) {
        b->failed = 1;
        return 0;
    }
    return n;
}

static void read_order(bytes_reader *b, cp_order *o)
{
    memset(o, 0, sizeof *o);
    o->kind = (cp_order_kind)bytes_read_i32(b);
    o->nation = bytes_read_i32(b);
    o->partner = bytes_read_i32(b);
    o->good = bytes_read_i32(b);
    o->facility = bytes_read_i32(b);
    o->facility_kind = bytes_read_i32(b);
    o->mode = bytes_read_i32(b);
    o->flag = bytes_read_i32(b);
    o->turns = bytes_read_i32(b);
    o->amount = bytes_read_f64(b);
}

static void read_event(bytes_reader *b, cp_event *e)
{
    memset(e, 0, sizeof *e);
    e->kind = (cp_event_kind)bytes_read_i32(b);
    e->nation = bytes_read_i32(b);
    e->partner = bytes_read_i32(b);
    e->good = bytes_read_i32(b);
    e->facility = bytes_read_i32(b);
    e->magnitude = bytes_read_f64(b);
    e->turns = bytes_read_i32(b);
}

static void read_terms(bytes_reader *b, cp_deal *d)
{
    memset(d, 0, sizeof *d);
    d->proposer = bytes_read_i32(b);
    d->party_count = read_count(b, CP_MAX_PARTIES, 4);
    for (int p = 0; p < d->party_count; p++)
        d->parties[p] = bytes_read_i32(b);
    d->clause_count = read_count(b, CP_MAX_CLAUSES, 5 * 4 + 3 * 8);
    for (int k = 0; k < d->clause_count; k++) {
        cp_clause *c = &d->clauses[k];
        c->kind = (cp_clause_kind)bytes_read_i32(b);
        c->from = bytes_read_i32(b);
        c->to = bytes_read_i32(b);
        c->good = bytes_read_i32(b);
        c->facility_kind = bytes_read_i32(b);
        c->amount = bytes_read_f64(b);
        c->price_usd_per_kg = bytes_read_f64(b);
        c->capacity_t_per_yr = bytes_read_f64(b);
        c->facility = -1;
    }
    d->term_turns = bytes_read_i32(b);
}

/* One TURN record into 't'. Returns 0, or -1 when it does not read. */
static int read_turn(bytes_reader *b, replay_turn *t)
{
    t->turn = bytes_read_i32(b);
    t->order_count = read_count(b, CP_MAX_PENDING_ORDERS, 9 * 4 + 8);
    t->orders = calloc((size_t)t->order_count + 1, sizeof *t->orders);
    for (int k = 0; t->orders && k < t->order_count; k++)
        read_order(b, &t->orders[k]);
    t->event_count = read_count(b, CP_MAX_ACTIVE_EFFECTS, 6 * 4 + 8);
    t->events = calloc((size_t)t->event_count + 1, sizeof *t->events);
    for (int k = 0; t->events && k < t->event_count; k++)
        read_event(b, &t->events[k]);
    t->action_count = read_count(b, REPLAY_MAX_ACTIONS, 3 * 4);
    t->actions = calloc((size_t)t->action_count + 1, sizeof *t->actions);
    for (int k = 0; t->actions && k < t->action_count; k++) {
        replay_action *a = &t->actions[k];
        int kind = bytes_read_i32(b);
        if (kind < 0 || kind >= REPLAY_ACTION_COUNT) {
            b->failed = 1;
            break;
        }
        a->kind = (replay_action_kind)kind;
        a->deal_id = bytes_read_i32(b);
        a->nation = bytes_read_i32(b);
        if (a->kind == REPLAY_PROPOSE || a->kind == REPLAY_COUNTER)
            read_terms(b, &a->deal);
    }
    t->hash = bytes_read_u64(b);
    if (!t->orders || !t->events || !t->actions)
        b->failed = 1;
    return b->failed || b->pos != b->len ? -1 : 0;
}

/* An AGNT record into 't' (its turn's record, read just before). Returns 0,
 * or -1 when it does not read. */
static int read_agents(bytes_reader *b, replay_turn *t, uint32_t version)
{
    if (bytes_read_i32(b) != t->turn || t->seats || t->lines)
        return -1;
    t->seat_count = read_count(b, REPLAY_MAX_SEATS, (version >= 3 ? 7 : 6) * 4 + 3 * 8);
    t->seats = calloc((size_t)t->seat_count + 1, sizeof *t->seats);
    for (int k = 0; t->seats && k < t->seat_count; k++) {
        replay_seat_turn *s = &t->seats[k];
        s->nation = bytes_read_i32(b);
        bytes_read_str(b, s->agent, sizeof s->agent);
        s->instructions = (long long)bytes_read_u64(b);
        s->budget = (long long)bytes_read_u64(b);
        s->mem_bytes = bytes_read_u64(b);
        s->orders = bytes_read_i32(b);
        s->refused = bytes_read_i32(b);
        s->failed = bytes_read_i32(b) != 0;
        bytes_read_str(b, s->message, sizeof s->message);
        s->wall = version >= 3 ? bytes_read_i32(b) : 0;
        if (s->nation < 0 || s->nation >= CP_MAX_NATIONS || s->wall < 0)
            b->failed = 1;
    }
    t->line_count = read_count(b, REPLAY_MAX_LOG_LINES, 2 * 4);
    t->lines = calloc((size_t)t->line_count + 1, sizeof *t->lines);
    for (int k = 0; t->lines && k < t->line_count; k++) {
        t->lines[k].nation = bytes_read_i32(b);
        bytes_read_str(b, t->lines[k].text, sizeof t->lines[k].text);
    }
    if (!t->seats || !t->lines)
        b->failed = 1;
    return b->failed || b->pos != b->len ? -1 : 0;
}

#define REFUSE(...)                                                                            \
    do {                                                                                       \
        int n_ = snprintf(err, errlen, "%s: ", name);                                          \
        if (n_ >= 0 && (size_t)n_ < errlen)                                                    \
            snprintf(err + n_, errlen - (size_t)n_, __VA_ARGS__);                              \
        replay_free(out);                                                                      \
        return -1;                                                                             \
    } while (0)

int replay_decode(const unsigned char *buf, size_t len, const char *name, replay *out,
                  char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (len < HEADER_BYTES || memcmp(buf, MAGIC, sizeof MAGIC) != 0)
        REFUSE(len < HEADER_BYTES && len > 0 && memcmp(buf, MAGIC, len < 8 ? len : 8) == 0
                   ? "truncated: %zu bytes, too short for a replay"
                   : "not a Chokepoint replay (%zu bytes)", len);
    uint32_t version = bytes_get_u32(buf + 8);
    if (version > REPLAY_VERSION)
        REFUSE("recorded by a newer Chokepoint (replay format version %u; this build reads up "
               "to %d)", version, (int)REPLAY_VERSION);
    if (version < 1 || (version < 4 && bytes_get_u32(buf + 12) != 0))
        REFUSE("damaged header (version %u)", version);
    uint32_t model = version >= 4 ? bytes_get_u32(buf + 12) : 1;
    size_t pos = HEADER_BYTES;
    int records = 0, cap = 0;
    while (pos < len) {
        if (len - pos < 8 + 8)
            break; /* a record cut short: the game stopped while writing it */
        const unsigned char *rec = buf + pos;
        uint32_t body_len = bytes_get_u32(rec + 4);
        if (body_len > len - pos - 16)
            break;
        if (bytes_fnv1a(BYTES_FNV_BASIS, rec, 8 + (size_t)body_len) !=
            bytes_get_u64(rec + 8 + body_len))
            REFUSE("damaged: record %d (at byte %zu) fails its checksum", records + 1, pos);
        bytes_reader b = {rec + 8, 0, body_len, 0};
        pos += 16 + (size_t)body_len;
        if (out->complete)
            REFUSE("damaged: records after the end record");
        if (records == 0) {
            if (memcmp(rec, "STRT", 4) != 0)
                REFUSE("damaged: it does not begin with a start record");
            bytes_read_str(&b, out->scenario, sizeof out->scenario);
            bytes_read_str(&b, out->scenario_name, sizeof out->scenario_name);
            out->seed = bytes_read_u64(&b);
            out->start_turn = bytes_read_i32(&b);
            uint64_t wl = bytes_read_u64(&b);
            if (b.failed || wl > b.len - b.pos)
                REFUSE("damaged: the start record does not read");
            if (wl) {
                out->world = malloc((size_t)wl);
                if (!out->world)
                    REFUSE("out of memory");
                memcpy(out->world, bytes_read_raw(&b, (size_t)wl), (size_t)wl);
                out->world_len = (size_t)wl;
            }
            out->seat_count = read_count(&b, REPLAY_MAX_SEATS, 4);
            for (int i = 0; i < out->seat_count; i++)
                bytes_read_str(&b, out->seats[i], sizeof out->seats[i]);
            out->start_hash = bytes_read_u64(&b);
            out->difficulty = CPS_DIFFICULTY_NORMAL;
            if (version >= 5) {
                char level[16];
                bytes_read_str(&b, level, sizeof level);
                if (!b.failed && cps_difficulty_parse(level, &out->difficulty) != 0)
                    REFUSE("damaged: the start record's difficulty '%s' is not %s", level,
                           CPS_DIFFICULTY_CHOICES);
            }
            if (b.failed || b.pos != b.len || out->start_turn < 0 ||
                out->start_turn > REPLAY_MAX_TURN)
                REFUSE("damaged: the start record does not read");
        } else if (memcmp(rec, "TURN", 4) == 0) {
            if (out->turn_count == cap) {
                int ncap = cap ? cap * 2 : 64;
                replay_turn *grown = realloc(out->turns, sizeof *grown * (size_t)ncap);
                if (!grown)
                    REFUSE("out of memory");
                out->turns = grown;
                cap = ncap;
            }
            replay_turn *t = &out->turns[out->turn_count++];
            memset(t, 0, sizeof *t);
            if (read_turn(&b, t) != 0)
                REFUSE("damaged: the record of turn %d does not read",
                       out->start_turn + out->turn_count);
            if (t->turn != out->start_turn + out->turn_count)
                REFUSE("damaged: turn %d recorded where turn %d belongs", t->turn,
                       out->start_turn + out->turn_count);
        } else if (memcmp(rec, "AGNT", 4) == 0) {
            if (out->turn_count == 0 ||
                read_agents(&b, &out->turns[out->turn_count - 1], version) != 0)
                REFUSE("damaged: the agents' record after turn %d does not read",
                       out->start_turn + out->turn_count);
        } else if (memcmp(rec, "END ", 4) == 0) {
            int last = bytes_read_i32(&b);
            if (b.failed || b.pos != b.len || last != out->start_turn + out->turn_count)
                REFUSE("damaged: the end record does not match the turns recorded");
            out->complete = 1;
        } else {
            REFUSE("damaged: record %d is of an unknown kind", records + 1);
        }
        records++;
    }
    if (records == 0)
        REFUSE("truncated: the start record is missing or cut short");
    /* a replay that reads but was recorded under other rules: refused only
     * once every record has read, so that an old format's layout is still
     * checked to the end (tests/cli/test_save_cli.sh) */
    if (model != CP_MODEL_VERSION)
        REFUSE("recorded under model version %u of the rules; this build plays model version %d, "
               "whose prices and plants would not play the game the same: record it again with "
               "this build, or replay it with the Chokepoint that recorded it",
               model, CP_MODEL_VERSION);
    return 0;
}

int replay_read(const char *path, replay *out, char *err, size_t errlen)
{
    unsigned char *buf;
    size_t len;
    memset(out, 0, sizeof *out);
    if (file_read_all(path, REPLAY_MAX_BYTES, &buf, &len, err, errlen) != 0)
        return -1;
    int r = replay_decode(buf, len, path, out, err, errlen);
    free(buf);
    return r;
}

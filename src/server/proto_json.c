/* proto_json.c -- the protocol's orders, deal terms and events to and from cJSON: the one place
 * that knows which JSON field fills which cp_order, cp_clause or cp_event field. It only reads
 * and writes; whether an order is allowed is the core's answer (cp_world_check). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proto_json.h"

/* The fields each kind reads (chokepoint.h's comments on cp_order_kind), and of them the ones a
 * client must give; the rest default as cp_order_init leaves them (flags default to 1, as the
 * agent API's do: "set_tracking" alone turns tracking on). */
static const struct {
    unsigned fields, required;
} kinds[CP_ORDER_KIND_COUNT] = {
    [CP_ORDER_BUILD_FACILITY] = {PROTO_F_PARTNER | PROTO_F_FACILITY_KIND | PROTO_F_AMOUNT,
                                 PROTO_F_FACILITY_KIND | PROTO_F_AMOUNT},
    [CP_ORDER_FUND_FACILITY] = {PROTO_F_FACILITY | PROTO_F_AMOUNT, PROTO_F_FACILITY | PROTO_F_AMOUNT},
    [CP_ORDER_IDLE_FACILITY] = {PROTO_F_FACILITY | PROTO_F_FLAG, PROTO_F_FACILITY},
    [CP_ORDER_CLOSE_FACILITY] = {PROTO_F_FACILITY, PROTO_F_FACILITY},
    [CP_ORDER_SET_TARIFF] = {PROTO_F_GOOD | PROTO_F_PARTNER | PROTO_F_AMOUNT,
                             PROTO_F_GOOD | PROTO_F_PARTNER | PROTO_F_AMOUNT},
    [CP_ORDER_SET_EXPORT_CONTROL] = {PROTO_F_GOOD | PROTO_F_PARTNER | PROTO_F_MODE | PROTO_F_AMOUNT,
                                     PROTO_F_GOOD | PROTO_F_PARTNER | PROTO_F_MODE},
    [CP_ORDER_SUSPEND_EXPORT_CONTROL] = {PROTO_F_GOOD | PROTO_F_PARTNER | PROTO_F_TURNS |
                                             PROTO_F_MODE | PROTO_F_AMOUNT,
                                         PROTO_F_GOOD | PROTO_F_PARTNER | PROTO_F_TURNS},
    [CP_ORDER_SET_EXPORT_QUOTA] = {PROTO_F_GOOD | PROTO_F_AMOUNT, PROTO_F_GOOD | PROTO_F_AMOUNT},
    [CP_ORDER_SET_EXPORT_TAX] = {PROTO_F_GOOD | PROTO_F_AMOUNT, PROTO_F_GOOD | PROTO_F_AMOUNT},
    [CP_ORDER_BUY_STOCKPILE] = {PROTO_F_GOOD | PROTO_F_AMOUNT, PROTO_F_GOOD | PROTO_F_AMOUNT},
    [CP_ORDER_RELEASE_STOCKPILE] = {PROTO_F_GOOD | PROTO_F_AMOUNT, PROTO_F_GOOD | PROTO_F_AMOUNT},
    [CP_ORDER_SET_SUBSIDY] = {PROTO_F_FACILITY_KIND | PROTO_F_AMOUNT,
                              PROTO_F_FACILITY_KIND | PROTO_F_AMOUNT},
    [CP_ORDER_SET_PRICE_FLOOR] = {PROTO_F_GOOD | PROTO_F_AMOUNT, PROTO_F_GOOD | PROTO_F_AMOUNT},
    [CP_ORDER_SET_TRACKING] = {PROTO_F_FLAG, 0},
    [CP_ORDER_SET_TECH_BAN] = {PROTO_F_FLAG, 0},
    [CP_ORDER_SET_EXTRATERRITORIAL] = {PROTO_F_FLAG, 0},
    [CP_ORDER_SET_FOREIGN_INVESTMENT] = {PROTO_F_FLAG, 0},
};

unsigned proto_order_fields(cp_order_kind kind)
{
    return (unsigned)kind < CP_ORDER_KIND_COUNT ? kinds[kind].fields : 0;
}

unsigned proto_order_required(cp_order_kind kind)
{
    return (unsigned)kind < CP_ORDER_KIND_COUNT ? kinds[kind].required : 0;
}

const char *proto_field_name(unsigned bit)
{
    switch (bit) {
    case PROTO_F_GOOD: return "good";
    case PROTO_F_PARTNER: return "partner";
    case PROTO_F_AMOUNT: return "amount";
    case PROTO_F_FACILITY: return "facility";
    case PROTO_F_FACILITY_KIND: return "facility_kind";
    case PROTO_F_MODE: return "mode";
    case PROTO_F_FLAG: return "flag";
    case PROTO_F_TURNS: return "turns";
    default: return "?";
    }
}

/* ---- small readers -------------------------------------------------------------------- */

static const char *type_name(const cJSON *v)
{
    if (cJSON_IsString(v)) return "a string";
    if (cJSON_IsNumber(v)) return "a number";
    if (cJSON_IsBool(v)) return "true/false";
    if (cJSON_IsNull(v)) return "null";
    if (cJSON_IsArray(v)) return "a list";
    if (cJSON_IsObject(v)) return "an object";
    return "something else";
}

int proto_get_string(const cJSON *obj, const char *where, const char *name, const char **out,
                     char *why, size_t len)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (!v)
        return 0;
    if (!cJSON_IsString(v) || !v->valuestring) {
        snprintf(why, len, "%s%s%s: a string is needed, got %s", where, where[0] ? "." : "", name,
                 type_name(v));
        return -1;
    }
    *out = v->valuestring;
    return 1;
}

int proto_get_number(const cJSON *obj, const char *where, const char *name, double *out, char *why,
                     size_t len)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (!v)
        return 0;
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble)) {
        snprintf(why, len, "%s%s%s: a number is needed, got %s", where, where[0] ? "." : "", name,
                 cJSON_IsNumber(v) ? "one too large" : type_name(v));
        return -1;
    }
    *out = v->valuedouble;
    return 1;
}

int proto_get_int(const cJSON *obj, const char *where, const char *name, int lo, int hi, int *out,
                  char *why, size_t len)
{
    double d;
    int rc = proto_get_number(obj, where, name, &d, why, len);
    if (rc <= 0)
        return rc;
    if (d != floor(d) || d < lo || d > hi) {
        snprintf(why, len, "%s%s%s: a whole number from %d to %d is needed", where,
                 where[0] ? "." : "", name, lo, hi);
        return -1;
    }
    *out = (int)d;
    return 1;
}

int proto_nation(const cp_world *w, const char *iso, int allow_all)
{
    if (allow_all && strcmp(iso, "all") == 0)
        return CP_ALL;
    if (strlen(iso) != 3)
        return -2;
    int n = cp_world_find_nation(w, iso);
    return n >= 0 ? n : -2;
}

/* A name field read through a reverse look-up ("good" -> cp_good_from_name). */
static int get_named(const cJSON *obj, const char *where, const char *name,
                     int (*lookup)(const char *), int allow_all, int *out, char *why, size_t len)
{
    const char *s;
    int rc = proto_get_string(obj, where, name, &s, why, len);
    if (rc <= 0)
        return rc;
    if (allow_all && strcmp(s, "all") == 0) {
        *out = CP_ALL;
        return 1;
    }
    int v = lookup(s);
    if (v < 0) {
        snprintf(why, len, "%s.%s: no %s named '%.40s'", where, name, name, s);
        return -1;
    }
    *out = v;
    return 1;
}

static int get_nation(const cJSON *obj, const cp_world *w, const char *where, const char *name,
                      int allow_all, int *out, char *why, size_t len)
{
    const char *s;
    int rc = proto_get_string(obj, where, name, &s, why, len);
    if (rc <= 0)
        return rc;
    int n = proto_nation(w, s, allow_all);
    if (n == -2) {
        snprintf(why, len, "%s.%s: no nation '%.40s' in this game (an ISO3 code%s)", where, name, s,
                 allow_all ? " or \"all\"" : "");
        return -1;
    }
    *out = n;
    return 1;
}

/* A flag: true/false or 0/1. */
static int get_flag(const cJSON *obj, const char *where, const char *name, int *out, char *why,
                    size_t len)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (!v)
        return 0;
    if (cJSON_IsBool(v)) {
        *out = cJSON_IsTrue(v) ? 1 : 0;
        return 1;
    }
    if (cJSON_IsNumber(v) && (v->valuedouble == 0 || v->valuedouble == 1)) {
        *out = (int)v->valuedouble;
        return 1;
    }
    snprintf(why, len, "%s.%s: true, false, 1 or 0 is needed, got %s", where, name, type_name(v));
    return -1;
}

/* ---- exact numbers ----------------------------------------------------------------------- */

/* A number written so that it reads back as the same double: cJSON's own printing keeps 15
 * digits whenever they come within a relative epsilon of the value, which drops the last bits
 * (a bot's agent asked for 764673.599871951 and one bit less arrived: tests/server/test_proto.c,
 * test_order_round_trip). The shortest of 15, 16 or 17 significant digits that strtod gives back
 * exactly; not finite: null. */
static void add_exact(cJSON *obj, const char *name, double v)
{
    if (!isfinite(v)) {
        cJSON_AddNullToObject(obj, name);
        return;
    }
    char buf[40];
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    cJSON_AddRawToObject(obj, name, buf);
}

/* ---- orders ---------------------------------------------------------------------------- */

int proto_order_from_json(const cJSON *j, const cp_world *w, int seat, cp_order *out, char *why,
                          size_t len)
{
    if (!cJSON_IsObject(j)) {
        snprintf(why, len, "order: an object is needed, got %s", j ? type_name(j) : "nothing");
        return PROTO_BAD;
    }
    const char *s;
    int rc = proto_get_string(j, "order", "nation", &s, why, len);
    if (rc < 0)
        return PROTO_BAD;
    if (rc > 0 && cp_world_find_nation(w, s) != seat) {
        snprintf(why, len, "order.nation: '%.40s' is not your seat (%s)", s,
                 cp_world_nation(w, seat)->iso3);
        return PROTO_NOT_YOURS;
    }
    int kind;
    rc = get_named(j, "order", "kind", cp_order_kind_from_name, 0, &kind, why, len);
    if (rc < 0)
        return PROTO_BAD;
    if (rc == 0) {
        snprintf(why, len, "order.kind: missing (set_tariff, build_facility, ...)");
        return PROTO_BAD;
    }
    cp_order_init(out, (cp_order_kind)kind, seat);
    unsigned fields = kinds[kind].fields, required = kinds[kind].required;
    if (fields & PROTO_F_FLAG)
        out->flag = 1;
    if (kind == CP_ORDER_SET_EXPORT_CONTROL || kind == CP_ORDER_SUSPEND_EXPORT_CONTROL)
        out->amount = 1; /* a licensed regime's approval share, when none is given */
    if (kind == CP_ORDER_BUILD_FACILITY)
        out->partner = seat; /* at home unless a host is named */
    unsigned got = 0;
    int allow_all_good = kind == CP_ORDER_SET_TARIFF || kind == CP_ORDER_SET_EXPORT_CONTROL ||
                         kind == CP_ORDER_SUSPEND_EXPORT_CONTROL;
    int allow_all_partner = kind != CP_ORDER_BUILD_FACILITY;
    if (fields & PROTO_F_GOOD) {
        rc = get_named(j, "order", "good", cp_good_from_name, allow_all_good, &out->good, why, len);
        if (rc < 0) return PROTO_BAD;
        if (rc) got |= PROTO_F_GOOD;
    }
    if (fields & PROTO_F_PARTNER) {
        rc = get_nation(j, w, "order", "partner", allow_all_partner, &out->partner, why, len);
        if (rc < 0) return PROTO_BAD;
        if (rc) got |= PROTO_F_PARTNER;
    }
    if (fields & PROTO_F_AMOUNT) {
        rc = proto_get_number(j, "order", "amount", &out->amount, why, len);
        if (rc < 0) return PROTO_BAD;
        if (rc) got |= PROTO_F_AMOUNT;
    }
    if (fields & PROTO_F_FACILITY) {
        rc = proto_get_int(j, "order", "facility", 0, 1 << 30, &out->facility, why, len);
        if (rc < 0) return PROTO_BAD;
        if (rc) got |= PROTO_F_FACILITY;
    }
    if (fields & PROTO_F_FACILITY_KIND) {
        rc = get_named(j, "order", "facility_kind", cp_facility_kind_from_name, 0,
                       &out->facility_kind, why, len);
        if (rc < 0) return PROTO_BAD;
        if (rc) got |= PROTO_F_FACILITY_KIND;
    }
    if (fields & PROTO_F_MODE) {
        rc = get_named(j, "order", "mode", cp_control_mode_from_name, 0, &out->mode, why, len);
        if (rc < 0) return PROTO_BAD;
        if (rc) got |= PROTO_F_MODE;
    }
    if (fields & PROTO_F_FLAG) {
        rc = get_flag(j, "order", "flag", &out->flag, why, len);
        if (rc < 0) return PROTO_BAD;
        if (rc) got |= PROTO_F_FLAG;
    }
    if (fields & PROTO_F_TURNS) {
        rc = proto_get_int(j, "order", "turns", -1000000, 1000000, &out->turns, why, len);
        if (rc < 0) return PROTO_BAD;
        if (rc) got |= PROTO_F_TURNS;
    }
    unsigned missing = required & ~got;
    if (missing) {
        unsigned bit = missing & -missing;
        snprintf(why, len, "order.%s: missing (%s reads %s)", proto_field_name(bit),
                 cp_order_kind_name((cp_order_kind)kind), proto_field_name(bit));
        return PROTO_BAD;
    }
    return PROTO_OK;
}

cJSON *proto_order_to_json(const cp_world *w, const cp_order *o)
{
    cJSON *j = cJSON_CreateObject();
    if (!j)
        return NULL;
    cJSON_AddStringToObject(j, "kind", cp_order_kind_name(o->kind));
    unsigned f = proto_order_fields(o->kind);
    if (f & PROTO_F_GOOD)
        cJSON_AddStringToObject(j, "good", o->good == CP_ALL || o->good < 0
                                               ? "all" : cp_good_name((cp_good)o->good));
    if (f & PROTO_F_PARTNER) {
        const cp_nation *p = o->partner >= 0 ? cp_world_nation(w, o->partner) : NULL;
        cJSON_AddStringToObject(j, "partner", p ? p->iso3 : "all");
    }
    if (f & PROTO_F_AMOUNT)
        add_exact(j, "amount", o->amount);
    if (f & PROTO_F_FACILITY)
        cJSON_AddNumberToObject(j, "facility", o->facility);
    if (f & PROTO_F_FACILITY_KIND)
        cJSON_AddStringToObject(j, "facility_kind",
                                o->facility_kind >= 0 && o->facility_kind < CP_FAC_KIND_COUNT
                                    ? cp_facility_kind_name((cp_facility_kind)o->facility_kind)
                                    : "?");
    if (f & PROTO_F_MODE)
        cJSON_AddStringToObject(j, "mode", o->mode >= 0 && o->mode <= CP_CONTROL_BANNED
                                               ? cp_control_mode_name((cp_control_mode)o->mode)
                                               : "?");
    if (f & PROTO_F_FLAG)
        cJSON_AddNumberToObject(j, "flag", o->flag);
    if (f & PROTO_F_TURNS)
        cJSON_AddNumberToObject(j, "turns", o->turns);
    return j;
}

/* ---- deals ----------------------------------------------------------------------------- */

static void add_party(cp_deal *d, int n)
{
    if (n < 0)
        return;
    for (int k = 0; k < d->party_count; k++)
        if (d->parties[k] == n)
            return;
    if (d->party_count < CP_MAX_PARTIES)
        d->parties[d->party_count++] = n;
}

/* One clause {"kind":"tariff","from":"USA","to":"JPN","good":"magnet","facility_kind":..,
 * "amount":0,"price_usd_per_kg":0,"capacity_t_per_yr":0}. */
static int clause_from_json(const cJSON *c, const cp_world *w, int k, cp_clause *out, char *why,
                            size_t len)
{
    char where[32];
    snprintf(where, sizeof where, "deal.clauses[%d]", k);
    memset(out, 0, sizeof *out);
    out->good = -1;
    out->facility_kind = -1;
    out->facility = -1;
    if (!cJSON_IsObject(c)) {
        snprintf(why, len, "%s: an object is needed, got %s", where, type_name(c));
        return PROTO_BAD;
    }
    int kind, rc;
    rc = get_named(c, where, "kind", cp_clause_kind_from_name, 0, &kind, why, len);
    if (rc <= 0) {
        if (rc == 0) snprintf(why, len, "%s.kind: missing", where);
        return PROTO_BAD;
    }
    out->kind = (cp_clause_kind)kind;
    if ((rc = get_nation(c, w, where, "from", 0, &out->from, why, len)) <= 0) {
        if (rc == 0) snprintf(why, len, "%s.from: missing (an ISO3 code)", where);
        return PROTO_BAD;
    }
    if ((rc = get_nation(c, w, where, "to", 0, &out->to, why, len)) <= 0) {
        if (rc == 0) snprintf(why, len, "%s.to: missing (an ISO3 code)", where);
        return PROTO_BAD;
    }
    if (get_named(c, where, "good", cp_good_from_name, 0, &out->good, why, len) < 0 ||
        get_named(c, where, "facility_kind", cp_facility_kind_from_name, 0, &out->facility_kind,
                  why, len) < 0 ||
        proto_get_number(c, where, "amount", &out->amount, why, len) < 0 ||
        proto_get_number(c, where, "price_usd_per_kg", &out->price_usd_per_kg, why, len) < 0 ||
        proto_get_number(c, where, "capacity_t_per_yr", &out->capacity_t_per_yr, why, len) < 0)
        return PROTO_BAD;
    return PROTO_OK;
}

int proto_deal_from_json(const cJSON *j, const cp_world *w, int seat, cp_deal *out, char *why,
                         size_t len)
{
    memset(out, 0, sizeof *out);
    out->proposer = seat;
    out->breacher = -1;
    if (!cJSON_IsObject(j)) {
        snprintf(why, len, "deal: an object is needed, got %s", j ? type_name(j) : "nothing");
        return PROTO_BAD;
    }
    int rc = proto_get_int(j, "deal", "term_turns", -1, 100000, &out->term_turns, why, len);
    if (rc <= 0) {
        if (rc == 0) snprintf(why, len, "deal.term_turns: missing (quarters)");
        return PROTO_BAD;
    }
    add_party(out, seat);
    int to = -1;
    if ((rc = get_nation(j, w, "deal", "to", 0, &to, why, len)) < 0)
        return PROTO_BAD;
    add_party(out, to);
    const cJSON *parties = cJSON_GetObjectItemCaseSensitive(j, "parties");
    if (parties) {
        if (!cJSON_IsArray(parties)) {
            snprintf(why, len, "deal.parties: a list of ISO3 codes is needed");
            return PROTO_BAD;
        }
        int k = 0;
        const cJSON *p;
        cJSON_ArrayForEach(p, parties)
        {
            int n = cJSON_IsString(p) ? proto_nation(w, p->valuestring, 0) : -2;
            if (n < 0) {
                snprintf(why, len, "deal.parties[%d]: an ISO3 code of this game is needed", k);
                return PROTO_BAD;
            }
            add_party(out, n);
            k++;
        }
    }
    const cJSON *clauses = cJSON_GetObjectItemCaseSensitive(j, "clauses");
    if (!cJSON_IsArray(clauses)) {
        snprintf(why, len, "deal.clauses: a list of clauses is needed");
        return PROTO_BAD;
    }
    int n = cJSON_GetArraySize(clauses);
    if (n > CP_MAX_CLAUSES) {
        snprintf(why, len, "deal.clauses: at most %d clauses", CP_MAX_CLAUSES);
        return PROTO_BAD;
    }
    int k = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, clauses)
    {
        if (clause_from_json(c, w, k, &out->clauses[k], why, len) != PROTO_OK)
            return PROTO_BAD;
        add_party(out, out->clauses[k].from);
        add_party(out, out->clauses[k].to);
        k++;
    }
    out->clause_count = k;
    return PROTO_OK;
}

static const char *iso_or_null(const cp_world *w, int n)
{
    const cp_nation *p = n >= 0 && n < cp_world_nation_count(w) ? cp_world_nation(w, n) : NULL;
    return p ? p->iso3 : NULL;
}

cJSON *proto_deal_to_json(const cp_world *w, const cp_deal *d)
{
    cJSON *j = cJSON_CreateObject();
    if (!j)
        return NULL;
    cJSON_AddNumberToObject(j, "id", d->id);
    cJSON_AddStringToObject(j, "status", cp_deal_status_name(d->status));
    const char *p = iso_or_null(w, d->proposer);
    cJSON_AddStringToObject(j, "from", p ? p : "?");
    cJSON *parties = cJSON_AddArrayToObject(j, "parties");
    cJSON *acc = cJSON_AddArrayToObject(j, "accepted");
    for (int k = 0; k < d->party_count && k < CP_MAX_PARTIES; k++) {
        const char *iso = iso_or_null(w, d->parties[k]);
        cJSON_AddItemToArray(parties, cJSON_CreateString(iso ? iso : "?"));
        if (d->accepted[k] && iso)
            cJSON_AddItemToArray(acc, cJSON_CreateString(iso));
    }
    cJSON_AddNumberToObject(j, "term_turns", d->term_turns);
    cJSON *cl = cJSON_AddArrayToObject(j, "clauses");
    for (int k = 0; k < d->clause_count && k < CP_MAX_CLAUSES; k++) {
        const cp_clause *c = &d->clauses[k];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "kind", cp_clause_kind_name(c->kind));
        const char *f = iso_or_null(w, c->from), *t = iso_or_null(w, c->to);
        cJSON_AddStringToObject(o, "from", f ? f : "?");
        cJSON_AddStringToObject(o, "to", t ? t : "?");
        if (c->good >= 0 && c->good < CP_GOOD_COUNT)
            cJSON_AddStringToObject(o, "good", cp_good_name((cp_good)c->good));
        if (c->facility_kind >= 0 && c->facility_kind < CP_FAC_KIND_COUNT)
            cJSON_AddStringToObject(o, "facility_kind",
                                    cp_facility_kind_name((cp_facility_kind)c->facility_kind));
        add_exact(o, "amount", c->amount);
        add_exact(o, "price_usd_per_kg", c->price_usd_per_kg);
        add_exact(o, "capacity_t_per_yr", c->capacity_t_per_yr);
        cJSON_AddItemToArray(cl, o);
    }
    return j;
}

/* ---- events ---------------------------------------------------------------------------- */

int proto_event_from_json(const cJSON *j, const cp_world *w, cp_event *out, char *why, size_t len)
{
    memset(out, 0, sizeof *out);
    out->partner = -1;
    out->good = -1;
    out->facility = -1;
    if (!cJSON_IsObject(j)) {
        snprintf(why, len, "event: an object is needed");
        return PROTO_BAD;
    }
    int kind, rc;
    if ((rc = get_named(j, "event", "kind", cp_event_kind_from_name, 0, &kind, why, len)) <= 0) {
        if (rc == 0) snprintf(why, len, "event.kind: missing (mine_flood, conflict, ...)");
        return PROTO_BAD;
    }
    out->kind = (cp_event_kind)kind;
    if ((rc = get_nation(j, w, "event", "nation", 0, &out->nation, why, len)) <= 0) {
        if (rc == 0) snprintf(why, len, "event.nation: missing (an ISO3 code)");
        return PROTO_BAD;
    }
    if (get_nation(j, w, "event", "partner", 0, &out->partner, why, len) < 0 ||
        get_named(j, "event", "good", cp_good_from_name, 0, &out->good, why, len) < 0 ||
        proto_get_int(j, "event", "facility", -1, 1 << 30, &out->facility, why, len) < 0 ||
        proto_get_number(j, "event", "magnitude", &out->magnitude, why, len) < 0 ||
        proto_get_int(j, "event", "turns", 0, 1000000, &out->turns, why, len) < 0)
        return PROTO_BAD;
    return PROTO_OK;
}

/* test_proto.c -- the server's pieces that need no network: the protocol codec (src/server/
 * proto_json.c) gives back every order and deal it wrote, byte for byte, over thousands of random
 * ones, and names the field of a bad one; the join codes (codes.c) are 80-bit base32 in groups,
 * match however they are typed and nothing else, and survive codes.txt.
 *
 * test_server_proto [TEST] runs every test, or the one named. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "proto_json.h"
#include "server.h"
#include "xoshiro.h"

static cpg_game *game;

static cpg_game *open_game(void)
{
    cpg_opts o;
    memset(&o, 0, sizeof o);
    o.no_agents = 1;
    cpg_error err;
    cpg_game *g = cpg_new("licensing-2025", 1, NULL, 0, &o, &err);
    CHECK(g != NULL, "licensing-2025 opens: %s", err.message);
    return g;
}

static int pick(xo_state *r, int n)
{
    return (int)xo_range(r, 0, n - 1);
}

/* A random order of a random kind, with every field the kind reads set to a value the codec can
 * carry (the core may still refuse it: that is not the codec's business). */
static void random_order(xo_state *r, const cp_world *w, int seat, cp_order *o)
{
    cp_order_kind k = (cp_order_kind)pick(r, CP_ORDER_KIND_COUNT);
    cp_order_init(o, k, seat);
    unsigned f = proto_order_fields(k);
    int nations = cp_world_nation_count(w);
    int all_good = k == CP_ORDER_SET_TARIFF || k == CP_ORDER_SET_EXPORT_CONTROL ||
                   k == CP_ORDER_SUSPEND_EXPORT_CONTROL;
    if (f & PROTO_F_GOOD)
        o->good = all_good && pick(r, 5) == 0 ? CP_ALL : pick(r, CP_GOOD_COUNT);
    if (f & PROTO_F_PARTNER)
        o->partner = k != CP_ORDER_BUILD_FACILITY && pick(r, 4) == 0 ? CP_ALL : pick(r, nations);
    if (f & PROTO_F_AMOUNT)
        o->amount = xo_unit(r) * 1e6 - 10;
    if (f & PROTO_F_FACILITY)
        o->facility = pick(r, 600);
    if (f & PROTO_F_FACILITY_KIND)
        o->facility_kind = pick(r, CP_FAC_KIND_COUNT);
    if (f & PROTO_F_MODE)
        o->mode = pick(r, 3);
    if (f & PROTO_F_FLAG)
        o->flag = pick(r, 2);
    if (f & PROTO_F_TURNS)
        o->turns = pick(r, 500) - 50;
}

/* Every order the codec writes reads back as the same bytes (through the printed text, as it
 * travels). The breaking input of the fix: {"kind":"set_tariff","good":"ore","partner":"CHN",
 * "amount":764673.599871951} (seed 18's order 6) came back one bit off, and 502 of the 5000 did,
 * while cJSON printed numbers with 15 digits. */
static void test_order_round_trip(void)
{
    const cp_world *w = cpg_world(game);
    xo_state r;
    uint64_t x = 18;
    for (int k = 0; k < 4; k++)
        r.s[k] = xo_splitmix(&x);
    int bad = 0;
    for (int i = 0; i < 5000; i++) {
        int seat = pick(&r, cp_world_nation_count(w));
        cp_order o, back;
        random_order(&r, w, seat, &o);
        cJSON *j = proto_order_to_json(w, &o);
        char *text = cJSON_PrintUnformatted(j);
        cJSON *again = cJSON_Parse(text);
        char why[300] = "";
        int rc = proto_order_from_json(again, w, seat, &back, why, sizeof why);
        if (rc != PROTO_OK || memcmp(&o, &back, sizeof o) != 0) {
            if (bad++ < 5)
                CHECK(0, "order %d (%s) does not come back: %s (%s)", i, text, why,
                      rc == PROTO_OK ? "read, but different" : "refused");
        }
        cJSON_free(text);
        cJSON_Delete(j);
        cJSON_Delete(again);
    }
    CHECK(bad == 0, "%d of 5000 random orders changed on the way", bad);
}

/* A bad order names its field; a nation other than the seat is not_your_seat. */
static void test_order_refusals(void)
{
    const cp_world *w = cpg_world(game);
    int usa = cp_world_find_nation(w, "USA");
    static const struct {
        const char *json;
        int rc;
        const char *starts;
    } cases[] = {
        {"{\"kind\":\"set_tariff\",\"good\":\"magnet\",\"partner\":\"CHN\",\"amount\":\"x\"}", PROTO_BAD,
         "order.amount: a number is needed"},
        {"{\"kind\":\"set_tariff\",\"good\":\"magnet\",\"partner\":\"CHN\",\"amount\":1e999}", PROTO_BAD,
         "order.amount: a number is needed, got one too large"},
        {"{\"kind\":\"set_tariff\",\"good\":\"magnet\",\"amount\":0.1}", PROTO_BAD, "order.partner: missing"},
        {"{\"kind\":\"build_facility\",\"facility_kind\":\"mine\",\"amount\":100,\"partner\":\"all\"}",
         PROTO_BAD, "order.partner: no nation 'all'"},
        {"{\"kind\":\"idle_facility\",\"facility\":-3}", PROTO_BAD, "order.facility: a whole number"},
        {"{\"kind\":\"idle_facility\",\"facility\":2147483648}", PROTO_BAD, "order.facility: a whole number"},
        {"{\"kind\":\"set_tariff\",\"nation\":\"CHN\",\"good\":\"magnet\",\"partner\":\"CHN\",\"amount\":0}",
         PROTO_NOT_YOURS, "order.nation: 'CHN' is not your seat"},
        {"{\"kind\":\"set_tariff\",\"nation\":\"USA\",\"good\":\"magnet\",\"partner\":\"CHN\",\"amount\":0}",
         PROTO_OK, ""},
        {"{\"kind\":\"set_tracking\"}", PROTO_OK, ""},
        {"[]", PROTO_BAD, "order: an object is needed"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cJSON *j = cJSON_Parse(cases[i].json);
        cp_order o;
        char why[300] = "";
        int rc = proto_order_from_json(j, w, usa, &o, why, sizeof why);
        CHECK(rc == cases[i].rc && strncmp(why, cases[i].starts, strlen(cases[i].starts)) == 0,
              "%s: %d '%s'", cases[i].json, rc, why);
        if (rc == PROTO_OK)
            CHECK(o.nation == usa, "the nation is the seat's");
        if (i == 8)
            CHECK(o.flag == 1, "a flag left out is on");
        cJSON_Delete(j);
    }
}

/* Deal terms read back: parties, term and every clause's fields. */
static void test_deal_round_trip(void)
{
    const cp_world *w = cpg_world(game);
    xo_state r;
    uint64_t x = 7;
    for (int k = 0; k < 4; k++)
        r.s[k] = xo_splitmix(&x);
    int nations = cp_world_nation_count(w);
    for (int i = 0; i < 500; i++) {
        cp_deal d;
        memset(&d, 0, sizeof d);
        d.proposer = pick(&r, nations);
        d.parties[0] = d.proposer;
        d.party_count = 1;
        d.term_turns = pick(&r, 40) - 1;
        d.clause_count = pick(&r, CP_MAX_CLAUSES + 1);
        for (int k = 0; k < d.clause_count; k++) {
            cp_clause *c = &d.clauses[k];
            c->kind = (cp_clause_kind)pick(&r, CP_CLAUSE_KIND_COUNT);
            c->from = pick(&r, nations);
            c->to = pick(&r, nations);
            c->good = pick(&r, CP_GOOD_COUNT + 1) - 1;
            c->facility_kind = pick(&r, CP_FAC_KIND_COUNT + 1) - 1;
            c->facility = -1;
            c->amount = pick(&r, 1000) / 7.0;
            c->price_usd_per_kg = pick(&r, 100);
            c->capacity_t_per_yr = pick(&r, 9000);
            for (int who = 0; who < 2; who++) {
                int n = who ? c->to : c->from, seen = 0;
                for (int p = 0; p < d.party_count; p++)
                    seen |= d.parties[p] == n;
                if (!seen && d.party_count < CP_MAX_PARTIES)
                    d.parties[d.party_count++] = n;
            }
        }
        if (d.party_count >= CP_MAX_PARTIES)
            continue; /* more nations than a deal holds: not a deal to send */
        cJSON *out = proto_deal_to_json(w, &d);
        char *sent = cJSON_PrintUnformatted(out); /* as it travels */
        cJSON *j = cJSON_Parse(sent);
        cJSON_free(sent);
        cJSON_Delete(out);
        cp_deal back;
        char why[300] = "";
        int rc = proto_deal_from_json(j, w, d.proposer, &back, why, sizeof why);
        int same = rc == PROTO_OK && back.proposer == d.proposer && back.term_turns == d.term_turns &&
                   back.party_count == d.party_count &&
                   memcmp(back.parties, d.parties, sizeof d.parties[0] * (size_t)d.party_count) == 0 &&
                   back.clause_count == d.clause_count &&
                   memcmp(back.clauses, d.clauses, sizeof d.clauses[0] * (size_t)d.clause_count) == 0;
        if (!same) {
            char *text = cJSON_PrintUnformatted(j);
            CHECK(0, "deal %d does not come back: %s (%s)", i, text, why);
            cJSON_free(text);
            cJSON_Delete(j);
            break;
        }
        cJSON_Delete(j);
    }
    cp_deal d;
    char why[300] = "";
    cJSON *j = cJSON_Parse("{\"to\":\"JPN\",\"term_turns\":4,\"clauses\":[{\"kind\":\"tariff\",\"from\":\"USA\"}]}");
    CHECK(proto_deal_from_json(j, w, 0, &d, why, sizeof why) == PROTO_BAD &&
          strcmp(why, "deal.clauses[0].to: missing (an ISO3 code)") == 0, "a clause without 'to': %s", why);
    cJSON_Delete(j);
}

/* Codes: 16 symbols of the alphabet in groups of four; typed any case, with or without dashes,
 * they match; one symbol off, one more or one less, they do not. */
static void test_codes(void)
{
    char a[SRV_CODE_LEN], b[SRV_CODE_LEN];
    CHECK(srv_code_new(a) == 0 && srv_code_new(b) == 0, "codes from getrandom");
    CHECK(strlen(a) == 19 && a[4] == '-' && a[9] == '-' && a[14] == '-', "the shape of %s", a);
    for (int k = 0; a[k]; k++)
        if (k % 5 != 4)
            CHECK(strchr("23456789ABCDEFGHJKLMNPQRSTUVWXYZ", a[k]) != NULL, "%c in the alphabet", a[k]);
    CHECK(strcmp(a, b) != 0, "two codes differ");
    char typed[64];
    int o = 0;
    for (int k = 0; a[k]; k++)
        if (a[k] != '-')
            typed[o++] = (char)(a[k] >= 'A' && a[k] <= 'Z' ? a[k] - 'A' + 'a' : a[k]);
    typed[o] = '\0';
    CHECK(srv_code_equal(typed, a), "%s typed as %s matches", a, typed);
    CHECK(srv_code_equal(a, a), "itself");
    CHECK(!srv_code_equal(b, a), "another code does not");
    snprintf(typed, sizeof typed, "%sX", a);
    CHECK(!srv_code_equal(typed, a), "one symbol more does not");
    snprintf(typed, sizeof typed, "%.18s", a);
    CHECK(!srv_code_equal(typed, a), "one symbol less does not");
    CHECK(!srv_code_equal("", a) && !srv_code_equal(a, ""), "nothing matches an empty code");
    memset(typed, 'A', 60);
    typed[60] = '\0';
    CHECK(!srv_code_equal(typed, a), "a long string does not");
}

/* codes.txt: written 0600, read back the same. */
static void test_codes_file(void)
{
    static srv s;
    memset(&s, 0, sizeof s);
    s.g = game;
    char dir[] = "/tmp/cp-codes-XXXXXX", err[300];
    CHECK(mkdtemp(dir) != NULL, "a folder");
    srv_code_new(s.teacher_code);
    int usa = cp_world_find_nation(cpg_world(game), "USA");
    srv_code_new(s.seat_code[usa]);
    CHECK(srv_codes_write(&s, dir, err, sizeof err) == 0, "written: %s", err);
    char path[300];
    snprintf(path, sizeof path, "%s/codes.txt", dir);
    struct stat st;
    CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600, "mode 0600 (%o)", st.st_mode & 0777);
    static srv t;
    memset(&t, 0, sizeof t);
    t.g = game;
    CHECK(srv_codes_read(&t, dir, err, sizeof err) == 0, "read: %s", err);
    CHECK(strcmp(t.teacher_code, s.teacher_code) == 0 && strcmp(t.seat_code[usa], s.seat_code[usa]) == 0,
          "the same codes");
    FILE *f = fopen(path, "w");
    fputs("teacher ABCD\nATL QQQQ\n", f);
    fclose(f);
    CHECK(srv_codes_read(&t, dir, err, sizeof err) == -1 && strstr(err, "codes.txt:2: no nation 'ATL'"),
          "a damaged codes.txt names its line: %s", err);
    unlink(path);
    rmdir(dir);
}

int main(int argc, char **argv)
{
    game = open_game();
    if (!game)
        return 1;
    const char *only = argc > 1 ? argv[1] : NULL;
#define T(fn) if (!only || strcmp(only, #fn) == 0) RUN(fn)
    T(test_order_round_trip);
    T(test_order_refusals);
    T(test_deal_round_trip);
    T(test_codes);
    T(test_codes_file);
    cpg_close(game);
    return DONE();
}

/* world_internal.h -- the layout of cp_world, shared by the core's files only.
 *
 * Nothing outside src/core includes this header: callers see an opaque
 * cp_world and read it through chokepoint.h. Prefixes name the file that owns
 * a function: order_ (order.c), fac_ (facility.c), prod_ (production.c),
 * mkt_ (market.c), cons_ (consumption.c), evt_ (event.c), score_ (score.c),
 * hist_ (history.c), news_ (news.c), rng_ (rng.c), lock_ (lock.c); tariffs.c
 * has only public functions.
 */
#ifndef CP_WORLD_INTERNAL_H
#define CP_WORLD_INTERNAL_H

#include "chokepoint.h"
#include <stdatomic.h>

#include "rng.h"

/* cp_export_control_now's rule (order.c), inline because the market's solve
 * asks it for every route of every bracket step: the one place it is
 * written. */
static inline cp_control_mode control_now(const cp_export_control *c, double *share)
{
    int suspended = c->suspended_turns > 0;
    cp_control_mode mode = suspended ? c->fallback_mode : c->mode;
    if (share)
        *share = mode == CP_CONTROL_OPEN       ? 1.0
                 : mode == CP_CONTROL_LICENSED ? (suspended ? c->fallback_share : c->approval_share)
                                               : 0.0;
    return mode;
}

/* An event whose effect lasts several turns. */
typedef struct {
    cp_event event;
    int turns_left;
} cp_effect;

/* One seller's offer in one market, set up by production.c for market.c:
 *
 *   S(p) = carry * min(1, (p / carry_price)^3)
 *        + k * qmax sm(cap u(p) / qmax) * min(1, (p / store_price)^3)
 *   u(p) = sm(u0 m^eps),  sm(a) = a / (1 + a^8)^(1/8), a smooth min(a, 1)
 *   m    = a p - b  (the margin at price p over the margin at reference
 *                    prices, for a subsidy and a price floor as production.c
 *                    says)
 *
 * Stock already made is offered in full at last quarter's price (or the
 * store price, if higher) and held back the further the price falls below
 * it; fresh output answers this quarter's price through the plants' use of
 * capacity, and below the store price its makers keep more and more of it
 * in stock for better times (production.c, STORE_SHARE). */
typedef struct {
    double carry_t;      /* unsold stock before the market */
    double carry_price;  /* the price at which all of it is offered */
    double k;            /* tonnes of the good per unit of throughput */
    double cap;          /* throughput at full use this quarter */
    double qmax;         /* throughput the inputs (ore, concentrate, oxides, reserves) allow */
    double u_prev;       /* last quarter's use of capacity */
    double u0;           /* normal use at the reference margin */
    double eps;          /* elasticity of use to the margin */
    double a, b;         /* margin ratio m = a * max(p, floor) - b */
    double floor;        /* a guaranteed price (0 = none) */
    double store_price;  /* below it, output goes to stock rather than sale */
} mkt_supply;

/* One buyer's plants' demand for an input in one market, set up by
 * production.c for market.c: what its separation plants take of ore, its
 * magnet plants of oxides,
 *
 *   I(P) = k * cap * u(P),  u = sm(u0 m^eps) (see mkt_supply),
 *   m = c1 - c2 P
 *
 * the throughput its margin asks for at the input's price P (the margin
 * falls as the input gets dearer), with the output valued at last
 * quarter's price. */
typedef struct {
    double k;        /* input per unit of throughput */
    double cap;      /* throughput at full use this quarter */
    double u_prev, u0, eps;
    double c1, c2;   /* margin ratio m = c1 - c2 P */
} mkt_input;

/* Per-good market state carried from turn to turn: supplier prices and
 * licence premiums warm-start the next turn's solve. */
typedef struct {
    double price[CP_MAX_NATIONS];            /* producer (FOB) price, USD/kg */
    double premium[CP_MAX_NATIONS][CP_MAX_NATIONS]; /* >= 1 on rationed routes */
    double quota_premium[CP_MAX_NATIONS];    /* >= 1 when an export quota binds */
} cp_market_state;

/* The scenario a world was made from: immutable, shared by a world and all
 * its clones (tournaments copy worlds by the thousand), freed with the last. */
typedef struct {
    atomic_int refs;
    uint64_t hash; /* save_scenario_hash(&sc), worked out when made or loaded */
    cp_scenario sc;
} cp_shared_scenario;

struct mkt_scratch; /* market.c's working arrays */

struct cp_world {
    cp_shared_scenario *shared;
    /* the market solver's working arrays (about 210 KiB), owned by this world: a world is used
     * by one thread at a time, so its solves need no thread-local storage (which glibc puts on
     * every thread's stack, too big for a small-stacked thread's); never saved, never hashed */
    struct mkt_scratch *mkt_scratch;
    const cp_scenario *sc; /* == &shared->sc */
    uint64_t seed;
    cp_rng rng;       /* the rules' only source of chance */
    int turn;
    int resolving;    /* 1 while cp_world_advance resolves turn + 1 */

    int nation_count;
    cp_nation nations[CP_MAX_NATIONS];
    int facility_count;
    cp_facility facilities[CP_MAX_FACILITIES];

    cp_market market[CP_GOOD_COUNT];
    cp_market_state mstate[CP_GOOD_COUNT];
    double transport_km[CP_MAX_NATIONS][CP_MAX_NATIONS]; /* great-circle, fixed */
    double demand_scale[CP_GOOD_COUNT][CP_MAX_NATIONS];  /* demand shocks, 1 = none */
    double licensed_in_t[CP_GOOD_COUNT][CP_MAX_NATIONS]; /* arrived under licence this turn */
    double stockpile_buy_t[CP_GOOD_COUNT][CP_MAX_NATIONS]; /* ordered this turn */
    double mine_cut[CP_MAX_NATIONS];      /* share of mining lost to events this turn */
    double approvals_cut[CP_MAX_NATIONS]; /* share of licences withheld by events */
    double cap_t[CP_MAX_NATIONS][CP_FAC_KIND_COUNT];  /* available this quarter */
    double used_t[CP_MAX_NATIONS][CP_FAC_KIND_COUNT]; /* used this quarter */
    double util[CP_MAX_NATIONS][CP_FAC_KIND_COUNT];   /* plants' pace, 0..1 */
    /* throughput each nation's plants plan for the quarter, from last
     * quarter's prices: what separators buy ore for and magnet makers buy
     * oxides for (production.c) */
    double plan_t[CP_MAX_NATIONS][CP_FAC_KIND_COUNT];
    /* normal use of capacity at reference prices, per kind: worked out when
     * the world is created so that the opening world is in balance
     * (production.c, prod_calibrate) */
    double u0[CP_FAC_KIND_COUNT];
    /* what each nation's producers of each kind have been paid lately,
     * over the reference (an average over about a year; facility.c): the
     * signal firms invest on */
    double invest_signal[CP_MAX_NATIONS][CP_FAC_KIND_COUNT];
    /* scratch of the quarter's ore market, worked out before it is read
     * (production.c, prod_heavy_capabilities): not state, never saved */
    double heavy_capable_now[CP_MAX_NATIONS];
    /* scratch of the quarter: whether a technology ban reaches each
     * nation's plants of each kind (facility.c, fac_tech_banned), worked
     * out in prod_capacities; not state, never saved */
    unsigned char tech_banned_now[CP_MAX_NATIONS][CP_FAC_KIND_COUNT];
    /* each nation's final need this quarter at reference prices, summed
     * over sectors once at the start of the quarter's pipeline
     * (consumption.c, cons_cache_needs); a cache, never saved */
    double final_need_t[CP_GOOD_COUNT][CP_MAX_NATIONS];
    double growth_q[CP_GOOD_COUNT][CP_SECTOR_COUNT]; /* quarterly growth factors */
    uint64_t policy_hash; /* every applied order folded in (see hash.c) */
    /* transport cost of each good on each route, USD/kg: derived from
     * transport_km on the first market of a world (market.c), never saved;
     * a fresh or loaded world starts with it unset */
    int route_k_ready;
    /* 1 once the countdown found no suspended control; whatever suspends
     * one sets it back to 0 (turn.c). A fresh, loaded or cloned world that
     * has not been through a countdown has 0: look. */
    int no_suspensions;
    double route_k[CP_GOOD_COUNT][CP_MAX_NATIONS][CP_MAX_NATIONS];

    int pending_count;
    cp_order pending[CP_MAX_PENDING_ORDERS];

    int effect_count;
    cp_effect effects[CP_MAX_ACTIVE_EFFECTS];
    int injected_count;
    cp_event injected[CP_MAX_ACTIVE_EFFECTS];

    cp_ledger ledger;
    /* tariff collected by importer j on good g from origin i, whole game (tariffs.c) */
    double tariff_paid_musd[CP_GOOD_COUNT][CP_MAX_NATIONS][CP_MAX_NATIONS]; /* [g][j][i] */
    int policy_locked[CP_MAX_NATIONS]; /* 1: the teacher locked its policy (lock.c) */

    /* history: rows for turns 0..turn; grown by doubling */
    int hist_cap;
    cp_nation_history *hist_nation; /* [turn * nation_count + nation] */
    cp_market_history *hist_market; /* [turn * CP_GOOD_COUNT + good] */

    int news_count, news_cap;
    cp_news *news;

    int deal_count, deal_cap;
    cp_deal *deals;          /* every deal ever proposed; id = index */
    int deal_event_count, deal_event_cap;
    cp_deal_event *deal_events;

    /* Running hashes of what only ever grows, so that the state hash does
     * not walk a long game's whole past each turn: every history row, news
     * item and deal log entry is folded in once, as it is added (save.c
     * save_hash_*), and all are folded again when a world is loaded. */
    uint64_t hist_hash, news_hash, deal_log_hash;

    /* The deals as they stood at each deal log entry made since the last
     * advance, from entry deal_turn_from on (cp_world_deal_as_logged):
     * what a recorder needs to replay a proposal countered in the same
     * turn. Not part of the state: never saved, emptied by each advance. */
    int deal_turn_from, deal_turn_count, deal_turn_cap;
    cp_deal *deal_turn;

    /* The score's parts (score.c): for each history row, the running sums
     * of the four parts' quarterly values over turns 0..t, [(t * nation_count
     * + n) * CP_PART_COUNT + p]. Derived from the history (saved), rebuilt
     * when a world is loaded, never saved; same capacity as the history. */
    double *part_sum;

    /* The turn report (report.c): what the last advance did with each order,
     * deal and dollar. Not state: never saved, rebuilt by each advance. */
    int rep_turn;                  /* the quarter it describes; 0: none yet */
    int rep_order_count, rep_order_cap;
    cp_order_report *rep_orders;   /* every nation's, in the order applied */
    int rep_deal_count, rep_deal_cap;
    cp_deal_report *rep_deals;     /* one per party of each step */
    int rep_deal_from;             /* deal log entries from here on are the turn's */
    double rep_before_musd[CP_MAX_NATIONS], rep_after_musd[CP_MAX_NATIONS];
    double money_q[CP_MAX_NATIONS][CP_MONEY_COUNT]; /* the quarter's treasury moves */
    /* the quarter's strategic purchases as the markets filled them */
    double pile_got_t[CP_GOOD_COUNT][CP_MAX_NATIONS];
    double pile_paid_musd[CP_GOOD_COUNT][CP_MAX_NATIONS];
    /* reasons given with the turn's answers to deals: deal log entry, text */
    int why_count, why_cap;
    struct rep_why { int entry; char text[CP_TEXT_LEN]; } *why;
};

/* order.c */
cp_status order_check(const cp_world *w, const cp_order *o, cp_error *err);
void order_apply(cp_world *w, const cp_order *o);
void order_apply_pending(cp_world *w);
double order_committed_musd(const cp_world *w, int nation);

/* lock.c: CP_ERR_LOCKED when 'o' is a policy order of a locked nation
 * (asked for orders, never for the clauses of deals) */
cp_status lock_refuses(const cp_world *w, const cp_order *o, cp_error *err);

/* facility.c */
void fac_stage_turns_default(const cp_world *w, cp_facility_kind k, int host,
                             int out[CP_STAGE_COUNT]);
int fac_tech_banned(const cp_world *w, int nation, cp_facility_kind k);
double fac_capex_musd(cp_facility_kind k, double capacity_t_per_yr);
double fac_capex_in_musd(const cp_world *w, cp_facility_kind k, int host, double capacity_t_per_yr);
void fac_update_signals(cp_world *w);
int fac_add(cp_world *w, const cp_facility_spec *spec);
void fac_advance(cp_world *w);
void fac_private_investment(cp_world *w);
double fac_available_t_per_qtr(const cp_facility *f);
void fac_delay(cp_world *w, int facility, int turns, const char *why);

/* production.c */
void prod_calibrate(cp_world *w);
void prod_world_need(const cp_world *w, int ahead, double out[CP_FAC_KIND_COUNT],
                     double *ore_heavy_t);
void prod_price_gaps(const cp_world *w, double out[CP_FAC_KIND_COUNT]);
/* the use of capacity plants of kind 'k' run at with reference margins */
double prod_normal_use(const cp_world *w, cp_facility_kind k);
void prod_capacities(cp_world *w);
void prod_facility_output(cp_world *w);
double prod_utilisation(const cp_world *w, int n, cp_facility_kind kind);
double prod_heavy_per_magnet_t(const cp_world *w, int n);
double prod_magnet_yield(const cp_world *w, int n);
/* the seller's offer curve for good 'g' (0 when it has nothing to offer) */
int prod_supply(const cp_world *w, cp_good g, int n, mkt_supply *out);
/* make what the curve offers at the settled price 'p' */
void prod_commit(cp_world *w, cp_good g, int n, const mkt_supply *c, double p);
/* the curve's offer at price 'p' and its slope d S / d log p */
double prod_offer(const mkt_supply *c, double p, double *slope);
/* the input curve of nation 'n''s plants for good 'g' (0 when none) */
int prod_input(const cp_world *w, cp_good g, int n, mkt_input *out);
/* what the input curve takes at price 'P', and minus its slope in log P */
double prod_input_need(const mkt_input *c, double P, double *slope);
/* value of a tonne of 'seller''s ore to 'buyer' over a tonne of standard
 * light ore, at last quarter's oxide prices ('buyer' < 0: to a separator
 * with heavy lines) */
double prod_ore_quality(const cp_world *w, int seller, int buyer);
/* the same for every buyer at once (prod_heavy_capabilities first) */
void prod_ore_values(const cp_world *w, int seller, double out[]);
void prod_heavy_capabilities(cp_world *w);

/* market.c */
void mkt_clear(cp_world *w, cp_good g);
/* The world's solver arrays: allocated when a world is made (0, or -1 out of memory), freed
 * with it. */
int mkt_scratch_alloc(cp_world *w);
void mkt_scratch_free(cp_world *w);
double mkt_route_share(const cp_world *w, cp_good g, int from, int to, int *licensed);
/* the stock buyers aim to hold of 'g', quarters of use */
double mkt_stock_quarters(const cp_world *w, cp_good g);
/* the share of demand the choke leaves at log price over reference 'lr' */
double mkt_choke_keep(double lr);
/* the share of a licensed route's material that may serve defense use */
double mkt_defense_diversion(const cp_world *w, int exporter);

/* consumption.c */
double cons_need_t(const cp_world *w, int nation, cp_good g);
double cons_final_need_t(const cp_world *w, int nation, cp_good g);
void cons_trend_need_t(const cp_world *w, int ahead, double out[CP_GOOD_COUNT]);
void cons_final(cp_world *w);
void cons_recycle(cp_world *w);
void cons_cache_needs(cp_world *w);
void cons_long_run(cp_world *w);

/* event.c */
void evt_scheduled(cp_world *w);
void evt_apply_effects(cp_world *w);
void evt_draw(cp_world *w);
void evt_start(cp_world *w, const cp_event *e, const char *note);
cp_status evt_check(const cp_world *w, const cp_event *e, cp_error *err);

/* deal.c, deal_exec.c */
void deal_log(cp_world *w, const cp_deal *d, int nation, const char *what);
void deal_phase(cp_world *w);
void deal_deliver(cp_world *w, cp_good g);
void deal_committed(const cp_world *w, cp_good g, double from[], double to[]);
int deal_other(const cp_deal *d, int nation);

/* score.c */
void score_update(cp_world *w);
/* the parts' running sums for history row 'turn' (history.c calls it as it
 * records a row; a loaded world's rows are all redone) */
void score_parts_record(cp_world *w, int turn);

/* report.c: the turn report's pieces, called by the advance */
void report_begin(cp_world *w);           /* empty it, take the treasuries */
void report_order(cp_world *w, const cp_order *o, int scheduled, cp_status st,
                  const char *refusal, double spent_musd, int news_before);
void report_end(cp_world *w);             /* fill purchases, deals, money */
void report_why(cp_world *w, int entry, const char *text); /* a reason for a deal step */
void report_free(cp_world *w);
int report_copy(cp_world *dst, const cp_world *src); /* 0, or -1 out of memory */
void tech_update(cp_world *w);

/* save.c: the state hash's pieces (hash.c says what it covers), and the
 * debug builds' invariant: 0 when every field of 'w' passes the checks the
 * save writer makes (numbers finite, indices and shares in range), else -1
 * with the first failure in 'message'. */
uint64_t save_mix(uint64_t h, uint64_t v);
uint64_t save_scenario_hash(const cp_scenario *sc);
uint64_t save_hash_history_turn(const cp_world *w, int turn, uint64_t h);
uint64_t save_hash_news(uint64_t h, const cp_news *x);
uint64_t save_hash_deal_event(uint64_t h, const cp_deal_event *e);
void save_rehash_logs(cp_world *w); /* all four, from scratch (a loaded world) */
uint64_t save_hash_world(const cp_world *w, uint64_t h); /* every field, from 'h' */
int save_check(const cp_world *w, char *message, size_t len);

/* history.c */
void hist_record(cp_world *w);
int hist_rebuild_parts(cp_world *w);

/* news.c: an item with its kind, actor, good, the other nation involved,
 * the facility and whether it is routine (cp_news); news_add for items with
 * none of the last three */
void news_add_x(cp_world *w, cp_news_kind kind, int nation, int good, int partner, int facility,
                int routine, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 8, 9)))
#endif
    ;
#define news_add(w, kind, nation, good, ...) news_add_x(w, kind, nation, good, -1, -1, 0, __VA_ARGS__)
/* snprintf's bytes, written directly for %s, %d, %.0f and %% (the news
 * feed's and the plants' names'), tested against snprintf */
void text_format(char *out, size_t size, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* errors.c */
cp_status cp_fail(cp_error *err, cp_status code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* world.c */
void world_run_quarter(cp_world *w);

/* content of a tonne of each good in REO (magnets: their oxide content) */
double world_reo_content(const cp_world *w, cp_good g);
/* Make 'dst' (a world of cp_world_clone's or an earlier copy's, never one a
 * caller holds) a copy of 'src' as cp_world_clone would make it, reusing
 * dst's heap blocks where they are large enough: a copy made again and
 * again (forecast.c) then costs a memcpy, not fresh pages. 0, or -1 out of
 * memory (then 'dst' is still a world cp_world_destroy takes). */
int world_copy_into(cp_world *dst, const cp_world *src);

#endif

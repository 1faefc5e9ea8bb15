/* chokepoint.h -- the one public header of the Chokepoint core.
 *
 * The core is the world model and its turn resolution. Everything outside
 * src/core (the Lua host, the SDL window, the command line, the tests) talks
 * to it only through what this header declares:
 *
 *   - build a world from a plain-data scenario    cp_world_create
 *   - submit orders, which are validated at once  cp_world_submit
 *   - advance one quarter                         cp_world_advance
 *   - read the state and its history              cp_world_nation, ...
 *   - hash the state                               cp_world_hash
 *
 * The world itself is an opaque handle. The records it hands out (nations,
 * facilities, markets, history rows) are plain data, read-only to callers:
 * the only way to change the world is an order. The core never prints, never
 * exits and includes neither SDL nor Lua.
 */
#ifndef CHOKEPOINT_H
#define CHOKEPOINT_H

#include <stddef.h>
#include <stdint.h>

#define CP_API_VERSION 1

/* The version of the rules' numbers: the market solver, the supply and
 * demand answers, every calibrated constant. It is written into saves and
 * replays; a game saved or recorded under another model version is refused
 * on load, with a message saying so, because its quarters would not play on
 * the same way (the save format's own version, which migrates old files, is
 * about layout, not numbers). Bump it whenever a change moves any game's
 * numbers. 1: the rules before model versions were recorded. */
#define CP_MODEL_VERSION 2

enum {
    CP_MAX_NATIONS = 32,
    CP_MAX_FACILITIES = 512,
    CP_MAX_SCHEDULED = 256,      /* scheduled orders and events in a scenario */
    CP_MAX_ACTIVE_EFFECTS = 128, /* events whose effect lasts several turns */
    CP_MAX_PENDING_ORDERS = 1024, /* per turn, all nations together */
    CP_NAME_LEN = 48,
    CP_TEXT_LEN = 200,
    CP_ALL = -1 /* "every partner" in an order's partner field */
};

/* ---- goods, sectors, stages ------------------------------------------- */

/* Goods along the chain. Quantities are tonnes of rare-earth oxide (REO)
 * for ore and oxides and tonnes of NdFeB for magnets. 'light_oxide' is NdPr
 * oxide, 'heavy_oxide' is Dy/Tb oxide; the other rare earths that separation
 * yields (La, Ce, Y...) leave the model as a low-value by-product. */
typedef enum {
    CP_ORE = 0,
    CP_LIGHT_OXIDE,
    CP_HEAVY_OXIDE,
    CP_MAGNET,
    CP_GOOD_COUNT
} cp_good;

typedef enum {
    CP_SECTOR_EV = 0,
    CP_SECTOR_WIND,
    CP_SECTOR_ELECTRONICS,
    CP_SECTOR_DEFENSE,
    CP_SECTOR_INDUSTRIAL,
    CP_SECTOR_COUNT
} cp_sector;

/* The kinds of facility, which are also the technology stages. A separation
 * plant splits ore into NdPr oxide and a heavy concentrate (the Dy/Tb it
 * held); a heavy separation line turns that concentrate into Dy/Tb oxide, so
 * heavy rare earths have capacity of their own (Lynas Malaysia's heavy
 * circuit, MP's, China's). Capacities: t REO a year for mines and
 * separation, t Dy/Tb oxide a year for heavy lines, t NdFeB for magnets. */
typedef enum {
    CP_FAC_MINE = 0,
    CP_FAC_SEPARATION,
    CP_FAC_MAGNET,
    CP_FAC_HEAVY_SEPARATION,
    CP_FAC_KIND_COUNT
} cp_facility_kind;

/* A facility's timeline. Announced -> permitting -> construction -> ramp-up
 * -> operating; an operating plant can be idled and resumed; closed is final. */
typedef enum {
    CP_STAGE_ANNOUNCED = 0,
    CP_STAGE_PERMITTING,
    CP_STAGE_CONSTRUCTION,
    CP_STAGE_RAMP_UP,
    CP_STAGE_OPERATING,
    CP_STAGE_IDLED,
    CP_STAGE_CLOSED,
    CP_STAGE_COUNT
} cp_stage;

typedef enum {
    CP_CONTROL_OPEN = 0,
    CP_CONTROL_LICENSED, /* an approval share passes; never for defense use */
    CP_CONTROL_BANNED    /* only transshipment leakage passes */
} cp_control_mode;

/* ---- errors ------------------------------------------------------------ */

typedef enum {
    CP_OK = 0,
    CP_ERR_UNKNOWN_ORDER,
    CP_ERR_UNKNOWN_NATION,
    CP_ERR_UNKNOWN_PARTNER,
    CP_ERR_UNKNOWN_GOOD,
    CP_ERR_UNKNOWN_FACILITY,
    CP_ERR_BAD_VALUE,      /* negative tonnage, share outside 0..1, ... */
    CP_ERR_NO_MONEY,       /* not enough in the treasury */
    CP_ERR_NOT_YOURS,      /* facility owned or funded by someone else */
    CP_ERR_BAD_STATE,      /* e.g. idling a plant still under construction */
    CP_ERR_FORBIDDEN,      /* refused by a rule, e.g. a technology ban */
    CP_ERR_FULL,           /* too many facilities or pending orders */
    CP_ERR_LOCKED,         /* a policy locked by the teacher or scenario */
    CP_ERR_NO_CONSENT      /* building or funding on another nation's soil without
                              its consent */
} cp_status;

/* What a refused call says: a code for programs, a message for people. */
typedef struct {
    cp_status code;
    char message[CP_TEXT_LEN];
} cp_error;

/* ---- orders -------------------------------------------------------------- */

/* Every decision a human or an agent can take enters the core as an order.
 * One struct for all kinds keeps the UI, the Lua binding and replays simple;
 * each kind documents which fields it reads. */
typedef enum {
    CP_ORDER_BUILD_FACILITY = 0, /* partner = host nation (own or abroad),
                                    facility_kind, amount = capacity t/yr */
    CP_ORDER_FUND_FACILITY,      /* facility, amount = extra USD millions */
    CP_ORDER_IDLE_FACILITY,      /* facility, flag = 1 idle / 0 resume */
    CP_ORDER_CLOSE_FACILITY,     /* facility */
    CP_ORDER_SET_TARIFF,         /* good, partner = origin or CP_ALL, amount = rate (0.25 = 25%) */
    CP_ORDER_SET_EXPORT_CONTROL, /* good (or CP_ALL), partner = destination or CP_ALL,
                                    mode (open/licensed/banned), amount = approval share */
    CP_ORDER_SUSPEND_EXPORT_CONTROL, /* good (or CP_ALL), partner or CP_ALL, turns;
                                        mode/amount: the regime that applies
                                        meanwhile (default open) */
    CP_ORDER_SET_EXPORT_QUOTA,   /* good, amount = t per quarter, < 0 removes it */
    CP_ORDER_SET_EXPORT_TAX,     /* good, amount = rate */
    CP_ORDER_BUY_STOCKPILE,      /* good, amount = tonnes bought this turn */
    CP_ORDER_RELEASE_STOCKPILE,  /* good, amount = tonnes released this turn */
    CP_ORDER_SET_SUBSIDY,        /* facility_kind, amount = share of operating cost paid */
    CP_ORDER_SET_PRICE_FLOOR,    /* good, amount = USD/kg guaranteed to home producers, 0 removes */
    CP_ORDER_SET_TRACKING,       /* flag = 1 on / 0 off */
    CP_ORDER_SET_TECH_BAN,       /* flag = 1 on / 0 off */
    CP_ORDER_SET_EXTRATERRITORIAL, /* flag = 1 on / 0 off: magnets made abroad with this
                                      nation's oxides need its licence too (the 0.1% rule) */
    CP_ORDER_SET_FOREIGN_INVESTMENT, /* flag = 1 open / 0 closed: whether other nations may
                                        build and fund plants on this nation's soil without
                                        a deal (see cp_world_host_consents) */
    CP_ORDER_KIND_COUNT
} cp_order_kind;

typedef struct {
    cp_order_kind kind;
    int nation;        /* who issues it (index) */
    int partner;       /* host, origin or destination nation, or CP_ALL */
    int good;          /* cp_good */
    int facility;      /* facility id */
    int facility_kind; /* cp_facility_kind */
    int mode;          /* cp_control_mode */
    int flag;          /* on/off switches */
    int turns;         /* duration of a suspension */
    double amount;     /* rate, tonnes, USD millions, USD/kg, share: see kind */
} cp_order;

/* Start an order of 'kind' by 'nation' with every other field "unused":
 * partner CP_ALL, good, facility and facility_kind -1, the rest 0 (padding
 * included), so that equal orders are equal bytes. The agent API, the
 * scenario loader and the window build their orders on it. */
void cp_order_init(cp_order *o, cp_order_kind kind, int nation);

/* How long a suspension of export controls may last, in turns. */
enum { CP_SUSPEND_MAX_TURNS = 400 };

/* The amounts the core accepts for an order. */
typedef struct {
    double lo, hi;
    const char *what; /* "tariff rate", as refusals name it */
} cp_range;
/* The range cp_world_check holds an order of 'kind' to ('mode' matters for
 * export controls and their suspension: only a licensed regime reads an
 * amount), so that forms and documentation ask here instead of keeping
 * limits of their own. 1 and 'out' filled, or 0 when the kind reads no
 * amount. An export quota's lo is -HUGE_VAL: a negative quota removes it. */
int cp_order_amount_range(cp_order_kind kind, int mode, cp_range *out);

/* ---- policies ------------------------------------------------------------ */

typedef struct {
    cp_control_mode mode;
    double approval_share;  /* for licensed: share of requests approved, 0..1 */
    int suspended_turns;    /* > 0: the control is suspended for this many more
                               turns, then returns by itself */
    cp_control_mode fallback_mode; /* what applies while suspended: open, or an
                                      older regime that stays (the April 2025
                                      licences under the suspended October rules) */
    double fallback_share;
} cp_export_control;

/* The regime a route runs under this quarter: the control's own, or, while
 * it is suspended, the one that applies meanwhile. 'share' (may be NULL)
 * gets the share of requests that passes before leakage: 1 open, the
 * approval share licensed, 0 banned. The market, deals, the window and the
 * debrief all ask here. */
cp_control_mode cp_export_control_now(const cp_export_control *c, double *share);

typedef struct {
    double tariff[CP_GOOD_COUNT][CP_MAX_NATIONS];          /* import tariff by origin */
    cp_export_control control[CP_GOOD_COUNT][CP_MAX_NATIONS]; /* by destination */
    double export_quota_t[CP_GOOD_COUNT];  /* per quarter; < 0 = no quota */
    double export_tax[CP_GOOD_COUNT];
    double subsidy[CP_FAC_KIND_COUNT];     /* share of operating cost paid by the state */
    double price_floor_usd_per_kg[CP_GOOD_COUNT]; /* 0 = none */
    int tracking;                          /* magnet/oxide tracking system */
    int tech_ban;                          /* processing-technology export ban */
    int extraterritorial;                  /* its controls reach magnets made abroad
                                              from its oxides (MOFCOM No. 61, Oct 2025) */
    int investment_closed;                 /* 1: foreigners build and fund plants here
                                              only under a deal; 0 (the default): open
                                              to foreign investment (cp_world_host_consents) */
} cp_policy;

/* ---- nations ------------------------------------------------------------- */

/* Objectives: how a nation's score weighs its four aims (sum to 1). */
typedef struct {
    double security;   /* demand met */
    double prosperity; /* GDP kept, treasury */
    double leverage;   /* share of world processing */
    double stability;  /* low political pressure */
} cp_weights;

typedef struct {
    /* identity and fixed traits */
    char iso3[4];
    char name[CP_NAME_LEN];
    double lat_deg, lon_deg;           /* a representative point, for transport */
    double ore_light_share;            /* NdPr share of the REO this nation mines */
    double ore_heavy_share;            /* Dy/Tb share of the REO this nation mines */
    double permitting_factor;          /* 1 = a typical OECD permitting regime */
    double conflict_risk_per_yr;       /* chance a year that conflict cuts its mining */
    double budget_musd_per_yr;         /* state money for rare-earth policy */
    double hurdle_price_ratio;         /* price over reference at which firms here
                                          invest in new capacity on their own */
    double expansion_cap_per_yr;       /* most firms here add to a kind's capacity
                                          in a year, as a share of it (a quota) */
    cp_weights weights;

    /* state */
    double reserves_t;                  /* REO still in the ground */
    double treasury_musd;
    double gdp_busd_per_yr;             /* nominal, before shortage losses */
    double gdp_loss_busd;               /* lost this quarter to shortages */
    double sector_gdp_busd[CP_SECTOR_COUNT]; /* output of each sector that needs rare earths */
    double demand_t_per_yr[CP_SECTOR_COUNT][CP_GOOD_COUNT]; /* final demand at reference prices */
    double stock_t[CP_GOOD_COUNT];      /* users' inventory (plants, industry) */
    double unsold_t[CP_GOOD_COUNT];     /* producers' output not yet sold: what
                                           the nation offers on the market */
    double ore_stock_heavy_t;           /* Dy/Tb content of stock_t[CP_ORE] (ore
                                           bought from several origins) */
    double ore_stock_light_t;           /* NdPr content of stock_t[CP_ORE] */
    double stockpile_t[CP_GOOD_COUNT];  /* strategic stockpile */
    double heavy_conc_t;                /* Dy/Tb held in separated heavy concentrate,
                                           waiting for a heavy separation line */
    /* the long run (consumption.c): final demand per unit of activity
     * (1 = 2025; below 1 after thrifting and substitution), Dy/Tb per
     * magnet relative to the recipe, and the recycled share of use */
    double demand_adjust[CP_GOOD_COUNT];
    double heavy_intensity;
    double recycled_share[CP_GOOD_COUNT];
    double tech[CP_FAC_KIND_COUNT];     /* 0..1 per stage */
    double pressure;                    /* political pressure 0..1 */
    double trust;                       /* 0..1, seen by all (deals) */
    double score;                       /* running mean of per-turn scores, 0..100 */
    cp_policy policy;

    /* this turn's figures (quarter), rebuilt every turn */
    double mined_t, separated_t, magnets_t, byproduct_t;
    double heavy_separated_t;         /* Dy/Tb oxide made by heavy lines */
    double recycled_t[CP_GOOD_COUNT]; /* oxide recovered from scrap */
    double demand_t[CP_GOOD_COUNT];   /* final demand this quarter */
    double consumed_t[CP_GOOD_COUNT];
    double shortage_t[CP_GOOD_COUNT];
    double sector_shortage_t[CP_SECTOR_COUNT];
    double imports_t[CP_GOOD_COUNT], exports_t[CP_GOOD_COUNT];
    double price_paid_usd_per_kg[CP_GOOD_COUNT]; /* composite price this nation pays */
    double producer_price_usd_per_kg[CP_GOOD_COUNT]; /* what its producers get */
    double export_revenue_musd, import_bill_musd;
    double tariff_revenue_musd, export_tax_revenue_musd;
    double subsidy_paid_musd, floor_paid_musd, capex_paid_musd;
} cp_nation;

/* ---- facilities ---------------------------------------------------------- */

typedef struct {
    int id;
    char name[CP_NAME_LEN];
    cp_facility_kind kind;
    int host;            /* nation where it stands */
    int funder;          /* nation that pays for it (host, or an investor abroad) */
    int private_capital; /* 1: built by firms with their own money, not the treasury */
    int cofunder;        /* a second payer (a co-investment deal), or -1 */
    double cofunder_share; /* its share of each instalment */
    double capacity_t_per_yr; /* nameplate: ore REO, oxide REO or magnet tonnes */
    cp_stage stage;
    int stage_turns[CP_STAGE_COUNT]; /* planned length of each build stage */
    int turns_in_stage;   /* whole turns spent in the current stage */
    double progress;      /* 0..1 through the current stage (funding may slow it) */
    int start_turn;       /* turn it was announced (may be negative: before the game) */
    int operating_turn;   /* turn it reached operating, or projected if later */
    double capex_musd;    /* total cost */
    double capex_paid_musd;
    double funds_musd;    /* paid in ahead by fund orders, drawn during construction */
    double output_t;      /* this quarter */
    double utilisation;   /* this quarter, 0..1 */
    int delay_turns;      /* added by events and slippage so far */
    int slip_turns;       /* slippage drawn at announcement, still to come: the
                             construction stage lengthens by it when it starts */
} cp_facility;

/* ---- markets -------------------------------------------------------------- */

typedef struct {
    double world_price_usd_per_kg; /* production-weighted producer price (ore: of standard ore) */
    double reference_price_usd_per_kg;
    double production_t;           /* this quarter */
    double traded_t;               /* crossed a border this quarter */
    double shortage_t;             /* world unmet final demand */
    /* how this quarter's solve settled (market.c): price iterations used,
     * the excess demand left as a share of the volume sold, and 1 when the
     * solve stopped at its iteration cap without settling */
    int solve_iterations;
    double solve_residual;
    int solve_capped;
    /* flow[i][j]: tonnes from seller i to buyer j this quarter (i == j: home) */
    double flow_t[CP_MAX_NATIONS][CP_MAX_NATIONS];
} cp_market;

/* ---- history ------------------------------------------------------------- */

/* One row per nation per turn, kept for charts, CSV and the debrief. */
typedef struct {
    int turn;
    double mined_t, separated_t, magnets_t;
    double heavy_separated_t;                  /* Dy/Tb oxide from heavy lines */
    double demand_t, shortage_t;               /* all final demand, t */
    double demand_good_t[CP_GOOD_COUNT], shortage_good_t[CP_GOOD_COUNT];
    double sector_shortage_t[CP_SECTOR_COUNT];
    double stockpile_t;                        /* all goods */
    double treasury_musd, gdp_busd_per_yr, gdp_loss_busd;
    double score, pressure;
    double price_paid_usd_per_kg[CP_GOOD_COUNT];
    double imports_t[CP_GOOD_COUNT], exports_t[CP_GOOD_COUNT];
    double tariff_revenue_musd;
} cp_nation_history;

typedef struct {
    int turn;
    double world_price_usd_per_kg;
    double production_t, traded_t, shortage_t;
} cp_market_history;

/* The news feed: what happened, in words, tied to a turn. */
typedef enum {
    CP_NEWS_POLICY = 0, /* an order took effect */
    CP_NEWS_EVENT,      /* random or scheduled event */
    CP_NEWS_FACILITY,   /* a facility was announced, funded, changed stage */
    CP_NEWS_MARKET,     /* a notable price move or shortage */
    CP_NEWS_DEAL,       /* a deal proposed, answered, started, ended or broken */
    CP_NEWS_KIND_COUNT
} cp_news_kind;

typedef struct {
    int turn;
    cp_news_kind kind;
    int nation;   /* main actor or -1 */
    int good;     /* or -1 */
    char text[CP_TEXT_LEN];
    int partner;  /* the other nation involved (a deal's other party, a plant's
                     funder abroad, a control's destination), or -1 */
    int facility; /* the facility it is about, or -1 */
    int routine;  /* 1: a plant moving to its next stage on schedule, the kind
                     of item cp_world_news_groups folds by nation and quarter */
} cp_news;

/* ---- events ------------------------------------------------------------- */

typedef enum {
    CP_EVENT_MINE_FLOOD = 0,   /* a nation's mine output cut by 'magnitude' share */
    CP_EVENT_LAWSUIT,          /* a facility under development delayed 'turns' */
    CP_EVENT_CONFLICT,         /* armed conflict cuts a nation's mining */
    CP_EVENT_APPROVALS_SLOW,   /* a nation's licence approvals multiplied by 1 - magnitude */
    CP_EVENT_SUMMIT,           /* a nation suspends its controls on 'partner' for 'turns' */
    CP_EVENT_DEMAND_SHOCK,     /* a nation's demand of 'good' changes by 'magnitude' share */
    CP_EVENT_PRICE_FLOOR,      /* a nation announces a price floor for its producers of
                                  'good' (-1: light oxide) at the world price plus
                                  'magnitude' share (0..1); it stays until changed */
    CP_EVENT_KIND_COUNT
} cp_event_kind;

typedef struct {
    cp_event_kind kind;
    int nation;
    int partner;    /* -1 if none */
    int good;       /* -1 if none */
    int facility;   /* -1: the core picks one */
    double magnitude;
    int turns;
} cp_event;

/* ---- deals -------------------------------------------------------------- */

/* A deal is a list of clauses between two or more nations. Each clause says
 * who gives ('from') and who receives ('to'). A deal accepted by every party
 * takes effect in the next turn's deal phase and binds for its term. */
enum { CP_MAX_DEALS = 512, CP_MAX_CLAUSES = 8, CP_MAX_PARTIES = 8 };

typedef enum {
    CP_CLAUSE_TARIFF = 0,   /* 'from' caps its tariff on 'good' from 'to' at 'amount' */
    CP_CLAUSE_LICENCE,      /* 'from' approves at least 'amount' of requests for 'good' to 'to' */
    CP_CLAUSE_SUSPEND,      /* 'from' suspends its controls on 'good' to 'to' for the term */
    CP_CLAUSE_OFFTAKE,      /* 'from' delivers 'amount' t of 'good' a quarter to 'to' at
                               'price_usd_per_kg' (0: the market price) */
    CP_CLAUSE_COINVEST,     /* 'from' pays share 'amount' of a new 'facility_kind' plant of
                               'capacity_t_per_yr' in 'to' (the host pays the rest) */
    CP_CLAUSE_TECH_TRANSFER,/* 'from' closes share 'amount' of 'to''s gap in 'facility_kind' technology */
    CP_CLAUSE_STOCKPILE,    /* 'from' hands 'amount' t of 'good' from its stockpile to 'to' */
    CP_CLAUSE_ALLIANCE,     /* buyers' club: members cover each other's shortages from
                               their stockpiles for the term ('from' and 'to' are members) */
    CP_CLAUSE_KIND_COUNT
} cp_clause_kind;

typedef struct {
    cp_clause_kind kind;
    int from, to;
    int good;
    int facility_kind;
    double amount;
    double price_usd_per_kg;
    double capacity_t_per_yr;
    /* kept by the core while the deal runs */
    double before;        /* the tariff or approval share the clause replaced */
    double delivered_t;   /* offtake: delivered last quarter */
    int facility;         /* coinvest: the plant it created, or -1 */
} cp_clause;

typedef enum {
    CP_DEAL_PROPOSED = 0, /* waiting for answers */
    CP_DEAL_AGREED,       /* every party accepted: starts in the next deal phase */
    CP_DEAL_ACTIVE,
    CP_DEAL_REJECTED,
    CP_DEAL_EXPIRED,      /* ran its term */
    CP_DEAL_BREACHED,
    CP_DEAL_WITHDRAWN,
    CP_DEAL_STATUS_COUNT
} cp_deal_status;

typedef struct {
    int id;
    int proposer;
    int party_count;
    int parties[CP_MAX_PARTIES];
    int accepted[CP_MAX_PARTIES];  /* per party: 1 once it accepts this version */
    int clause_count;
    cp_clause clauses[CP_MAX_CLAUSES];
    int term_turns;
    int proposed_turn, start_turn, end_turn; /* end_turn: last turn in force */
    int revision;          /* counters so far */
    cp_deal_status status;
    int breacher;          /* -1 unless breached */
} cp_deal;

typedef enum { CP_ANSWER_ACCEPT = 0, CP_ANSWER_REJECT } cp_answer;

/* The deal log: every proposal, answer, start, end and breach. */
typedef struct {
    int turn;
    int deal_id;
    int nation;          /* who acted, or -1 for the core */
    cp_deal_status status; /* the deal's status after the event */
    char what[24];       /* "proposed", "accepted", "countered", "rejected", "started",
                            "expired", "breached", "withdrawn" */
} cp_deal_event;

/* ---- scenario (plain data, filled by a loader outside the core) --------- */

typedef struct {
    char name[CP_NAME_LEN];
    cp_facility_kind kind;
    int host, funder;
    double capacity_t_per_yr;
    cp_stage stage;
    int turns_in_stage;   /* how far into that stage it already is */
    int stage_turns[CP_STAGE_COUNT]; /* 0 = derive from the rules */
    int private_capital;  /* 1: firms pay for it, and decide at the end of permitting
                             whether prices justify building it (final investment
                             decision); 0: the funder's treasury pays, no such check */
} cp_facility_spec;

/* Something the scenario makes happen at a given turn: an order (China's
 * April 2025 licensing) or an event (a conflict flares up). */
typedef struct {
    int turn;
    int is_event;
    cp_order order;
    cp_event event;
    char note[CP_TEXT_LEN]; /* shown in the news feed */
} cp_scheduled;

/* ---- goals (goals.c) ------------------------------------------------------ */

/* What a seat aims for, besides its score: a small closed set of goal kinds,
 * each with a target and a deadline, given by the scenario per nation (or,
 * where a scenario gives a nation none, derived by the core from its
 * opening position: cp_world_goal_count). Goals are judged from the history
 * every quarter, so they need no state of their own. */
enum { CP_MAX_GOALS = 128, CP_MAX_NATION_GOALS = 4 };

typedef enum {
    CP_GOAL_SHORTAGE_MAX = 0, /* keep the unmet share of final demand for 'good' (-1: NdPr
                                 oxide, Dy/Tb oxide and magnets together, by value at
                                 reference prices) at or under 'target' (0..1) */
    CP_GOAL_TREASURY_MIN,     /* keep the treasury at or above 'target' USD millions */
    CP_GOAL_OUTPUT_MIN,       /* produce at least 'target' t/yr (a quarter's output times
                                 four) at home plants of 'facility_kind' */
    CP_GOAL_SHARE_MIN,        /* hold at least 'target' (0..1) of the world's output of
                                 'facility_kind' plants: leverage */
    CP_GOAL_PRESSURE_MAX,     /* keep political pressure at or under 'target' (0..1) */
    CP_GOAL_KIND_COUNT
} cp_goal_kind;

/* How a goal's value is measured over the game. */
typedef enum {
    CP_MEASURE_END = 0, /* the value at the deadline */
    CP_MEASURE_AVERAGE, /* the mean over the quarters played (turns 1..deadline) */
    CP_MEASURE_ALWAYS,  /* every quarter up to the deadline: missed the first quarter it fails */
    CP_MEASURE_COUNT
} cp_goal_measure;

typedef struct {
    int nation;
    cp_goal_kind kind;
    cp_goal_measure measure;
    int good;          /* SHORTAGE_MAX: a cp_good, or -1 for NdPr, Dy/Tb and magnets */
    int facility_kind; /* OUTPUT_MIN, SHARE_MIN: a cp_facility_kind */
    double target;     /* share 0..1, USD millions or t/yr: see the kind */
    int by_turn;       /* the deadline; 0: the game's last turn */
} cp_goal;

/* Market parameters for one good. */
typedef struct {
    double reference_price_usd_per_kg;
    double demand_elasticity;     /* short-run, > 0 */
    double substitution;          /* CES elasticity between origins, > 1 */
    double supply_elasticity;     /* of producers' offers */
    double transport_usd_per_kg_per_10000km;
    double growth_per_yr[CP_SECTOR_COUNT]; /* demand growth by sector */
} cp_good_params;

typedef struct {
    char name[CP_NAME_LEN];
    char title[CP_TEXT_LEN];
    int start_year, start_quarter; /* turn 0 is this quarter */
    int default_turns;
    int nation_count;
    cp_nation nations[CP_MAX_NATIONS]; /* fixed traits and starting state */
    int facility_count;
    cp_facility_spec facilities[CP_MAX_FACILITIES];
    int scheduled_count;
    cp_scheduled scheduled[CP_MAX_SCHEDULED];
    cp_good_params goods[CP_GOOD_COUNT];
    double magnet_light_t_per_t;   /* NdPr oxide per tonne of magnet */
    double magnet_heavy_t_per_t;   /* Dy/Tb oxide per tonne of magnet */
    double leakage_share;          /* share of a banned route that leaks via third countries */
    double leakage_share_tracked;  /* the same when the exporter runs tracking */
    double random_events;          /* 1 = default event rates, 0 = none */
    double stock_target_quarters;  /* buyers' inventory target, in quarters of use */
    /* goals the scenario states, any nation's, in file order; a nation
     * with none here gets goals derived from its opening position */
    int goal_count;
    cp_goal goals[CP_MAX_GOALS];
} cp_scenario;

/* Fill 'sc' with the rules' defaults (market parameters, leakage, event rates);
 * a loader then overwrites what the scenario file states. */
void cp_scenario_defaults(cp_scenario *sc);

/* Check a scenario for values the core cannot run with (negative stocks,
 * unknown indices, shares outside 0..1, numbers outside their ranges, see
 * cp_scenario_range). Returns CP_OK or a message naming the nation, good or
 * facility and the field. */
cp_status cp_scenario_validate(const cp_scenario *sc, cp_error *err);

/* The range a scenario number must lie in, by its name in scenario files
 * and in cp_scenario ("reference_price_usd_per_kg", "stock_t",
 * "demand_t_per_yr", ...; docs/scenarios.md lists them). Every number a
 * scenario states has one: wide enough for any world worth playing, narrow
 * enough that the rules' arithmetic over the longest game stays finite (a
 * reference price of 1e308 once turned the world to infinities and made it
 * unsaveable). cp_scenario_validate refuses a value outside its range; the
 * scenario loader checks each field against it as it reads, to name the
 * line. NULL for a name without a range. */
typedef struct {
    const char *field;
    double min, max;
    int above_min;    /* 1: the value must be greater than min, not equal to it */
    const char *unit; /* "USD/kg", "t", ... or "" */
} cp_number_range;

const cp_number_range *cp_scenario_range(const char *field);

/* Whether 'v' lies in 'r' (finite, and within its bounds). */
int cp_range_holds(const cp_number_range *r, double v);

/* ---- the world --------------------------------------------------------- */

typedef struct cp_world cp_world;

/* A new world at turn 0 of 'sc', with every random draw seeded by 'seed'.
 * Returns NULL and fills 'err' if the scenario does not validate. */
cp_world *cp_world_create(const cp_scenario *sc, uint64_t seed, cp_error *err);
/* The world cp_world_create(sc, seed) gives, made from 'start', a world
 * cp_world_create made from the same 'sc' with any seed and left untouched:
 * it skips the opening warm-up, which is most of a new world's cost (a
 * sweep plays one combination of parameters over many seeds). Refuses
 * (NULL, 'err') a 'start' of another scenario or past turn 0. */
cp_world *cp_world_create_like(const cp_world *start, const cp_scenario *sc, uint64_t seed,
                               cp_error *err);
cp_world *cp_world_clone(const cp_world *w);
void cp_world_destroy(cp_world *w);

/* Validate 'o' against the current state and queue it for the next advance.
 * Returns CP_OK, or a code with a message naming what is wrong; a refused
 * order changes nothing. */
cp_status cp_world_submit(cp_world *w, const cp_order *o, cp_error *err);
/* The same check without queueing: the dry-run behind the agents' can_*. */
cp_status cp_world_check(const cp_world *w, const cp_order *o, cp_error *err);
/* What an order costs its nation's treasury, in USD millions: 'now' leaves
 * the treasury when the turn resolves (a plant's 5% down payment, funds put
 * into a plant, a stockpile bought at this quarter's price), 'total' over its
 * life (a plant's whole capital cost). Orders that pay as they go (subsidies,
 * price floors) or cost nothing (tariffs, controls) give 0 and 0. Either
 * pointer may be NULL. The order is not checked: cp_world_check says whether
 * it would be accepted. */
void cp_order_cost_musd(const cp_world *w, const cp_order *o, double *now, double *total);

/* Orders queued for the coming advance, in submission order; an order can be
 * withdrawn until the turn ends. Withdrawing one moves every later order
 * down by one index. */
int cp_world_pending_count(const cp_world *w);
/* The id the plant of pending build order 'index' will get when the turn is resolved: orders
 * are applied nation by nation, each nation's in the order queued, and each build numbers its
 * plant next. Exact unless an order applied before it is refused at the turn's end (a
 * teacher's lock) or a nation earlier in that order queues a build later in the turn (a human
 * seat after the agents). -1 when 'index' is not a pending build order. */
int cp_world_pending_facility_id(const cp_world *w, int index);
const cp_order *cp_world_pending(const cp_world *w, int index);
cp_status cp_world_withdraw(cp_world *w, int index, cp_error *err);

/* Resolve one quarter: policies, construction, production and markets along
 * the chain, consumption and shortages, events, scores, history. */
void cp_world_advance(cp_world *w);

/* Make an event happen at the next advance (teacher's injection). */
cp_status cp_world_inject_event(cp_world *w, const cp_event *e, cp_error *err);

/* A teacher's policy lock (lock.c). While 'nation''s policy is locked,
 * cp_world_check and cp_world_submit refuse its policy orders (tariffs,
 * export controls and their suspension, quotas, export taxes, subsidies,
 * price floors, tracking, the technology ban) with CP_ERR_LOCKED and a
 * message naming the nation; so does the turn end for orders queued before
 * the lock, and the scenario's scheduled orders for that nation are
 * reported as refused. Facilities, stockpiles and events are not orders on
 * its policy and go on; the clauses of a deal it agreed still take effect.
 * The lock takes effect at once, is saved with the world and lasts until
 * unlocked. */
cp_status cp_world_lock_policy(cp_world *w, int nation, int locked, cp_error *err);
int cp_world_policy_locked(const cp_world *w, int nation); /* 1 locked, 0 not (or no such nation) */
/* Is 'kind' an order on a nation's policy (the kinds a lock refuses)? */
int cp_order_kind_is_policy(cp_order_kind kind);

/* A 64-bit hash of the whole state: equal hashes, equal games. */
uint64_t cp_world_hash(const cp_world *w);

/* ---- deterministic math (detmath.c) -------------------------------------- */

/* Sine, cosine, tangent, their inverses, e^x and logarithms that give the
 * same bits on every machine and with every compiler (the C library's
 * differ in the last bits). Accurate to a few units in the last place. The
 * rules use them wherever they need one; the Lua sandbox gives them to
 * agents and scenarios as math.sin, math.exp, ... */
double cp_sin(double x);
double cp_cos(double x);
double cp_tan(double x);
double cp_asin(double x);
double cp_acos(double x);
double cp_atan(double x);
double cp_atan2(double y, double x);
double cp_exp(double x);
double cp_log(double x);
double cp_log2(double x);  /* exact for powers of two */
double cp_log10(double x);

/* ---- deals ------------------------------------------------------------- */

/* Propose 'd' (its parties, clauses and term; ids and status are the
 * core's). The proposer accepts its own proposal. Returns the deal id, or -1
 * with a message naming what is wrong (a clause about a nation not party to
 * it, a negative price, a transfer under a ban, a technology ban...). */
int cp_world_propose(cp_world *w, const cp_deal *d, cp_error *err);
/* A party accepts or rejects the current version of a proposed deal. */
cp_status cp_world_answer(cp_world *w, int deal_id, int nation, cp_answer a, cp_error *err);
/* A party replaces the clauses and term of a proposed deal: every other
 * party's acceptance is reset, the counter's author accepts its own. */
cp_status cp_world_counter(cp_world *w, int deal_id, int nation, const cp_deal *d, cp_error *err);
/* The proposer withdraws a deal not yet in force. */
cp_status cp_world_withdraw_deal(cp_world *w, int deal_id, int nation, cp_error *err);
/* The checks of cp_world_withdraw_deal, changing nothing (act.can_withdraw). */
cp_status cp_world_check_withdraw_deal(const cp_world *w, int deal_id, int nation, cp_error *err);
/* Would order 'o', carried out, break a clause of a deal its nation has
 * agreed or has in force (a tariff above a cap, licences below a granted
 * share, a suspended control re-imposed)? The id of the first such deal,
 * with "breaks deal N: reason" in 'why' (may be NULL), or -1. The order
 * itself is not checked (cp_world_check) and stays legal: breaking a deal
 * is a choice, which ends the deal and costs trust (deal_warn.c). */
int cp_world_order_breaks_deal(const cp_world *w, const cp_order *o, char *why, size_t len);
/* The same checks as propose, without proposing. */
cp_status cp_world_check_deal(const cp_world *w, const cp_deal *d, cp_error *err);
/* The checks of cp_world_answer and cp_world_counter, changing nothing: the
 * dry runs behind the agents' act.can_answer and act.can_counter, and how
 * the agent host checks a deal action it carries out when the turn ends. */
cp_status cp_world_check_answer(const cp_world *w, int deal_id, int nation, cp_error *err);
cp_status cp_world_check_counter(const cp_world *w, int deal_id, int nation, const cp_deal *d,
                                 cp_error *err);

int cp_world_deal_count(const cp_world *w);
const cp_deal *cp_world_deal(const cp_world *w, int id);
int cp_world_deal_event_count(const cp_world *w);
const cp_deal_event *cp_world_deal_event(const cp_world *w, int index);
/* The deal as it stood when deal log entry 'index' was made, for entries
 * made since the last advance by this world (the decisions of the turn in
 * progress): a proposal's own terms even if a counter has since replaced
 * them. NULL for older entries (use cp_world_deal). A replay records the
 * turn's deal actions from it. */
const cp_deal *cp_world_deal_as_logged(const cp_world *w, int index);
/* What the deal is worth to 'nation' over a year at current prices, USD
 * millions (positive: it gains). A rough guide for agents and players. */
double cp_world_deal_value_musd(const cp_world *w, const cp_deal *d, int nation);
/* The clauses in words, e.g. "CHN suspends controls on magnet to USA; USA
 * caps its tariff on magnet from CHN at 10%". */
const char *cp_deal_describe(const cp_world *w, const cp_deal *d, char *buf, size_t len);
/* The same terms as a person reads them: nations by name, goods and plants
 * plainly named ("Japan delivers 500 t of Dy/Tb oxide a quarter to ..."). */
const char *cp_deal_terms(const cp_world *w, const cp_deal *d, char *buf, size_t len);

/* ---- saving ------------------------------------------------------------ */

/* Serialise the whole world (its scenario, state, history, news, deals,
 * pending orders and random stream) into a new heap buffer ('*buf', freed
 * by the caller with free()). The format carries a version and a checksum;
 * the core writes no file (the command line and the window do). */
cp_status cp_world_save(const cp_world *w, unsigned char **buf, size_t *len, cp_error *err);
/* Rebuild a world from such a buffer, from this or an older format
 * version. Every count, index and number is checked: a truncated, corrupted,
 * foreign or future-version buffer is refused with a message, never a crash.
 * A loaded world continues exactly as the saved one would have. */
cp_world *cp_world_load(const unsigned char *buf, size_t len, cp_error *err);

/* ---- reading the world ------------------------------------------------ */

int cp_world_turn(const cp_world *w);
uint64_t cp_world_seed(const cp_world *w);
const cp_scenario *cp_world_scenario(const cp_world *w);
/* Calendar date of 'turn': year and quarter (1..4). */
void cp_world_date(const cp_world *w, int turn, int *year, int *quarter);
/* "2025Q1"; 'buf' needs 8 bytes. */
const char *cp_world_date_text(const cp_world *w, int turn, char *buf, size_t len);

int cp_world_nation_count(const cp_world *w);
const cp_nation *cp_world_nation(const cp_world *w, int index);
int cp_world_find_nation(const cp_world *w, const char *iso3); /* -1 if none */

/* The normal use of capacity of each kind of plant at reference prices,
 * worked out when the world was created so that the opening world is in
 * balance (production.c); 0 for an unknown kind. */
double cp_world_normal_utilisation(const cp_world *w, cp_facility_kind k);
/* The long-run price elasticity of final demand for 'g' (consumption.c):
 * what the short-run elasticity becomes after three to five years of
 * redesign, thrifting and substitution. */
double cp_long_run_elasticity(cp_good g);

int cp_world_facility_count(const cp_world *w);
const cp_facility *cp_world_facility(const cp_world *w, int index);

const cp_market *cp_world_market(const cp_world *w, cp_good g);

/* History: turns 0..cp_world_turn(w) are kept. NULL outside that range. */
const cp_nation_history *cp_world_nation_history(const cp_world *w, int turn, int nation);
const cp_market_history *cp_world_market_history(const cp_world *w, int turn, cp_good g);
/* What buyers paid for 'g' at 'turn': the mean of the nations' composite
 * prices paid (cp_nation_history.price_paid_usd_per_kg) weighted by each
 * one's final demand for 'g' plus its imports of it that quarter (so that a
 * magnet maker's oxide counts), over every nation but 'except'
 * (-1: all of them). Beside the world (producer) price it shows what
 * importers pay when a supplier licenses or taxes its exports: pass China's
 * index for "the price paid outside China". 0 when no nation counted had
 * demand for 'g', or 'turn' is outside the history. */
double cp_world_price_paid_usd_per_kg(const cp_world *w, int turn, cp_good g, int except);

int cp_world_news_count(const cp_world *w);
const cp_news *cp_world_news(const cp_world *w, int index);

/* Material and money ledgers, summed over the whole game: what the tests
 * hold the core to. Material is in tonnes REO (magnets counted by their
 * oxide content), money in USD millions: mined + recycled + initial stock
 * = lost + consumed + in stock. */
typedef struct {
    double mined_t;          /* ore REO taken from the ground */
    double recycled_t;       /* oxide recovered from scrap */
    double lost_t;           /* separation losses and by-products */
    double consumed_t;       /* final consumption, REO content */
    double in_stock_t;       /* commercial stocks + stockpiles now, REO content */
    double initial_stock_t;  /* the same at turn 0 */
    double buyers_paid_musd; /* landed value of all trade */
    double sellers_got_musd; /* producer revenue + licence rents */
    double tariffs_musd, export_taxes_musd, transport_musd;
} cp_ledger;
void cp_world_ledger(const cp_world *w, cp_ledger *out);

/* Tariffs, route by route (tariffs.c): USD millions of tariff that
 * 'importer' collected on 'good' from 'origin' over the whole game so far
 * (0 for indices out of range). Who bore it: in the model's market the
 * importer's price rises by e_X / (e_X + e_M) of the tariff wedge and the
 * exporter's price falls by the rest (e_X the good's supply elasticity, e_M
 * its demand elasticity; tests/core/test_market.c holds the market to it);
 * cp_world_tariff_importer_share returns that share for 'good'. */
double cp_world_tariff_paid_musd(const cp_world *w, int importer, cp_good good, int origin);
double cp_world_tariff_importer_share(const cp_world *w, cp_good good);

/* ---- goals, judged (goals.c) --------------------------------------------- */

typedef enum {
    CP_GOAL_ON_TRACK = 0, /* not yet judged; met if the game ended now */
    CP_GOAL_BEHIND,       /* not yet judged; missed if the game ended now */
    CP_GOAL_MET,          /* judged, or can no longer fail (the deadline passed) */
    CP_GOAL_MISSED,       /* judged, or can no longer be met */
    CP_GOAL_STATUS_COUNT
} cp_goal_status;

/* A goal and where it stands after the last quarter resolved. */
typedef struct {
    cp_goal goal;          /* by_turn filled in: the turn it is judged at */
    int derived;           /* 1: the core's default for a nation the scenario gave none */
    cp_goal_status status;
    double value;          /* the measured value so far, in the target's unit */
    double target;         /* = goal.target */
    char text[CP_TEXT_LEN]; /* for people: "Keep the magnet shortage under 10% on
                               average by 2034Q4 (now 4.2%)" */
} cp_goal_progress;

/* How many goals 'nation' has (the scenario's, or 2 to 4 derived ones);
 * 0 for an unknown nation. */
int cp_world_goal_count(const cp_world *w, int nation);
/* Goal 'index' of 'nation', judged at the current turn. 'last_turn' is the
 * game's last turn, the deadline of goals without one (0 or less: the
 * scenario's default length). Returns CP_OK, or CP_ERR_UNKNOWN_NATION /
 * CP_ERR_BAD_VALUE for an index out of range (and 'out' untouched). */
cp_status cp_world_goal(const cp_world *w, int nation, int index, int last_turn,
                        cp_goal_progress *out);
/* The checks a scenario's goal must pass (kind, measure, good and kind in
 * range, target in its kind's range, deadline not negative); the message
 * names the goal's field. cp_scenario_validate runs it on every goal. */
cp_status cp_goal_check(const cp_goal *g, int nation_count, cp_error *err);

/* ---- the score in parts (score.c) ------------------------------------------ */

/* A nation's score (cp_nation.score, 0..100) is the weighted sum of four
 * parts, each 0..100 and each the mean over the quarters played of that
 * quarter's value (docs/score.md gives the formulas):
 *   security   share of the final need for NdPr oxide, Dy/Tb oxide and
 *              magnets met, by value at reference prices
 *   prosperity 1 - 20 x the quarter's GDP lost to shortages / quarterly GDP,
 *              at least 0
 *   leverage   half its share of the world's separation, half of its magnets
 *   stability  1 - political pressure
 * weighted by the nation's objectives (cp_weights, summing to 1). */
typedef enum {
    CP_PART_SECURITY = 0,
    CP_PART_PROSPERITY,
    CP_PART_LEVERAGE,
    CP_PART_STABILITY,
    CP_PART_COUNT
} cp_score_part;

typedef struct {
    double part[CP_PART_COUNT];    /* 0..100: the mean over turns 1..turn (at
                                      turn 0, turn 0's own), as the score is */
    double quarter[CP_PART_COUNT]; /* 0..100, that turn's own */
    double weight[CP_PART_COUNT];  /* the nation's objectives */
    double total;                  /* the score: sum of weight x part (= the
                                      history's score, to rounding) */
} cp_score_parts;

/* The parts of 'nation''s score at 'turn' (0..cp_world_turn). Returns
 * CP_OK, or an error for an unknown nation or turn ('out' untouched). */
cp_status cp_world_score_parts(const cp_world *w, int nation, int turn, cp_score_parts *out);

/* ---- what if: a forecast (forecast.c) -------------------------------------- */

/* A forecast plays a copy of the world forward a few quarters with some
 * orders added for one seat, every other seat holding its policies, and
 * reports how that seat would stand. The world itself is never changed. */
enum {
    CP_FORECAST_MAX_QUARTERS = 8, /* two years: past that, every other seat
                                     holding still is no forecast at all */
    CP_FORECAST_MAX_ORDERS = 64   /* as many as an agent may queue in a turn */
};

/* Flags of cp_world_forecast. */
enum {
    /* Play the world exactly as it would go if no seat gave another order:
     * its own random stream and the events a teacher injected for the next
     * quarter. For tests and tools only: shown to a seat, it would tell the
     * future (next quarter's mine floods, the teacher's surprise). Without
     * it a forecast draws its chance from a stream of its own, seeded by
     * the world's seed and turn, and leaves the injected events out. */
    CP_FORECAST_EXACT = 1u
};

/* An order of the caller's list that did not play. */
typedef struct {
    int index;       /* in the list given to cp_world_forecast, from 0 */
    int at_turn_end; /* 0: refused when submitted (cp_world_submit's check);
                        1: accepted, then refused when the first quarter
                        resolved (the treasury ran short, a lock, consent) */
    cp_error error;
} cp_forecast_refusal;

typedef struct {
    int nation;
    int quarters;                /* played */
    int from_turn, to_turn;      /* the world's turn, and the forecast's last */
    /* the seat's score at to_turn as cp_world_score_parts reports it: each
     * part the mean over the whole game so far, forecast quarters included */
    cp_score_parts score;
    /* the mean of each part's quarterly value over the forecast quarters
     * only (0..100), and their sum weighted by the seat's objectives: what
     * a decision moves, undiluted by the quarters already played */
    double window[CP_PART_COUNT];
    double window_total;
    double price_usd_per_kg[CP_GOOD_COUNT];  /* world price, last forecast quarter */
    double paid_usd_per_kg[CP_GOOD_COUNT];   /* the seat's composite price paid, last quarter */
    /* the seat's unmet share of its final demand for each good over the
     * forecast quarters, 0..1 (0 when it had none) */
    double shortage_share[CP_GOOD_COUNT];
    double treasury_musd;        /* at the end */
    double gdp_busd_per_yr;      /* at the end, before shortage losses */
    double gdp_loss_busd;        /* lost to shortages over the forecast quarters */
    double stockpile_t[CP_GOOD_COUNT]; /* at the end */
    int refused_count;
    cp_forecast_refusal refused[CP_FORECAST_MAX_ORDERS];
} cp_forecast;

/* Forecast 'quarters' (1..CP_FORECAST_MAX_QUARTERS) quarters for 'nation':
 * a copy of 'w' keeps 'nation''s own pending orders (an agent that queued
 * orders this turn wants them in the picture), drops every other seat's
 * (they hold their policies), takes 'orders' ('count' of them, at most
 * CP_FORECAST_MAX_ORDERS, each issued by 'nation') as if submitted after
 * them and advances; the scenario's schedule, deals already agreed and
 * lasting events play as they would. An order the core refuses is listed
 * in 'out->refused' with the core's message and the rest still play.
 * Returns CP_OK with 'out' filled, or a refusal of the whole call (an
 * unknown nation, quarters or count out of range, a world in the middle of
 * resolving, out of memory) with 'out' untouched. The same world, nation,
 * orders, quarters and flags give the same figures, in every process. */
cp_status cp_world_forecast(const cp_world *w, int nation, const cp_order *orders, int count,
                            int quarters, unsigned flags, cp_forecast *out, cp_error *err);

/* ---- consent to build abroad (order.c) ------------------------------------- */

/* Whether 'host' consents to 'investor' building or funding a plant on its
 * soil: always for its own, else when its policy is open to foreign
 * investment (cp_policy.investment_closed is 0) or a deal in force or agreed
 * between them covers investment (a coinvest clause from the investor to
 * the host, or an alliance clause with both). 1 yes, 0 no; when no, 'why'
 * (if not NULL) says so in words naming both nations. */
int cp_world_host_consents(const cp_world *w, int investor, int host, char *why, size_t len);

/* ---- what each order did: the turn report (report.c) ------------------------ */

typedef enum {
    CP_OUTCOME_DONE = 0, /* carried out in full */
    CP_OUTCOME_PARTIAL,  /* carried out in part (a stockpile purchase the market
                            could not fill, a release beyond the stockpile) */
    CP_OUTCOME_REFUSED,  /* refused when the turn ended (money, a lock, consent) */
    CP_OUTCOME_COUNT
} cp_outcome;

/* One order queued for the quarter, and what became of it. */
typedef struct {
    cp_order order;
    int scheduled;           /* 1: the scenario's schedule gave it, not a seat */
    cp_outcome outcome;
    double asked;            /* its amount: tonnes, USD millions, a rate... */
    double done;             /* tonnes bought or released (= asked when done) */
    double spent_musd;       /* what it took from the treasury this quarter */
    double price_usd_per_kg; /* stockpile purchases: the average price paid */
    int facility;            /* the plant it built or acted on, or -1 */
    char text[CP_TEXT_LEN];  /* in words: what it did, or why it was refused */
} cp_order_report;

/* One step of a deal a nation is party to during the quarter (its own
 * proposals and answers, the other side's, starts, ends, breaches). */
typedef struct {
    int deal_id;
    int for_nation;          /* the party whose report it is in */
    int nation;              /* who acted, or -1 for the core */
    cp_deal_status status;   /* after the step */
    char what[24];           /* "proposed", "rejected", ... as in the deal log */
    char text[CP_TEXT_LEN];  /* the terms and, for an answer, its reason */
} cp_deal_report;

/* Where the treasury's change over the quarter came from, USD millions:
 * the parts add up to after - before (to rounding of the last bits). */
typedef enum {
    CP_MONEY_BUDGET = 0,     /* the quarter's budget for rare-earth policy */
    CP_MONEY_CONSTRUCTION,   /* down payments, funds put in, instalments (negative) */
    CP_MONEY_STOCKPILE,      /* strategic purchases (negative) */
    CP_MONEY_SUBSIDY,        /* operating subsidies (negative) */
    CP_MONEY_PRICE_FLOOR,    /* price-floor top-ups to producers (negative) */
    CP_MONEY_TARIFFS,        /* import tariffs collected */
    CP_MONEY_EXPORT_TAX,     /* export taxes collected */
    CP_MONEY_COUNT
} cp_money_part;

typedef struct {
    int turn;                           /* the quarter it describes, or 0: none */
    double before_musd, after_musd;     /* the treasury */
    double part_musd[CP_MONEY_COUNT];
} cp_money_report;

/* The report of the last quarter this world resolved, per nation: kept
 * from the end of one advance to the start of the next (not saved: a world
 * just created or loaded has an empty report, turn 0). Counts are 0 and
 * pointers NULL for an unknown nation or index. */
int cp_world_report_turn(const cp_world *w);
int cp_world_order_report_count(const cp_world *w, int nation);
const cp_order_report *cp_world_order_report(const cp_world *w, int nation, int index);
int cp_world_deal_report_count(const cp_world *w, int nation);
const cp_deal_report *cp_world_deal_report(const cp_world *w, int nation, int index);
void cp_world_money_report(const cp_world *w, int nation, cp_money_report *out);

/* Answer a deal, giving the reason the other side reads in its report (a
 * rejection without one gets the core's: what the deal is worth to the
 * answering nation a year at current prices). Otherwise as cp_world_answer. */
cp_status cp_world_answer_why(cp_world *w, int deal_id, int nation, cp_answer a,
                              const char *reason, cp_error *err);

/* ---- news, grouped (news.c) ------------------------------------------------ */

/* A line of the news feed as a reader wants it: items of one kind, quarter
 * and nation that are routine (plants moving on schedule) folded into one
 * with a count; every other item is a group of one. */
typedef struct {
    int turn;
    cp_news_kind kind;
    int nation, partner;  /* as in the first item */
    int first;            /* index of its first item (cp_world_news) */
    int count;            /* items folded in */
    char text[CP_TEXT_LEN]; /* the item's text, or "USA: 3 plants moved on: ..." */
} cp_news_group;

/* The news of turns from_turn..to_turn grouped, in feed order, filtered to
 * the kinds whose bit is set in 'kind_mask' (1 << CP_NEWS_POLICY | ...;
 * -1 all) and to items involving 'nation' as actor or partner (-1 all).
 * Writes at most 'max' groups to 'out' and returns how many there are in
 * all (call with max 0 to count). */
int cp_world_news_groups(const cp_world *w, int from_turn, int to_turn, unsigned kind_mask,
                         int nation, cp_news_group *out, int max);

/* ---- names ------------------------------------------------------------ */

const char *cp_good_name(cp_good g);          /* "ore", "light_oxide", ... */
const char *cp_sector_name(cp_sector s);      /* "ev", "wind", ... */
const char *cp_facility_kind_name(cp_facility_kind k); /* "mine", ... */
const char *cp_good_label(cp_good g);                  /* "NdPr oxide", ... (for people) */
const char *cp_facility_kind_label(cp_facility_kind k); /* "magnet plant", ... */
const char *cp_stage_name(cp_stage s);        /* "announced", ... */
const char *cp_control_mode_name(cp_control_mode m);  /* "open", ... */
const char *cp_order_kind_name(cp_order_kind k);      /* "set_tariff", ... */
const char *cp_order_kind_label(cp_order_kind k);     /* "tariff", ... (for people) */
const char *cp_event_kind_name(cp_event_kind k);      /* "mine_flood", ... */
const char *cp_clause_kind_name(cp_clause_kind k);    /* "tariff", "offtake", ... */
const char *cp_deal_status_name(cp_deal_status s);    /* "proposed", ... */
const char *cp_news_kind_name(cp_news_kind k);        /* "policy", "event", "facility", "market", "deal" */
const char *cp_goal_kind_name(cp_goal_kind k);        /* "shortage_max", ... */
const char *cp_goal_measure_name(cp_goal_measure m);  /* "end", "average", "always" */
const char *cp_goal_status_name(cp_goal_status s);    /* "on_track", "behind", "met", "missed" */
const char *cp_score_part_name(cp_score_part p);      /* "security", ... */
const char *cp_outcome_name(cp_outcome o);            /* "done", "partial", "refused" */
const char *cp_money_part_name(cp_money_part p);      /* "budget", "construction", ... */
/* Reverse look-ups: -1 when the name is unknown. */
int cp_good_from_name(const char *name);
int cp_sector_from_name(const char *name);
int cp_facility_kind_from_name(const char *name);
int cp_stage_from_name(const char *name);
int cp_control_mode_from_name(const char *name);
int cp_order_kind_from_name(const char *name);
int cp_event_kind_from_name(const char *name);
int cp_clause_kind_from_name(const char *name);
int cp_goal_kind_from_name(const char *name);
int cp_goal_measure_from_name(const char *name);

#endif

/* api.h -- the agent API as data: every class, field and function an agent can use.
 *
 * One table (api_table.c) describes what Lua agents see: the classes of the
 * read-only view (View, Nation, Policy, Facility, Market, ...), each field
 * with its type, where it lives in the core's structs, whether other nations
 * may read it, and what it means; the action functions come from
 * order_spec.c. view.c serves the fields from this table, and api_docs.c
 * writes the editor stubs (docs/api/chokepoint.lua) and the reference part
 * of docs/agents.md from it, so code and documentation cannot drift apart.
 */
#ifndef CPS_API_H
#define CPS_API_H

#include <stddef.h>

#define CPS_API_VERSION 1

/* How a field's value is found and shown. */
typedef enum {
    CPS_V_NUMBER,      /* double at 'offset' */
    CPS_V_INT,         /* int at 'offset' */
    CPS_V_BOOL,        /* int at 'offset', shown as a boolean */
    CPS_V_STRING,      /* char array at 'offset' */
    CPS_V_NATION_REF,  /* int nation index at 'offset', shown as ISO3 (nil if none) */
    CPS_V_KIND,        /* int facility kind at 'offset', shown by name */
    CPS_V_STAGE,       /* int stage at 'offset', shown by name */
    CPS_V_BY_GOOD,     /* double[CP_GOOD_COUNT] at 'offset': a GoodTable */
    CPS_V_BY_SECTOR,   /* double[CP_SECTOR_COUNT]: a SectorTable */
    CPS_V_BY_KIND,     /* double[CP_FAC_KIND_COUNT]: a KindTable */
    CPS_V_BY_STAGE_INT,/* int[CP_STAGE_COUNT]: a StageTable */
    CPS_V_SECTOR_GOOD, /* double[CP_SECTOR_COUNT][CP_GOOD_COUNT]: SectorGoodTable */
    CPS_V_OBJECT,      /* a nested object of class 'cls' at 'offset' */
    CPS_V_SPECIAL,     /* computed by view.c; 'offset' is a CPS_SPECIAL_* code */
    CPS_V_FUNCTION     /* a function; 'offset' is a CPS_FN_* code */
} cps_vtype;

/* Who may read a field of a nation. */
enum { CPS_PUBLIC = 0, CPS_PRIVATE = 1 };

/* Classes of values an agent sees. */
typedef enum {
    CPS_CLS_AGENT = 0, /* the table an agent file returns (documentation only) */
    CPS_CLS_VIEW,          /* VIEW .. HISTORY: the classes served by proxies (view.c), kept together */
    CPS_CLS_NATION,
    CPS_CLS_WEIGHTS,
    CPS_CLS_POLICY,
    CPS_CLS_FACILITY,
    CPS_CLS_MARKET,
    CPS_CLS_HISTORY,       /* view.history: functions */
    CPS_CLS_NATION_ROW,    /* a row of nation history (a plain table) */
    CPS_CLS_MARKET_ROW,    /* a row of market history (a plain table) */
    CPS_CLS_NEWS,          /* a news item (a plain table) */
    CPS_CLS_CONSTANTS,     /* view.constants (a plain table) */
    CPS_CLS_GOOD_PARAMS,   /* view.constants.goods_params[good] */
    CPS_CLS_DEAL,          /* a deal (a plain table; also what act.propose takes) */
    CPS_CLS_CLAUSE,        /* a clause of a deal (a plain table) */
    CPS_CLS_GOAL,          /* view.goals()[i] (documentation: a plain table) */
    CPS_CLS_SCORE_PARTS,   /* view.score_parts() */
    CPS_CLS_TURN_REPORT,   /* view.report() */
    CPS_CLS_ORDER_REPORT,  /* view.report().orders[i] */
    CPS_CLS_DEAL_REPORT,   /* view.report().deals[i] */
    CPS_CLS_MONEY_REPORT,  /* view.report().money */
    CPS_CLS_QUOTE,         /* the second answer of an act.can_* twin */
    CPS_CLS_FORECAST,      /* view.forecast(orders, quarters) */
    CPS_CLS_FORECAST_REFUSAL, /* view.forecast(...).refused[i] */
    CPS_CLS_COUNT
} cps_class_id;

/* Codes of computed fields. */
enum {
    CPS_SPECIAL_TURN,
    CPS_SPECIAL_DATE,
    CPS_SPECIAL_YEAR,
    CPS_SPECIAL_QUARTER,
    CPS_SPECIAL_TURNS,
    CPS_SPECIAL_ISO3,
    CPS_SPECIAL_ME,
    CPS_SPECIAL_NATIONS,
    CPS_SPECIAL_MARKETS,
    CPS_SPECIAL_FACILITIES,
    CPS_SPECIAL_CONSTANTS,
    CPS_SPECIAL_HISTORY,
    CPS_SPECIAL_SCORE_PARTS, /* a nation's score in parts (Nation.score_parts) */
    CPS_SPECIAL_DIFFICULTY   /* view.difficulty: "easy" | "normal" | "hard" */
};

/* Codes of functions reached through the view. */
enum {
    CPS_FN_NATION,          /* view.nation(iso3) */
    CPS_FN_FLOW,            /* view.flow(good, from, to) */
    CPS_FN_FACILITIES_OF,   /* view.facilities_of(iso3) */
    CPS_FN_NEWS,            /* view.news([since_turn]) */
    CPS_FN_TARIFF,          /* policy.tariff(good, origin) */
    CPS_FN_EXPORT_CONTROL,  /* policy.export_control(good, destination) */
    CPS_FN_HISTORY_NATION,  /* view.history.nation(iso3 [, turn]) */
    CPS_FN_HISTORY_MARKET,  /* view.history.market(good [, turn]) */
    CPS_FN_DEALS,           /* view.deals() */
    CPS_FN_DEAL,            /* view.deal(id) */
    CPS_FN_GOALS,           /* view.goals() */
    CPS_FN_SCORE_PARTS,     /* view.score_parts([iso3 [, turn]]) */
    CPS_FN_REPORT,          /* view.report() */
    CPS_FN_DEAL_VALUE,      /* view.deal_value(terms) */
    CPS_FN_FORECAST,        /* view.forecast(orders [, quarters]) */
    CPS_FN_COUNT
};

typedef struct {
    const char *name;
    const char *type; /* as in the stubs: "ISO3", "Good", "integer?", ... */
    const char *doc;
} cps_arg_doc;

/* The signature of a function field, for the documentation. */
typedef struct {
    int nargs;
    cps_arg_doc args[3];
    const char *returns;     /* stub type(s), e.g. "number" or "ControlMode, number, integer" */
    const char *returns_doc;
} cps_fn_doc;

typedef struct {
    const char *name;
    cps_vtype type;
    size_t offset;
    int visibility;       /* CPS_PUBLIC / CPS_PRIVATE (nations only) */
    const char *lua_type; /* type in the stubs */
    const char *doc;      /* meaning, unit */
    const cps_fn_doc *fn; /* for functions */
    cps_class_id cls;     /* for CPS_V_OBJECT */
} cps_field;

typedef struct {
    const char *name; /* "Nation" */
    const char *doc;
    const cps_field *fields;
    int nfields;
} cps_class;

extern const cps_class cps_classes[CPS_CLS_COUNT];

/* Deals in Lua. A clause is a table { kind = "offtake", from = "AUS", to =
 * "USA", ... } whose other fields depend on its kind: this table names them
 * (deal_lua.c reads and writes clauses with it, api_docs.c documents it).
 * Indexed by cp_clause_kind. */
typedef struct {
    const char *kind;   /* the clause kind's name (cp_clause_kind_name) */
    int good;           /* 0: no good; 1: a Good; 2: a Good or "all" (default "all") */
    int facility;       /* 1: a FacilityKind in the field 'facility' */
    const char *amount; /* the field held in cp_clause.amount, or NULL */
    const char *amount_doc;
    const char *doc;    /* what the clause binds 'from' to */
} cps_clause_spec;

extern const cps_clause_spec cps_clause_specs[];

/* The deal functions of act (act_deal.c), for the documentation; each has a
 * can_* twin like the order functions. */
typedef struct {
    const char *name;
    const char *summary;
    cps_fn_doc sig;
} cps_act_fn;

enum { CPS_DEAL_ACT_COUNT = 4 };
extern const cps_act_fn cps_deal_acts[CPS_DEAL_ACT_COUNT];

/* The index of field 'name' in class 'cls', or -1. */
int cps_api_find_field(cps_class_id cls, const char *name);


#endif

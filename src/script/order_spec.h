/* order_spec.h -- the parameters of every order kind, as scripts name them.
 *
 * One table says, for each cp_order_kind, which arguments an agent's action
 * function takes (in order), which cp_order field each fills, and what it
 * means. The agent API (act.c), the scenario loader (policies and scheduled
 * orders) and the generated documentation all read this table, so the three
 * cannot disagree. Pure C: no Lua here.
 */
#ifndef CPS_ORDER_SPEC_H
#define CPS_ORDER_SPEC_H

#include "../core/chokepoint.h"

typedef enum {
    CPS_P_GOOD,          /* a good's name */
    CPS_P_GOOD_OR_ALL,   /* a good's name or "all" */
    CPS_P_NATION,        /* ISO3 */
    CPS_P_NATION_OR_ALL, /* ISO3 or "all" */
    CPS_P_FACILITY,      /* a facility id */
    CPS_P_KIND,          /* "mine", "separation", "magnet_plant" */
    CPS_P_MODE,          /* "open", "licensed", "banned" */
    CPS_P_NUMBER,
    CPS_P_TURNS,         /* a whole number of turns */
    CPS_P_FLAG           /* a boolean */
} cps_param_type;

/* What a number must satisfy (checked by the scenario loader and the agent
 * API before the core's own range checks). */
typedef enum {
    CPS_C_ANY = 0,
    CPS_C_NONNEG,   /* >= 0 */
    CPS_C_POSITIVE, /* > 0 */
    CPS_C_SHARE     /* 0..1 */
} cps_constraint;

/* The cp_order field a parameter fills. */
typedef enum {
    CPS_F_PARTNER,
    CPS_F_GOOD,
    CPS_F_FACILITY,
    CPS_F_FACILITY_KIND,
    CPS_F_MODE,
    CPS_F_FLAG,
    CPS_F_TURNS,
    CPS_F_AMOUNT
} cps_order_field;

enum { CPS_MAX_PARAMS = 5 };

typedef struct {
    const char *name;       /* as in the Lua API and scenario files */
    cps_param_type type;
    cps_order_field field;
    int optional;           /* 1: may be left out (then 'dflt') */
    double dflt;            /* default for optional numbers and flags; for an
                               optional nation, the issuing nation */
    cps_constraint constraint;
    const char *doc;        /* meaning and unit */
} cps_param;

typedef struct {
    const char *name;       /* == cp_order_kind_name() */
    const char *summary;
    int nparams;
    cps_param params[CPS_MAX_PARAMS];
} cps_order_spec;

/* Indexed by cp_order_kind. */
extern const cps_order_spec cps_order_specs[CP_ORDER_KIND_COUNT];

/* The generic cp_order field name ("partner", "amount", ...). */
const char *cps_order_field_name(cps_order_field f);
/* Lua-facing name of a parameter type, for messages and stubs. */
const char *cps_param_type_name(cps_param_type t);

/* Store an int or double into the order field 'f'. */
void cps_order_set(cp_order *o, cps_order_field f, int ivalue, double dvalue);

#endif

/* agent.h -- one Lua agent in its own sandbox: load it, call it each turn, keep its memory.
 *
 * An agent file returns { api_version = 1, turn = function(view, act, memory) ... end }
 * and optionally init(view, memory). The host gives it a read-only view of
 * the world (view.c), action functions (act.c) and a memory table it may
 * fill with plain data (memory.c serialises it for saves).
 *
 * Orders and failure. An action function validates its order with the core
 * and queues it at once (cp_world_submit), so the answer an agent gets is
 * exact, money already committed this turn included. If the turn call then
 * fails -- an error, the budget, the memory cap, the wall clock, or a
 * garbage return value -- every order it queued is withdrawn before the
 * call returns (cp_world_withdraw), so the nation keeps its policies and the
 * world is exactly as if the agent had done nothing.
 *
 * Deals. act.propose, act.answer and act.counter are checked by the core at
 * once (the answer is exact) but carried out when the turn call ends, and
 * only if it succeeded (act_deal.c): a failed turn leaves no deal behind.
 * Before each turn the seats call on_proposal for every deal waiting for
 * the agent's answer (cps_agent_proposal), metered like turn; its answer is
 * carried out only if the call succeeded.
 *
 * Private to src/script (it includes the sandbox and so lua.h).
 */
#ifndef CPS_AGENT_H
#define CPS_AGENT_H

#include <stddef.h>

#include "../core/chokepoint.h"
#include "order_spec.h"
#include "sandbox.h"

enum {
    CPS_MAX_ORDERS_PER_TURN = 64,
    CPS_MAX_PRINTS_PER_TURN = 20,
    CPS_KEEP_REFUSALS = 16,
    CPS_MAX_DEAL_ACTIONS = 8 /* proposals, answers and counters a turn */
};

/* A deal action queued during a turn (act_deal.c). */
typedef enum { CPS_DEAL_PROPOSE = 0, CPS_DEAL_ANSWER, CPS_DEAL_COUNTER, CPS_DEAL_WITHDRAW } cps_deal_action_kind;

typedef struct {
    cps_deal_action_kind kind;
    int deal_id;    /* answer, counter; for propose the id it will get */
    cp_answer answer;
    cp_deal deal;   /* propose, counter */
} cps_deal_action;

typedef struct {
    long long budget_instructions; /* per call; 0 = 2,000,000 */
    size_t mem_bytes;              /* 0 = 32 MiB */
    double wall_s;                 /* 0 = 2 s: the backstop for one call */
    /* where the agent's print() and the host's log lines go; NULL = stderr */
    void (*log)(void *ud, const char *line);
    void *log_ud;
    int quiet; /* 1: drop the agent's print() output (unless 'print' takes it) */
    /* where print() lines go instead of 'log', quiet or not (with log_ud):
     * a recording keeps them while the terminal stays quiet */
    void (*print)(void *ud, const char *line);
    int last_turn; /* the turn the game ends at (view.turns); 0 = the scenario's default */
    int difficulty; /* a cps_difficulty: view.difficulty */
} cps_agent_opts;

/* Why a turn failed. */
typedef enum {
    CPS_FAIL_NONE = 0,
    CPS_FAIL_ERROR,   /* the agent raised an error */
    CPS_FAIL_BUDGET,  /* instruction budget */
    CPS_FAIL_MEMORY,  /* memory cap */
    CPS_FAIL_WALL,    /* wall-clock backstop */
    CPS_FAIL_GARBAGE, /* returned something that is not nothing or a boolean */
    CPS_FAIL_DATA     /* left memory that is not plain data, or too deep or too large */
} cps_fail_kind;

typedef struct {
    cps_fail_kind fail;
    char message[512];      /* "file:line: reason" when it failed */
    long long instructions; /* used by the call */
    size_t mem_bytes;       /* peak memory during the call */
    int orders;             /* orders queued (0 after a failure: withdrawn) */
    int refused;            /* action calls that returned false */
    int deals;              /* deal actions carried out (proposals, answers, counters) */
    char refusals[CPS_KEEP_REFUSALS][CP_TEXT_LEN]; /* the first few refusal messages */
    cp_order order_list[CPS_MAX_ORDERS_PER_TURN];  /* the orders queued */
} cps_turn_report;

typedef struct cps_agent {
    cps_sandbox *sb;
    cp_world *world;
    int nation;
    char path[1024];
    char display[256]; /* the file's name in messages */
    char *source;      /* the source it runs (a save keeps it) */
    size_t source_len;
    char name[64];     /* the agent's name (its 'name' field, else the file's) */
    cps_agent_opts opts;

    /* registry references */
    int ref_turn, ref_init, ref_view, ref_act, ref_memory, ref_proposal;
    /* the memory as the last call that succeeded left it, encoded
     * (memory_codec.h): what a save keeps and a failed call goes back to */
    unsigned char *memory_bytes;
    size_t memory_len;

    /* the call in progress */
    int in_turn;
    int prints;
    cps_turn_report *report;
    int queued[CPS_MAX_ORDERS_PER_TURN]; /* pending indices of the orders queued */
    cps_deal_action deal_actions[CPS_MAX_DEAL_ACTIONS]; /* carried out when the turn ends */
    int deal_action_count;
    int proposals_queued;
} cps_agent;

/* Load the agent file 'path' (shown as 'display') for nation 'nation' of
 * 'w': run its top level in a fresh sandbox and check what it returns.
 * Returns NULL with "file:line: reason" in 'err' if it does not load. */
cps_agent *cps_agent_load(const char *path, const char *display, cp_world *w, int nation,
                          const cps_agent_opts *opts, char *err, size_t errlen);
/* The same from source text held in memory ('path' is where it came
 * from: the file a save names and --watch looks at). */
cps_agent *cps_agent_load_source(const char *path, const char *display, const char *source,
                                 size_t source_len, cp_world *w, int nation,
                                 const cps_agent_opts *opts, char *err, size_t errlen);
void cps_agent_free(cps_agent *a);

/* Call the agent's init (if any). Returns 0, or -1 with a message. */
int cps_agent_init(cps_agent *a, char *err, size_t errlen);

/* Play one turn: call turn(view, act, memory), keep or withdraw its orders.
 * Returns 0 when the call succeeded, -1 when it failed; 'rep' says more. */
int cps_agent_turn(cps_agent *a, cps_turn_report *rep);

/* The failure a sandbox call result stands for (CPS_FAIL_NONE when it succeeded). */
cps_fail_kind cps_agent_fail_of(const cps_call_result *res);

/* proposal.c: does the agent answer proposals (has an on_proposal)? */
int cps_agent_answers(const cps_agent *a);

/* Ask the agent about deal 'deal_id' (waiting for its answer): call
 * on_proposal(view, deal, memory) and carry out what it returns -- accept,
 * reject, a counter, or nothing. Returns 0 when the call succeeded (a
 * refused answer counts in rep->refused), -1 when it failed ('rep' says
 * why; no answer is given). */
int cps_agent_proposal(cps_agent *a, int deal_id, cps_turn_report *rep);

/* Point the agent at another world (after a load or a clone). */
void cps_agent_set_world(cps_agent *a, cp_world *w);

/* Write a line to the agent's log. */
void cps_agent_log(const cps_agent *a, const char *fmt, ...);

/* The agent's memory as bytes (memory_codec.h) and back (memory.c). Save
 * returns a malloc'd copy of the last snapshot, which always loads; load
 * reads that format or a version 1 save's text, and returns 0, or -1 with
 * a message when the bytes are damaged or not plain data. */
int cps_agent_memory_save(cps_agent *a, char **bytes, size_t *len, char *err, size_t errlen);
int cps_agent_memory_load(cps_agent *a, const char *bytes, size_t len, char *err, size_t errlen);
/* After a call that succeeded: take the memory as the new snapshot.
 * Returns 0 ('*work': the instructions encoding it cost), or -1 with
 * "memory.path: what is wrong" when it is not plain data or too large. */
int cps_agent_memory_commit(cps_agent *a, long long *work, char *err, size_t errlen);
/* After a call that succeeded (agent.c): keep its memory (commit) and
 * charge the encoding to the call, which had used 'used' instructions
 * ('*total' gets the sum). Returns 0, or -1 with '*fail' and 'msg' set when
 * the memory is not plain data or the budget is spent. */
int cps_agent_keep_memory(cps_agent *a, long long used, cps_fail_kind *fail, long long *total,
                          char *msg, size_t len);
/* After a call that failed: put the memory back as the snapshot has it
 * (nothing changes when the call left it alone). */
void cps_agent_memory_restore(cps_agent *a);

/* view.c and act.c: build the view userdata and the act table, leave them
 * on the stack. */
void cps_view_push(lua_State *L);
void cps_act_push(lua_State *L);
/* act.c: refuse an action: count it in the turn's report (unless a dry
 * run), push false and 'msg'; returns 2 (the results). */
int cps_act_refuse(lua_State *L, cps_agent *a, int dry, const char *msg);
/* act.c: fill 'o' (kind and nation set) from the Lua values at 'arg' up to
 * the top of the stack, in the order 'spec' lists its parameters; 0, or -1
 * with a message naming the parameter (act's functions and view.forecast). */
int cps_act_parse_args(lua_State *L, int arg, const cps_order_spec *spec, cp_order *o, char *msg,
                       size_t len);
/* act_deal.c: add propose, answer, counter and their can_* twins to the
 * act table at the top; carry out the deal actions of a turn that
 * succeeded (refusals are logged), or drop them. */
void cps_act_deal_push(lua_State *L);
void cps_act_deal_commit(cps_agent *a, cps_turn_report *rep);
void cps_act_deal_drop(cps_agent *a);
/* deal_lua.c: read the deal table at 'idx' (proposer 'proposer'); push a
 * deal as a fresh table, valued for 'nation'. */
int cps_deal_read(lua_State *L, int idx, int proposer, cp_deal *d, char *msg, size_t len);
void cps_deal_push(lua_State *L, const cp_world *w, const cp_deal *d, int nation);
/* Look the string at 'arg' up: a nation's ISO3 (CPS_NAMES_NATIONS), a good
 * (CPS_NAMES_GOODS) or a field of class 'which'; -1 if unknown (view.c). */
enum {
    CPS_NAMES_NATIONS = -1,
    CPS_NAMES_GOODS = -2,
    CPS_NAMES_SECTORS = -3,
    CPS_NAMES_KINDS = -4,
    CPS_NAMES_STAGES = -5
};
int cps_view_lookup(lua_State *L, int which, int arg);
/* The number of a view object for pairs' order (view.c; sandbox.h:
 * stable_serial), 0 for anything else. */
uint64_t cps_view_stable_serial(lua_State *L, int idx);
/* The id of the Facility proxy at 'idx', or -1 if it is not one (view.c). */
int cps_view_facility_id(lua_State *L, int idx);
/* Is the table at 'idx' one of the view's strict metatables (view_strict.c)? Memory keeps a
 * table that carries one as plain data. */
int cps_view_is_strict_meta(lua_State *L, int idx);
/* Make the fresh table at 'idx' answer a misspelt field of class 'cls' (a cps_class_id) with an
 * error, as the view's tables do (act.c's quotes). */
void cps_view_strict(lua_State *L, int idx, int cls);

/* The agent that owns the running state. */
static inline cps_agent *cps_agent_of(lua_State *L)
{
    return (cps_agent *)cps_sandbox_of(L)->user;
}

#endif

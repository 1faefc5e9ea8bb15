/* bot_agent.h -- the bot's local agent runner: a Lua agent seated in one nation of a local copy
 * of the server's world, run once a quarter on the world bytes the server sends, and the
 * decisions it made (orders, deal actions) taken out so the bot can send them as messages.
 * No network here: `chokepoint bot` (bot_net.c) feeds it, tests drive it directly.
 */
#ifndef CP_BOT_AGENT_H
#define CP_BOT_AGENT_H

#include <stddef.h>

#include "chokepoint.h"

enum { BOT_MAX_ORDERS = 256, BOT_MAX_DEAL_ACTIONS = 64 };

/* A deal action the agent took on the local world, as the server's `deal` message says it. */
typedef enum {
    BOT_DEAL_PROPOSE = 0,
    BOT_DEAL_ACCEPT,
    BOT_DEAL_REJECT,
    BOT_DEAL_COUNTER,
    BOT_DEAL_WITHDRAW
} bot_deal_kind;

typedef struct {
    bot_deal_kind kind;
    int deal_id;  /* the deal's id in the local world (a proposal: the id it got there) */
    cp_deal deal; /* the terms (propose, counter), as they stood when the agent acted */
} bot_deal_action;

/* One quarter's decisions of the seat, in the order the agent made them (orders in queue
 * order; deal actions in the order of the deal log). */
typedef struct {
    int turn;                  /* the world's turn when the agent played (the coming quarter) */
    int order_count;
    cp_order orders[BOT_MAX_ORDERS];
    int action_count;
    bot_deal_action actions[BOT_MAX_DEAL_ACTIONS];
    int failed;                /* 1: the agent's turn failed; its orders were discarded */
    char message[512];         /* why, "file:line: reason" */
    int refused;               /* the agent's calls the core refused on the local world */
} bot_decisions;

typedef struct bot_agent bot_agent;

/* Seat 'agent_file' (a name under scripts/agents/ or a path) in nation 'iso' (ISO3) of the
 * world in 'save' (cp_world_save bytes); the agent's init runs now. Every other seat is
 * empty. NULL with a message: the bytes do not load, no such nation, the agent does not load
 * ("scripts/agents/x.lua:12: ..."). 'log' (NULL = stderr) gets the agent's failures and
 * print() lines. */
bot_agent *bot_agent_open(const unsigned char *save, size_t len, const char *iso,
                          const char *agent_file, void (*log)(void *ud, const char *line),
                          void *log_ud, char *err, size_t errlen);
void bot_agent_close(bot_agent *b);

/* Play the quarter of the world in 'save' (the server's snapshot at the start of a quarter;
 * the agent keeps its memory from earlier quarters): the agent answers the deals waiting for
 * it and plays its turn on the local world, and what it did goes into 'out'. Orders of the
 * seat already queued in the snapshot (sent before a reconnection) are withdrawn locally first
 * and counted in '*already' (may be NULL) so that the caller can skip sending them again.
 * 0, or -1 with a message when the bytes do not load or are of another scenario. */
int bot_agent_turn(bot_agent *b, const unsigned char *save, size_t len, bot_decisions *out,
                   int *already, char *err, size_t errlen);

/* The local world as the last turn left it (the agent's decisions applied); NULL before one. */
const cp_world *bot_agent_world(const bot_agent *b);
/* The seat's nation index in the local world. */
int bot_agent_nation(const bot_agent *b);

#endif

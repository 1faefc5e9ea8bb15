/* teacher.h -- the teacher's controls in the game window: pause, inject an event, reassign a
 * seat between a person and an agent, lock a nation's policy, show the seed, and write the
 * debrief pack (on demand, and once when the scenario's last quarter is reached).
 *
 * The controls hold no rule: an injected event is cp_world_inject_event, a lock is
 * cp_world_lock_policy, a seat is cps_seats_assign, and what the core or the agent host
 * answers is what the teacher reads. Pausing is the window's own state: End turn is refused
 * while the game is paused. teacher.c keeps the state and the actions; teacher_panel.c
 * draws the panel (F2 or Ctrl+T, or the Teacher button in the top bar). The window calls
 * the hooks below from app.c, frame.c and ui_main.c.
 */
#ifndef UI_TEACHER_H
#define UI_TEACHER_H

#include <SDL.h>
#include <stddef.h>

#include "app.h"

/* The events a teacher can inject, with fixed sizes a class can reason about. */
typedef enum {
    TE_MINE_FLOOD = 0, /* the nation's mining -50% for 2 quarters */
    TE_LAWSUIT,        /* one of its mines or plants in development delayed 4 quarters */
    TE_APPROVALS_SLOW, /* its export licences approved 50% less for 2 quarters */
    TE_SUMMIT,         /* it suspends its export controls on a partner for 4 quarters */
    TE_PRICE_FLOOR,    /* it guarantees its producers of a good the world price + 30% */
    TE_COUNT
} teacher_event;

const char *teacher_event_label(teacher_event e);       /* "Mine flood" */
const char *teacher_event_description(teacher_event e); /* what it does, in a sentence */

/* The state behind the panel (teacher.c). */
typedef struct teacher_state {
    int paused;
    int nation;   /* the nation the panel acts on */
    int event;    /* teacher_event chosen */
    int partner;  /* a summit's partner */
    int good;     /* a price floor's good */
    int agent;    /* index into agents[] for "seat this agent" */
    int agent_count;
    char agents[32][64];     /* scripts/agents/NAME.lua */
    char msg[400];           /* the last action's answer */
    int msg_bad;
    char pack[1024];         /* where the last debrief pack went */
    int end_pack_turn;       /* the turn an automatic end-of-game pack was written, or -1 */
} teacher_state;

/* The state, created on first use (NULL only when out of memory). */
teacher_state *teacher_of(ui_app *a);
void teacher_free(ui_app *a);

/* ---- actions (the panel's buttons and keys; tests call them too) ---------- */

/* Each returns 0 or -1, and leaves a sentence for the teacher in the state's msg. */
int teacher_set_paused(ui_app *a, int paused);
int teacher_inject(ui_app *a, teacher_event e, int nation, int partner, int good);
/* Seat 'nation': 'agent' a name under scripts/agents/ or a path; NULL a person
 * (a human seat of the play layer); "" nobody. */
int teacher_seat(ui_app *a, int nation, const char *agent);
int teacher_lock(ui_app *a, int nation, int locked);
/* Write the debrief pack into saves/debrief-<scenario>-seed<k>-t<turn>/. */
int teacher_debrief(ui_app *a);
/* Who plays 'nation' now, in words ("a person", "agent rhythm_card", "nobody"). */
const char *teacher_seat_text(ui_app *a, int nation, char *buf, size_t len);

/* ---- hooks --------------------------------------------------------------- */

/* ui_main.c, on a key press: F2 / Ctrl+T open and close the panel, P pauses
 * and resumes, Ctrl+D writes the debrief pack, Esc closes the panel.
 * Returns 1 when the key was used. */
int teacher_key(ui_app *a, SDL_Keycode key, Uint16 mod, int repeat);
/* ui_end_turn, first: 1 (and a toast saying why) when the game is paused. */
int teacher_holds_turn(ui_app *a);
/* ui_end_turn, last: the debrief pack when the scenario's last quarter is reached. */
void teacher_after_turn(ui_app *a);
/* frame.c, after the top bar: the Teacher button and the "Paused" badge. */
void teacher_draw_bar(ui_app *a);
/* frame.c, over everything but tooltips: the panel when it is open. */
void teacher_draw_panel(ui_app *a);

#endif

/* teacher.c -- the teacher's controls: their state, the actions behind the panel's buttons
 * and keys, and the window's hooks (see teacher.h). Every rule is the core's or the agent
 * host's: this file builds the event, the lock or the seat change, and reports the answer. */
#define _POSIX_C_SOURCE 200809L
#include "teacher.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debrief.h"
#include "labels.h"
#include "play_internal.h" /* the play layer's human seats (see teacher_seat) */
#include "script.h"
#include "session.h"

static const char *const event_labels[TE_COUNT] = {"Mine flood", "Lawsuit", "Licences slow", "Summit",
                                                   "Price floor"};
static const char *const event_text[TE_COUNT] = {
    "A flood or accident cuts the nation's mining by half for two quarters.",
    "A lawsuit delays one of the nation's mines or plants in development by four quarters.",
    "The nation's licence office slows down: half fewer export licences approved for two quarters.",
    "A summit agreement: the nation suspends its export controls on the partner for four quarters.",
    "The nation announces a price floor for its producers of the good: the world price of the day "
    "plus 30%, paid by its treasury, until it changes it.",
};

const char *teacher_event_label(teacher_event e)
{
    return (unsigned)e < TE_COUNT ? event_labels[e] : "?";
}

const char *teacher_event_description(teacher_event e)
{
    return (unsigned)e < TE_COUNT ? event_text[e] : "";
}

static void say(teacher_state *t, int bad, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void say(teacher_state *t, int bad, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->msg, sizeof t->msg, fmt, ap);
    va_end(ap);
    t->msg_bad = bad;
}

/* The agents shipped in scripts/agents/, by name, sorted. */
static void list_agents(teacher_state *t)
{
    t->agent_count = cps_list_scripts("scripts/agents", t->agents, 32);
}

teacher_state *teacher_of(ui_app *a)
{
    if (a->teacher) return a->teacher;
    teacher_state *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    t->nation = a->selected >= 0 ? a->selected : 0;
    t->partner = cp_world_nation_count(a->world) > 1 ? 1 : 0;
    t->good = CP_LIGHT_OXIDE;
    t->end_pack_turn = -1;
    list_agents(t);
    a->teacher = t;
    return t;
}

void teacher_free(ui_app *a)
{
    free(a->teacher);
    a->teacher = NULL;
    a->teacher_open = 0;
}

int teacher_set_paused(ui_app *a, int paused)
{
    teacher_state *t = teacher_of(a);
    if (!t) return -1;
    t->paused = paused != 0;
    say(t, 0, "%s", t->paused ? "Paused: End turn is blocked until you resume (P)."
                              : "Resumed: the game can move on again.");
    app_toast(a, t->paused ? "Paused by the teacher" : "Game resumed");
    a->dirty = 1;
    return 0;
}

static const char *nation_name(const ui_app *a, int n)
{
    return n >= 0 && n < cp_world_nation_count(a->world) ? cp_world_nation(a->world, n)->name : "?";
}

/* A mine or plant of 'n' still in development (what a lawsuit can delay). */
static int has_project(const cp_world *w, int n)
{
    for (int k = 0; k < cp_world_facility_count(w); k++) {
        const cp_facility *f = cp_world_facility(w, k);
        if (f->host == n && f->stage <= CP_STAGE_CONSTRUCTION) return 1;
    }
    return 0;
}

static int licenses_anything(const cp_world *w, int n)
{
    const cp_nation *nat = cp_world_nation(w, n);
    for (int g = 0; g < CP_GOOD_COUNT; g++)
        for (int d = 0; d < cp_world_nation_count(w); d++)
            if (nat->policy.control[g][d].mode == CP_CONTROL_LICENSED) return 1;
    return 0;
}

int teacher_inject(ui_app *a, teacher_event e, int nation, int partner, int good)
{
    teacher_state *t = teacher_of(a);
    if (!t) return -1;
    cp_event ev = {CP_EVENT_MINE_FLOOD, nation, -1, -1, -1, 0.5, 2};
    const char *note = "";
    switch (e) {
    case TE_MINE_FLOOD: break;
    case TE_LAWSUIT:
        if (nation >= 0 && nation < cp_world_nation_count(a->world) && !has_project(a->world, nation)) {
            say(t, 1, "%s has no mine or plant in development for a lawsuit to delay.", nation_name(a, nation));
            return -1;
        }
        ev = (cp_event){CP_EVENT_LAWSUIT, nation, -1, -1, -1, 0, 4};
        break;
    case TE_APPROVALS_SLOW:
        ev = (cp_event){CP_EVENT_APPROVALS_SLOW, nation, -1, -1, -1, 0.5, 2};
        if (nation >= 0 && nation < cp_world_nation_count(a->world) && !licenses_anything(a->world, nation))
            note = " It licenses no exports at the moment, so nothing will change unless it starts.";
        break;
    case TE_SUMMIT: ev = (cp_event){CP_EVENT_SUMMIT, nation, partner, -1, -1, 0, 4}; break;
    case TE_PRICE_FLOOR: ev = (cp_event){CP_EVENT_PRICE_FLOOR, nation, -1, good, -1, 0.3, 0}; break;
    default: say(t, 1, "Unknown event."); return -1;
    }
    cp_error err;
    if (cp_world_inject_event(a->world, &ev, &err) != CP_OK) {
        say(t, 1, "Refused: %s", err.message);
        return -1;
    }
    cpg_made_track_inject(a->made, &ev); /* the without-worlds get it too */
    say(t, 0, "%s for %s: it happens when this turn ends.%s", event_labels[e], nation_name(a, nation), note);
    return 0;
}

const char *teacher_seat_text(ui_app *a, int nation, char *buf, size_t len)
{
    if (a->play && a->play->human[nation]) snprintf(buf, len, "a person (human seat)");
    else if (a->seats && cps_seats_agent_path(a->seats, nation)[0]) {
        char shown[64];
        snprintf(buf, len, "the agent %s", label_agent(cps_seats_agent_path(a->seats, nation), shown, sizeof shown));
    } else snprintf(buf, len, "nobody (no agent, no player)");
    return buf;
}

/* The play layer decides whose panels show and hands the window over between
 * people; the seat's agent is the agent host's. A seat handed to a person
 * loses its agent and joins the play layer's human seats (from the next
 * hand-over: the quarter's end), and the other way round. */
int teacher_seat(ui_app *a, int nation, const char *agent)
{
    teacher_state *t = teacher_of(a);
    if (!t) return -1;
    if (nation < 0 || nation >= cp_world_nation_count(a->world)) {
        say(t, 1, "No nation %d.", nation);
        return -1;
    }
    if (!a->seats) {
        say(t, 1, "This game has no agent seats to reassign.");
        return -1;
    }
    char err[600];
    if (cps_seats_assign(a->seats, nation, agent ? agent : "", err, sizeof err) != 0) {
        say(t, 1, "Refused: %s", err);
        return -1;
    }
    if (a->play) a->play->human[nation] = agent == NULL;
    char who[300];
    teacher_seat_text(a, nation, who, sizeof who);
    say(t, 0, "%s is now played by %s%s.", nation_name(a, nation), who,
        agent == NULL && a->play ? ", from the end of this turn" : "");
    a->dirty = 1;
    return 0;
}

int teacher_lock(ui_app *a, int nation, int locked)
{
    teacher_state *t = teacher_of(a);
    if (!t) return -1;
    cp_error err;
    if (cp_world_lock_policy(a->world, nation, locked, &err) != CP_OK) {
        say(t, 1, "Refused: %s", err.message);
        return -1;
    }
    say(t, 0, locked ? "%s's policy is locked: its tariffs, export controls, quotas, taxes, subsidies and floors "
                       "stay as they are until you unlock it."
                     : "%s's policy is unlocked.",
        nation_name(a, nation));
    a->dirty = 1;
    return 0;
}

/* ui_debrief_set_made: the window's made (its tracker) for the pack's table. */
static int teacher_made(const void *ud, const cp_world *w, int nation, double *made)
{
    cpg_made m;
    if (cpg_made_track_at(ud, w, nation, cp_world_turn(w), &m) != 0) return -1;
    *made = m.total;
    return 0;
}

int teacher_debrief(ui_app *a)
{
    teacher_state *t = teacher_of(a);
    if (!t) return -1;
    char dir[600], err[1400];
    ui_debrief_default_dir(a->world, dir, sizeof dir);
    ui_debrief_set_made(teacher_made, a->made);
    if (ui_debrief_write(a->world, a->have_info ? &a->info : NULL, &a->stages, play_humans(a), dir, err,
                         sizeof err) != 0) {
        say(t, 1, "%s", err);
        app_toast(a, "The debrief pack could not be written");
        return -1;
    }
    snprintf(t->pack, sizeof t->pack, "%s/summary.html", dir);
    say(t, 0, "Debrief pack written: %s (charts, CSV files, summary.html to print).", dir);
    char msg[700];
    snprintf(msg, sizeof msg, "Debrief pack: %s/summary.html", dir);
    app_toast(a, msg);
    return 0;
}

/* ---- hooks ---------------------------------------------------------------- */

int teacher_key(ui_app *a, SDL_Keycode key, Uint16 mod, int repeat)
{
    if (repeat || a->replay) return 0; /* a replay cannot be changed: no teacher controls */
    int ctrl = (mod & KMOD_CTRL) != 0;
    if (key == SDLK_F2 || (ctrl && key == SDLK_t)) {
        a->teacher_open = !a->teacher_open;
        if (a->teacher_open && teacher_of(a) && a->selected >= 0) a->teacher->nation = a->selected;
        a->dirty = 1;
        return 1;
    }
    if (ctrl && key == SDLK_d) {
        teacher_debrief(a);
        return 1;
    }
    /* P pauses from anywhere but the help and briefing cards */
    if (key == SDLK_p && !ctrl && !a->show_help && !a->show_briefing) {
        teacher_state *t = teacher_of(a);
        if (t) teacher_set_paused(a, !t->paused);
        return 1;
    }
    if (a->teacher_open && key == SDLK_ESCAPE) {
        a->teacher_open = 0;
        a->dirty = 1;
        return 1;
    }
    return 0;
}

int teacher_holds_turn(ui_app *a)
{
    if (!a->teacher || !a->teacher->paused) return 0;
    app_toast(a, "Paused by the teacher: press P or open Teacher controls (F2) to resume");
    return 1;
}

void teacher_after_turn(ui_app *a)
{
    teacher_state *t = teacher_of(a);
    int turn = cp_world_turn(a->world);
    if (!t || turn != a->scenario->default_turns || t->end_pack_turn == turn) return;
    t->end_pack_turn = turn;
    if (a->window) teacher_debrief(a); /* not from --screenshot runs */
}

/* game_internal.h -- a game's state (session.h), shared by game.c (opening, seats, turns,
 * recording) and game_save.c (saving and loading), and by nobody else. */
#ifndef CPG_GAME_INTERNAL_H
#define CPG_GAME_INTERNAL_H

#include "made.h"
#include "replay_agents.h"
#include "replay_file.h"
#include "savefile.h"
#include "session.h"

struct cpg_game {
    cp_world *world;
    cps_seats *seats;               /* NULL when nobody is seated */
    cps_scenario_info info;         /* owned when have_info (cpg_new, cpg_load) */
    const cps_scenario_info *info_ref; /* &info, a borrowed one (cpg_new_from), or NULL */
    int have_info;
    int loaded;                     /* opened from a save */
    int length;                     /* the turn the game ends at */
    int human[CP_MAX_NATIONS];
    int ready[CP_MAX_NATIONS];
    cpg_opts opts;                  /* as given; opts.seats is the caller's, not the seats' */
    char autosave_dir[1024];        /* "" = no autosaves */
    char last_autosave[1024];
    int last_autosave_turn;
    /* the recording */
    replay_rec *rec;
    replay_tap tap;
    int played;                     /* quarters played by this game */
    int injected;                   /* events injected by this game */
    int deal_events_at_open;        /* the world's deal log when the game was opened */
    /* the deals' statuses before the last quarter, for cpg_deal_news */
    int deals_before;
    unsigned char deal_before[CP_MAX_DEALS];
    int have_deals_before;
    made_set *made;                 /* the without-worlds (made.c); NULL: none kept */
};

/* The seats' options of a game: the caller's limits, with the log and print() lines going
 * through the game (into its recording, then where the caller wants them). */
cps_seat_opts game_seat_opts(cpg_game *g);
/* A game around 'w' (taken over), with o's options; NULL when out of memory (then 'w' is
 * destroyed). */
cpg_game *game_wrap(cp_world *w, const cpg_opts *o, cpg_error *err);
/* The seats cpg_opts.made asks to measure, as a mask of the world's nations. */
uint32_t game_made_mask(const cpg_game *g);
/* Set 'err' to 'code' and a formatted message; returns -1. */
int game_fail(cpg_error *err, cpg_status code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* The save sections of 'g' (the seats', "ui.humans" and "game") into a malloc'd array for
 * savefile_write or savefile_autosave (free with save_seats_free). 0, or -1 with a message. */
int game_sections(cpg_game *g, savefile_section **out, int *count, char *msg, size_t len);

#endif

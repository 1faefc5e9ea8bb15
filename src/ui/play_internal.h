/* play_internal.h -- the play layer's state, shared by its files (play.c, actions.c, confirm.c,
 * deal_dialog.c, hotseat.c, menu.c, start.c) and by nobody else. */
#ifndef UI_PLAY_INTERNAL_H
#define UI_PLAY_INTERNAL_H

#include "play.h"
#include "orders_ui.h"
#include "saveload.h"
#include "freetrade.h"

typedef enum { PH_START = 0, PH_GAME, PH_HANDOVER, PH_END } play_phase;
typedef enum { DLG_NONE = 0, DLG_DEAL, DLG_MENU, DLG_SAVE, DLG_LOAD } play_dialog;
/* A question over everything else (confirm.c): end the turn? quit without saving? */
typedef enum { CONFIRM_NONE = 0, CONFIRM_END_TURN, CONFIRM_QUIT } confirm_kind;

/* The dock's tabs: one per family of orders, and the deals. */
typedef enum {
    TAB_BUILD = 0, TAB_PLANTS, TAB_TARIFFS, TAB_EXPORTS, TAB_STOCKPILE, TAB_SUPPORT, TAB_SECURITY,
    TAB_DEALS, TAB_COUNT
} dock_tab;

/* What a form holds between frames: the player's choices, not yet an order. */
typedef struct {
    int action;   /* the form's sub-action (e.g. exports: set, suspend, lift) */
    int good;     /* or CP_ALL */
    int partner;  /* nation, or CP_ALL */
    int kind;     /* facility kind */
    int mode;     /* control mode */
    int turns;
    int facility; /* index into the seat's facilities */
    double amount;
    double share;
    int shown;    /* Plants: the facility id the action was last chosen for, + 1 */
} dock_form;

/* The dock's "What if?" (whatif.c): the form's order forecast with and without it. */
typedef struct {
    int shown;        /* an answer is kept */
    int request;      /* the W key asked for one: the dock runs it when it next draws the form */
    cp_order order;   /* the order it is about */
    int turn, pending; /* the quarter and the size of the queue it was asked in */
    int good;         /* the good whose price and shortage it shows */
    cp_forecast without, with;
} whatif_state;

enum { START_MAX_FILES = 64, START_MAX_AGENTS = 32 };

typedef struct {
    int scenario_count, scenario;       /* the list of scripts/scenarios/ and the chosen one */
    char scenarios[START_MAX_FILES][64];
    char titles[START_MAX_FILES][128];  /* each scenario's title, as a person reads it */
    int agent_count;                    /* scripts/agents/ */
    char agents[START_MAX_AGENTS][64];
    int choice[CP_MAX_NATIONS];         /* per nation: 0 human, 1 scenario default, 2.. an agent, last: nobody */
    int loaded;                         /* the scenario the choices belong to, or -1 */
    unsigned long long seed;
    int seed_typing;                    /* the seed field has the keyboard: digits, Backspace, Enter */
    char seed_text[24];
    int turns;
    cps_difficulty difficulty;          /* how well the AI nations will play (view.difficulty) */
    int scroll;
    char msg[1400];
} start_state;

/* The end screen (endscreen.c): the free-trade twin being worked out. */
typedef struct {
    ft_run ft;
    int ft_started;
    int debrief_written;
} end_state;

struct play_state {
    play_phase phase;
    play_dialog dialog;
    int human[CP_MAX_NATIONS];
    int ended[CP_MAX_NATIONS];   /* human seats that ended this quarter */
    int seat;                    /* the human seat playing now, or -1 */
    struct cps_seats *own_seats; /* the seats this layer created (a->seats when set) */
    unsigned char deal_before[CP_MAX_DEALS]; /* deals' status before the quarter resolved */
    int deals_before;
    char news[CP_MAX_NATIONS][CP_TEXT_LEN]; /* per human seat: what became of its deals */
    int length;                  /* the game's length in turns */
    int report_for[CP_MAX_NATIONS]; /* per human seat: the turn whose report it has yet to read, 0: none */
    int report_scroll;           /* the open report's body, pixels scrolled down */
    int report_content_h;        /* its body's height last frame, to bound the scroll */

    /* the orders dock */
    int dock_open;
    dock_tab tab;
    dock_form form[TAB_COUNT];
    char msg[CP_TEXT_LEN + 80];  /* the core's answer to the last action */
    int msg_bad;
    int list_scroll;
    int touched[TAB_COUNT];      /* the player changed this tab's form since it last queued an order */
    cp_order form_draft[TAB_COUNT]; /* the order a touched form describes, never queued */
    whatif_state whatif;

    /* the deal dialog */
    cp_deal draft;
    int deal_partner, counter_of; /* counter_of: the deal being countered, or -1 */
    int ck_kind, ck_give, ck_good, ck_fkind; /* the clause being composed */
    double ck_amount, ck_price, ck_cap;
    char deal_msg[CP_TEXT_LEN + 80];
    int deal_bad;
    int last_proposed; /* the id of the deal this window proposed last, -1: none (traced as "Proposed") */

    /* menu, save and load */
    char save_name[64];
    save_entry files[SAVE_LIST_MAX];
    int file_count, file_sel;
    int load_replays; /* the load dialog lists replays to watch (replay_view.h), not saves */
    char menu_msg[1400];
    int saved_turn;      /* the turn of the last save, load or start: quarters after it are unsaved */
    char autosave[1024]; /* the newest autosave written, "" before the first */
    int autosave_turn;
    int quit_after_save; /* the save dialog came from "Save and quit": quit once saved */

    /* a confirmation (confirm.c) */
    confirm_kind confirm;
    char confirm_text[1600];

    start_state start;
    end_state end;
};

/* play.c */
struct play_state *play_of(const ui_app *a);
/* Start playing 'w' (owned) with these human seats. 'seats' (owned, may be NULL) are the
 * agents restored from a save; without them the scenario's agents are seated, overridden by
 * 'assign' ("ISO3=FILE" or "ISO3=none", 'count' of them). */
int play_begin(ui_app *a, cp_world *w, cps_scenario_info *info, cps_seats *seats, const char *const *assign,
               int count, const int *human, int length, char *err, size_t errlen);
/* Save the game to 'path'; returns 0 or -1 with a message. */
int play_save_to(ui_app *a, const char *path, char *err, size_t errlen);
/* Load a save and play it. Returns 0 or -1 with a message. */
int play_load_from(ui_app *a, const char *path, char *err, size_t errlen);
void play_set_msg(struct play_state *p, int bad, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Submit an order for the current seat and say what the core said. */
int play_submit(ui_app *a, const cp_order *o);
const char *play_nation_name(const ui_app *a, int n);
void play_open_dialog(ui_app *a, play_dialog d);
/* After p->human changed mid-game: the turn goes to the first human seat (or to none). */
void play_seats_changed(ui_app *a);
/* a->blocking from the play layer's state: a dialog, a question, the start or hand-over screen. */
void play_sync_blocking(ui_app *a);

/* actions.c: the dock at the left */
int dock_width(const ui_app *a);
void dock_draw(ui_app *a, SDL_Rect rc);
/* The dock folded into a strip (no room beside the nation's panel): its button unfolds it. */
void dock_strip(ui_app *a, SDL_Rect rc);
void dock_reset_forms(ui_app *a);

/* whatif.c: forecast the form's order 'o' (the answer is kept in p->whatif), and draw the kept
 * answer, while it still describes 'o', on a card beside 'dock' at about 'anchor_y'. */
void whatif_run(ui_app *a, const cp_order *o);
void whatif_draw(ui_app *a, const cp_order *o, SDL_Rect dock, int anchor_y);

/* deal_dialog.c */
void deal_open(ui_app *a, int partner, int counter_of);
void deal_draw(ui_app *a);
int deal_key(ui_app *a, SDL_Keycode key);

/* hotseat.c */
void hotseat_draw(ui_app *a);

/* menu.c: the game menu, the save and load dialogs */
void menu_draw(ui_app *a);
int menu_key(ui_app *a, const SDL_Event *e);

/* confirm.c: the question card and its keys */
void confirm_draw(ui_app *a);
int confirm_key(ui_app *a, SDL_Keycode key, Uint16 mod);

/* endscreen.c: after the last quarter. end_game_over: the game has reached its length;
 * end_open shows the end screen; end_reset forgets its free-trade twin (a new game). */
int end_game_over(const ui_app *a);
void end_open(ui_app *a);
void end_reset(ui_app *a);
void end_draw(ui_app *a);
int end_key(ui_app *a, SDL_Keycode key);

/* turn_report.c: the end-of-turn report of the seat playing, over the map until closed. */
int report_pending(const ui_app *a);
void report_after_advance(ui_app *a);
int report_reopen(ui_app *a);
void report_close(ui_app *a);
void report_draw(ui_app *a);
/* PgUp/PgDn, Home/End scroll the open report's body; 0 for any other key. */
int report_scroll_key(ui_app *a, SDL_Keycode key);

/* start.c */
void start_init(ui_app *a);
void start_draw(ui_app *a);
int start_key(ui_app *a, SDL_Keycode key);
/* Text typed on the start screen (the seed field's digits). */
int start_text(ui_app *a, const char *text);

#endif

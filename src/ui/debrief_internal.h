/* debrief_internal.h -- what the debrief pack's files share: the key figures of a game
 * (debrief_figures.c, no SDL), the charts (debrief_charts.c, debrief_pipeline.c) and the
 * summary page (debrief_html.c). Only src/ui/debrief*.c include it; the rest of the
 * program calls debrief.h. */
#ifndef UI_DEBRIEF_INTERNAL_H
#define UI_DEBRIEF_INTERNAL_H

#include <stddef.h>

#include "app.h"
#include "chokepoint.h"
#include "script.h"
#include "tl_model.h"

/* ---- key figures (debrief_figures.c) --------------------------------- */

/* One nation's figures in the pack's table by nation: what it paid at the
 * start and the end (the core's price paid, USD/kg), its magnet shortage over
 * the whole game and its score. */
enum { DBF_MAX_ACTORS = 8 };
typedef struct {
    int nation;
    double paid_start[CP_GOOD_COUNT], paid_end[CP_GOOD_COUNT];
    double paid_peak[CP_GOOD_COUNT]; /* the dearest quarter, and which */
    int paid_peak_turn[CP_GOOD_COUNT];
    double magnet_shortage_t, magnet_demand_t; /* summed over every quarter */
    double score_start, score_end;             /* 0..100 */
    int has_made;                              /* made (debrief.h's provider) known */
    double made;                               /* score points at the end */
} dbf_actor;

typedef struct {
    int turn;                 /* the game's last turn */
    int china;                /* CHN's index, or -1 when the scenario has no China */
    double price_start[CP_GOOD_COUNT], price_end[CP_GOOD_COUNT], price_peak[CP_GOOD_COUNT];
    int price_peak_turn[CP_GOOD_COUNT]; /* world prices, USD/kg */
    /* what buyers paid: in China, and outside it (or everywhere, without a
     * China), weighted by what each bought (cp_world_price_paid_usd_per_kg) */
    double paid_china_start[CP_GOOD_COUNT], paid_china_end[CP_GOOD_COUNT];
    double paid_abroad_start[CP_GOOD_COUNT], paid_abroad_end[CP_GOOD_COUNT];
    double paid_abroad_peak[CP_GOOD_COUNT]; /* the dearest quarter, and which */
    int paid_abroad_peak_turn[CP_GOOD_COUNT];
    /* the main actors: China, then the largest magnet buyers at the start */
    dbf_actor actor[DBF_MAX_ACTORS];
    int actor_count;
    double shortage_peak_t;   /* the worst quarter's world magnet shortage */
    double shortage_peak_share; /* of that quarter's magnet demand */
    int shortage_peak_turn;   /* -1: no magnet shortage in the game */
    double shortage_total_t[CP_SECTOR_COUNT]; /* all quarters, all goods, by sector */
    double china_share_start[CP_FAC_KIND_COUNT], china_share_end[CP_FAC_KIND_COUNT];
    /* outside China: plants decided during the game, and capacity that came
     * into production during it (t/yr) */
    double decided_t_per_yr[CP_FAC_KIND_COUNT];
    int decided_count[CP_FAC_KIND_COUNT];
    double online_t_per_yr[CP_FAC_KIND_COUNT];
    int online_count[CP_FAC_KIND_COUNT];
    int deals_proposed, deals_signed; /* signed: deals that came into force */
    int policy_moves, events;         /* news items of each kind */
    double tariffs_musd;              /* all tariffs collected */
} dbf_figures;

void dbf_compute(const cp_world *w, dbf_figures *f);
/* What kind of policy move a policy news line reports ("export licences",
 * "tariffs", "stockpile", ...), "other" for a scenario's own note, or NULL
 * when it is no move at all (an order refused, a scheduled one not possible). */
const char *dbf_move_kind(const char *text);
/* Is news 'x' a policy move or an event made during the game (after turn 0)? */
int dbf_is_move(const cp_news *x);
/* Output of stage 'k' in a history row. */
double dbf_stage_output(const cp_nation_history *h, cp_facility_kind k);
/* Share of the world's output of stage 'k' at 'turn' made by 'nation'. */
double dbf_share(const cp_world *w, int turn, int nation, cp_facility_kind k);

/* The quarters with policy moves (after the start), numbered in time order:
 * the badges on prices.png and the list in summary.html share the numbers.
 * A quarter is one mark however many moves it holds. */
enum { DBF_MAX_MARKS = 512 }; /* the charts' longest history */
typedef struct {
    int turn[DBF_MAX_MARKS];
    int first_news[DBF_MAX_MARKS]; /* index of the quarter's first policy news */
    int count_news[DBF_MAX_MARKS];
    int n, more; /* marks kept; quarters beyond DBF_MAX_MARKS */
} dbf_marks;
void dbf_find_marks(const cp_world *w, dbf_marks *m);
/* Does quarter 't' hold a policy move about good 'g' (or about every good)? */
int dbf_marks_good(const cp_world *w, int t, cp_good g);
/* The moves of quarter 't' in one line: the scenario's own notes first, then
 * the other moves counted by nation and kind, or the moves themselves when
 * there are only one or two. */
void dbf_quarter_line(const cp_world *w, int t, char *out, size_t len);

/* ---- charts (debrief_charts.c, debrief_pipeline.c) ---------------------- */

/* Each draws one whole picture on 'a' (a windowless renderer of the
 * chart's size; a->world is the game). */
void dbc_prices(ui_app *a);
void dbc_supply(ui_app *a);
void dbc_shortages(ui_app *a);
void dbc_tariffs(ui_app *a);
void dbc_pipeline(ui_app *a, const tl_log *log);

/* Shared helpers (debrief_charts.c): the picture's title block, returning
 * the y below it; and a note in small type at the bottom. */
int dbc_header(ui_app *a, const char *title, const char *subtitle);
void dbc_footer(ui_app *a, const char *note);
/* The x axis of the time charts: the quarters played (at least eight). */
int dbc_axis_turns(const ui_app *a);

/* ---- the summary page (debrief_html.c) ----------------------------------- */

/* The chart files the pack holds, in the order the summary shows them. */
typedef struct {
    const char *file;    /* "prices.png" */
    const char *caption; /* what it shows */
    int width, height;
} dbc_chart;
extern const dbc_chart dbc_charts[];
extern const int dbc_chart_count;

/* Write 'dir'/summary.html. 'csv' lists the CSV files written (may be 0);
 * 'human' (may be NULL) flags the nations whose decisions are logged. */
int dbh_write(const cp_world *w, const cps_scenario_info *info, const dbf_figures *f, const int *human,
              const char *dir, const char *const *csv, int csv_count, char *err, size_t errlen);

#endif

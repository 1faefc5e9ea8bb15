/* names.c -- the names of goods, sectors, stages, modes, orders, events, news
 * kinds, goals, score parts, outcomes and the treasury's parts.
 *
 * These strings are part of the public contract: scenario files, agents, CSV
 * files and saves all use them, so they never change once shipped.
 */
#include <string.h>

#include "chokepoint.h"

static const char *const good_names[CP_GOOD_COUNT] = {"ore", "light_oxide", "heavy_oxide", "magnet"};
static const char *const sector_names[CP_SECTOR_COUNT] = {"ev", "wind", "electronics", "defense",
                                                          "industrial"};
static const char *const kind_names[CP_FAC_KIND_COUNT] = {"mine", "separation", "magnet_plant",
                                                                 "heavy_separation"};
static const char *const stage_names[CP_STAGE_COUNT] = {
    "announced", "permitting", "construction", "ramp_up", "operating", "idled", "closed"};
static const char *const mode_names[] = {"open", "licensed", "banned"};
static const char *const order_names[CP_ORDER_KIND_COUNT] = {
    "build_facility",   "fund_facility",     "idle_facility",     "close_facility",
    "set_tariff",       "set_export_control", "suspend_export_control", "set_export_quota",
    "set_export_tax",   "buy_stockpile",     "release_stockpile", "set_subsidy",
    "set_price_floor",  "set_tracking",      "set_tech_ban",      "set_extraterritorial",
    "set_foreign_investment"};
static const char *const event_names[CP_EVENT_KIND_COUNT] = {
    "mine_flood", "lawsuit", "conflict", "approvals_slow", "summit", "demand_shock",
    "price_floor"};

static const char *const clause_names[CP_CLAUSE_KIND_COUNT] = {
    "tariff", "licence", "suspend", "offtake", "coinvest", "tech_transfer", "stockpile", "alliance"};
static const char *const deal_status_names[CP_DEAL_STATUS_COUNT] = {
    "proposed", "agreed", "active", "rejected", "expired", "breached", "withdrawn"};

static const char *const news_kind_names[CP_NEWS_KIND_COUNT] = {"policy", "event", "facility",
                                                                  "market", "deal"};
static const char *const goal_kind_names[CP_GOAL_KIND_COUNT] = {
    "shortage_max", "treasury_min", "output_min", "share_min", "pressure_max"};
static const char *const measure_names[CP_MEASURE_COUNT] = {"end", "average", "always"};
static const char *const goal_status_names[CP_GOAL_STATUS_COUNT] = {"on_track", "behind", "met",
                                                                    "missed"};
static const char *const part_names[CP_PART_COUNT] = {"security", "prosperity", "leverage",
                                                      "stability"};
static const char *const outcome_names[CP_OUTCOME_COUNT] = {"done", "partial", "refused"};
static const char *const money_names[CP_MONEY_COUNT] = {
    "budget", "construction", "stockpile", "subsidy", "price_floor", "tariffs", "export_tax"};

static const char *pick(const char *const *names, int count, int i)
{
    return (i >= 0 && i < count) ? names[i] : "?";
}

static int find(const char *const *names, int count, const char *name)
{
    if (!name)
        return -1;
    for (int i = 0; i < count; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

#define NAMES(arr) arr, (int)(sizeof arr / sizeof arr[0])

const char *cp_good_name(cp_good g) { return pick(NAMES(good_names), (int)g); }
const char *cp_sector_name(cp_sector s) { return pick(NAMES(sector_names), (int)s); }
const char *cp_facility_kind_name(cp_facility_kind k) { return pick(NAMES(kind_names), (int)k); }

/* The names a person reads, in running text (the window, the turn report,
 * deal terms): the codes above stay for files, logs and agents. */
static const char *const good_labels[CP_GOOD_COUNT] = {"ore concentrate", "NdPr oxide", "Dy/Tb oxide",
                                                       "magnets"};
static const char *const kind_labels[CP_FAC_KIND_COUNT] = {"mine", "separation plant", "magnet plant",
                                                           "heavy separation line"};
const char *cp_good_label(cp_good g) { return pick(NAMES(good_labels), (int)g); }
const char *cp_facility_kind_label(cp_facility_kind k) { return pick(NAMES(kind_labels), (int)k); }
const char *cp_stage_name(cp_stage s) { return pick(NAMES(stage_names), (int)s); }
const char *cp_control_mode_name(cp_control_mode m) { return pick(NAMES(mode_names), (int)m); }
const char *cp_order_kind_name(cp_order_kind k) { return pick(NAMES(order_names), (int)k); }

/* What each order does, in running text ("tariff carried out"). */
static const char *const order_labels[CP_ORDER_KIND_COUNT] = {
    "new plant",        "plant funding",     "idling a plant",    "closing a plant",
    "tariff",           "export control",    "suspended export control", "export quota",
    "export tax",       "stockpile purchase", "stockpile release", "subsidy",
    "price floor",      "export tracking",   "technology export ban", "extraterritorial control",
    "foreign investment rule"};
const char *cp_order_kind_label(cp_order_kind k) { return pick(NAMES(order_labels), (int)k); }
const char *cp_event_kind_name(cp_event_kind k) { return pick(NAMES(event_names), (int)k); }

const char *cp_clause_kind_name(cp_clause_kind k) { return pick(NAMES(clause_names), (int)k); }
const char *cp_deal_status_name(cp_deal_status s) { return pick(NAMES(deal_status_names), (int)s); }
int cp_clause_kind_from_name(const char *n) { return find(NAMES(clause_names), n); }

int cp_good_from_name(const char *n) { return find(NAMES(good_names), n); }
int cp_sector_from_name(const char *n) { return find(NAMES(sector_names), n); }
int cp_facility_kind_from_name(const char *n) { return find(NAMES(kind_names), n); }
int cp_stage_from_name(const char *n) { return find(NAMES(stage_names), n); }
int cp_control_mode_from_name(const char *n) { return find(NAMES(mode_names), n); }
int cp_order_kind_from_name(const char *n) { return find(NAMES(order_names), n); }
int cp_event_kind_from_name(const char *n) { return find(NAMES(event_names), n); }

const char *cp_news_kind_name(cp_news_kind k) { return pick(NAMES(news_kind_names), (int)k); }
const char *cp_goal_kind_name(cp_goal_kind k) { return pick(NAMES(goal_kind_names), (int)k); }
const char *cp_goal_measure_name(cp_goal_measure m) { return pick(NAMES(measure_names), (int)m); }
const char *cp_goal_status_name(cp_goal_status s) { return pick(NAMES(goal_status_names), (int)s); }
const char *cp_score_part_name(cp_score_part p) { return pick(NAMES(part_names), (int)p); }
const char *cp_outcome_name(cp_outcome o) { return pick(NAMES(outcome_names), (int)o); }
const char *cp_money_part_name(cp_money_part p) { return pick(NAMES(money_names), (int)p); }
int cp_goal_kind_from_name(const char *n) { return find(NAMES(goal_kind_names), n); }
int cp_goal_measure_from_name(const char *n) { return find(NAMES(measure_names), n); }

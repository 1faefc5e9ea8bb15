/* names.c -- the names of goods, sectors, stages, modes, orders and events.
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
    "set_price_floor",  "set_tracking",      "set_tech_ban",      "set_extraterritorial"};
static const char *const event_names[CP_EVENT_KIND_COUNT] = {
    "mine_flood", "lawsuit", "conflict", "approvals_slow", "summit", "demand_shock",
    "price_floor"};

static const char *const clause_names[CP_CLAUSE_KIND_COUNT] = {
    "tariff", "licence", "suspend", "offtake", "coinvest", "tech_transfer", "stockpile", "alliance"};
static const char *const deal_status_names[CP_DEAL_STATUS_COUNT] = {
    "proposed", "agreed", "active", "rejected", "expired", "breached", "withdrawn"};

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
const char *cp_stage_name(cp_stage s) { return pick(NAMES(stage_names), (int)s); }
const char *cp_control_mode_name(cp_control_mode m) { return pick(NAMES(mode_names), (int)m); }
const char *cp_order_kind_name(cp_order_kind k) { return pick(NAMES(order_names), (int)k); }
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

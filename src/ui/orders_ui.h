/* orders_ui.h -- a player's intent as the core's orders and deals: the one place the window builds
 * cp_order and cp_deal structs. No SDL here, so tests can check that a human's orders are the very
 * orders a Lua agent's act.* functions build (tests/ui/test_human_orders.c).
 *
 * Each builder fills every field exactly as src/script/order_spec.c does for the matching act.*
 * call (unused fields at cp_order_init's values, optional ones at the agent API's defaults), so a
 * human and an agent issuing "the same" order give the core the same bytes.
 */
#ifndef UI_ORDERS_UI_H
#define UI_ORDERS_UI_H

#include <stddef.h>

#include "chokepoint.h"

cp_order oui_build(int nation, int host, cp_facility_kind kind, double capacity_t_per_yr);
cp_order oui_fund(int nation, int facility_id, double amount_musd);
cp_order oui_idle(int nation, int facility_id, int idle);
cp_order oui_close(int nation, int facility_id);
cp_order oui_tariff(int nation, int good_or_all, int origin_or_all, double rate);
/* 'share' is read only for licensed; open and banned carry the API's default 1. */
cp_order oui_export_control(int nation, int good_or_all, int dest_or_all, cp_control_mode mode,
                            double share);
cp_order oui_suspend(int nation, int good_or_all, int dest_or_all, int turns, cp_control_mode mode,
                     double share);
cp_order oui_export_quota(int nation, int good, double t_per_quarter); /* < 0 removes it */
cp_order oui_export_tax(int nation, int good, double rate);
cp_order oui_stockpile(int nation, int good, double tonnes, int release);
cp_order oui_subsidy(int nation, cp_facility_kind kind, double share);
cp_order oui_price_floor(int nation, int good, double usd_per_kg);
cp_order oui_tracking(int nation, int on);
cp_order oui_tech_ban(int nation, int on);
cp_order oui_extraterritorial(int nation, int on);
cp_order oui_foreign_investment(int nation, int open);

/* A form's stepper: 'value' moved by 'delta' and held to the amounts the core accepts for 'kind'
 * ('mode' for export controls; cp_order_amount_range), unchanged when the kind reads none. */
double oui_step_amount(cp_order_kind kind, int mode, double value, double delta);

/* The order in a player's words: "Tariff of 25% on magnets from China". */
const char *oui_describe(const cp_world *w, const cp_order *o, char *buf, size_t len);

/* What an order costs comes from the core (cp_order_cost_musd). */
/* When the cost is paid: "over the build", "now", "each quarter" ... */
const char *oui_cost_when(const cp_order *o);

/* A new two-party deal proposed by 'proposer' to 'partner' for 'term_turns'. */
void oui_deal_init(cp_deal *d, int proposer, int partner, int term_turns);
/* Add a clause; returns its index or -1 when the deal is full. Fields a kind does not read are
 * left at 0 (see cp_clause_kind). */
int oui_deal_add(cp_deal *d, cp_clause_kind kind, int from, int to, int good, int facility_kind,
                 double amount, double price_usd_per_kg, double capacity_t_per_yr);
void oui_deal_remove(cp_deal *d, int index);

#endif

/* order_spec.c -- the table of order parameters shared by agents, scenarios and docs. */
#include <string.h>

#include "order_spec.h"

#define P(name, type, field, opt, dflt, doc) {#name, CPS_P_##type, CPS_F_##field, opt, dflt, C_##name, doc}
/* the constraint follows from the parameter's name */
#define C_kind CPS_C_ANY
#define C_capacity_t_per_yr CPS_C_POSITIVE
#define C_host CPS_C_ANY
#define C_facility CPS_C_ANY
#define C_amount_musd CPS_C_POSITIVE
#define C_idle CPS_C_ANY
#define C_good CPS_C_ANY
#define C_origin CPS_C_ANY
#define C_rate CPS_C_NONNEG
#define C_destination CPS_C_ANY
#define C_mode CPS_C_ANY
#define C_approval_share CPS_C_SHARE
#define C_partner CPS_C_ANY
#define C_turns CPS_C_POSITIVE
#define C_t_per_quarter CPS_C_ANY
#define C_tonnes CPS_C_POSITIVE
#define C_share CPS_C_SHARE
#define C_usd_per_kg CPS_C_NONNEG
#define C_on CPS_C_ANY

const cps_order_spec cps_order_specs[CP_ORDER_KIND_COUNT] = {
    [CP_ORDER_BUILD_FACILITY] = {
        "build_facility",
        "Announce a new facility, at home or abroad; the issuer funds it and pays a down payment now.",
        3,
        {P(kind, KIND, FACILITY_KIND, 0, 0, "what to build: mine, separation, heavy_separation or magnet_plant"),
         P(capacity_t_per_yr, NUMBER, AMOUNT, 0, 0,
           "nameplate capacity, t/yr (mines and separation in t REO, heavy lines in t Dy/Tb oxide, magnets in t NdFeB), 100 to 500000"),
         P(host, NATION, PARTNER, 1, 0, "ISO3 of the nation where it stands; default: the issuer")}},
    [CP_ORDER_FUND_FACILITY] = {
        "fund_facility",
        "Put extra money into a facility you host or fund that is not yet built, to speed it up.",
        2,
        {P(facility, FACILITY, FACILITY, 0, 0, "facility id (view.facilities[i].id)"),
         P(amount_musd, NUMBER, AMOUNT, 0, 0, "USD millions from the treasury, 0.01 to 1e6")}},
    [CP_ORDER_IDLE_FACILITY] = {
        "idle_facility",
        "Idle a producing facility, or resume an idled one.",
        2,
        {P(facility, FACILITY, FACILITY, 0, 0, "facility id"),
         P(idle, FLAG, FLAG, 1, 1, "true to idle (default), false to resume")}},
    [CP_ORDER_CLOSE_FACILITY] = {
        "close_facility",
        "Close a facility for good.",
        1,
        {P(facility, FACILITY, FACILITY, 0, 0, "facility id")}},
    [CP_ORDER_SET_TARIFF] = {
        "set_tariff",
        "Set the import tariff on a good from one origin or from all.",
        3,
        {P(good, GOOD_OR_ALL, GOOD, 0, 0, "good name, or \"all\""),
         P(origin, NATION_OR_ALL, PARTNER, 0, 0, "ISO3 of the exporting nation, or \"all\""),
         P(rate, NUMBER, AMOUNT, 0, 0, "ad valorem rate, 0.25 = 25%, 0 to 10")}},
    [CP_ORDER_SET_EXPORT_CONTROL] = {
        "set_export_control",
        "Control exports of a good to one destination or all: open, licensed (an approval share passes, never for defense use) or banned (only transshipment leakage passes).",
        4,
        {P(good, GOOD_OR_ALL, GOOD, 0, 0, "good name, or \"all\""),
         P(destination, NATION_OR_ALL, PARTNER, 0, 0, "ISO3 of the importing nation, or \"all\""),
         P(mode, MODE, MODE, 0, 0, "open, licensed or banned"),
         P(approval_share, NUMBER, AMOUNT, 1, 1,
           "for licensed: share of requests approved, 0 to 1 (default 1)")}},
    [CP_ORDER_SUSPEND_EXPORT_CONTROL] = {
        "suspend_export_control",
        "Suspend your export controls on a good towards a partner for some turns; they return by themselves afterwards. Meanwhile the route is open, or licensed at a share you give.",
        5,
        {P(good, GOOD_OR_ALL, GOOD, 0, 0, "good name, or \"all\""),
         P(partner, NATION_OR_ALL, PARTNER, 0, 0, "ISO3 of the destination, or \"all\""),
         P(turns, TURNS, TURNS, 0, 0, "how many turns (quarters), 1 to 400"),
         P(mode, MODE, MODE, 1, 0, "the regime meanwhile: open (default) or licensed"),
         P(approval_share, NUMBER, AMOUNT, 1, 1,
           "for licensed meanwhile: share of requests approved, 0 to 1 (default 1)")}},
    [CP_ORDER_SET_EXPORT_QUOTA] = {
        "set_export_quota",
        "Cap total exports of a good per quarter; a negative or missing amount removes the quota.",
        2,
        {P(good, GOOD, GOOD, 0, 0, "good name"),
         P(t_per_quarter, NUMBER, AMOUNT, 1, -1, "tonnes per quarter; negative or nil removes it")}},
    [CP_ORDER_SET_EXPORT_TAX] = {
        "set_export_tax",
        "Tax exports of a good.",
        2,
        {P(good, GOOD, GOOD, 0, 0, "good name"),
         P(rate, NUMBER, AMOUNT, 0, 0, "ad valorem rate, 0.1 = 10%, 0 to 5")}},
    [CP_ORDER_BUY_STOCKPILE] = {
        "buy_stockpile",
        "Buy a good into the strategic stockpile this turn, at market prices.",
        2,
        {P(good, GOOD, GOOD, 0, 0, "good name"),
         P(tonnes, NUMBER, AMOUNT, 0, 0, "tonnes to buy, 0.001 to 1e6")}},
    [CP_ORDER_RELEASE_STOCKPILE] = {
        "release_stockpile",
        "Release a good from the strategic stockpile onto the home market this turn.",
        2,
        {P(good, GOOD, GOOD, 0, 0, "good name"),
         P(tonnes, NUMBER, AMOUNT, 0, 0, "tonnes to release, at most what the stockpile holds")}},
    [CP_ORDER_SET_SUBSIDY] = {
        "set_subsidy",
        "Pay a share of the operating cost of home facilities of one kind.",
        2,
        {P(kind, KIND, FACILITY_KIND, 0, 0, "mine, separation, heavy_separation or magnet_plant"),
         P(share, NUMBER, AMOUNT, 0, 0, "share of operating cost paid by the state, 0 to 1")}},
    [CP_ORDER_SET_PRICE_FLOOR] = {
        "set_price_floor",
        "Guarantee home producers of a good a minimum price; 0 removes the floor.",
        2,
        {P(good, GOOD, GOOD, 0, 0, "good name"),
         P(usd_per_kg, NUMBER, AMOUNT, 0, 0, "guaranteed price, USD/kg, 0 to 100000")}},
    [CP_ORDER_SET_TRACKING] = {
        "set_tracking",
        "Run (or stop) a tracking system that cuts transshipment leakage round your bans and diversion of licensed material to defense use, and shows who buys.",
        1,
        {P(on, FLAG, FLAG, 1, 1, "true to run it (default), false to stop")}},
    [CP_ORDER_SET_TECH_BAN] = {
        "set_tech_ban",
        "Ban (or allow) the export of processing technology: your firms may not build separation or magnet plants abroad, and nations behind you build theirs slower and dearer.",
        1,
        {P(on, FLAG, FLAG, 1, 1, "true to ban (default), false to allow")}},
    [CP_ORDER_SET_EXTRATERRITORIAL] = {
        "set_extraterritorial",
        "Extend (or withdraw) your magnet export controls to magnets made abroad with your rare earths (the 0.1% rule): a third country's magnet exports need your licence in the share of its oxides that came from you.",
        1,
        {P(on, FLAG, FLAG, 1, 1, "true to extend (default), false to withdraw")}},
    [CP_ORDER_SET_FOREIGN_INVESTMENT] = {
        "set_foreign_investment",
        "Open (or close) your soil to foreign investment: while closed, another nation may build or fund a plant here only under a deal with you that covers investment (a co-investment or an alliance).",
        1,
        {P(on, FLAG, FLAG, 1, 1, "true to open (default), false to close")}},
};

const char *cps_order_field_name(cps_order_field f)
{
    static const char *const names[] = {"partner", "good", "facility", "facility_kind",
                                        "mode",    "flag", "turns",    "amount"};
    return (f >= 0 && f <= CPS_F_AMOUNT) ? names[f] : "?";
}

const char *cps_param_type_name(cps_param_type t)
{
    switch (t) {
    case CPS_P_GOOD: return "Good";
    case CPS_P_GOOD_OR_ALL: return "Good|\"all\"";
    case CPS_P_NATION: return "ISO3";
    case CPS_P_NATION_OR_ALL: return "ISO3|\"all\"";
    case CPS_P_FACILITY: return "integer";
    case CPS_P_KIND: return "FacilityKind";
    case CPS_P_MODE: return "ControlMode";
    case CPS_P_NUMBER: return "number";
    case CPS_P_TURNS: return "integer";
    case CPS_P_FLAG: return "boolean";
    }
    return "any";
}

void cps_order_set(cp_order *o, cps_order_field f, int ivalue, double dvalue)
{
    switch (f) {
    case CPS_F_PARTNER: o->partner = ivalue; break;
    case CPS_F_GOOD: o->good = ivalue; break;
    case CPS_F_FACILITY: o->facility = ivalue; break;
    case CPS_F_FACILITY_KIND: o->facility_kind = ivalue; break;
    case CPS_F_MODE: o->mode = ivalue; break;
    case CPS_F_FLAG: o->flag = ivalue; break;
    case CPS_F_TURNS: o->turns = ivalue; break;
    case CPS_F_AMOUNT: o->amount = dvalue; break;
    }
}

void cps_order_init(cp_order *o, cp_order_kind kind, int nation)
{
    memset(o, 0, sizeof *o);
    o->kind = kind;
    o->nation = nation;
    o->partner = CP_ALL;
    o->good = -1;
    o->facility = -1;
    o->facility_kind = -1;
}

/* api_table.c -- the agent API's classes and fields: served by view.c, documented by api_docs.c.
 *
 * Nations show every field to their own agent (view.me) and only the
 * CPS_PUBLIC ones to others (view.nations): policies, output, trade, prices,
 * scores and technology are public; money, stocks, stockpiles, demand by
 * sector and objectives are not.
 */
#include <stddef.h>
#include <string.h>

#include "../core/chokepoint.h"
#include "api.h"

#define NUM(s, f, vis, doc) {#f, CPS_V_NUMBER, offsetof(s, f), vis, "number", doc, NULL, 0}
#define INT(s, f, vis, doc) {#f, CPS_V_INT, offsetof(s, f), vis, "integer", doc, NULL, 0}
#define VEC(s, f, vt, lt, vis, doc) {#f, vt, offsetof(s, f), vis, lt, doc, NULL, 0}
#define SPECIAL(name, code, lt, doc) {name, CPS_V_SPECIAL, code, CPS_PUBLIC, lt, doc, NULL, 0}
#define FUNCTION(name, code, sig, doc) {name, CPS_V_FUNCTION, code, CPS_PUBLIC, "function", doc, sig, 0}
#define DOC(name, lt, doc) {name, CPS_V_SPECIAL, 0, CPS_PUBLIC, lt, doc, NULL, 0}
#define COUNT(a) ((int)(sizeof a / sizeof a[0]))

/* ---- the agent table (what an agent file returns) ---------------------------- */

static const cps_fn_doc init_sig = {
    2, {{"view", "View", "the world as the agent's nation sees it"},
        {"memory", "table", "the agent's memory: plain data kept between turns and in saves"}},
    "nil", ""};
static const cps_fn_doc turn_sig = {
    3, {{"view", "View", "the world as the agent's nation sees it, read-only"},
        {"act", "Act", "the action functions: the only way to change the world"},
        {"memory", "table", "the agent's memory: plain data kept between turns and in saves"}},
    "nil", "nothing (any value other than nil, true or false counts as a failed turn)"};
static const cps_fn_doc proposal_sig = {
    3, {{"view", "View", "the world as the agent's nation sees it, read-only"},
        {"deal", "Deal", "the deal offered, as it stands now (a fresh table)"},
        {"memory", "table", "the agent's memory"}},
    "\"accept\"|\"reject\"|DealTerms|nil, string?",
    "\"accept\" or \"reject\" (true and false too), a counter (new clauses and term: the "
    "parties stay), or nil to leave the deal open (asked again next turn until it lapses); "
    "anything else counts as a failed call. A second value, a string, is the reason the other "
    "side reads in its turn report (view.report); without one a rejection gives the rules' "
    "reason (what the deal would cost)"};

static const cps_field agent_fields[] = {
    DOC("api_version", "integer", "the API version the agent is written for: 1 (required)"),
    DOC("name", "string?", "a name to show in logs and tournaments"),
    {"init", CPS_V_FUNCTION, 0, CPS_PUBLIC, "function?",
     "called once when the agent takes its seat, before its first turn", &init_sig, 0},
    {"turn", CPS_V_FUNCTION, 0, CPS_PUBLIC, "function",
     "called every turn before the quarter is resolved (required)", &turn_sig, 0},
    {"on_proposal", CPS_V_FUNCTION, 0, CPS_PUBLIC, "function?",
     "called for every deal waiting for this nation's answer, oldest first, each turn before "
     "turn; bounded like turn, and a failed call gives no answer", &proposal_sig, 0},
};

/* ---- the view -------------------------------------------------------------------- */

static const cps_fn_doc nation_sig = {
    1, {{"iso3", "ISO3", "a nation's code"}}, "Nation?", "the nation, or nil if there is none"};
static const cps_fn_doc flow_sig = {
    3, {{"good", "Good", "the good"}, {"from", "ISO3", "the seller"}, {"to", "ISO3", "the buyer"}},
    "number", "tonnes that went from seller to buyer last quarter (from == to: sold at home)"};
static const cps_fn_doc facilities_of_sig = {
    1, {{"iso3", "ISO3", "a nation's code"}}, "Facility[]",
    "the facilities it hosts or funds, in id order (a fresh list)"};
static const cps_fn_doc deals_sig = {
    0, {{NULL, NULL, NULL}}, "Deal[]",
    "the deals the agent's nation is party to that are proposed, agreed or active, in id order "
    "(fresh tables)"};
static const cps_fn_doc deal_sig = {
    1, {{"id", "integer", "a deal id"}}, "Deal?", "any deal by its id (a fresh table), or nil"};
static const cps_fn_doc news_sig = {
    1, {{"since_turn", "integer?", "first turn to include (default view.turn: what the quarter "
                                   "just resolved did, which the rules date view.turn, and the "
                                   "deal moves made so far this turn)"}},
    "News[]", "news items, oldest first; read every turn with no argument, each item comes "
              "at most once (deal moves that nations after yours make later in a turn are dated "
              "that turn, so no default list holds them: those that concern you reach you "
              "through on_proposal and view.report())"};

static const cps_fn_doc goals_sig = {
    0, {{NULL, NULL, NULL}}, "Goal[]",
    "the agent's goals, judged at the last resolved quarter against the scenario's length "
    "(fresh tables: kind, measure, good or plant, target, by_turn, status = \"on_track\"|"
    "\"behind\"|\"met\"|\"missed\", value, derived, text)"};
static const cps_fn_doc score_parts_sig = {
    2, {{"iso3", "ISO3?", "a nation (default: the agent's)"},
        {"turn", "integer?", "a resolved turn (default the latest; negative counts back)"}},
    "ScoreParts?",
    "security, prosperity, leverage, stability (0..100, means over the quarters played), "
    "total (the score), quarter (that quarter's parts) and weights; nil for a turn not played"};
static const cps_fn_doc report_sig = {
    0, {{NULL, NULL, NULL}}, "TurnReport",
    "turn (0: none yet), orders (kind, outcome = \"done\"|\"partial\"|\"refused\", asked, "
    "done, spent_musd, price_usd_per_kg, facility, scheduled, text), deals (deal, by, what, "
    "status, text: the other side's reason for an answer) and money (before_musd, after_musd "
    "and the parts: budget, construction, stockpile, subsidy, price_floor, tariffs, "
    "export_tax)"};

static const cps_fn_doc deal_value_sig = {
    1, {{"terms", "DealTerms", "a deal's parties, term and clauses, as act.propose takes them (a "
                              "Deal from the view will do)"}},
    "table<ISO3, number>",
    "each party's value of the deal over a year at current prices, USD millions (positive: it "
    "gains), the same estimate as a Deal's value_musd; raises an error naming what is wrong "
    "when the terms do not read"};

static const cps_fn_doc forecast_sig = {
    2, {{"orders", "ForecastOrder[]", "up to 64 orders for the agent's nation, each a table of the "
                                      "order's kind and parameters by name: { order = "
                                      "\"set_tariff\", good = \"magnet\", origin = \"CHN\", "
                                      "rate = 0.25 }; {} for none"},
        {"quarters", "integer?", "quarters to play forward, 1 to 8 (default 4)"}},
    "Forecast",
    "how the nation would stand with these orders added to those it queued this turn, every "
    "other nation holding its policies; a copy of the world plays, with chance of its own; "
    "charged (quarters + 1) x view.constants.forecast_quarter_instructions; a bad argument is "
    "an error, an order the core refuses is listed in refused and the rest play"};

static const cps_field view_fields[] = {
    SPECIAL("turn", CPS_SPECIAL_TURN, "integer", "the turn about to be played (0 = the first)"),
    SPECIAL("date", CPS_SPECIAL_DATE, "string", "the quarter of this turn, e.g. \"2025Q1\""),
    SPECIAL("year", CPS_SPECIAL_YEAR, "integer", "the calendar year of this turn"),
    SPECIAL("quarter", CPS_SPECIAL_QUARTER, "integer", "the quarter of this turn, 1..4"),
    SPECIAL("turns", CPS_SPECIAL_TURNS, "integer",
            "the turn this game ends at: the scenario's length, or what sim --turns and play "
            "--turns make it (the last turn played is view.turns - 1)"),
    SPECIAL("difficulty", CPS_SPECIAL_DIFFICULTY, "\"easy\"|\"normal\"|\"hard\"",
            "how well the game asks its AI nations to play (sim --difficulty, the start "
            "screen); \"normal\" unless set. The rules never change with it: an agent may play "
            "slower and cruder at \"easy\" and look ahead at \"hard\", or ignore it"),
    SPECIAL("iso3", CPS_SPECIAL_ISO3, "ISO3", "the code of the agent's own nation"),
    SPECIAL("me", CPS_SPECIAL_ME, "Nation", "the agent's own nation, every field readable"),
    SPECIAL("nations", CPS_SPECIAL_NATIONS, "table<integer|ISO3, Nation>",
            "all nations, by position (1..#view.nations, in scenario order) and by ISO3; "
            "others show their public fields only"),
    SPECIAL("markets", CPS_SPECIAL_MARKETS, "table<Good, Market>", "the world market of each good"),
    SPECIAL("facilities", CPS_SPECIAL_FACILITIES, "Facility[]",
            "every facility in the world, in id order (view.facilities[i].id == i - 1)"),
    SPECIAL("constants", CPS_SPECIAL_CONSTANTS, "Constants", "the scenario's and the rules' constants"),
    SPECIAL("history", CPS_SPECIAL_HISTORY, "History", "figures of past turns"),
    FUNCTION("nation", CPS_FN_NATION, &nation_sig, "look a nation up by its code"),
    FUNCTION("flow", CPS_FN_FLOW, &flow_sig, "the traded tonnage between two nations"),
    FUNCTION("facilities_of", CPS_FN_FACILITIES_OF, &facilities_of_sig,
             "a nation's own facilities, at home and abroad"),
    FUNCTION("news", CPS_FN_NEWS, &news_sig, "what happened, in words"),
    FUNCTION("deals", CPS_FN_DEALS, &deals_sig,
             "the deals waiting for an answer, agreed or in force that involve the agent"),
    FUNCTION("deal", CPS_FN_DEAL, &deal_sig, "look a deal up"),
    FUNCTION("goals", CPS_FN_GOALS, &goals_sig, "the agent's goals and how they stand"),
    FUNCTION("deal_value", CPS_FN_DEAL_VALUE, &deal_value_sig,
             "what a deal would be worth to each party, before proposing or answering it"),
    FUNCTION("score_parts", CPS_FN_SCORE_PARTS, &score_parts_sig,
             "a nation's score in its four parts"),
    FUNCTION("report", CPS_FN_REPORT, &report_sig,
             "what the last quarter did with the agent's orders, deals and money"),
    FUNCTION("forecast", CPS_FN_FORECAST, &forecast_sig,
             "what if: play a copy of the world forward under some orders of yours"),
};

/* ---- nations ------------------------------------------------------------------------ */

#define N(f, vis, doc) NUM(cp_nation, f, vis, doc)
#define NG(f, vis, doc) VEC(cp_nation, f, CPS_V_BY_GOOD, "GoodTable", vis, doc)

static const cps_field nation_fields[] = {
    {"iso3", CPS_V_STRING, offsetof(cp_nation, iso3), CPS_PUBLIC, "ISO3", "ISO 3166 alpha-3 code", NULL, 0},
    {"name", CPS_V_STRING, offsetof(cp_nation, name), CPS_PUBLIC, "string", "the name shown", NULL, 0},
    N(lat_deg, CPS_PUBLIC, "latitude of a representative point, degrees"),
    N(lon_deg, CPS_PUBLIC, "longitude, degrees"),
    N(ore_light_share, CPS_PUBLIC, "NdPr share of the REO this nation mines"),
    N(ore_heavy_share, CPS_PUBLIC, "Dy/Tb share of the REO this nation mines"),
    N(permitting_factor, CPS_PUBLIC, "speed of permitting: 1 = a typical OECD regime, lower is faster"),
    N(conflict_risk_per_yr, CPS_PUBLIC, "chance a year that armed conflict cuts mining"),
    N(budget_musd_per_yr, CPS_PRIVATE, "state money for rare-earth policy, USD millions a year"),
    {"weights", CPS_V_OBJECT, offsetof(cp_nation, weights), CPS_PRIVATE, "Weights",
     "how the nation's score weighs its aims", NULL, CPS_CLS_WEIGHTS},
    N(reserves_t, CPS_PUBLIC, "REO still in the ground, t"),
    N(treasury_musd, CPS_PRIVATE, "money available for policy now, USD millions"),
    N(gdp_busd_per_yr, CPS_PUBLIC, "GDP, USD billions a year, before shortage losses"),
    N(gdp_loss_busd, CPS_PUBLIC, "output lost to shortages last quarter, USD billions"),
    VEC(cp_nation, sector_gdp_busd, CPS_V_BY_SECTOR, "SectorTable", CPS_PRIVATE,
        "output of each sector that needs rare earths, USD billions"),
    VEC(cp_nation, demand_t_per_yr, CPS_V_SECTOR_GOOD, "SectorGoodTable", CPS_PRIVATE,
        "final demand by sector and good at reference prices, t a year"),
    NG(stock_t, CPS_PRIVATE, "users' inventory by good, t"),
    NG(unsold_t, CPS_PRIVATE, "producers' output not yet sold, by good, t"),
    N(ore_stock_light_t, CPS_PRIVATE, "NdPr content of the ore in stock, t"),
    N(ore_stock_heavy_t, CPS_PRIVATE, "Dy/Tb content of the ore in stock, t"),
    NG(stockpile_t, CPS_PRIVATE, "strategic stockpile by good, t"),
    VEC(cp_nation, tech, CPS_V_BY_KIND, "KindTable", CPS_PUBLIC,
        "technology level of each stage, 0..1"),
    N(pressure, CPS_PUBLIC, "political pressure, 0..1"),
    N(trust, CPS_PUBLIC, "trust other nations place in it, 0..1"),
    N(score, CPS_PUBLIC, "running mean of its per-turn scores, 0..100"),
    SPECIAL("score_parts", CPS_SPECIAL_SCORE_PARTS, "ScoreParts",
            "its score in parts as of the last resolved quarter, the parts the window shows "
            "(a fresh table each read; view.score_parts(iso3, turn) for a past turn)"),
    {"policy", CPS_V_OBJECT, offsetof(cp_nation, policy), CPS_PUBLIC, "Policy",
     "the policies in force", NULL, CPS_CLS_POLICY},
    N(mined_t, CPS_PUBLIC, "ore mined last quarter, t REO"),
    N(separated_t, CPS_PUBLIC, "oxide separated last quarter, t"),
    N(magnets_t, CPS_PUBLIC, "magnets made last quarter, t"),
    N(byproduct_t, CPS_PRIVATE, "other rare earths separated last quarter (low-value by-product), t"),
    NG(demand_t, CPS_PUBLIC, "final demand last quarter, by good, t"),
    NG(consumed_t, CPS_PRIVATE, "final consumption last quarter, by good, t"),
    NG(shortage_t, CPS_PUBLIC, "unmet final demand last quarter, by good, t"),
    VEC(cp_nation, sector_shortage_t, CPS_V_BY_SECTOR, "SectorTable", CPS_PRIVATE,
        "unmet demand by sector last quarter, t"),
    NG(imports_t, CPS_PUBLIC, "imports last quarter, by good, t"),
    NG(exports_t, CPS_PUBLIC, "exports last quarter, by good, t"),
    NG(price_paid_usd_per_kg, CPS_PUBLIC, "composite price its buyers paid, by good, USD/kg"),
    NG(producer_price_usd_per_kg, CPS_PUBLIC, "price its producers got, by good, USD/kg"),
    N(export_revenue_musd, CPS_PRIVATE, "export revenue last quarter, USD millions"),
    N(import_bill_musd, CPS_PRIVATE, "import bill last quarter, USD millions"),
    N(tariff_revenue_musd, CPS_PRIVATE, "tariff revenue last quarter, USD millions"),
    N(export_tax_revenue_musd, CPS_PRIVATE, "export tax revenue last quarter, USD millions"),
    N(subsidy_paid_musd, CPS_PRIVATE, "subsidies paid last quarter, USD millions"),
    N(floor_paid_musd, CPS_PRIVATE, "price-floor payments last quarter, USD millions"),
    N(capex_paid_musd, CPS_PRIVATE, "construction spending last quarter, USD millions"),
};

static const cps_field weights_fields[] = {
    NUM(cp_weights, security, CPS_PUBLIC, "weight of supply security (demand met)"),
    NUM(cp_weights, prosperity, CPS_PUBLIC, "weight of prosperity (GDP kept, treasury)"),
    NUM(cp_weights, leverage, CPS_PUBLIC, "weight of leverage (share of world processing)"),
    NUM(cp_weights, stability, CPS_PUBLIC, "weight of stability (low political pressure)"),
};

static const cps_fn_doc tariff_sig = {
    2, {{"good", "Good", "the good"}, {"origin", "ISO3", "the exporting nation"}},
    "number", "the import tariff rate (0.25 = 25%)"};
static const cps_fn_doc control_sig = {
    2, {{"good", "Good", "the good"}, {"destination", "ISO3", "the importing nation"}},
    "ControlMode, number, integer, ControlMode, number",
    "the mode set and its approval share, the turns of suspension left (0 when not "
    "suspended), and the mode and share that apply while it is suspended"};

static const cps_field policy_fields[] = {
    FUNCTION("tariff", CPS_FN_TARIFF, &tariff_sig, "import tariff on a good from an origin"),
    FUNCTION("export_control", CPS_FN_EXPORT_CONTROL, &control_sig,
             "export control on a good towards a destination"),
    VEC(cp_policy, export_quota_t, CPS_V_BY_GOOD, "GoodTable", CPS_PUBLIC,
        "export quota by good, t per quarter; negative = none"),
    VEC(cp_policy, export_tax, CPS_V_BY_GOOD, "GoodTable", CPS_PUBLIC, "export tax rate by good"),
    VEC(cp_policy, subsidy, CPS_V_BY_KIND, "KindTable", CPS_PUBLIC,
        "share of operating cost the state pays, by facility kind"),
    VEC(cp_policy, price_floor_usd_per_kg, CPS_V_BY_GOOD, "GoodTable", CPS_PUBLIC,
        "price guaranteed to home producers, USD/kg; 0 = none"),
    {"tracking", CPS_V_BOOL, offsetof(cp_policy, tracking), CPS_PUBLIC, "boolean",
     "a tracking system runs (less transshipment leakage)", NULL, 0},
    {"tech_ban", CPS_V_BOOL, offsetof(cp_policy, tech_ban), CPS_PUBLIC, "boolean",
     "processing-technology exports are banned", NULL, 0},
    {"investment_closed", CPS_V_BOOL, offsetof(cp_policy, investment_closed), CPS_PUBLIC,
     "boolean", "closed to foreign investment: others build or fund plants here only under a "
     "deal (a co-investment or an alliance)", NULL, 0},
};

/* ---- facilities and markets ------------------------------------------------------ */

#define F(f, doc) NUM(cp_facility, f, CPS_PUBLIC, doc)
static const cps_field facility_fields[] = {
    INT(cp_facility, id, CPS_PUBLIC, "the id that act functions take"),
    {"name", CPS_V_STRING, offsetof(cp_facility, name), CPS_PUBLIC, "string", "the name shown", NULL, 0},
    {"kind", CPS_V_KIND, offsetof(cp_facility, kind), CPS_PUBLIC, "FacilityKind", "what it makes", NULL, 0},
    {"host", CPS_V_NATION_REF, offsetof(cp_facility, host), CPS_PUBLIC, "ISO3", "where it stands", NULL, 0},
    {"funder", CPS_V_NATION_REF, offsetof(cp_facility, funder), CPS_PUBLIC, "ISO3",
     "who pays for it (the host, or an investor abroad)", NULL, 0},
    {"private_capital", CPS_V_BOOL, offsetof(cp_facility, private_capital), CPS_PUBLIC, "boolean",
     "built by firms with their own money, not the treasury", NULL, 0},
    F(capacity_t_per_yr, "nameplate capacity, t a year (ore and oxide t REO, magnets t)"),
    {"stage", CPS_V_STAGE, offsetof(cp_facility, stage), CPS_PUBLIC, "Stage", "where it is on its timeline", NULL, 0},
    {"stage_turns", CPS_V_BY_STAGE_INT, offsetof(cp_facility, stage_turns), CPS_PUBLIC,
     "StageTable", "planned length of each build stage, turns", NULL, 0},
    INT(cp_facility, turns_in_stage, CPS_PUBLIC, "whole turns spent in the current stage"),
    F(progress, "progress through the current stage, 0..1"),
    INT(cp_facility, start_turn, CPS_PUBLIC, "turn it was announced (negative: before the game)"),
    INT(cp_facility, operating_turn, CPS_PUBLIC, "turn it reached operating, or is projected to"),
    F(capex_musd, "total capital cost, USD millions"),
    F(capex_paid_musd, "capital paid so far, USD millions"),
    F(funds_musd, "money paid in ahead by fund orders, not yet spent, USD millions"),
    F(output_t, "output last quarter, t"),
    F(utilisation, "share of capacity used last quarter, 0..1"),
    INT(cp_facility, delay_turns, CPS_PUBLIC, "delay added by events so far, turns"),
};

static const cps_field market_fields[] = {
    NUM(cp_market, world_price_usd_per_kg, CPS_PUBLIC, "production-weighted producer price, USD/kg"),
    NUM(cp_market, reference_price_usd_per_kg, CPS_PUBLIC, "the scenario's reference price, USD/kg"),
    NUM(cp_market, production_t, CPS_PUBLIC, "world production last quarter, t"),
    NUM(cp_market, traded_t, CPS_PUBLIC, "tonnes that crossed a border last quarter"),
    NUM(cp_market, shortage_t, CPS_PUBLIC, "world unmet final demand last quarter, t"),
};

/* ---- history ------------------------------------------------------------------------ */

static const cps_fn_doc hist_nation_sig = {
    2, {{"iso3", "ISO3", "the nation"},
        {"turn", "integer?", "0..view.turn (default view.turn: the figures of the quarter just "
                             "resolved, the one played in turn view.turn - 1, dated in the row's "
                             "date); negative counts back (-1 = the row before)"}},
    "NationRow?", "that turn's figures, or nil outside the game so far"};
static const cps_fn_doc hist_market_sig = {
    2, {{"good", "Good", "the good"}, {"turn", "integer?", "as for history.nation"}},
    "MarketRow?", "that turn's figures, or nil"};

static const cps_field history_fields[] = {
    FUNCTION("nation", CPS_FN_HISTORY_NATION, &hist_nation_sig,
             "a nation's figures at the end of a past turn (a fresh table)"),
    FUNCTION("market", CPS_FN_HISTORY_MARKET, &hist_market_sig,
             "a market's figures at the end of a past turn (a fresh table)"),
};

#define H(f, vis, doc) NUM(cp_nation_history, f, vis, doc)
static const cps_field nation_row_fields[] = {
    INT(cp_nation_history, turn, CPS_PUBLIC, "the row's turn: its figures are those of the quarter "
        "played in turn - 1, taken when turn began (0: the opening position)"),
    DOC("date", "string", "the quarter these figures describe (\"2025Q1\" in row 1; row 0, the "
        "opening position, is dated the quarter before the game)"),
    H(mined_t, CPS_PUBLIC, "ore mined, t REO"),
    H(separated_t, CPS_PUBLIC, "oxide separated, t"),
    H(magnets_t, CPS_PUBLIC, "magnets made, t"),
    H(demand_t, CPS_PUBLIC, "all final demand, t"),
    H(shortage_t, CPS_PUBLIC, "all unmet final demand, t"),
    VEC(cp_nation_history, demand_good_t, CPS_V_BY_GOOD, "GoodTable", CPS_PUBLIC, "final demand by good, t"),
    VEC(cp_nation_history, shortage_good_t, CPS_V_BY_GOOD, "GoodTable", CPS_PUBLIC, "unmet demand by good, t"),
    VEC(cp_nation_history, sector_shortage_t, CPS_V_BY_SECTOR, "SectorTable", CPS_PRIVATE,
        "unmet demand by sector, t"),
    H(stockpile_t, CPS_PRIVATE, "strategic stockpile, all goods, t"),
    H(treasury_musd, CPS_PRIVATE, "treasury, USD millions"),
    H(gdp_busd_per_yr, CPS_PUBLIC, "GDP, USD billions a year"),
    H(gdp_loss_busd, CPS_PUBLIC, "output lost to shortages, USD billions"),
    H(score, CPS_PUBLIC, "score, 0..100"),
    H(pressure, CPS_PUBLIC, "political pressure, 0..1"),
    VEC(cp_nation_history, price_paid_usd_per_kg, CPS_V_BY_GOOD, "GoodTable", CPS_PUBLIC,
        "composite price paid, USD/kg"),
    VEC(cp_nation_history, imports_t, CPS_V_BY_GOOD, "GoodTable", CPS_PUBLIC, "imports, t"),
    VEC(cp_nation_history, exports_t, CPS_V_BY_GOOD, "GoodTable", CPS_PUBLIC, "exports, t"),
    H(tariff_revenue_musd, CPS_PRIVATE, "tariff revenue, USD millions"),
};

static const cps_field market_row_fields[] = {
    INT(cp_market_history, turn, CPS_PUBLIC, "the row's turn, as in NationRow"),
    DOC("date", "string", "the quarter these figures describe, as in NationRow"),
    NUM(cp_market_history, world_price_usd_per_kg, CPS_PUBLIC, "world price, USD/kg"),
    NUM(cp_market_history, production_t, CPS_PUBLIC, "world production, t"),
    NUM(cp_market_history, traded_t, CPS_PUBLIC, "traded across borders, t"),
    NUM(cp_market_history, shortage_t, CPS_PUBLIC, "world unmet final demand, t"),
};

static const cps_field news_fields[] = {
    DOC("turn", "integer", "the turn it happened"),
    DOC("kind", "\"policy\"|\"event\"|\"facility\"|\"market\"|\"deal\"", "what sort of news"),
    DOC("nation", "ISO3?", "the main actor, if any"),
    DOC("good", "Good?", "the good concerned, if any"),
    DOC("text", "string", "the news, in words"),
    DOC("partner", "ISO3?", "the other nation involved (a deal's other party, a plant's funder "
        "abroad, a control's destination), if any"),
    DOC("facility", "integer?", "the facility it is about, if any"),
    DOC("routine", "boolean", "a plant moving on schedule (the window folds these by quarter)"),
};

/* ---- the seat: goals, score parts, the turn report (view_seat.c) -------------------------- */

static const cps_field goal_fields[] = {
    DOC("kind", "\"shortage_max\"|\"treasury_min\"|\"output_min\"|\"share_min\"|\"pressure_max\"",
        "what the goal keeps or reaches"),
    DOC("measure", "\"end\"|\"average\"|\"always\"",
        "judged on the value at the deadline, the mean over the quarters played, or every quarter"),
    DOC("good", "Good|\"all\"?", "shortage_max: the good (all: NdPr, Dy/Tb and magnets by value)"),
    DOC("plant", "FacilityKind?", "output_min and share_min: the kind of plant"),
    DOC("target", "number", "share 0..1 (shortage, share, pressure), USD millions or t/yr"),
    DOC("by_turn", "integer", "the turn it is judged at"),
    DOC("status", "\"on_track\"|\"behind\"|\"met\"|\"missed\"", "where it stands"),
    DOC("value", "number", "the measured value so far, in the target's unit"),
    DOC("derived", "boolean", "true when the rules derived it (the scenario gave the nation none)"),
    DOC("text", "string", "the goal and its value, in words"),
};

static const cps_field score_parts_fields[] = {
    DOC("security", "number", "share of final need for NdPr, Dy/Tb and magnets met, by value, 0..100"),
    DOC("prosperity", "number", "GDP kept from shortage losses, 0..100"),
    DOC("leverage", "number", "share of the world's separation and magnet making, 0..100"),
    DOC("stability", "number", "100 x (1 - political pressure)"),
    DOC("total", "number", "the score: the parts weighted by the nation's objectives"),
    DOC("quarter", "table<string, number>", "that quarter's own four parts"),
    DOC("weights", "table<string, number>", "the nation's objectives, by part"),
};

static const cps_field turn_report_fields[] = {
    DOC("turn", "integer", "the quarter it describes (0: none yet, e.g. just after a load)"),
    DOC("orders", "OrderReport[]", "every order of the quarter, in the order applied"),
    DOC("deals", "DealReport[]", "every step of the deals the nation is party to"),
    DOC("money", "MoneyReport", "where the treasury's change came from"),
};

static const cps_field order_report_fields[] = {
    DOC("kind", "string", "the order kind (view.constants.order_kinds)"),
    DOC("outcome", "\"done\"|\"partial\"|\"refused\"", "what became of it"),
    DOC("asked", "number", "its amount (tonnes, USD millions, a rate...)"),
    DOC("done", "number", "what it got: tonnes bought for a stockpile purchase"),
    DOC("spent_musd", "number", "what it took from the treasury this quarter, USD millions"),
    DOC("price_usd_per_kg", "number", "stockpile purchases: the average price paid"),
    DOC("facility", "integer?", "the plant it built or acted on"),
    DOC("scheduled", "boolean", "true when the scenario's schedule gave it"),
    DOC("text", "string", "what it did, or why it was refused"),
};

static const cps_field deal_report_fields[] = {
    DOC("deal", "integer", "the deal's id"),
    DOC("by", "ISO3?", "who acted (nil: the rules)"),
    DOC("what", "string", "\"proposed\", \"accepted\", \"rejected\", \"started\", ..."),
    DOC("status", "string", "the deal's status after the step"),
    DOC("text", "string", "the terms and, for an answer, its reason"),
};

static const cps_field quote_fields[] = {
    DOC("cost_now_musd", "number", "what the order takes from the treasury when the quarter is "
        "resolved (a plant's down payment, funds, a stockpile at this quarter's price), USD millions"),
    DOC("cost_total_musd", "number", "what it costs over its life (a plant's whole capital cost), "
        "USD millions; 0 for orders that cost nothing or pay as they go"),
    DOC("breaks_deal", "integer?", "the deal the order would break when the quarter is resolved "
        "(a tariff above a cap, licences below a granted share, a suspended control re-imposed); "
        "nil when it breaks none"),
    DOC("warning", "string?", "why it would break that deal, in words"),
};

static const cps_field forecast_fields[] = {
    DOC("quarters", "integer", "quarters played"),
    DOC("from_turn", "integer", "the turn it started from (view.turn)"),
    DOC("to_turn", "integer", "the turn it ended at: from_turn + quarters"),
    DOC("score", "ScoreParts", "the nation's score at to_turn, as view.score_parts would give it "
        "then: each part the mean over the whole game so far, forecast quarters included"),
    DOC("window", "table<string, number>", "security, prosperity, leverage, stability: each "
        "part's mean over the forecast quarters only (0..100), and total, their sum weighted by "
        "the nation's objectives: what a decision moves, undiluted by the quarters played"),
    DOC("prices", "GoodTable", "world price of each good in the last forecast quarter, USD/kg"),
    DOC("paid", "GoodTable", "the composite price the nation paid for each good in the last "
        "forecast quarter, USD/kg"),
    DOC("shortage", "GoodTable", "the nation's unmet share of its final demand for each good "
        "over the forecast quarters, 0..1 (0 when it had none)"),
    DOC("treasury_musd", "number", "the treasury at the end, USD millions"),
    DOC("gdp_busd_per_yr", "number", "GDP at the end, USD billions a year, before shortage losses"),
    DOC("gdp_loss_busd", "number", "output lost to shortages over the forecast quarters, USD billions"),
    DOC("stockpile_t", "GoodTable", "the strategic stockpile at the end, t"),
    DOC("refused", "ForecastRefusal[]", "the orders given that did not play, in the order given "
        "(empty when all played)"),
};

static const cps_field forecast_refusal_fields[] = {
    DOC("index", "integer", "its place in the orders given, from 1"),
    DOC("order", "string", "its kind (\"set_tariff\", ...)"),
    DOC("at_turn_end", "boolean", "false: the core refused it when it was submitted; true: it "
        "was accepted, then refused when the first quarter resolved (the treasury ran short)"),
    DOC("message", "string", "the core's reason, naming what is wrong"),
};

static const cps_field money_report_fields[] = {
    DOC("before_musd", "number", "the treasury before the quarter"),
    DOC("after_musd", "number", "after it: before plus the parts below"),
    DOC("budget", "number", "the quarter's budget"),
    DOC("construction", "number", "down payments, funds and instalments (negative)"),
    DOC("stockpile", "number", "strategic purchases (negative)"),
    DOC("subsidy", "number", "operating subsidies (negative)"),
    DOC("price_floor", "number", "price-floor top-ups to producers (negative)"),
    DOC("tariffs", "number", "import tariffs collected"),
    DOC("export_tax", "number", "export taxes collected"),
};

/* ---- constants ------------------------------------------------------------------------ */

static const cps_field constants_fields[] = {
    DOC("api_version", "integer", "the API version of this host (1)"),
    DOC("goods", "Good[]", "the goods, in chain order"),
    DOC("sectors", "Sector[]", "the demand sectors"),
    DOC("facility_kinds", "FacilityKind[]", "the kinds of facility"),
    DOC("stages", "Stage[]", "the stages of a facility's timeline"),
    DOC("control_modes", "ControlMode[]", "the export-control modes"),
    DOC("event_kinds", "string[]", "the kinds of event"),
    DOC("order_kinds", "string[]", "the kinds of order (one act function each)"),
    DOC("start_year", "integer", "the year of turn 0"),
    DOC("start_quarter", "integer", "the quarter of turn 0"),
    DOC("scenario", "string", "the scenario's name"),
    DOC("magnet_light_t_per_t", "number", "NdPr oxide in a tonne of magnet, t"),
    DOC("magnet_heavy_t_per_t", "number", "Dy/Tb oxide in a tonne of magnet, t"),
    DOC("leakage_share", "number", "share of a banned route that leaks through third countries"),
    DOC("leakage_share_tracked", "number", "the same when the exporter runs tracking"),
    DOC("stock_target_quarters", "number", "buyers' inventory target, quarters of use"),
    DOC("forecast_quarter_instructions", "integer", "what view.forecast charges the instruction "
        "budget for each quarter it plays (and once more for copying the world)"),
    DOC("forecast_max_quarters", "integer", "the most quarters view.forecast plays: 8"),
    DOC("goods_params", "table<Good, GoodParams>", "market parameters of each good"),
};

static const cps_field good_params_fields[] = {
    NUM(cp_good_params, reference_price_usd_per_kg, CPS_PUBLIC, "reference price, USD/kg"),
    NUM(cp_good_params, demand_elasticity, CPS_PUBLIC, "short-run price elasticity of demand"),
    NUM(cp_good_params, substitution, CPS_PUBLIC, "CES elasticity between origins"),
    NUM(cp_good_params, supply_elasticity, CPS_PUBLIC, "price elasticity of producers' offers"),
    NUM(cp_good_params, transport_usd_per_kg_per_10000km, CPS_PUBLIC,
        "freight, USD/kg per 10,000 km"),
    VEC(cp_good_params, growth_per_yr, CPS_V_BY_SECTOR, "SectorTable", CPS_PUBLIC,
        "yearly demand growth by sector"),
};

/* ---- deals ---------------------------------------------------------------------------- */

static const cps_field deal_fields[] = {
    DOC("id", "integer", "the deal's id (what act.answer and act.counter take)"),
    DOC("proposer", "ISO3", "who proposed it"),
    DOC("parties", "ISO3[]", "the nations bound by it; in act.propose optional (default: the "
                             "proposer and every nation a clause names)"),
    DOC("term", "integer", "how many quarters it binds once in force, 1..80"),
    DOC("clauses", "Clause[]", "what each party gives, 1 to 8 clauses"),
    DOC("status", "\"proposed\"|\"agreed\"|\"active\"|\"rejected\"|\"expired\"|\"breached\"|\"withdrawn\"",
        "where it stands: agreed deals take effect when the turn is resolved"),
    DOC("accepted", "table<ISO3, boolean>?", "while it is proposed: which parties accepted the current version"),
    DOC("revision", "integer", "counters so far"),
    DOC("proposed_turn", "integer", "the turn it was proposed"),
    DOC("start_turn", "integer?", "the first turn in force, nil before"),
    DOC("end_turn", "integer?", "the last turn in force, nil before"),
    DOC("breacher", "ISO3?", "the party that broke it, if any"),
    DOC("value_musd", "number", "what it is worth to the agent's nation over a year at current "
                                "prices, USD millions (positive: it gains; the core's rough estimate)"),
    DOC("text", "string", "the clauses in words"),
};

static const cps_field clause_fields[] = {
    DOC("kind", "ClauseKind", "what the clause does (the fields of each kind: \"Deals\" in docs/agents.md)"),
    DOC("from", "ISO3", "the party that gives"),
    DOC("to", "ISO3", "the party that receives"),
    DOC("good", "Good?", "the good concerned (tariff, licence, offtake, stockpile: one good; "
        "suspend: a good or \"all\", the default; the stubs type each kind: TariffClause, ...)"),
    DOC("rate", "number?", "tariff: the highest tariff 'from' may charge on the good from 'to'"),
    DOC("approval_share", "number?", "licence: the least share of requests 'from' approves, 0..1"),
    DOC("tonnes_per_turn", "number?", "offtake: tonnes delivered each quarter"),
    DOC("price", "number?", "offtake: USD/kg paid; 0 or nil: the seller's market price"),
    DOC("facility", "FacilityKind?", "coinvest, tech_transfer: the kind of plant or technology"),
    DOC("share", "number?", "coinvest: the share of the cost 'from' pays; tech_transfer: the "
                            "share of the technology gap closed"),
    DOC("capacity_t_per_yr", "number?", "coinvest: the new plant's capacity, t a year"),
    DOC("tonnes", "number?", "stockpile: tonnes handed over from 'from''s stockpile"),
    DOC("delivered_t", "number?", "offtake, stockpile (in a deal in force): delivered last quarter, t"),
    DOC("facility_id", "integer?", "coinvest (in a deal in force): the plant it created"),
};

const cps_clause_spec cps_clause_specs[CP_CLAUSE_KIND_COUNT] = {
    [CP_CLAUSE_TARIFF] = {"tariff", 1, 0, "rate", "0.1 = 10%",
                          "'from' caps its import tariff on 'good' from 'to' at 'rate'"},
    [CP_CLAUSE_LICENCE] = {"licence", 1, 0, "approval_share", "share approved, 0..1",
                           "'from' approves at least 'approval_share' of licence requests for "
                           "'good' to 'to'"},
    [CP_CLAUSE_SUSPEND] = {"suspend", 2, 0, NULL, NULL,
                           "'from' suspends its export controls on 'good' (default \"all\") to "
                           "'to' for the term; re-imposing one is a breach"},
    [CP_CLAUSE_OFFTAKE] = {"offtake", 1, 0, "tonnes_per_turn", "tonnes a quarter",
                           "'from' delivers 'tonnes_per_turn' of 'good' a quarter to 'to' at "
                           "'price' USD/kg (0 or nil: its market price), outside the market; "
                           "delivering less than half is a breach"},
    [CP_CLAUSE_COINVEST] = {"coinvest", 0, 1, "share", "the payer's share, (0, 1]",
                            "'from' pays 'share' of a new 'facility' of 'capacity_t_per_yr' "
                            "in 'to', which pays the rest"},
    [CP_CLAUSE_TECH_TRANSFER] = {"tech_transfer", 0, 1, "share", "share of the gap, 0..1",
                                 "'from' closes 'share' of 'to''s gap in 'facility' technology "
                                 "(refused under 'from''s technology ban)"},
    [CP_CLAUSE_STOCKPILE] = {"stockpile", 1, 0, "tonnes", "tonnes",
                             "'from' hands 'tonnes' of 'good' from its stockpile to 'to'"},
    [CP_CLAUSE_ALLIANCE] = {"alliance", 0, 0, NULL, NULL,
                            "'from' and 'to' cover each other's shortages from their "
                            "stockpiles for the term (a buyers' club)"},
};

const cps_act_fn cps_deal_acts[CPS_DEAL_ACT_COUNT] = {
    {"propose",
     "Propose a deal to other nations; it takes effect once every party accepts. Your nation "
     "is the proposer and accepts its own proposal.",
     {1, {{"deal", "DealTerms", "{ parties = {...} (optional), term = quarters, clauses = {...} }"}},
      "boolean, integer|string", "true and the new deal's id, or false and the reason"}},
    {"answer", "Accept or reject a deal you are party to that is waiting for answers.",
     {2, {{"id", "integer", "the deal's id"}, {"answer", "\"accept\"|\"reject\"", "your answer"}},
      "boolean, string?", ""}},
    {"counter",
     "Replace the clauses and term of a deal waiting for answers: every other party must "
     "accept again.",
     {2, {{"id", "integer", "the deal's id"}, {"deal", "DealTerms", "the new clauses and term"}},
      "boolean, string?", ""}},
    {"withdraw",
     "Withdraw a deal you proposed that is not yet in force (waiting for answers, or agreed and "
     "not yet started); it ends as \"withdrawn\" when your turn ends.",
     {1, {{"id", "integer", "the deal's id"}}, "boolean, string?", ""}},
};

const cps_class cps_classes[CPS_CLS_COUNT] = {
    [CPS_CLS_AGENT] = {"Agent", "The table an agent file returns.", agent_fields, COUNT(agent_fields)},
    [CPS_CLS_VIEW] = {"View", "The world as one nation sees it; read-only, always current.",
                      view_fields, COUNT(view_fields)},
    [CPS_CLS_NATION] = {"Nation",
                        "A nation. Its own agent reads every field; other agents read the "
                        "public fields, and reading a private one is an error.",
                        nation_fields, COUNT(nation_fields)},
    [CPS_CLS_WEIGHTS] = {"Weights", "A nation's objectives: weights that sum to 1.",
                         weights_fields, COUNT(weights_fields)},
    [CPS_CLS_POLICY] = {"Policy", "The policies a nation has in force (public).", policy_fields,
                        COUNT(policy_fields)},
    [CPS_CLS_FACILITY] = {"Facility", "A mine, separation plant or magnet plant (public).",
                          facility_fields, COUNT(facility_fields)},
    [CPS_CLS_MARKET] = {"Market", "The world market of one good, last quarter.", market_fields,
                        COUNT(market_fields)},
    [CPS_CLS_HISTORY] = {"History", "Figures of past turns.", history_fields, COUNT(history_fields)},
    [CPS_CLS_NATION_ROW] = {"NationRow",
                            "A nation's figures at the end of one turn (a fresh table; private "
                            "fields only for the agent's own nation).",
                            nation_row_fields, COUNT(nation_row_fields)},
    [CPS_CLS_MARKET_ROW] = {"MarketRow", "A market's figures at the end of one turn (a fresh table).",
                            market_row_fields, COUNT(market_row_fields)},
    [CPS_CLS_NEWS] = {"News", "A news item (a fresh table).", news_fields, COUNT(news_fields)},
    [CPS_CLS_CONSTANTS] = {"Constants", "Constants of the rules and the scenario (a copy).",
                           constants_fields, COUNT(constants_fields)},
    [CPS_CLS_GOOD_PARAMS] = {"GoodParams", "Market parameters of one good.", good_params_fields,
                             COUNT(good_params_fields)},
    [CPS_CLS_DEAL] = {"Deal",
                      "A deal between nations (a fresh table). act.propose and act.counter take "
                      "the same shape, of which they read parties, term and clauses (DealTerms).",
                      deal_fields, COUNT(deal_fields)},
    [CPS_CLS_CLAUSE] = {"Clause", "One clause of a deal: who gives what to whom.", clause_fields,
                        COUNT(clause_fields)},
    [CPS_CLS_GOAL] = {"Goal", "One of the agent's goals and where it stands (a fresh table).",
                      goal_fields, COUNT(goal_fields)},
    [CPS_CLS_SCORE_PARTS] = {"ScoreParts", "A nation's score in parts (a fresh table).",
                             score_parts_fields, COUNT(score_parts_fields)},
    [CPS_CLS_TURN_REPORT] = {"TurnReport", "What the last quarter did for the agent's nation "
                             "(a fresh table).", turn_report_fields, COUNT(turn_report_fields)},
    [CPS_CLS_ORDER_REPORT] = {"OrderReport", "One order and what became of it.",
                              order_report_fields, COUNT(order_report_fields)},
    [CPS_CLS_DEAL_REPORT] = {"DealReport", "One step of a deal.", deal_report_fields,
                             COUNT(deal_report_fields)},
    [CPS_CLS_MONEY_REPORT] = {"MoneyReport", "The treasury's change over the quarter, in parts "
                              "that add up, USD millions.", money_report_fields,
                              COUNT(money_report_fields)},
    [CPS_CLS_QUOTE] = {"Quote", "What an order would cost and whether it would break a deal: the "
                       "second answer of an act.can_* twin that accepts it (a fresh table).",
                       quote_fields, COUNT(quote_fields)},
    [CPS_CLS_FORECAST] = {"Forecast", "What view.forecast found: how the nation would stand after "
                          "the quarters played (a fresh table).", forecast_fields,
                          COUNT(forecast_fields)},
    [CPS_CLS_FORECAST_REFUSAL] = {"ForecastRefusal", "An order given to view.forecast that did "
                                  "not play.", forecast_refusal_fields,
                                  COUNT(forecast_refusal_fields)},
};

int cps_api_find_field(cps_class_id cls, const char *name)
{
    const cps_class *c = &cps_classes[cls];
    for (int i = 0; i < c->nfields; i++)
        if (strcmp(c->fields[i].name, name) == 0)
            return i;
    return -1;
}

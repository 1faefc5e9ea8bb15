/* state_json.c -- the messages that show the game: welcome (the catalog of names a client needs),
 * state (one seat's view of the quarter), world (the saved world, for bots) and class (who is
 * connected and ready). Every figure is read from the core's API as it is; nothing is worked out
 * again here. Called with srv.mu held. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proto_json.h"
#include "server.h"

static const char *sector_label(int s)
{
    static const char *const labels[CP_SECTOR_COUNT] = {
        "electric vehicles", "wind turbines", "electronics", "defence", "industry"};
    return s >= 0 && s < CP_SECTOR_COUNT ? labels[s] : "?";
}

static const char *iso(const cp_world *w, int n)
{
    return n >= 0 && n < cp_world_nation_count(w) ? cp_world_nation(w, n)->iso3 : "all";
}

/* A number that JSON can hold (NaN and infinities become null). */
static void add_num(cJSON *o, const char *k, double v)
{
    if (isfinite(v))
        cJSON_AddNumberToObject(o, k, v);
    else
        cJSON_AddNullToObject(o, k);
}

/* ---- welcome ------------------------------------------------------------------------------ */

static cJSON *catalog(const srv *s)
{
    const cp_world *w = cpg_world(s->g);
    cJSON *cat = cJSON_CreateObject();
    cJSON *goods = cJSON_AddArrayToObject(cat, "goods");
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", cp_good_name((cp_good)g));
        cJSON_AddStringToObject(o, "label", cp_good_label((cp_good)g));
        cJSON_AddItemToArray(goods, o);
    }
    cJSON *nations = cJSON_AddArrayToObject(cat, "nations");
    for (int n = 0; n < cp_world_nation_count(w); n++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "iso", cp_world_nation(w, n)->iso3);
        cJSON_AddStringToObject(o, "name", cp_world_nation(w, n)->name);
        cJSON_AddBoolToObject(o, "human", cpg_is_human(s->g, n));
        add_num(o, "lat_deg", cp_world_nation(w, n)->lat_deg);
        add_num(o, "lon_deg", cp_world_nation(w, n)->lon_deg);
        cJSON_AddItemToArray(nations, o);
    }
    cJSON *kinds = cJSON_AddArrayToObject(cat, "facility_kinds");
    for (int k = 0; k < CP_FAC_KIND_COUNT; k++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", cp_facility_kind_name((cp_facility_kind)k));
        cJSON_AddStringToObject(o, "label", cp_facility_kind_label((cp_facility_kind)k));
        cJSON_AddItemToArray(kinds, o);
    }
    cJSON *modes = cJSON_AddArrayToObject(cat, "control_modes");
    for (int m = 0; m <= CP_CONTROL_BANNED; m++)
        cJSON_AddItemToArray(modes, cJSON_CreateString(cp_control_mode_name((cp_control_mode)m)));
    cJSON *orders = cJSON_AddArrayToObject(cat, "orders");
    for (int k = 0; k < CP_ORDER_KIND_COUNT; k++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "kind", cp_order_kind_name((cp_order_kind)k));
        cJSON_AddStringToObject(o, "label", cp_order_kind_label((cp_order_kind)k));
        cJSON *fields = cJSON_AddArrayToObject(o, "fields");
        cJSON *req = cJSON_AddArrayToObject(o, "required");
        unsigned f = proto_order_fields((cp_order_kind)k), r = proto_order_required((cp_order_kind)k);
        for (unsigned bit = 1; bit <= PROTO_F_TURNS; bit <<= 1) {
            if (f & bit)
                cJSON_AddItemToArray(fields, cJSON_CreateString(proto_field_name(bit)));
            if (r & bit)
                cJSON_AddItemToArray(req, cJSON_CreateString(proto_field_name(bit)));
        }
        cp_range range;
        int mode = k == CP_ORDER_SET_EXPORT_CONTROL || k == CP_ORDER_SUSPEND_EXPORT_CONTROL
                       ? CP_CONTROL_LICENSED : CP_CONTROL_OPEN;
        if (cp_order_amount_range((cp_order_kind)k, mode, &range)) {
            cJSON *a = cJSON_AddObjectToObject(o, "amount");
            add_num(a, "lo", range.lo);
            add_num(a, "hi", range.hi);
            cJSON_AddStringToObject(a, "what", range.what ? range.what : "");
        } else {
            cJSON_AddNullToObject(o, "amount");
        }
        cJSON_AddBoolToObject(o, "policy", cp_order_kind_is_policy((cp_order_kind)k));
        cJSON_AddItemToArray(orders, o);
    }
    cJSON *clauses = cJSON_AddArrayToObject(cat, "clause_kinds");
    for (int k = 0; k < CP_CLAUSE_KIND_COUNT; k++)
        cJSON_AddItemToArray(clauses, cJSON_CreateString(cp_clause_kind_name((cp_clause_kind)k)));
    cJSON *events = cJSON_AddArrayToObject(cat, "event_kinds");
    for (int k = 0; k < CP_EVENT_KIND_COUNT; k++)
        cJSON_AddItemToArray(events, cJSON_CreateString(cp_event_kind_name((cp_event_kind)k)));
    return cat;
}

cJSON *srv_welcome_json(const srv *s, const srv_conn *c)
{
    const cp_world *w = cpg_world(s->g);
    const cp_scenario *sc = cp_world_scenario(w);
    const cps_scenario_info *info = cpg_info(s->g);
    cJSON *j = cJSON_CreateObject();
    if (!j)
        return NULL;
    cJSON_AddStringToObject(j, "type", "welcome");
    cJSON_AddNumberToObject(j, "v", 1);
    cJSON_AddStringToObject(j, "role", c->role == ROLE_TEACHER ? "teacher" : "student");
    if (c->role == ROLE_STUDENT) {
        cJSON_AddStringToObject(j, "seat", cp_world_nation(w, c->seat)->iso3);
        cJSON_AddStringToObject(j, "nation", cp_world_nation(w, c->seat)->name);
    } else {
        cJSON_AddNullToObject(j, "seat");
        cJSON_AddNullToObject(j, "nation");
    }
    cJSON_AddStringToObject(j, "name", c->name);
    cJSON_AddStringToObject(j, "scenario", sc->name);
    cJSON_AddStringToObject(j, "title", sc->title);
    cJSON_AddStringToObject(j, "briefing", info && info->briefing ? info->briefing : "");
    cJSON_AddItemToObject(j, "catalog", catalog(s));
    return j;
}

/* ---- state -------------------------------------------------------------------------------- */

static cJSON *me_json(const cp_world *w, int n)
{
    const cp_nation *p = cp_world_nation(w, n);
    cJSON *me = cJSON_CreateObject();
    cJSON_AddStringToObject(me, "iso", p->iso3);
    cJSON_AddStringToObject(me, "name", p->name);
    add_num(me, "budget_musd", p->treasury_musd);
    add_num(me, "budget_musd_per_yr", p->budget_musd_per_yr);
    add_num(me, "gdp_busd_per_yr", p->gdp_busd_per_yr);
    add_num(me, "gdp_loss_busd", p->gdp_loss_busd);
    add_num(me, "pressure", p->pressure);
    add_num(me, "trust", p->trust);
    add_num(me, "score", p->score);
    add_num(me, "mined_t", p->mined_t);
    add_num(me, "separated_t", p->separated_t);
    add_num(me, "heavy_separated_t", p->heavy_separated_t);
    add_num(me, "magnets_t", p->magnets_t);
    add_num(me, "reserves_t", p->reserves_t);
    cJSON *goods = cJSON_AddArrayToObject(me, "goods");
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "good", cp_good_name((cp_good)g));
        add_num(o, "demand_t", p->demand_t[g]);
        add_num(o, "consumed_t", p->consumed_t[g]);
        add_num(o, "shortage_t", p->shortage_t[g]);
        add_num(o, "imports_t", p->imports_t[g]);
        add_num(o, "exports_t", p->exports_t[g]);
        add_num(o, "stock_t", p->stock_t[g]);
        add_num(o, "stockpile_t", p->stockpile_t[g]);
        add_num(o, "price_paid_usd_per_kg", p->price_paid_usd_per_kg[g]);
        add_num(o, "producer_price_usd_per_kg", p->producer_price_usd_per_kg[g]);
        cJSON_AddItemToArray(goods, o);
    }
    add_num(me, "export_revenue_musd", p->export_revenue_musd);
    add_num(me, "import_bill_musd", p->import_bill_musd);
    add_num(me, "tariff_revenue_musd", p->tariff_revenue_musd);
    cJSON_AddBoolToObject(me, "locked", cp_world_policy_locked(w, n));
    return me;
}

static cJSON *policies_json(const cp_world *w, int n)
{
    const cp_policy *pol = &cp_world_nation(w, n)->policy;
    int count = cp_world_nation_count(w);
    cJSON *j = cJSON_CreateObject();
    cJSON *tar = cJSON_AddArrayToObject(j, "tariffs");
    cJSON *ctl = cJSON_AddArrayToObject(j, "export_controls");
    cJSON *quo = cJSON_AddArrayToObject(j, "export_quotas");
    cJSON *tax = cJSON_AddArrayToObject(j, "export_taxes");
    cJSON *flo = cJSON_AddArrayToObject(j, "price_floors");
    cJSON *stock = cJSON_AddArrayToObject(j, "stockpile");
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        const char *gn = cp_good_name((cp_good)g);
        for (int p = 0; p < count; p++) {
            if (p == n)
                continue;
            if (pol->tariff[g][p] != 0) {
                cJSON *o = cJSON_CreateObject();
                cJSON_AddStringToObject(o, "good", gn);
                cJSON_AddStringToObject(o, "partner", iso(w, p));
                add_num(o, "rate", pol->tariff[g][p]);
                cJSON_AddItemToArray(tar, o);
            }
            const cp_export_control *ec = &pol->control[g][p];
            if (ec->mode != CP_CONTROL_OPEN || ec->suspended_turns > 0) {
                double share = 0;
                cp_control_mode now = cp_export_control_now(ec, &share);
                cJSON *o = cJSON_CreateObject();
                cJSON_AddStringToObject(o, "good", gn);
                cJSON_AddStringToObject(o, "partner", iso(w, p));
                cJSON_AddStringToObject(o, "mode", cp_control_mode_name(ec->mode));
                add_num(o, "approval_share", ec->approval_share);
                cJSON_AddNumberToObject(o, "suspended_turns", ec->suspended_turns);
                cJSON_AddStringToObject(o, "mode_now", cp_control_mode_name(now));
                add_num(o, "share_now", share);
                cJSON_AddItemToArray(ctl, o);
            }
        }
        if (pol->export_quota_t[g] >= 0) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "good", gn);
            add_num(o, "t_per_quarter", pol->export_quota_t[g]);
            cJSON_AddItemToArray(quo, o);
        }
        if (pol->export_tax[g] != 0) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "good", gn);
            add_num(o, "rate", pol->export_tax[g]);
            cJSON_AddItemToArray(tax, o);
        }
        if (pol->price_floor_usd_per_kg[g] != 0) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "good", gn);
            add_num(o, "usd_per_kg", pol->price_floor_usd_per_kg[g]);
            cJSON_AddItemToArray(flo, o);
        }
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "good", gn);
        add_num(o, "t", cp_world_nation(w, n)->stockpile_t[g]);
        cJSON_AddItemToArray(stock, o);
    }
    cJSON *sub = cJSON_AddArrayToObject(j, "subsidies");
    for (int k = 0; k < CP_FAC_KIND_COUNT; k++)
        if (pol->subsidy[k] != 0) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "facility_kind", cp_facility_kind_name((cp_facility_kind)k));
            add_num(o, "share", pol->subsidy[k]);
            cJSON_AddItemToArray(sub, o);
        }
    cJSON_AddBoolToObject(j, "tracking", pol->tracking);
    cJSON_AddBoolToObject(j, "tech_ban", pol->tech_ban);
    cJSON_AddBoolToObject(j, "extraterritorial", pol->extraterritorial);
    cJSON_AddBoolToObject(j, "foreign_investment_open", !pol->investment_closed);
    cJSON_AddBoolToObject(j, "locked", cp_world_policy_locked(w, n));
    return j;
}

/* An order in plain words for the pending list: the kind's label and what it names. */
static void order_text(const cp_world *w, const cp_order *o, char *buf, size_t len)
{
    unsigned f = proto_order_fields(o->kind);
    size_t n = (size_t)snprintf(buf, len, "%s", cp_order_kind_label(o->kind));
    if ((f & PROTO_F_GOOD) && n < len)
        n += (size_t)snprintf(buf + n, len - n, ", %s",
                              o->good >= 0 ? cp_good_label((cp_good)o->good) : "all goods");
    if ((f & PROTO_F_FACILITY_KIND) && o->facility_kind >= 0 && n < len)
        n += (size_t)snprintf(buf + n, len - n, ", %s",
                              cp_facility_kind_label((cp_facility_kind)o->facility_kind));
    if ((f & PROTO_F_PARTNER) && n < len)
        n += (size_t)snprintf(buf + n, len - n, ", %s",
                              o->partner >= 0 ? cp_world_nation(w, o->partner)->name : "all nations");
    if ((f & PROTO_F_FACILITY) && n < len)
        n += (size_t)snprintf(buf + n, len - n, ", plant #%d", o->facility);
    if ((f & PROTO_F_MODE) && n < len)
        n += (size_t)snprintf(buf + n, len - n, ", %s",
                              cp_control_mode_name((cp_control_mode)o->mode));
    if ((f & PROTO_F_TURNS) && n < len)
        n += (size_t)snprintf(buf + n, len - n, ", %d quarters", o->turns);
    if ((f & PROTO_F_FLAG) && n < len)
        n += (size_t)snprintf(buf + n, len - n, o->flag ? ", on" : ", off");
    if ((f & PROTO_F_AMOUNT) && n < len)
        snprintf(buf + n, len - n, ", %g", o->amount);
}

cJSON *srv_state_json(const srv *s, int seat, int teacher)
{
    const cp_world *w = cpg_world(s->g);
    int turn = cp_world_turn(w);
    char date[16];
    cJSON *j = cJSON_CreateObject();
    if (!j)
        return NULL;
    cJSON_AddStringToObject(j, "type", "state");
    cJSON_AddNumberToObject(j, "turn", turn);
    cJSON_AddStringToObject(j, "date", cp_world_date_text(w, turn, date, sizeof date));
    cJSON_AddNumberToObject(j, "last_turn", cpg_length(s->g));
    cJSON_AddBoolToObject(j, "paused", s->paused);
    cJSON_AddBoolToObject(j, "over", s->over);
    double left = srv_seconds_left(s);
    if (left < 0)
        cJSON_AddNullToObject(j, "seconds_left");
    else
        cJSON_AddNumberToObject(j, "seconds_left", ceil(left));
    cJSON_AddBoolToObject(j, "ready", seat >= 0 && cpg_is_ready(s->g, seat));
    cJSON *prices = cJSON_AddArrayToObject(j, "prices");
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "good", cp_good_name((cp_good)g));
        cJSON_AddStringToObject(o, "label", cp_good_label((cp_good)g));
        add_num(o, "usd_per_kg", cp_world_market(w, (cp_good)g)->world_price_usd_per_kg);
        add_num(o, "reference_usd_per_kg", cp_world_market(w, (cp_good)g)->reference_price_usd_per_kg);
        if (seat >= 0)
            add_num(o, "paid_usd_per_kg", cp_world_nation(w, seat)->price_paid_usd_per_kg[g]);
        cJSON_AddItemToArray(prices, o);
    }
    if (seat >= 0) {
        const cp_nation *p = cp_world_nation(w, seat);
        cJSON_AddItemToObject(j, "me", me_json(w, seat));
        cJSON *sh = cJSON_AddArrayToObject(j, "shortages");
        for (int k = 0; k < CP_SECTOR_COUNT; k++) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "sector", cp_sector_name((cp_sector)k));
            cJSON_AddStringToObject(o, "label", sector_label(k));
            add_num(o, "shortage_t", p->sector_shortage_t[k]);
            cJSON_AddItemToArray(sh, o);
        }
        cp_score_parts sp;
        cJSON *score = cJSON_AddObjectToObject(j, "score");
        if (cp_world_score_parts(w, seat, turn, &sp) == CP_OK) {
            add_num(score, "total", sp.total);
            cJSON *parts = cJSON_AddObjectToObject(score, "parts");
            cJSON *quarter = cJSON_AddObjectToObject(score, "quarter");
            cJSON *weights = cJSON_AddObjectToObject(score, "weights");
            for (int k = 0; k < CP_PART_COUNT; k++) {
                add_num(parts, cp_score_part_name((cp_score_part)k), sp.part[k]);
                add_num(quarter, cp_score_part_name((cp_score_part)k), sp.quarter[k]);
                add_num(weights, cp_score_part_name((cp_score_part)k), sp.weight[k]);
            }
        }
        cJSON *goals = cJSON_AddArrayToObject(j, "goals");
        for (int k = 0; k < cp_world_goal_count(w, seat); k++) {
            cp_goal_progress gp;
            if (cp_world_goal(w, seat, k, cpg_length(s->g), &gp) != CP_OK)
                continue;
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "text", gp.text);
            cJSON_AddStringToObject(o, "status", cp_goal_status_name(gp.status));
            add_num(o, "value", gp.value);
            add_num(o, "target", gp.target);
            cJSON_AddItemToArray(goals, o);
        }
        cJSON *pipe = cJSON_AddArrayToObject(j, "pipeline");
        for (int k = 0; k < cp_world_facility_count(w); k++) {
            const cp_facility *f = cp_world_facility(w, k);
            if ((f->host != seat && f->funder != seat && f->cofunder != seat) ||
                f->stage == CP_STAGE_CLOSED)
                continue;
            cJSON *o = cJSON_CreateObject();
            cJSON_AddNumberToObject(o, "id", f->id);
            cJSON_AddStringToObject(o, "name", f->name);
            cJSON_AddStringToObject(o, "kind", cp_facility_kind_name(f->kind));
            cJSON_AddStringToObject(o, "host", iso(w, f->host));
            cJSON_AddStringToObject(o, "owner", iso(w, f->funder));
            cJSON_AddStringToObject(o, "stage", cp_stage_name(f->stage));
            add_num(o, "capacity_t_per_yr", f->capacity_t_per_yr);
            add_num(o, "output_t", f->output_t);
            cJSON_AddNumberToObject(o, "online_turn", f->operating_turn);
            cJSON_AddStringToObject(o, "online_date",
                                    cp_world_date_text(w, f->operating_turn, date, sizeof date));
            cJSON_AddItemToArray(pipe, o);
        }
        cJSON_AddItemToObject(j, "policies", policies_json(w, seat));
        cJSON *pend = cJSON_AddArrayToObject(j, "pending");
        for (int k = 0; k < cp_world_pending_count(w); k++) {
            const cp_order *o = cp_world_pending(w, k);
            if (o->nation != seat)
                continue;
            char text[300];
            order_text(w, o, text, sizeof text);
            cJSON *e = cJSON_CreateObject();
            cJSON_AddNumberToObject(e, "index", k);
            cJSON_AddItemToObject(e, "order", proto_order_to_json(w, o));
            cJSON_AddStringToObject(e, "text", text);
            cJSON_AddItemToArray(pend, e);
        }
        cJSON *deals = cJSON_AddArrayToObject(j, "deals");
        for (int id = 0; id < cp_world_deal_count(w); id++) {
            const cp_deal *d = cp_world_deal(w, id);
            if (!d)
                continue;
            int party = -1;
            for (int k = 0; k < d->party_count && k < CP_MAX_PARTIES; k++)
                if (d->parties[k] == seat)
                    party = k;
            if (party < 0)
                continue;
            if (d->status != CP_DEAL_PROPOSED && d->status != CP_DEAL_AGREED &&
                d->status != CP_DEAL_ACTIVE && turn - d->proposed_turn > 4)
                continue; /* finished long ago */
            char text[600];
            cJSON *o = proto_deal_to_json(w, d);
            int other = d->proposer == seat && d->party_count > 1 ? d->parties[1] : d->proposer;
            cJSON_AddStringToObject(o, "to", iso(w, other == seat ? -1 : other));
            cJSON_AddStringToObject(o, "text", cp_deal_terms(w, d, text, sizeof text));
            cJSON_AddBoolToObject(o, "mine_to_answer",
                                  d->status == CP_DEAL_PROPOSED && !d->accepted[party]);
            add_num(o, "value_musd_per_yr", cp_world_deal_value_musd(w, d, seat));
            cJSON_AddItemToArray(deals, o);
        }
    }
    /* the news of the last four quarters, newest first (the teacher: everyone's) */
    enum { NEWS_MAX = 60 };
    int from = turn - 3 < 0 ? 0 : turn - 3;
    int all = cp_world_news_groups(w, from, turn, (unsigned)-1, seat, NULL, 0);
    cp_news_group *groups = all > 0 ? calloc((size_t)all, sizeof *groups) : NULL;
    cJSON *news = cJSON_AddArrayToObject(j, "news");
    if (groups) {
        /* the groups come oldest first: the newest NEWS_MAX of them, newest first */
        int n = cp_world_news_groups(w, from, turn, (unsigned)-1, seat, groups, all);
        if (n > all)
            n = all;
        for (int k = n - 1; k >= 0 && k >= n - NEWS_MAX; k--) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddNumberToObject(o, "turn", groups[k].turn);
            cJSON_AddStringToObject(o, "kind", cp_news_kind_name(groups[k].kind));
            cJSON_AddStringToObject(o, "text", groups[k].text);
            cJSON_AddItemToArray(news, o);
        }
        free(groups);
    }
    cJSON *rep = cJSON_AddArrayToObject(j, "report");
    if (seat >= 0) {
        for (int k = 0; k < cp_world_order_report_count(w, seat); k++) {
            const cp_order_report *r = cp_world_order_report(w, seat, k);
            if (r)
                cJSON_AddItemToArray(rep, cJSON_CreateString(r->text));
        }
        for (int k = 0; k < cp_world_deal_report_count(w, seat); k++) {
            const cp_deal_report *r = cp_world_deal_report(w, seat, k);
            if (r)
                cJSON_AddItemToArray(rep, cJSON_CreateString(r->text));
        }
    }
    (void)teacher;
    cJSON_AddItemToObject(j, "class", srv_class_json(s));
    return j;
}

cJSON *srv_class_json(const srv *s)
{
    const cp_world *w = cpg_world(s->g);
    cJSON *a = cJSON_CreateArray();
    for (int n = 0; n < cp_world_nation_count(w); n++) {
        if (!cpg_is_human(s->g, n))
            continue;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "iso", cp_world_nation(w, n)->iso3);
        cJSON_AddStringToObject(o, "nation", cp_world_nation(w, n)->name);
        cJSON_AddStringToObject(o, "name", s->seat_name[n]);
        cJSON_AddBoolToObject(o, "connected", s->seat_conn[n] != NULL);
        cJSON_AddBoolToObject(o, "ready", cpg_is_ready(s->g, n));
        int orders = 0;
        for (int k = 0; k < cp_world_pending_count(w); k++)
            orders += cp_world_pending(w, k)->nation == n;
        cJSON_AddNumberToObject(o, "orders", orders);
        cJSON_AddItemToArray(a, o);
    }
    return a;
}

/* The world as cp_world_save writes it, in base64, so that a bot runs its agent on a copy. */
cJSON *srv_world_json(const srv *s)
{
    const cp_world *w = cpg_world(s->g);
    unsigned char *buf = NULL;
    size_t len = 0;
    cp_error err;
    if (cp_world_save(w, &buf, &len, &err) != CP_OK)
        return NULL;
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char *out = malloc((len + 2) / 3 * 4 + 1);
    cJSON *j = NULL;
    if (out) {
        size_t o = 0;
        for (size_t i = 0; i < len; i += 3) {
            unsigned v = (unsigned)buf[i] << 16;
            if (i + 1 < len) v |= (unsigned)buf[i + 1] << 8;
            if (i + 2 < len) v |= buf[i + 2];
            out[o++] = b64[(v >> 18) & 63];
            out[o++] = b64[(v >> 12) & 63];
            out[o++] = i + 1 < len ? b64[(v >> 6) & 63] : '=';
            out[o++] = i + 2 < len ? b64[v & 63] : '=';
        }
        out[o] = '\0';
        j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "type", "world");
        cJSON_AddNumberToObject(j, "turn", cp_world_turn(w));
        cJSON_AddStringToObject(j, "save", out);
        free(out);
    }
    free(buf);
    return j;
}

/* ---- sending them ---------------------------------------------------------------------------- */

void srv_send_state(srv *s, srv_conn *c)
{
    cJSON *j = srv_state_json(s, c->role == ROLE_STUDENT ? c->seat : -1, c->role == ROLE_TEACHER);
    if (j) {
        conn_send(c, j);
        cJSON_Delete(j);
    }
}

void srv_broadcast_state(srv *s)
{
    for (int k = 0; k < s->conn_count; k++) {
        srv_conn *c = s->conns[k];
        if (c->role != ROLE_NONE && !c->detached)
            srv_send_state(s, c);
    }
}

void srv_broadcast_class(srv *s)
{
    cJSON *j = cJSON_CreateObject();
    if (!j)
        return;
    cJSON_AddStringToObject(j, "type", "class");
    cJSON_AddItemToObject(j, "class", srv_class_json(s));
    for (int k = 0; k < s->conn_count; k++)
        if (s->conns[k]->role == ROLE_TEACHER && !s->conns[k]->detached)
            conn_send(s->conns[k], j);
    cJSON_Delete(j);
}

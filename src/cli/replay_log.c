/* replay_log.c -- `chokepoint replay FILE --orders --log`: a recorded game read as text, turn by turn.
 *
 * A replay holds every turn's orders, deal actions and the agents' records
 * (instructions, failures, print lines). Played again (replay.c), each turn's
 * world also holds the core's report of what became of every order (done,
 * partly done or refused, and what it spent), so a modder can read why an
 * agent won without opening the window. --orders prints the orders and
 * deal actions, --log the agents' budget use, failures and print lines;
 * --seat ISO3 and --turns A-B narrow it; --json writes one object a line.
 */
#include <stdio.h>
#include <string.h>

#include "replay_log.h"

/* A string as a JSON string (quotes, backslashes and control bytes escaped). */
static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void json_head(FILE *f, int turn, const char *date, const char *kind, const char *iso)
{
    fprintf(f, "{\"turn\":%d,\"date\":\"%s\",\"kind\":\"%s\",\"nation\":", turn, date, kind);
    if (iso)
        json_str(f, iso);
    else
        fputs("null", f);
}

static const char *const action_names[REPLAY_ACTION_COUNT] = {"proposes", "accepts", "rejects",
                                                               "counters", "withdraws"};

void replay_log_turn(FILE *f, const cp_world *w, const replay_turn *t, const replay_log_opts *o)
{
    int played = t->turn - 1; /* the turn whose quarter this record resolved */
    if (played < o->from_turn || played > o->to_turn)
        return;
    char date[16];
    cp_world_date_text(w, played, date, sizeof date);
    if (o->orders) {
        for (int n = 0; n < cp_world_nation_count(w); n++) {
            if (o->seat >= 0 && n != o->seat)
                continue;
            const char *iso = cp_world_nation(w, n)->iso3;
            for (int k = 0; k < cp_world_order_report_count(w, n); k++) {
                const cp_order_report *r = cp_world_order_report(w, n, k);
                const char *kind = cp_order_kind_name(r->order.kind);
                const char *out = cp_outcome_name(r->outcome);
                if (o->json) {
                    json_head(f, played, date, "order", iso);
                    fprintf(f, ",\"order\":\"%s\",\"outcome\":\"%s\",\"spent_musd\":%.3f,"
                            "\"scheduled\":%s,\"text\":", kind, out, r->spent_musd,
                            r->scheduled ? "true" : "false");
                    json_str(f, r->text);
                    fputs("}\n", f);
                } else {
                    fprintf(f, "%s t%-3d %s order %-24s %-8s $%9.1fM  %s%s\n", date, played, iso,
                            kind, out, r->spent_musd, r->scheduled ? "(scheduled) " : "", r->text);
                }
            }
        }
        for (int k = 0; k < t->action_count; k++) {
            const replay_action *a = &t->actions[k];
            if (o->seat >= 0 && a->nation != o->seat)
                continue;
            const cp_nation *who = cp_world_nation(w, a->nation);
            char terms[CP_TEXT_LEN * 4] = "";
            if (a->kind == REPLAY_PROPOSE || a->kind == REPLAY_COUNTER)
                cp_deal_terms(w, &a->deal, terms, sizeof terms);
            const char *what = a->kind < REPLAY_ACTION_COUNT ? action_names[a->kind] : "?";
            if (o->json) {
                json_head(f, played, date, "deal", who ? who->iso3 : NULL);
                fprintf(f, ",\"action\":\"%s\",\"deal\":%d,\"terms\":", what, a->deal_id);
                json_str(f, terms);
                fputs("}\n", f);
            } else {
                fprintf(f, "%s t%-3d %s deal  %s deal %d%s%s\n", date, played,
                        who ? who->iso3 : "???", what, a->deal_id, terms[0] ? ": " : "", terms);
            }
        }
    }
    if (o->log) {
        for (int k = 0; k < t->seat_count; k++) {
            const replay_seat_turn *s = &t->seats[k];
            if (o->seat >= 0 && s->nation != o->seat)
                continue;
            const cp_nation *who = cp_world_nation(w, s->nation);
            const char *iso = who ? who->iso3 : "???";
            if (o->json) {
                json_head(f, played, date, "agent", iso);
                fputs(",\"agent\":", f);
                json_str(f, s->agent);
                fprintf(f, ",\"instructions\":%lld,\"budget\":%lld,\"memory_bytes\":%llu,"
                        "\"orders\":%d,\"refused\":%d,\"failed\":%s,\"message\":",
                        s->instructions, s->budget, (unsigned long long)s->mem_bytes, s->orders,
                        s->refused, s->failed ? "true" : "false");
                json_str(f, s->message);
                fputs("}\n", f);
            } else {
                fprintf(f, "%s t%-3d %s agent %s: %lld of %lld instructions (%.2f%%), %llu KiB, "
                        "%d orders, %d refused%s%s\n", date, played, iso, s->agent,
                        s->instructions, s->budget,
                        s->budget > 0 ? 100.0 * (double)s->instructions / (double)s->budget : 0.0,
                        (unsigned long long)(s->mem_bytes >> 10), s->orders, s->refused,
                        s->failed ? "; FAILED: " : "", s->failed ? s->message : "");
            }
        }
        for (int k = 0; k < t->line_count; k++) {
            const replay_log_line *l = &t->lines[k];
            if (o->seat >= 0 && l->nation != o->seat)
                continue;
            const cp_nation *who = cp_world_nation(w, l->nation);
            if (o->json) {
                json_head(f, played, date, "line", who ? who->iso3 : NULL);
                fputs(",\"text\":", f);
                json_str(f, l->text);
                fputs("}\n", f);
            } else {
                fprintf(f, "%s t%-3d %s log   %s\n", date, played, who ? who->iso3 : "-", l->text);
            }
        }
    }
}

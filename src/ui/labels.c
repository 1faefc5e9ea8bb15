/* labels.c -- display names for the core's enums, kept apart from the core's machine names. */
#include "labels.h"

#include <stdio.h>
#include <string.h>

const char *label_good(cp_good g)
{
    static const char *names[CP_GOOD_COUNT] = {"Ore concentrate", "NdPr oxide", "Dy/Tb oxide",
                                               "NdFeB magnets"};
    return (unsigned)g < CP_GOOD_COUNT ? names[g] : "?";
}

const char *label_good_short(cp_good g)
{
    static const char *names[CP_GOOD_COUNT] = {"Ore", "NdPr", "Dy/Tb", "Magnets"};
    return (unsigned)g < CP_GOOD_COUNT ? names[g] : "?";
}

const char *label_good_unit(cp_good g)
{
    return g == CP_MAGNET ? "t NdFeB" : "t REO";
}

const char *label_sector(cp_sector s)
{
    static const char *names[CP_SECTOR_COUNT] = {"Electric vehicles", "Wind turbines",
                                                 "Electronics", "Defense", "Industrial motors"};
    return (unsigned)s < CP_SECTOR_COUNT ? names[s] : "?";
}

const char *label_stage(cp_stage s)
{
    static const char *names[CP_STAGE_COUNT] = {"Announced", "Permitting", "Construction",
                                                "Ramp-up", "Operating", "Idled", "Closed"};
    return (unsigned)s < CP_STAGE_COUNT ? names[s] : "?";
}

const char *label_kind(cp_facility_kind k)
{
    static const char *names[CP_FAC_KIND_COUNT] = {"Mine", "Separation plant", "Magnet plant",
                                                   "Heavy separation line"};
    return (unsigned)k < CP_FAC_KIND_COUNT ? names[k] : "?";
}

const char *label_kind_short(cp_facility_kind k)
{
    static const char *names[CP_FAC_KIND_COUNT] = {"Mine", "Separation", "Magnets", "Heavy line"};
    return (unsigned)k < CP_FAC_KIND_COUNT ? names[k] : "?";
}

/* The unit of a kind's capacity and output: magnets in t of NdFeB, heavy
 * lines in t of Dy/Tb oxide, the rest in t of REO. */
const char *label_kind_unit(cp_facility_kind k)
{
    return k == CP_FAC_MAGNET ? "t NdFeB" : k == CP_FAC_HEAVY_SEPARATION ? "t Dy/Tb" : "t REO";
}

const char *label_control(cp_control_mode m)
{
    switch (m) {
    case CP_CONTROL_OPEN: return "Open";
    case CP_CONTROL_LICENSED: return "Licensed";
    case CP_CONTROL_BANNED: return "Banned";
    }
    return "?";
}

cp_facility_kind label_stage_of_good(cp_good g)
{
    if (g == CP_ORE) return CP_FAC_MINE;
    if (g == CP_MAGNET) return CP_FAC_MAGNET;
    return CP_FAC_SEPARATION;
}

const char *label_deal_status(cp_deal_status s)
{
    static const char *names[CP_DEAL_STATUS_COUNT] = {"Proposed", "Agreed", "Active", "Rejected",
                                                      "Expired", "Breached", "Withdrawn"};
    return (unsigned)s < CP_DEAL_STATUS_COUNT ? names[s] : "?";
}

/* An agent file's display name from its path: the base name without
 * ".lua", underscores as spaces, the first letter capitalised, which is
 * what every shipped agent's own 'name' field says ("rhythm_card.lua" is
 * "Rhythm card"). An empty path is nobody. */
const char *label_agent(const char *path, char *buf, size_t len)
{
    if (!path || !path[0]) {
        snprintf(buf, len, "Nobody");
        return buf;
    }
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    size_t n = strlen(b);
    if (n > 4 && strcmp(b + n - 4, ".lua") == 0) n -= 4;
    snprintf(buf, len, "%.*s", (int)n, b);
    for (char *c = buf; *c; c++)
        if (*c == '_' || *c == '-') *c = ' ';
    if (buf[0] >= 'a' && buf[0] <= 'z') buf[0] = (char)(buf[0] - 'a' + 'A');
    return buf;
}

/* A good or a kind inside a sentence: "NdPr oxide", "magnets", "a magnet plant". */
const char *label_good_in_text(int g)
{
    static const char *names[CP_GOOD_COUNT] = {"ore concentrate", "NdPr oxide", "Dy/Tb oxide", "magnets"};
    return g == CP_ALL ? "all goods" : (unsigned)g < CP_GOOD_COUNT ? names[g] : "?";
}

const char *label_kind_in_text(int k)
{
    static const char *names[CP_FAC_KIND_COUNT] = {"mine", "separation plant", "magnet plant",
                                                   "heavy separation line"};
    return (unsigned)k < CP_FAC_KIND_COUNT ? names[k] : "?";
}

static const char *nation_name(const cp_world *w, int n)
{
    const cp_nation *x = n >= 0 && n < cp_world_nation_count(w) ? cp_world_nation(w, n) : NULL;
    return x ? x->name : "?";
}

/* A deal's clauses in words with nations by name and goods plainly named,
 * then its term: the window's way of naming a deal (never by its number).
 * The core's cp_deal_describe says the same with codes, for logs and CSVs. */
const char *label_deal_terms(const cp_world *w, const cp_deal *d, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int k = 0; k < d->clause_count && used + 1 < len; k++) {
        const cp_clause *c = &d->clauses[k];
        const char *g = label_good_in_text(c->good), *f = nation_name(w, c->from), *t = nation_name(w, c->to);
        char one[240];
        switch (c->kind) {
        case CP_CLAUSE_TARIFF:
            snprintf(one, sizeof one, "%s caps its tariff on %s from %s at %.0f%%", f, g, t, c->amount * 100);
            break;
        case CP_CLAUSE_LICENCE:
            snprintf(one, sizeof one, "%s licenses %.0f%% of %s requests from %s", f, c->amount * 100, g, t);
            break;
        case CP_CLAUSE_SUSPEND:
            snprintf(one, sizeof one, "%s suspends its controls on %s to %s", f, g, t);
            break;
        case CP_CLAUSE_OFFTAKE:
            if (c->price_usd_per_kg > 0)
                snprintf(one, sizeof one, "%s delivers %.0f t of %s a quarter to %s at $%.0f/kg", f, c->amount, g, t,
                         c->price_usd_per_kg);
            else
                snprintf(one, sizeof one, "%s delivers %.0f t of %s a quarter to %s at the market price", f, c->amount,
                         g, t);
            break;
        case CP_CLAUSE_COINVEST:
            snprintf(one, sizeof one, "%s pays %.0f%% of a %.0f t/yr %s in %s", f, c->amount * 100,
                     c->capacity_t_per_yr, label_kind_in_text(c->facility_kind), t);
            break;
        case CP_CLAUSE_TECH_TRANSFER:
            snprintf(one, sizeof one, "%s shares its %s technology with %s", f, label_kind_in_text(c->facility_kind), t);
            break;
        case CP_CLAUSE_STOCKPILE:
            snprintf(one, sizeof one, "%s hands %.0f t of %s from its stockpile to %s", f, c->amount, g, t);
            break;
        case CP_CLAUSE_ALLIANCE:
            snprintf(one, sizeof one, "%s and %s share stockpiles in a shortage", f, t);
            break;
        default:
            snprintf(one, sizeof one, "?");
        }
        int n = snprintf(buf + used, len - used, "%s%s", k ? "; " : "", one);
        if (n < 0) break;
        used += (size_t)n < len - used ? (size_t)n : len - used - 1;
    }
    if (used + 1 < len) snprintf(buf + used, len - used, ", for %d quarters", d->term_turns);
    return buf;
}

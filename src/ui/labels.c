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
    return g == CP_ALL ? "all goods" : cp_good_label((cp_good)g);
}

const char *label_kind_in_text(int k) { return cp_facility_kind_label((cp_facility_kind)k); }


/* A deal named by its terms (the core's cp_deal_terms: nations by name, goods
 * plainly named, then its term): the window's way of naming a deal, never by
 * its number. */
const char *label_deal_terms(const cp_world *w, const cp_deal *d, char *buf, size_t len)
{
    return cp_deal_terms(w, d, buf, len);
}

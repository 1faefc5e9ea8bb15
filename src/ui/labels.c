/* labels.c -- display names for the core's enums, kept apart from the core's machine names. */
#include "labels.h"

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

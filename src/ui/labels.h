/* labels.h -- the words the window shows for the core's goods, sectors, stages and kinds. */
#ifndef UI_LABELS_H
#define UI_LABELS_H

#include <stddef.h>

#include "chokepoint.h"

/* "NdPr oxide", with a short form for tight places ("NdPr") and the unit
 * its tonnes are counted in ("t REO" or "t NdFeB"). */
const char *label_good(cp_good g);
const char *label_good_short(cp_good g);
const char *label_good_unit(cp_good g);
const char *label_sector(cp_sector s);          /* "Electric vehicles" */
const char *label_stage(cp_stage s);            /* "Ramp-up" */
const char *label_kind(cp_facility_kind k);     /* "Separation plant" */
const char *label_kind_short(cp_facility_kind k); /* "Separation" */
const char *label_kind_unit(cp_facility_kind k);  /* "t REO", "t NdFeB", "t Dy/Tb" */
const char *label_control(cp_control_mode m);   /* "Licensed" */
/* The stage of the chain that makes good 'g' (ore: mining, oxides:
 * separation, magnets: magnet making), as a facility kind. */
cp_facility_kind label_stage_of_good(cp_good g);
const char *label_deal_status(cp_deal_status s); /* "Rejected" */
/* An agent file's display name ("scripts/agents/rhythm_card.lua" -> "Rhythm
 * card"; "" -> "Nobody"), written into 'buf'. */
const char *label_agent(const char *path, char *buf, size_t len);
/* A good (or CP_ALL) and a facility kind inside a sentence: "NdPr oxide",
 * "magnets", "all goods"; "magnet plant". */
const char *label_good_in_text(int g);
const char *label_kind_in_text(int k);
/* A deal named by its terms, nations by name: "Australia delivers 2000 t of
 * NdPr oxide a quarter to United States at the market price, for 8 quarters". */
const char *label_deal_terms(const cp_world *w, const cp_deal *d, char *buf, size_t len);

#endif

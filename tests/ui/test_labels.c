/* test_labels.c -- what a person reads names things plainly: deals by their terms with nations by
 * name (never a code or a deal number), goods and plants by their words (never the core's machine
 * names), agents by the display name their own file gives. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "chokepoint.h"
#include "labels.h"
#include "script.h"

static cp_scenario sc;
static cps_scenario_info info;

/* No ISO code of any nation, no machine name, no underscore. */
static void check_plain(const cp_world *w, const char *text)
{
    for (int n = 0; n < cp_world_nation_count(w); n++)
        CHECK(strstr(text, cp_world_nation(w, n)->iso3) == NULL, "code %s in '%s'", cp_world_nation(w, n)->iso3, text);
    CHECK(strchr(text, '_') == NULL, "a machine name in '%s'", text);
    CHECK(strchr(text, '#') == NULL, "a number for a name in '%s'", text);
}

static void test_deal_terms(void)
{
    cp_error e;
    cp_world *w = cp_world_create(&sc, 1, &e);
    CHECK(w != NULL, "%s", e.message);
    if (!w) return;
    int usa = cp_world_find_nation(w, "USA"), aus = cp_world_find_nation(w, "AUS");
    cp_deal d;
    memset(&d, 0, sizeof d);
    d.party_count = 2;
    d.parties[0] = usa;
    d.parties[1] = aus;
    d.term_turns = 8;
    for (int k = 0; k < CP_CLAUSE_KIND_COUNT && k < CP_MAX_CLAUSES; k++) {
        cp_clause *c = &d.clauses[d.clause_count++];
        c->kind = (cp_clause_kind)k;
        c->from = aus;
        c->to = usa;
        c->good = k % 2 ? CP_HEAVY_OXIDE : CP_LIGHT_OXIDE;
        c->facility_kind = k % 2 ? CP_FAC_MAGNET : CP_FAC_SEPARATION;
        c->amount = 0.5;
        c->capacity_t_per_yr = 2000;
    }
    char text[2000];
    label_deal_terms(w, &d, text, sizeof text);
    check_plain(w, text);
    CHECK(strstr(text, "Australia") && strstr(text, "United States"), "nations by name: %s", text);
    CHECK(strstr(text, "NdPr oxide") && strstr(text, "Dy/Tb oxide"), "goods by name: %s", text);
    CHECK(strstr(text, "magnet plant") && strstr(text, "separation plant"), "plants by name: %s", text);
    CHECK(strstr(text, "for 8 quarters") != NULL, "the term: %s", text);
    /* a buffer too small is cut, never overrun */
    char small[24];
    label_deal_terms(w, &d, small, sizeof small);
    CHECK(strlen(small) < sizeof small, "cut: %s", small);
    for (int s = 0; s < CP_DEAL_STATUS_COUNT; s++) check_plain(w, label_deal_status((cp_deal_status)s));
    cp_world_destroy(w);
}

/* Each shipped agent's display name is the one its file declares (name = "..."). */
static void test_agent_names(void)
{
    char buf[64];
    CHECK(strcmp(label_agent("scripts/agents/rhythm_card.lua", buf, sizeof buf), "Rhythm card") == 0, "%s", buf);
    CHECK(strcmp(label_agent("", buf, sizeof buf), "Nobody") == 0, "%s", buf);
    CHECK(strcmp(label_agent("resource_seller", buf, sizeof buf), "Resource seller") == 0, "%s", buf);
    DIR *d = opendir(CP_DATA_DIR "/scripts/agents");
    CHECK(d != NULL, "no scripts/agents");
    if (!d) return;
    struct dirent *e;
    int seen = 0;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".lua") != 0) continue;
        char path[600], line[400], declared[128] = "";
        snprintf(path, sizeof path, CP_DATA_DIR "/scripts/agents/%s", e->d_name);
        FILE *f = fopen(path, "r");
        while (f && fgets(line, sizeof line, f))
            if (sscanf(line, " name = \"%127[^\"]\"", declared) == 1) break;
        if (f) fclose(f);
        if (!declared[0]) continue; /* a file without a name is shown by its file's */
        label_agent(e->d_name, buf, sizeof buf);
        CHECK(strcmp(buf, declared) == 0, "%s: shown as '%s', declares '%s'", e->d_name, buf, declared);
        seen++;
    }
    closedir(d);
    CHECK(seen >= 5, "only %d named agents", seen);
}

int main(void)
{
    char err[1024];
    if (cps_scenario_load("baseline", &sc, &info, err, sizeof err) != 0) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    RUN(test_deal_terms);
    RUN(test_agent_names);
    cps_scenario_info_free(&info);
    return DONE();
}

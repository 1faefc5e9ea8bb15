/* freetrade.c -- the end screen's counterfactual: the game's scenario and seed under free trade
 * (freetrade.h), stepped a few quarters a frame so that the window keeps answering. The core
 * plays it; this file only writes the scenario without barriers and advances the world. */
#include "freetrade.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(CP_CONTROL_OPEN == 0, "a zeroed export control is an open one");

/* The orders that raise a trade barrier (freetrade.h): a scheduled one is dropped. */
static int is_barrier(cp_order_kind k)
{
    switch (k) {
    case CP_ORDER_SET_TARIFF:
    case CP_ORDER_SET_EXPORT_CONTROL:
    case CP_ORDER_SUSPEND_EXPORT_CONTROL:
    case CP_ORDER_SET_EXPORT_QUOTA:
    case CP_ORDER_SET_EXPORT_TAX:
    case CP_ORDER_SET_TECH_BAN:
    case CP_ORDER_SET_EXTRATERRITORIAL:
        return 1;
    default:
        return 0;
    }
}

void ft_scenario(const cp_scenario *in, cp_scenario *out)
{
    if (out != in) memcpy(out, in, sizeof *out);
    for (int n = 0; n < out->nation_count; n++) {
        cp_policy *p = &out->nations[n].policy;
        for (int g = 0; g < CP_GOOD_COUNT; g++) {
            for (int j = 0; j < CP_MAX_NATIONS; j++) {
                p->tariff[g][j] = 0;
                memset(&p->control[g][j], 0, sizeof p->control[g][j]); /* open, as a loader leaves it */
            }
            p->export_quota_t[g] = -1;
            p->export_tax[g] = 0;
        }
        p->tech_ban = 0;
        p->extraterritorial = 0;
    }
    int k = 0;
    for (int i = 0; i < out->scheduled_count; i++) {
        const cp_scheduled *s = &out->scheduled[i];
        if (!s->is_event && is_barrier(s->order.kind)) continue;
        if (s->is_event && s->event.kind == CP_EVENT_SUMMIT) continue; /* suspends controls there are none of */
        if (k != i) out->scheduled[k] = *s;
        k++;
    }
    out->scheduled_count = k;
    char title[CP_TEXT_LEN];
    snprintf(title, sizeof title, "%.*s under free trade", (int)(sizeof title - 20), in->title);
    snprintf(out->title, sizeof out->title, "%s", title);
}

int ft_start(ft_run *r, const cp_world *game, int turns)
{
    memset(r, 0, sizeof *r);
    r->target = turns;
    cp_scenario *sc = malloc(sizeof *sc);
    if (!sc) {
        r->failed = 1;
        snprintf(r->err, sizeof r->err, "out of memory");
        return -1;
    }
    ft_scenario(cp_world_scenario(game), sc);
    cp_error e;
    r->world = cp_world_create(sc, cp_world_seed(game), &e);
    free(sc);
    if (!r->world) {
        r->failed = 1;
        snprintf(r->err, sizeof r->err, "%s", e.message);
        return -1;
    }
    return 0;
}

int ft_step(ft_run *r, int quarters)
{
    if (!r->world) return 1;
    for (int k = 0; k < quarters && cp_world_turn(r->world) < r->target; k++) cp_world_advance(r->world);
    return cp_world_turn(r->world) >= r->target;
}

int ft_turn(const ft_run *r)
{
    return r->world ? cp_world_turn(r->world) : 0;
}

void ft_free(ft_run *r)
{
    if (r->world) cp_world_destroy(r->world);
    memset(r, 0, sizeof *r);
}

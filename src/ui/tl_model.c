/* tl_model.c -- facility stage history and projection for the capacity timeline. */
#include "tl_model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void tl_log_init(tl_log *log)
{
    memset(log, 0, sizeof *log);
}

void tl_log_free(tl_log *log)
{
    free(log->stage);
    tl_log_init(log);
}

static signed char *row(const tl_log *log, int turn)
{
    return log->stage + (size_t)(turn - log->first_turn) * CP_MAX_FACILITIES;
}

/* Records are indexed by turn; a record for a turn already kept (a world
 * reloaded or re-recorded) overwrites it, and a gap is filled with the
 * same stages so that spans stay continuous. */
int tl_log_record(tl_log *log, const cp_world *w)
{
    int t = cp_world_turn(w);
    if (log->turn_count == 0) log->first_turn = t;
    if (t < log->first_turn) return -1;
    int need = t - log->first_turn + 1;
    if (need > log->turn_cap) {
        int cap = log->turn_cap ? log->turn_cap : 64;
        while (cap < need) cap *= 2;
        signed char *p = realloc(log->stage, (size_t)cap * CP_MAX_FACILITIES);
        if (!p) return -1;
        log->stage = p;
        log->turn_cap = cap;
    }
    for (int k = log->turn_count; k < need - 1; k++) {
        int prev = log->first_turn + k - 1;
        if (k == 0) memset(row(log, log->first_turn), -1, CP_MAX_FACILITIES);
        else memcpy(row(log, log->first_turn + k), row(log, prev), CP_MAX_FACILITIES);
    }
    signed char *r = row(log, t);
    memset(r, -1, CP_MAX_FACILITIES);
    int count = cp_world_facility_count(w);
    for (int f = 0; f < count && f < CP_MAX_FACILITIES; f++) {
        const cp_facility *x = cp_world_facility(w, f);
        int seen = 0;
        for (int k = 0; k < need - 1 && !seen; k++)
            seen = row(log, log->first_turn + k)[f] >= 0;
        if (!seen) log->first_tis[f] = x->turns_in_stage;
        r[f] = (signed char)x->stage;
    }
    if (need > log->turn_count) log->turn_count = need;
    return 0;
}

typedef struct {
    cp_stage stage;
    int t;
    int projected, before_game;
} transition;

/* Build the list of stage changes (before the game, recorded, projected),
 * then turn consecutive changes into spans. */
int tl_spans(const tl_log *log, const cp_world *w, int id, tl_span *out)
{
    const cp_facility *f = cp_world_facility(w, id);
    int T = cp_world_turn(w);
    transition tr[TL_MAX_SPANS];
    int n = 0;

    /* the first record of this facility */
    int first = T, s0 = f->stage, tis = f->turns_in_stage;
    for (int k = 0; k < log->turn_count; k++) {
        int s = row(log, log->first_turn + k)[id];
        if (s >= 0) {
            first = log->first_turn + k;
            s0 = s;
            tis = log->first_tis[id];
            break;
        }
    }
    int start0 = first - tis;
    int unknown = s0 >= CP_STAGE_OPERATING && tis == 0;
    /* stages before the first record, backwards from planned lengths */
    if (!unknown && s0 <= CP_STAGE_OPERATING) {
        transition back[CP_STAGE_COUNT];
        int nb = 0, t = start0;
        for (int s = s0 - 1; s >= CP_STAGE_ANNOUNCED; s--) {
            t -= f->stage_turns[s] > 0 ? f->stage_turns[s] : 1;
            back[nb++] = (transition){(cp_stage)s, t, 0, 1};
        }
        while (nb > 0 && n < TL_MAX_SPANS - 8)
            tr[n++] = back[--nb];
    }
    tr[n++] = (transition){(cp_stage)s0, unknown ? TL_UNKNOWN_START : start0, 0, start0 < first};
    /* recorded changes */
    int last = s0;
    for (int t = first + 1; t <= T && t < log->first_turn + log->turn_count; t++) {
        int s = row(log, t)[id];
        if (s >= 0 && s != last && n < TL_MAX_SPANS - 6) {
            tr[n++] = (transition){(cp_stage)s, t, 0, 0};
            last = s;
        }
    }
    /* projection from the current stage */
    if (f->stage <= CP_STAGE_RAMP_UP) {
        int len = f->stage_turns[f->stage] > 0 ? f->stage_turns[f->stage] : 1;
        int t = T + (int)ceil((1.0 - f->progress) * len - 1e-9);
        if (t <= T) t = T + 1;
        for (int s = f->stage + 1; s <= CP_STAGE_OPERATING && n < TL_MAX_SPANS - 1; s++) {
            tr[n++] = (transition){(cp_stage)s, t, 1, 0};
            if (s < CP_STAGE_OPERATING) t += f->stage_turns[s] > 0 ? f->stage_turns[s] : 1;
        }
    }

    int m = 0;
    for (int k = 0; k < n && m < TL_MAX_SPANS; k++) {
        int t1 = k + 1 < n ? tr[k + 1].t : TL_OPEN_END;
        if (tr[k].stage == CP_STAGE_CLOSED) t1 = tr[k].t + 1; /* a mark, not a bar */
        if (t1 <= tr[k].t) continue;
        tl_span sp = {tr[k].stage, tr[k].t, t1, tr[k].projected, tr[k].before_game};
        /* the current stage: past up to now, projected after */
        if (!sp.projected && sp.t0 < T && sp.t1 > T && tr[k].stage != CP_STAGE_CLOSED) {
            tl_span past = sp;
            past.t1 = T;
            out[m++] = past;
            if (m >= TL_MAX_SPANS) break;
            sp.t0 = T;
            sp.projected = 1;
            sp.before_game = 0;
        } else if (!sp.projected && sp.t0 >= T && tr[k].stage != CP_STAGE_CLOSED) {
            sp.projected = 1;
        }
        out[m++] = sp;
    }
    return m;
}

int tl_operating_turn(const tl_span *spans, int n)
{
    for (int k = 0; k < n; k++)
        if (spans[k].stage == CP_STAGE_OPERATING) return spans[k].t0;
    return TL_OPEN_END;
}

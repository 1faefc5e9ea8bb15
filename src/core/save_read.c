/* save_read.c -- loading a saved world: check the header, then rebuild.
 *
 * cp_world_load trusts nothing. Before it reads a field it checks, in this
 * order, that the buffer is long enough for a header, that it is a world
 * save at all (the magic), that its format version is one this build reads
 * (newer ones are refused: their fields would be misread), that it was
 * saved under this build's model version (a game of other rules would not
 * play on as it was saved: refused, saying so), that the payload
 * length matches the buffer (truncated or padded files), and that the
 * checksum matches (damaged files). Only then does save_fields read the
 * sections, checking every count, index, enum, number and string as it
 * goes (save.c). The heap parts -- the shared scenario, history, news,
 * deals and the deal log -- are rebuilt as cp_world_clone would, owned by
 * the new world alone. Messages say what is wrong; the caller adds the
 * file's name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "save_internal.h"

/* Slots beyond the nations in play are not saved: give them what
 * cp_world_create gives them, so a loaded world is laid out like a new one. */
static void fill_unused_slots(cp_world *w)
{
    int nn = w->nation_count;
    for (int g = 0; g < CP_GOOD_COUNT; g++) {
        double p0 = w->sc->goods[g].reference_price_usd_per_kg;
        for (int i = 0; i < CP_MAX_NATIONS; i++) {
            if (i >= nn) {
                w->mstate[g].price[i] = p0;
                w->mstate[g].quota_premium[i] = 1.0;
                w->demand_scale[g][i] = 1.0;
            }
            for (int j = 0; j < CP_MAX_NATIONS; j++)
                if (i >= nn || j >= nn)
                    w->mstate[g].premium[i][j] = 1.0;
        }
    }
    for (int i = nn; i < CP_MAX_NATIONS; i++)
        for (int k = 0; k < CP_FAC_KIND_COUNT; k++) {
            w->util[i][k] = 1.0;
            w->invest_signal[i][k] = 1.0;
        }
}

uint32_t save_model_version(const unsigned char *buf)
{
    uint32_t v = bytes_get_u32(buf + 12);
    return v == 0 && bytes_get_u32(buf + 8) < 3 ? 1 : v;
}

/* Check the header of 'buf'; returns CP_OK or a refusal naming the problem. */
static cp_status check_header(const unsigned char *buf, size_t len, int any_model, cp_error *err)
{
    if (!buf || len == 0)
        return cp_fail(err, CP_ERR_BAD_VALUE, "truncated: the buffer is empty");
    if (memcmp(buf, SAVE_MAGIC, len < SAVE_MAGIC_BYTES ? len : SAVE_MAGIC_BYTES) != 0)
        return cp_fail(err, CP_ERR_BAD_VALUE, "not a Chokepoint world save (no CPWORLD signature)");
    if (len < SAVE_HEADER_BYTES)
        return cp_fail(err, CP_ERR_BAD_VALUE,
                       "truncated: %zu bytes, too short for a world save's %d-byte header", len,
                       (int)SAVE_HEADER_BYTES);
    uint32_t version = bytes_get_u32(buf + 8);
    if (version > SAVE_VERSION)
        return cp_fail(err, CP_ERR_BAD_VALUE,
                       "format version %u is newer than this build reads (%d to %d): "
                       "it was saved by a later Chokepoint",
                       version, (int)SAVE_VERSION_OLDEST, (int)SAVE_VERSION);
    if (version < SAVE_VERSION_OLDEST)
        return cp_fail(err, CP_ERR_BAD_VALUE,
                       "format version %u is older than this build reads (%d to %d)", version,
                       (int)SAVE_VERSION_OLDEST, (int)SAVE_VERSION);
    if (version < 3 && bytes_get_u32(buf + 12) != 0)
        return cp_fail(err, CP_ERR_BAD_VALUE, "damaged header: reserved field is not 0");
    uint64_t payload = bytes_get_u64(buf + 16);
    size_t have = len - SAVE_HEADER_BYTES;
    if (payload > have)
        return cp_fail(err, CP_ERR_BAD_VALUE,
                       "truncated: the header promises %llu bytes of data, %zu are there",
                       (unsigned long long)payload, have);
    if (payload < have)
        return cp_fail(err, CP_ERR_BAD_VALUE, "%zu unexpected bytes after the end of the save",
                       have - (size_t)payload);
    if (bytes_get_u64(buf + 24) != save_checksum(buf, len))
        return cp_fail(err, CP_ERR_BAD_VALUE, "corrupted: the checksum does not match the data");
    uint32_t model = save_model_version(buf);
    if (!any_model && model != CP_MODEL_VERSION)
        return cp_fail(err, CP_ERR_BAD_VALUE,
                       "saved under model version %u of the rules; this build plays model "
                       "version %d, whose prices and plants would not carry the game on as it "
                       "was saved: start a new game, or load it with the Chokepoint that saved it",
                       model, CP_MODEL_VERSION);
    return CP_OK;
}

cp_world *cp_world_load(const unsigned char *buf, size_t len, cp_error *err)
{
    return save_load(buf, len, 0, err);
}

cp_world *save_load(const unsigned char *buf, size_t len, int any_model, cp_error *err)
{
    if (check_header(buf, len, any_model, err) != CP_OK)
        return NULL;
    cp_world *w = calloc(1, sizeof *w);
    cp_shared_scenario *shared = calloc(1, sizeof *shared);
    if (!w || !shared || mkt_scratch_alloc(w) != 0) {
        if (w)
            mkt_scratch_free(w);
        free(w);
        free(shared);
        cp_fail(err, CP_ERR_FULL, "out of memory loading the world");
        return NULL;
    }
    atomic_init(&shared->refs, 1);
    cp_scenario_defaults(&shared->sc); /* what a field an old version lacks falls back to */
    w->shared = shared;
    w->sc = &shared->sc;

    save_io io;
    memset(&io, 0, sizeof io);
    io.reading = 1;
    io.version = bytes_get_u32(buf + 8);
    io.in = buf;
    io.pos = SAVE_HEADER_BYTES;
    io.limit = io.end = len;
    if (save_fields(&io, w) == 0 && io.pos != len) {
        io.failed = 1;
        io.code = CP_ERR_BAD_VALUE;
        snprintf(io.message, sizeof io.message, "%zu bytes after the last section", len - io.pos);
    }
    if (io.failed) {
        cp_world_destroy(w);
        cp_fail(err, io.code, "%s", io.message);
        return NULL;
    }
    fill_unused_slots(w);
    save_rehash_logs(w); /* the state hash's running parts, from what was read */
    w->rep_deal_from = w->deal_event_count; /* the turn report starts empty */
    if (hist_rebuild_parts(w) != 0) {
        cp_world_destroy(w);
        cp_fail(err, CP_ERR_FULL, "out of memory loading the world");
        return NULL;
    }
    return w;
}

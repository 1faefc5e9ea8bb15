/* chunk_cache.c -- agent files compiled once per process, not once per game.
 *
 * A tournament seats the same few agent files in thousands of games, and
 * parsing them was about half of seating an agent. A text is compiled (as
 * text: agents may never load binary chunks) in a scratch state, and the
 * host dumps the function with its debug information, so that errors still
 * name the file and line. Every sandbox loads that dump, and later loads of
 * the very same text (compared byte for byte, under the same name) reuse it.
 * The dump is the host's own output from this process, never bytes an agent
 * supplied. An edited file is a different text, so hot reload compiles it
 * afresh. Games may run in threads: one mutex guards the table, and loading
 * a dump happens outside it.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "chunk_cache.h"

enum { CACHE_SLOTS = 64 };
static const size_t CACHE_MAX_BYTES = (size_t)32 << 20;

typedef struct {
    char display[256];
    char *text; /* the source, to compare */
    size_t text_len;
    char *code; /* the dump */
    size_t code_len;
} slot;

static slot slots[CACHE_SLOTS];
static int slot_count;
static size_t cached_bytes;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

typedef struct {
    char *data;
    size_t len, cap;
} dump_buf;

static int write_dump(lua_State *L, const void *p, size_t n, void *ud)
{
    (void)L;
    dump_buf *b = ud;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n)
            cap *= 2;
        char *grown = realloc(b->data, cap);
        if (!grown)
            return 1;
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
    return 0;
}

/* A copy of the cached dump of 'text' under 'display', or NULL. */
static char *lookup(const char *text, size_t len, const char *display, size_t *code_len)
{
    char *copy = NULL;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < slot_count; i++) {
        const slot *s = &slots[i];
        if (s->text_len == len && strcmp(s->display, display) == 0 &&
            memcmp(s->text, text, len) == 0) {
            copy = malloc(s->code_len);
            if (copy) {
                memcpy(copy, s->code, s->code_len);
                *code_len = s->code_len;
            }
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    return copy;
}

static void remember(const char *text, size_t len, const char *display, dump_buf *code)
{
    pthread_mutex_lock(&lock);
    int known = 0;
    for (int i = 0; i < slot_count && !known; i++)
        known = slots[i].text_len == len && strcmp(slots[i].display, display) == 0 &&
                memcmp(slots[i].text, text, len) == 0;
    if (!known && slot_count < CACHE_SLOTS && strlen(display) < sizeof slots[0].display &&
        cached_bytes + len + code->len <= CACHE_MAX_BYTES) {
        slot *s = &slots[slot_count];
        s->text = malloc(len ? len : 1);
        if (s->text) {
            memcpy(s->text, text, len);
            s->text_len = len;
            strcpy(s->display, display);
            s->code = code->data; /* the slot keeps the buffer */
            s->code_len = code->len;
            code->data = NULL;
            cached_bytes += len + s->code_len;
            slot_count++;
        }
    }
    pthread_mutex_unlock(&lock);
}

/* Compile 'text' in a scratch state of its own and dump it. Parsing in the
 * sandbox itself would create objects there that a cached load does not, and
 * the numbers agents see in tostring(table) would then depend on whether the
 * file had been loaded before in this process. */
static int compile(const char *text, size_t len, const char *chunkname, dump_buf *out, char *err,
                   size_t errlen)
{
    lua_State *L = luaL_newstate();
    if (!L) {
        snprintf(err, errlen, "%s: out of memory compiling", chunkname + 1);
        return -1;
    }
    int rc = -1;
    int st = luaL_loadbufferx(L, text, len, chunkname, "t");
    if (st != LUA_OK) {
        const char *m = lua_tostring(L, -1);
        if (st == LUA_ERRMEM)
            snprintf(err, errlen, "%s: file too large for the sandbox's memory cap", chunkname + 1);
        else
            cps_load_error(chunkname + 1, m, err, errlen);
    } else if (lua_dump(L, write_dump, out, 0) != 0 || !out->data) {
        snprintf(err, errlen, "%s: out of memory compiling", chunkname + 1);
    } else {
        rc = 0;
    }
    lua_close(L);
    return rc;
}

int cps_chunk_load(cps_sandbox *sb, const char *text, size_t len, const char *display, char *err,
                   size_t errlen)
{
    char chunkname[300];
    snprintf(chunkname, sizeof chunkname, "@%s", display);
    dump_buf b = {0};
    b.data = lookup(text, len, display, &b.len);
    if (!b.data) {
        if (compile(text, len, chunkname, &b, err, errlen) != 0) {
            free(b.data);
            return -1;
        }
        remember(text, len, display, &b); /* takes b.data when it keeps it */
        if (!b.data) {
            b.data = lookup(text, len, display, &b.len);
            if (!b.data) {
                snprintf(err, errlen, "%s: out of memory compiling", display);
                return -1;
            }
        }
    }
    /* every load, first or cached, is the same binary load of the host's
     * own dump, so the sandbox sees the same allocations either way */
    snprintf(sb->display, sizeof sb->display, "%s", display);
    sb->mem_enforce = 1;
    int st = luaL_loadbufferx(sb->L, b.data, b.len, chunkname, "b");
    sb->mem_enforce = 0;
    free(b.data);
    if (st == LUA_OK)
        return 0;
    lua_pop(sb->L, 1);
    snprintf(err, errlen, "%s: file too large for the sandbox's memory cap", display);
    return -1;
}

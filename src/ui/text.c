/* text.c -- font lookup and the texture cache behind every string the window draws. */
#include "text.h"

#include <SDL_ttf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "file_read.h"
#include "theme.h"

enum {
    INDEX_SIZE = 8192,       /* hash slots, a power of two, >= 2 * MAX_ENTRIES */
    MAX_ENTRIES = 3000,
    STALE_FRAMES = 600,      /* about ten seconds at 60 fps */
    SWEEP_EVERY_FRAMES = 120
};

typedef struct {
    uint32_t hash;
    unsigned char font;
    SDL_Color colour;
    int wrap_px;
    char *str;
    SDL_Texture *tex;
    int w, h;
    unsigned last_frame;
} entry;

struct text_cache {
    SDL_Renderer *renderer;
    TTF_Font *fonts[FONT_COUNT];
    char regular_path[512], bold_path[512];
    float scale;
    entry *entries;
    int count;
    int index[INDEX_SIZE]; /* entry number + 1, 0 = empty */
    unsigned frame;
};

/* Places where Debian's fonts-dejavu-core and other systems put DejaVu Sans;
 * $CHOKEPOINT_FONT_DIR comes first. */
static int find_fonts(text_cache *tc, char *err, size_t errlen)
{
    const char *dirs[] = {getenv("CHOKEPOINT_FONT_DIR"), "/usr/share/fonts/truetype/dejavu",
                          "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF",
                          "/usr/local/share/fonts/dejavu", "/usr/local/share/fonts",
                          "/opt/homebrew/share/fonts", "/Library/Fonts"};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        if (!dirs[i] || !dirs[i][0]) continue;
        char reg[512], bold[512];
        snprintf(reg, sizeof reg, "%s/DejaVuSans.ttf", dirs[i]);
        snprintf(bold, sizeof bold, "%s/DejaVuSans-Bold.ttf", dirs[i]);
        char why[256]; /* regular files only: SDL_ttf would block on a FIFO */
        if (file_check_regular(reg, why, sizeof why) != FILE_READ_OK) continue;
        snprintf(tc->regular_path, sizeof tc->regular_path, "%s", reg);
        if (file_check_regular(bold, why, sizeof why) == FILE_READ_OK) {
            snprintf(tc->bold_path, sizeof tc->bold_path, "%s", bold);
        } else {
            snprintf(tc->bold_path, sizeof tc->bold_path, "%s", reg);
        }
        return 0;
    }
    snprintf(err, errlen,
             "DejaVuSans.ttf not found in $CHOKEPOINT_FONT_DIR, /usr/share/fonts/truetype/dejavu "
             "or the other usual places; install fonts-dejavu-core");
    return -1;
}

static void drop_all(text_cache *tc)
{
    for (int i = 0; i < tc->count; i++) {
        SDL_DestroyTexture(tc->entries[i].tex);
        free(tc->entries[i].str);
    }
    tc->count = 0;
    memset(tc->index, 0, sizeof tc->index);
}

static void close_fonts(text_cache *tc)
{
    for (int i = 0; i < FONT_COUNT; i++) {
        if (tc->fonts[i]) TTF_CloseFont(tc->fonts[i]);
        tc->fonts[i] = NULL;
    }
}

static int open_fonts(text_cache *tc, float scale, char *err, size_t errlen)
{
    static const int pts[FONT_COUNT] = {PT_SMALL, PT_BODY, PT_BODY, PT_HEAD, PT_TITLE};
    static const int bold[FONT_COUNT] = {0, 0, 1, 1, 1};
    for (int i = 0; i < FONT_COUNT; i++) {
        int px = (int)(pts[i] * scale + 0.5f);
        tc->fonts[i] = TTF_OpenFont(bold[i] ? tc->bold_path : tc->regular_path, px);
        if (!tc->fonts[i]) {
            if (err) snprintf(err, errlen, "%s: %s", tc->regular_path, TTF_GetError());
            close_fonts(tc);
            return -1;
        }
        TTF_SetFontHinting(tc->fonts[i], TTF_HINTING_LIGHT);
    }
    tc->scale = scale;
    return 0;
}

text_cache *text_create(SDL_Renderer *r, float scale, char *err, size_t errlen)
{
    if (!TTF_WasInit() && TTF_Init() != 0) {
        snprintf(err, errlen, "SDL_ttf: %s", TTF_GetError());
        return NULL;
    }
    text_cache *tc = calloc(1, sizeof *tc);
    if (!tc) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    tc->renderer = r;
    tc->entries = calloc(MAX_ENTRIES, sizeof *tc->entries);
    if (!tc->entries || find_fonts(tc, err, errlen) != 0 || open_fonts(tc, scale, err, errlen) != 0) {
        if (tc->entries == NULL) snprintf(err, errlen, "out of memory");
        free(tc->entries);
        free(tc);
        return NULL;
    }
    return tc;
}

void text_destroy(text_cache *tc)
{
    if (!tc) return;
    drop_all(tc);
    close_fonts(tc);
    free(tc->entries);
    free(tc);
}

int text_set_scale(text_cache *tc, float scale)
{
    if (scale == tc->scale) return 0;
    drop_all(tc);
    close_fonts(tc);
    return open_fonts(tc, scale, NULL, 0);
}

/* FNV-1a over the string, then the font, colour and wrap width (a key for
 * this process's caches only: never saved or compared across machines). */
static uint32_t key_hash(font_id f, SDL_Color c, int wrap_px, const char *s)
{
    uint32_t h = bytes_fnv1a32(BYTES_FNV32_BASIS, s, strlen(s));
    uint32_t extra[3] = {(uint32_t)f, (uint32_t)c.r << 24 | (uint32_t)c.g << 16 | (uint32_t)c.b << 8 | c.a,
                         (uint32_t)wrap_px};
    return bytes_fnv1a32(h, extra, sizeof extra);
}

static void index_insert(text_cache *tc, int e)
{
    uint32_t slot = tc->entries[e].hash & (INDEX_SIZE - 1);
    while (tc->index[slot]) slot = (slot + 1) & (INDEX_SIZE - 1);
    tc->index[slot] = e + 1;
}

/* Drop entries not drawn for STALE_FRAMES (or, when full, the older half)
 * and rebuild the index over the survivors. */
static void sweep(text_cache *tc, int force)
{
    unsigned limit = force ? STALE_FRAMES / 4 : STALE_FRAMES;
    int kept = 0;
    for (int i = 0; i < tc->count; i++) {
        entry *e = &tc->entries[i];
        if (tc->frame - e->last_frame > limit) {
            SDL_DestroyTexture(e->tex);
            free(e->str);
        } else {
            tc->entries[kept++] = *e;
        }
    }
    /* still full: everything not drawn this very frame goes */
    if (force && kept >= MAX_ENTRIES) {
        int k2 = 0;
        for (int i = 0; i < kept; i++) {
            entry *e = &tc->entries[i];
            if (e->last_frame != tc->frame) {
                SDL_DestroyTexture(e->tex);
                free(e->str);
            } else {
                tc->entries[k2++] = *e;
            }
        }
        kept = k2;
    }
    tc->count = kept;
    memset(tc->index, 0, sizeof tc->index);
    for (int i = 0; i < tc->count; i++) index_insert(tc, i);
}

SDL_Texture *text_get(text_cache *tc, font_id f, SDL_Color c, const char *str, int wrap_px,
                      int *w, int *h)
{
    if (w) *w = 0;
    if (h) *h = 0;
    if (!str || !str[0] || (unsigned)f >= FONT_COUNT) return NULL;
    uint32_t hash = key_hash(f, c, wrap_px, str);
    uint32_t slot = hash & (INDEX_SIZE - 1);
    while (tc->index[slot]) {
        entry *e = &tc->entries[tc->index[slot] - 1];
        if (e->hash == hash && e->font == f && e->wrap_px == wrap_px &&
            memcmp(&e->colour, &c, sizeof c) == 0 && strcmp(e->str, str) == 0) {
            e->last_frame = tc->frame;
            if (w) *w = e->w;
            if (h) *h = e->h;
            return e->tex;
        }
        slot = (slot + 1) & (INDEX_SIZE - 1);
    }
    if (tc->count >= MAX_ENTRIES) sweep(tc, 1);
    if (tc->count >= MAX_ENTRIES) return NULL;
    SDL_Surface *s = wrap_px > 0 ? TTF_RenderUTF8_Blended_Wrapped(tc->fonts[f], str, c, (Uint32)wrap_px)
                                 : TTF_RenderUTF8_Blended(tc->fonts[f], str, c);
    if (!s) return NULL;
    SDL_Texture *t = SDL_CreateTextureFromSurface(tc->renderer, s);
    int sw = s->w, sh = s->h;
    SDL_FreeSurface(s);
    char *copy = t ? malloc(strlen(str) + 1) : NULL;
    if (!copy) {
        if (t) SDL_DestroyTexture(t);
        return NULL;
    }
    strcpy(copy, str);
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    entry *e = &tc->entries[tc->count];
    *e = (entry){hash, (unsigned char)f, c, wrap_px, copy, t, sw, sh, tc->frame};
    index_insert(tc, tc->count);
    tc->count++;
    if (w) *w = sw;
    if (h) *h = sh;
    return t;
}

int text_draw(text_cache *tc, font_id f, SDL_Color c, const char *str, int x, int y,
              text_align align)
{
    int w, h;
    SDL_Texture *t = text_get(tc, f, c, str, 0, &w, &h);
    if (!t) return 0;
    SDL_Rect dst = {align == ALIGN_LEFT ? x : align == ALIGN_CENTER ? x - w / 2 : x - w, y, w, h};
    SDL_RenderCopy(tc->renderer, t, NULL, &dst);
    return w;
}

int text_draw_wrapped(text_cache *tc, font_id f, SDL_Color c, const char *str, int x, int y,
                      int wrap_px)
{
    int w, h;
    SDL_Texture *t = text_get(tc, f, c, str, wrap_px, &w, &h);
    if (!t) return 0;
    SDL_Rect dst = {x, y, w, h};
    SDL_RenderCopy(tc->renderer, t, NULL, &dst);
    return h;
}

/* Widths measured before, by font and string: labels and tables measure
 * the same strings every frame, and shaping them costs more than drawing
 * them. A string that is not here is measured and takes its slot. */
enum { WIDTH_SLOTS = 1024, WIDTH_STR = 64 };
static struct {
    const text_cache *tc;
    float scale;
    font_id font;
    int w;
    char str[WIDTH_STR];
} widths[WIDTH_SLOTS];

int text_width(text_cache *tc, font_id f, const char *str)
{
    int w = 0;
    if (!str || !str[0]) return 0;
    size_t n = strlen(str);
    uint32_t slot = 0;
    if (n < WIDTH_STR) {
        slot = key_hash(f, (SDL_Color){0, 0, 0, 0}, 0, str) & (WIDTH_SLOTS - 1);
        if (widths[slot].tc == tc && widths[slot].scale == tc->scale && widths[slot].font == f &&
            strcmp(widths[slot].str, str) == 0)
            return widths[slot].w;
    }
    TTF_SizeUTF8(tc->fonts[f], str, &w, NULL);
    if (n < WIDTH_STR) {
        widths[slot].tc = tc;
        widths[slot].scale = tc->scale;
        widths[slot].font = f;
        widths[slot].w = w;
        memcpy(widths[slot].str, str, n + 1);
    }
    return w;
}

int text_wrapped_height(text_cache *tc, font_id f, const char *str, int wrap_px)
{
    int w, h;
    text_get(tc, f, COL_TEXT, str, wrap_px, &w, &h);
    return h;
}

int text_line_h(text_cache *tc, font_id f)
{
    return TTF_FontLineSkip(tc->fonts[f]);
}

const char *text_fit(text_cache *tc, font_id f, const char *str, int max_px, char *out,
                     size_t outlen)
{
    snprintf(out, outlen, "%s", str);
    if (text_width(tc, f, out) <= max_px) return out;
    size_t n = strlen(out);
    /* cut whole UTF-8 characters until the text and "…" fit */
    while (n > 0) {
        n--;
        while (n > 0 && ((unsigned char)out[n] & 0xC0) == 0x80) n--;
        if (n + 4 > outlen) continue;
        memcpy(out + n, "\xE2\x80\xA6", 4);
        if (text_width(tc, f, out) <= max_px) return out;
    }
    out[0] = '\0';
    return out;
}

void text_frame_end(text_cache *tc)
{
    tc->frame++;
    if (tc->frame % SWEEP_EVERY_FRAMES == 0) sweep(tc, 0);
}

int text_cached_count(const text_cache *tc)
{
    return tc->count;
}

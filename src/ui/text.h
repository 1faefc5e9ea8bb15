/* text.h -- text through SDL2_ttf: DejaVu Sans found at run time, rendered once into cached textures.
 *
 * Every string drawn is looked up in a cache keyed by font, colour, wrap
 * width and the bytes of the string; a miss renders it with
 * TTF_RenderUTF8_Blended once. Static labels therefore cost one texture copy
 * per frame, and numbers only re-render when they change. Entries unused for
 * a few seconds are dropped. Sizes are in output pixels: the cache opens its
 * fonts at point size times the display scale, so text stays sharp on HiDPI
 * screens.
 */
#ifndef UI_TEXT_H
#define UI_TEXT_H

#include <SDL.h>
#include <stddef.h>

typedef enum {
    FONT_SMALL = 0, /* 12 pt: units, captions, axis labels */
    FONT_BODY,      /* 14 pt */
    FONT_BODY_BOLD,
    FONT_HEAD,      /* 16 pt bold: panel titles */
    FONT_TITLE,     /* 20 pt bold: the date, a nation's name */
    FONT_COUNT
} font_id;

typedef enum { ALIGN_LEFT = 0, ALIGN_CENTER, ALIGN_RIGHT } text_align;

typedef struct text_cache text_cache;

/* Find DejaVu Sans (and its bold face) and open them at 'scale' times the
 * point sizes. Returns NULL with a message naming the places searched. */
text_cache *text_create(SDL_Renderer *r, float scale, char *err, size_t errlen);
void text_destroy(text_cache *tc);

/* Reopen the fonts for a new display scale (a window moved to a HiDPI
 * screen); drops every cached texture. Returns 0 or -1. */
int text_set_scale(text_cache *tc, float scale);

/* The texture of 'str' (NULL for an empty string), its size in '*w', '*h'.
 * 'wrap_px' > 0 wraps lines at that width. */
SDL_Texture *text_get(text_cache *tc, font_id f, SDL_Color c, const char *str, int wrap_px,
                      int *w, int *h);

/* Draw 'str' with its top edge at 'y' and its left edge, centre or right
 * edge at 'x'; returns its width. */
int text_draw(text_cache *tc, font_id f, SDL_Color c, const char *str, int x, int y,
              text_align align);
/* Draw wrapped at 'wrap_px'; returns the height used. */
int text_draw_wrapped(text_cache *tc, font_id f, SDL_Color c, const char *str, int x, int y,
                      int wrap_px);
/* Size without drawing. */
int text_width(text_cache *tc, font_id f, const char *str);
int text_wrapped_height(text_cache *tc, font_id f, const char *str, int wrap_px);
/* The line height of font 'f' in pixels. */
int text_line_h(text_cache *tc, font_id f);

/* Copy 'str' into 'out', shortened with an ellipsis to fit 'max_px'. */
const char *text_fit(text_cache *tc, font_id f, const char *str, int max_px, char *out,
                     size_t outlen);

/* Call once a frame, after drawing: ages entries and drops stale ones. */
void text_frame_end(text_cache *tc);

/* Entries in the cache, for tests and the benchmark. */
int text_cached_count(const text_cache *tc);

#endif

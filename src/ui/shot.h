/* shot.h -- save what the renderer has drawn as a PNG (stb_image_write). */
#ifndef UI_SHOT_H
#define UI_SHOT_H

#include <SDL.h>
#include <stddef.h>

/* Read the renderer's output and write it to 'path' as PNG. Call after
 * drawing a frame and before presenting it. Returns 0, or -1 with a
 * message in 'err'. */
int shot_save(SDL_Renderer *r, const char *path, char *err, size_t errlen);

/* The renderer's output as RGBA bytes, rows top to bottom (malloc'd,
 * the caller frees it), for screenshots and the render tests. Returns the
 * pixels with the size in 'w' and 'h', or NULL with a message. */
unsigned char *shot_read_rgba(SDL_Renderer *r, int *w, int *h, char *err, size_t errlen);

/* A new file name under 'dir' (created if missing), e.g.
 * saves/chokepoint-2025Q3-turn2.png, never overwriting an older one.
 * Returns 0, or -1 with a message. */
int shot_next_path(const char *dir, const char *stem, char *path, size_t len, char *err, size_t errlen);

#endif

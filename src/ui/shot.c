/* shot.c -- screenshots: read back the frame and write a PNG under saves/ (or the
 * player's data folder when installed: cps_saves_dir). */
#define _POSIX_C_SOURCE 200809L /* mkdir */
#include "shot.h"
#include "file_io.h"

#include <errno.h>
#include <stb_image_write.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

unsigned char *shot_read_rgba(SDL_Renderer *r, int *w, int *h, char *err, size_t errlen)
{
    if (SDL_GetRendererOutputSize(r, w, h) != 0 || *w <= 0 || *h <= 0) {
        snprintf(err, errlen, "screenshot: no output size: %s", SDL_GetError());
        return NULL;
    }
    unsigned char *px = malloc((size_t)*w * *h * 4);
    if (!px) {
        snprintf(err, errlen, "screenshot: out of memory");
        return NULL;
    }
    /* ABGR8888 is R, G, B, A in memory on little-endian machines, RGBA8888
     * on big-endian ones: the byte order stb expects either way */
    Uint32 fmt = SDL_BYTEORDER == SDL_LIL_ENDIAN ? SDL_PIXELFORMAT_ABGR8888 : SDL_PIXELFORMAT_RGBA8888;
    if (SDL_RenderReadPixels(r, NULL, fmt, px, *w * 4) != 0) {
        snprintf(err, errlen, "screenshot: %s", SDL_GetError());
        free(px);
        return NULL;
    }
    for (size_t i = 0; i < (size_t)*w * *h; i++) px[i * 4 + 3] = 255; /* opaque */
    return px;
}

int shot_save(SDL_Renderer *r, const char *path, char *err, size_t errlen)
{
    int w, h;
    unsigned char *px = shot_read_rgba(r, &w, &h, err, errlen);
    if (!px) return -1;
    int ok = stbi_write_png(path, w, h, 4, px, w * 4);
    free(px);
    if (!ok) {
        snprintf(err, errlen, "screenshot: cannot write %s: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}

int shot_next_path(const char *dir, const char *stem, char *path, size_t len, char *err, size_t errlen)
{
    /* the player's folder may be ~/.local/share/chokepoint: parents and all */
    char why[1200];
    if (file_mkdirs(dir, why, sizeof why) != 0) {
        snprintf(err, errlen, "screenshot: %s", why);
        return -1;
    }
    for (int k = 0; k < 1000; k++) {
        if (k == 0) snprintf(path, len, "%s/%s.png", dir, stem);
        else snprintf(path, len, "%s/%s-%d.png", dir, stem, k + 1);
        struct stat st; /* a free name (never opened: it might be a FIFO) */
        if (lstat(path, &st) != 0) return 0;
    }
    snprintf(err, errlen, "screenshot: too many screenshots named %s in %s/", stem, dir);
    return -1;
}

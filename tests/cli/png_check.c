/* png_check.c -- a test helper for the debrief pack: is a PNG the size it should be, and
 * does it show something (many colours, most pixels not the background, and the data's own
 * colours: a chart without its series is blank however busy its frame)?
 * Usage: png_check FILE WIDTH HEIGHT [RRGGBB:MIN_PIXELS]...; prints what it found, exits 0
 * when it all holds. */
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: png_check FILE WIDTH HEIGHT [RRGGBB:MIN_PIXELS]...\n");
        return 2;
    }
    int w, h, n;
    unsigned char *px = stbi_load(argv[1], &w, &h, &n, 3);
    if (!px) {
        printf("%s: not a PNG: %s\n", argv[1], stbi_failure_reason());
        return 1;
    }
    /* distinct colours (a coarse 15-bit count) and the share of pixels that
     * differ from the top-left one, the background */
    static unsigned char seen[1 << 15];
    memset(seen, 0, sizeof seen);
    long colours = 0, differ = 0, total = (long)w * h;
    for (long i = 0; i < total; i++) {
        const unsigned char *p = px + i * 3;
        unsigned key = (unsigned)(p[0] >> 3) << 10 | (unsigned)(p[1] >> 3) << 5 | (unsigned)(p[2] >> 3);
        if (!seen[key]) seen[key] = 1, colours++;
        if (p[0] != px[0] || p[1] != px[1] || p[2] != px[2]) differ++;
    }
    double share = total ? (double)differ / total : 0;
    printf("%s: %dx%d, %ld colours, %.0f%% of pixels not background", argv[1], w, h, colours, share * 100);
    /* a chart on white paper is mostly page: the data colours below say that
     * the series are drawn; these two say that the frame is not blank */
    int ok = w == atoi(argv[2]) && h == atoi(argv[3]) && colours >= 24 && share > 0.08;
    /* pixels of each colour asked for, exactly */
    for (int a = 4; a < argc; a++) {
        unsigned rgb = 0;
        long min = 0, count = 0;
        if (sscanf(argv[a], "%6x:%ld", &rgb, &min) != 2) {
            fprintf(stderr, "png_check: '%s' is not RRGGBB:MIN_PIXELS\n", argv[a]);
            return 2;
        }
        for (long i = 0; i < total; i++) {
            const unsigned char *p = px + i * 3;
            count += p[0] == (rgb >> 16 & 255) && p[1] == (rgb >> 8 & 255) && p[2] == (rgb & 255);
        }
        printf(", %06x: %ld px", rgb, count);
        if (count < min) ok = 0;
    }
    printf("\n");
    stbi_image_free(px);
    return ok ? 0 : 1;
}

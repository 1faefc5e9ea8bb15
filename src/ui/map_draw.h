/* map_draw.h -- draw a prepared map mesh with SDL: filled countries and their outlines.
 *
 * Each frame only moves the mesh's vertices through the view transform into
 * scratch buffers kept in a map_drawer; rings and outlines come from the
 * mesh unchanged. Countries are filled by scanlines over their rings
 * (even-odd, so holes stay open) as one-pixel-high rectangles: SDL's
 * software renderer fills a triangle by testing every pixel of its bounding
 * box, and a triangulated country's long thin triangles made that the
 * largest cost of a frame. The mesh's triangles are kept for renderers and
 * tools that want them.
 */
#ifndef MAP_DRAW_H
#define MAP_DRAW_H

#include <SDL.h>

#include "map_mesh.h"

/* Projected point (x, y) lands on screen at
 * (offset_x_px + x * scale_px_per_unit, offset_y_px - y * scale_px_per_unit):
 * y is flipped because the projection's y points north. */
typedef struct map_view {
    float scale_px_per_unit;
    float offset_x_px, offset_y_px;
} map_view;

/* The fill colour of country 'country' (an index into the asset and the
 * mesh). Alpha 0 leaves the country out, fill and outline. */
typedef SDL_Color (*map_colour_fn)(size_t country, void *user);

struct map_edge;

typedef struct map_drawer {
    SDL_Vertex *fill;  /* one per mesh vertex */
    SDL_FPoint *lines; /* one per mesh vertex */
    size_t vertex_count;
    /* scanline fill scratch (map_draw.c): edges of one country, the rows'
     * edge lists, the spans of one country */
    struct map_edge *edges;
    int *row_first;
    int row_cap;
    SDL_Rect *spans;
    int span_cap;
} map_drawer;

/* Allocate scratch buffers sized for 'mesh'. Returns 0, or -1 when out of
 * memory or when the mesh is too large for SDL's int counts. */
int map_drawer_init(map_drawer *drawer, const map_mesh *mesh);

void map_drawer_free(map_drawer *drawer);

/* Draw every country 'colour' does not hide, then, if 'outline' has a
 * non-zero alpha, their outlines in that colour. Uses the renderer's
 * current blend mode. */
void map_draw(map_drawer *drawer, SDL_Renderer *renderer, const map_mesh *mesh,
              const map_view *view, map_colour_fn colour, void *user, SDL_Color outline);

/* Undo the view transform for picking: screen pixel -> projected point, to
 * pass to map_mesh_country_at. */
map_vec2 map_view_unproject(const map_view *view, float x_px, float y_px);

#endif

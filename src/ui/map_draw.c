/* map_draw.c -- transform the map mesh's vertices to the screen and hand them to SDL. */
#include "map_draw.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* An edge of a ring between two screen points, for the scanline fill. */
typedef struct map_edge {
    float x0, y0, dxdy; /* x at y0 and its change per pixel row */
    int row_end;        /* first row below the edge */
    int next;           /* next edge starting on the same row, or -1 */
} map_edge;

int map_drawer_init(map_drawer *drawer, const map_mesh *mesh)
{
    size_t n = mesh->vertex_count ? mesh->vertex_count : 1;
    memset(drawer, 0, sizeof *drawer);
    if (mesh->vertex_count > INT_MAX || mesh->index_count > INT_MAX) return -1;
    drawer->fill = malloc(n * sizeof *drawer->fill);
    drawer->lines = malloc(n * sizeof *drawer->lines);
    drawer->edges = malloc(n * sizeof *drawer->edges);
    if (!drawer->fill || !drawer->lines || !drawer->edges) {
        map_drawer_free(drawer);
        return -1;
    }
    drawer->vertex_count = mesh->vertex_count;
    return 0;
}

void map_drawer_free(map_drawer *drawer)
{
    free(drawer->fill);
    free(drawer->lines);
    free(drawer->edges);
    free(drawer->row_first);
    free(drawer->spans);
    memset(drawer, 0, sizeof *drawer);
}

static int grow(void **buf, int *cap, int want, size_t size)
{
    if (want <= *cap) return 0;
    int c = want + want / 2 + 64;
    void *p = realloc(*buf, (size_t)c * size);
    if (!p) return -1;
    *buf = p;
    *cap = c;
    return 0;
}

/* Fill country 'k' (its screen points already in drawer->lines) in the
 * renderer's draw colour, inside 'clip': a pixel is filled when its centre
 * lies inside an odd number of the country's rings. Edges are bucketed by
 * the first row they cross; each row keeps the active edges, sorts their
 * crossings and fills between pairs. */
static void fill_country(map_drawer *d, SDL_Renderer *r, const map_mesh *mesh, const map_mesh_country *k,
                         SDL_Rect clip)
{
    float top = 1e30f, bottom = -1e30f;
    for (size_t v = k->first_vertex; v < k->first_vertex + k->vertex_count; v++) {
        if (d->lines[v].y < top) top = d->lines[v].y;
        if (d->lines[v].y > bottom) bottom = d->lines[v].y;
    }
    int row0 = (int)ceilf(top - 0.5f), row1 = (int)ceilf(bottom - 0.5f); /* rows [row0, row1) */
    if (row0 < clip.y) row0 = clip.y;
    if (row1 > clip.y + clip.h) row1 = clip.y + clip.h;
    if (row1 <= row0) return;
    int rows = row1 - row0;
    if (grow((void **)&d->row_first, &d->row_cap, rows, sizeof *d->row_first) != 0) return;
    for (int i = 0; i < rows; i++) d->row_first[i] = -1;
    int ne = 0;
    for (size_t o = k->first_outline; o < k->first_outline + k->outline_count; o++) {
        const SDL_FPoint *p = d->lines + mesh->outlines[o].first_vertex;
        for (size_t i = 0; i + 1 < mesh->outlines[o].vertex_count; i++) {
            SDL_FPoint a = p[i], b = p[i + 1];
            if (a.y == b.y) continue;
            if (a.y > b.y) {
                SDL_FPoint t = a;
                a = b;
                b = t;
            }
            int first = (int)ceilf(a.y - 0.5f), end = (int)ceilf(b.y - 0.5f);
            if (first < row0) first = row0;
            if (end > row1) end = row1;
            if (end <= first) continue;
            map_edge *e = &d->edges[ne];
            e->dxdy = (b.x - a.x) / (b.y - a.y);
            e->x0 = a.x + (first + 0.5f - a.y) * e->dxdy; /* at the centre of its first row */
            e->y0 = (float)first;
            e->row_end = end;
            e->next = d->row_first[first - row0];
            d->row_first[first - row0] = ne++;
        }
    }
    enum { MAX_ACTIVE = 1024 };
    int active[MAX_ACTIVE], na = 0;
    float xs[MAX_ACTIVE];
    int nspans = 0;
    for (int y = row0; y < row1; y++) {
        /* drop finished edges, add those that start here */
        int keep = 0;
        for (int i = 0; i < na; i++)
            if (d->edges[active[i]].row_end > y) active[keep++] = active[i];
        na = keep;
        for (int e = d->row_first[y - row0]; e >= 0 && na < MAX_ACTIVE; e = d->edges[e].next) active[na++] = e;
        if (na < 2) continue;
        for (int i = 0; i < na; i++) {
            const map_edge *e = &d->edges[active[i]];
            float x = e->x0 + (y - e->y0) * e->dxdy;
            int j = i;
            for (; j > 0 && xs[j - 1] > x; j--) xs[j] = xs[j - 1];
            xs[j] = x;
        }
        if (grow((void **)&d->spans, &d->span_cap, nspans + na / 2, sizeof *d->spans) != 0) return;
        for (int i = 0; i + 1 < na; i += 2) {
            int xa = (int)ceilf(xs[i] - 0.5f), xb = (int)ceilf(xs[i + 1] - 0.5f);
            if (xa < clip.x) xa = clip.x;
            if (xb > clip.x + clip.w) xb = clip.x + clip.w;
            if (xb > xa) d->spans[nspans++] = (SDL_Rect){xa, y, xb - xa, 1};
        }
    }
    if (nspans > 0) SDL_RenderFillRects(r, d->spans, nspans);
}

map_vec2 map_view_unproject(const map_view *view, float x_px, float y_px)
{
    map_vec2 p;
    p.x = (x_px - view->offset_x_px) / view->scale_px_per_unit;
    p.y = (view->offset_y_px - y_px) / view->scale_px_per_unit;
    return p;
}

/* One pass per country: ask for its colour, transform its vertices into
 * both scratch buffers, and draw its triangles with one SDL_RenderGeometry
 * call (the indices address the whole vertex buffer, so they are used as
 * stored). Outlines go in a second pass so that no fill covers them. */
void map_draw(map_drawer *drawer, SDL_Renderer *renderer, const map_mesh *mesh,
              const map_view *view, map_colour_fn colour, void *user, SDL_Color outline)
{
    if (drawer->vertex_count != mesh->vertex_count || mesh->vertex_count == 0) return;
    /* spans are clipped to the renderer's clip rectangle, or its output */
    SDL_Rect clip;
    if (SDL_RenderIsClipEnabled(renderer)) {
        SDL_RenderGetClipRect(renderer, &clip);
    } else {
        clip.x = clip.y = 0;
        SDL_GetRendererOutputSize(renderer, &clip.w, &clip.h);
    }
    SDL_BlendMode old_blend;
    SDL_GetRenderDrawBlendMode(renderer, &old_blend);
    for (size_t c = 0; c < mesh->country_count; c++) {
        const map_mesh_country *k = &mesh->countries[c];
        SDL_Color fill = colour(c, user);
        for (size_t v = k->first_vertex; v < k->first_vertex + k->vertex_count; v++) {
            SDL_FPoint p;
            p.x = view->offset_x_px + mesh->vertices[v].x * view->scale_px_per_unit;
            p.y = view->offset_y_px - mesh->vertices[v].y * view->scale_px_per_unit;
            drawer->lines[v] = p;
            drawer->fill[v].position = p;
            drawer->fill[v].color = fill;
            drawer->fill[v].tex_coord.x = drawer->fill[v].tex_coord.y = 0;
        }
        if (fill.a == 0 || k->outline_count == 0) continue;
        /* on screen at all? */
        float bx0 = view->offset_x_px + k->box.min_x * view->scale_px_per_unit;
        float bx1 = view->offset_x_px + k->box.max_x * view->scale_px_per_unit;
        float by0 = view->offset_y_px - k->box.max_y * view->scale_px_per_unit;
        float by1 = view->offset_y_px - k->box.min_y * view->scale_px_per_unit;
        if (bx1 < clip.x || bx0 > clip.x + clip.w || by1 < clip.y || by0 > clip.y + clip.h) continue;
        /* opaque fills need no blending: filled in place they cost a copy */
        SDL_SetRenderDrawColor(renderer, fill.r, fill.g, fill.b, fill.a);
        SDL_SetRenderDrawBlendMode(renderer, fill.a == 255 ? SDL_BLENDMODE_NONE : old_blend);
        fill_country(drawer, renderer, mesh, k, clip);
    }
    SDL_SetRenderDrawBlendMode(renderer, old_blend);
    if (outline.a == 0) return;
    SDL_SetRenderDrawColor(renderer, outline.r, outline.g, outline.b, outline.a);
    SDL_BlendMode old;
    SDL_GetRenderDrawBlendMode(renderer, &old);
    if (outline.a == 255) SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
    for (size_t c = 0; c < mesh->country_count; c++) {
        const map_mesh_country *k = &mesh->countries[c];
        if (drawer->fill[k->first_vertex].color.a == 0) continue;
        for (size_t o = k->first_outline; o < k->first_outline + k->outline_count; o++) {
            SDL_RenderDrawLinesF(renderer, drawer->lines + mesh->outlines[o].first_vertex,
                                 (int)mesh->outlines[o].vertex_count);
        }
    }
    SDL_SetRenderDrawBlendMode(renderer, old);
}

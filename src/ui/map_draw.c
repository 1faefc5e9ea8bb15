/* map_draw.c -- transform the map mesh's vertices to the screen and hand them to SDL. */
#include "map_draw.h"

#include <limits.h>
#include <stdlib.h>

int map_drawer_init(map_drawer *drawer, const map_mesh *mesh)
{
    size_t n = mesh->vertex_count ? mesh->vertex_count : 1;
    drawer->fill = NULL;
    drawer->lines = NULL;
    drawer->vertex_count = 0;
    if (mesh->vertex_count > INT_MAX || mesh->index_count > INT_MAX) return -1;
    drawer->fill = malloc(n * sizeof *drawer->fill);
    drawer->lines = malloc(n * sizeof *drawer->lines);
    if (!drawer->fill || !drawer->lines) {
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
    drawer->fill = NULL;
    drawer->lines = NULL;
    drawer->vertex_count = 0;
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
        if (fill.a == 0 || k->index_count == 0) continue;
        SDL_RenderGeometry(renderer, NULL, drawer->fill, (int)mesh->vertex_count,
                           mesh->indices + k->first_index, (int)k->index_count);
    }
    if (outline.a == 0) return;
    SDL_SetRenderDrawColor(renderer, outline.r, outline.g, outline.b, outline.a);
    for (size_t c = 0; c < mesh->country_count; c++) {
        const map_mesh_country *k = &mesh->countries[c];
        if (drawer->fill[k->first_vertex].color.a == 0) continue;
        for (size_t o = k->first_outline; o < k->first_outline + k->outline_count; o++) {
            SDL_RenderDrawLinesF(renderer, drawer->lines + mesh->outlines[o].first_vertex,
                                 (int)mesh->outlines[o].vertex_count);
        }
    }
}

/* map_mesh.c -- project and triangulate the world map once at load; pick countries by point. */
#include "map_mesh.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "map_project.h"

static void box_reset(map_box *b)
{
    b->min_x = b->min_y = 1e30f;
    b->max_x = b->max_y = -1e30f;
}

static void box_add(map_box *b, map_vec2 p)
{
    if (p.x < b->min_x) b->min_x = p.x;
    if (p.y < b->min_y) b->min_y = p.y;
    if (p.x > b->max_x) b->max_x = p.x;
    if (p.y > b->max_y) b->max_y = p.y;
}

static void box_merge(map_box *b, const map_box *other)
{
    map_vec2 lo = {other->min_x, other->min_y}, hi = {other->max_x, other->max_y};
    box_add(b, lo);
    box_add(b, hi);
}

/* Project one ring of the asset into the vertex array, append the closing
 * copy of its first vertex, and record it as an outline. */
static void add_ring(const map_asset *asset, const map_ring *ring, map_mesh *m, map_box *box)
{
    map_outline *outline = &m->outlines[m->outline_count++];
    outline->first_vertex = m->vertex_count;
    for (size_t i = 0; i < ring->point_count; i++) {
        const map_lonlat_deg *ll = &asset->points[ring->first_point + i];
        double x, y;
        map_vec2 v;
        map_project_forward(ll->lon_deg, ll->lat_deg, &x, &y);
        v.x = (float)x;
        v.y = (float)y;
        m->vertices[m->vertex_count++] = v;
        box_add(box, v);
    }
    m->vertices[m->vertex_count] = m->vertices[outline->first_vertex];
    m->vertex_count++;
    outline->vertex_count = ring->point_count + 1;
}

/* Project a polygon's rings, then triangulate them as one polygon with holes.
 * 'firsts' and 'counts' are scratch arrays with room for its rings. */
static int add_polygon(const map_asset *asset, const map_polygon *polygon, map_mesh *m,
                       map_box *box, size_t *firsts, size_t *counts)
{
    long written;
    for (size_t r = 0; r < polygon->ring_count; r++) {
        const map_ring *ring = &asset->rings[polygon->first_ring + r];
        firsts[r] = m->vertex_count;
        counts[r] = ring->point_count;
        add_ring(asset, ring, m, box);
    }
    written = map_triangulate(m->vertices, firsts, counts, polygon->ring_count,
                              m->indices + m->index_count);
    if (written < 0) return -1;
    m->index_count += (size_t)written;
    return 0;
}

/* Size every array from the asset's totals, then fill them country by
 * country. The index array is sized for the worst case of ear clipping. */
int map_mesh_build(const map_asset *asset, map_mesh *out, char *err, size_t errlen)
{
    size_t most_rings = 1;
    size_t *firsts, *counts;
    memset(out, 0, sizeof *out);
    for (size_t p = 0; p < asset->polygon_count; p++) {
        if (asset->polygons[p].ring_count > most_rings) most_rings = asset->polygons[p].ring_count;
    }
    out->vertices = malloc((asset->point_count + asset->ring_count) * sizeof *out->vertices);
    out->indices = malloc(map_triangulate_max_indices(asset->point_count, asset->ring_count) *
                          sizeof *out->indices);
    out->outlines = malloc(asset->ring_count * sizeof *out->outlines);
    out->countries = calloc(asset->country_count ? asset->country_count : 1, sizeof *out->countries);
    firsts = malloc(most_rings * sizeof *firsts);
    counts = malloc(most_rings * sizeof *counts);
    if (!out->vertices || !out->indices || !out->outlines || !out->countries || !firsts || !counts)
        goto out_of_memory;

    box_reset(&out->bounds);
    for (size_t c = 0; c < asset->country_count; c++) {
        const map_country *src = &asset->countries[c];
        map_mesh_country *dst = &out->countries[c];
        dst->first_vertex = out->vertex_count;
        dst->first_index = out->index_count;
        dst->first_outline = out->outline_count;
        box_reset(&dst->box);
        for (size_t p = 0; p < src->polygon_count; p++) {
            if (add_polygon(asset, &asset->polygons[src->first_polygon + p], out, &dst->box, firsts,
                            counts) != 0)
                goto out_of_memory;
        }
        dst->vertex_count = out->vertex_count - dst->first_vertex;
        dst->index_count = out->index_count - dst->first_index;
        dst->outline_count = out->outline_count - dst->first_outline;
        box_merge(&out->bounds, &dst->box);
    }
    out->country_count = asset->country_count;
    free(firsts);
    free(counts);
    return 0;

out_of_memory:
    free(firsts);
    free(counts);
    map_mesh_free(out);
    if (err && errlen) snprintf(err, errlen, "map mesh: out of memory");
    return -1;
}

void map_mesh_free(map_mesh *mesh)
{
    free(mesh->vertices);
    free(mesh->indices);
    free(mesh->outlines);
    free(mesh->countries);
    memset(mesh, 0, sizeof *mesh);
}

/* Count crossings of a ray from (x, y) towards +x with every ring of the
 * country; an odd count means inside. */
int map_mesh_contains(const map_mesh *mesh, size_t country, float x, float y)
{
    const map_mesh_country *c;
    int inside = 0;
    if (country >= mesh->country_count) return 0;
    c = &mesh->countries[country];
    if (x < c->box.min_x || x > c->box.max_x || y < c->box.min_y || y > c->box.max_y) return 0;
    for (size_t o = 0; o < c->outline_count; o++) {
        const map_outline *ring = &mesh->outlines[c->first_outline + o];
        const map_vec2 *v = &mesh->vertices[ring->first_vertex];
        for (size_t i = 1; i < ring->vertex_count; i++) {
            map_vec2 a = v[i - 1], b = v[i];
            if ((a.y > y) != (b.y > y) && x < a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y))
                inside = !inside;
        }
    }
    return inside;
}

int map_mesh_country_at(const map_mesh *mesh, float x, float y)
{
    for (size_t c = 0; c < mesh->country_count; c++) {
        if (map_mesh_contains(mesh, c, x, y)) return (int)c;
    }
    return -1;
}

/* map_triangulate.h -- ear-clipping triangulation of one polygon with holes, in the plane.
 *
 * Also defines map_vec2, the 2-D point of the map's projected geometry (plain
 * floats, so that nothing here depends on SDL).
 */
#ifndef MAP_TRIANGULATE_H
#define MAP_TRIANGULATE_H

#include <stddef.h>

typedef struct map_vec2 {
    float x, y;
} map_vec2;

/* The most indices map_triangulate can write for a polygon of 'ring_count'
 * rings and 'point_count' points in all. */
size_t map_triangulate_max_indices(size_t point_count, size_t ring_count);

/* Triangulate one polygon. 'xy' holds the vertices; ring r is the
 * 'ring_counts[r]' vertices from 'ring_firsts[r]' on, ring 0 is the outer
 * boundary and the rest are holes (either winding is accepted). Writes
 * triangles as triples of indices into 'xy', counter-clockwise with y up, to
 * 'indices' (room for map_triangulate_max_indices) and returns how many
 * indices it wrote, or -1 when out of memory. A hole that does not lie
 * inside the outer ring is ignored. */
long map_triangulate(const map_vec2 *xy, const size_t *ring_firsts, const size_t *ring_counts,
                     size_t ring_count, int *indices);

#endif

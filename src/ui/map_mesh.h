/* map_mesh.h -- the world map projected and triangulated once, ready to draw and to pick.
 *
 * map_mesh_build projects every point of a loaded asset with Equal Earth
 * (map_project.h) and triangulates every polygon. Drawing a frame then only
 * has to scale and offset vertices: nothing is re-projected or
 * re-triangulated. Coordinates are in sphere radii, x east and y north (up),
 * as map_project.h describes; a screen transform flips y.
 *
 * Layout: the vertices of each ring are stored consecutively and followed by
 * a copy of the ring's first vertex, so a ring is at once a run of polygon
 * corners and a closed line strip ready for SDL_RenderDrawLinesF. Triangle
 * indices are plain ints, as SDL_RenderGeometry takes them, and index the
 * whole vertex array. Country i of the mesh is country i of the asset.
 *
 * No SDL type appears here so that the tests can run without a window.
 */
#ifndef MAP_MESH_H
#define MAP_MESH_H

#include <stddef.h>

#include "map_asset.h"
#include "map_triangulate.h"

typedef struct map_box {
    float min_x, min_y, max_x, max_y;
} map_box;

typedef struct map_outline {
    size_t first_vertex;
    size_t vertex_count; /* ring corners + 1: the last repeats the first */
} map_outline;

typedef struct map_mesh_country {
    size_t first_vertex, vertex_count;   /* all of the country's vertices */
    size_t first_index, index_count;     /* its triangles, three indices each */
    size_t first_outline, outline_count; /* one outline per ring, holes included */
    map_box box;
} map_mesh_country;

typedef struct map_mesh {
    map_vec2 *vertices;
    size_t vertex_count;
    int *indices;
    size_t index_count;
    map_outline *outlines;
    size_t outline_count;
    map_mesh_country *countries;
    size_t country_count;
    map_box bounds; /* of every country */
} map_mesh;

/* Project and triangulate 'asset' into 'out'. Returns 0, or -1 with a
 * message in 'err' (only when out of memory). */
int map_mesh_build(const map_asset *asset, map_mesh *out, char *err, size_t errlen);

void map_mesh_free(map_mesh *mesh);

/* Does country 'country' cover the projected point ('x', 'y')? Even-odd rule
 * over the country's rings, so holes are left out. */
int map_mesh_contains(const map_mesh *mesh, size_t country, float x, float y);

/* The country under projected point ('x', 'y'), or -1 for sea. A mouse
 * position becomes a projected point by undoing the view transform. */
int map_mesh_country_at(const map_mesh *mesh, float x, float y);

#endif

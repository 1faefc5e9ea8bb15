/* map_asset.h -- load the world map asset (assets/world-110m.cpmap) into plain arrays.
 *
 * The asset holds country shapes in longitude/latitude; its byte layout is in
 * docs/map-asset.md and scripts/make-map-asset.mjs writes it. Loading does
 * no projection and needs no window: map_mesh.h turns the result into
 * something drawable.
 *
 * Everything lives in four flat arrays. A country owns a run of polygons, a
 * polygon a run of rings (the first is the outer boundary, counter-clockwise
 * with longitude east and latitude north; the others are holes, clockwise),
 * and a ring a run of points. Rings are implicitly closed: the first point
 * is not repeated at the end. Countries are sorted by ISO 3166-1 alpha-3.
 */
#ifndef MAP_ASSET_H
#define MAP_ASSET_H

#include <stddef.h>

enum {
    MAP_ASSET_VERSION = 1,
    MAP_FLAG_ANTARCTIC = 1u << 0,     /* Antarctica: a UI may leave it out */
    MAP_FLAG_CODE_INVENTED = 1u << 1  /* no ISO code exists (Kosovo XKX, N. Cyprus XNC, Somaliland XSL) */
};

typedef struct map_lonlat_deg {
    float lon_deg; /* -180 .. 180, east positive */
    float lat_deg; /* -90 .. 90, north positive */
} map_lonlat_deg;

typedef struct map_ring {
    size_t first_point;
    size_t point_count; /* at least 3 */
} map_ring;

typedef struct map_polygon {
    size_t first_ring; /* the outer ring; holes follow */
    size_t ring_count; /* at least 1 */
} map_polygon;

typedef struct map_country {
    char iso3[4];      /* "CHN", NUL-terminated */
    const char *name;  /* English short name from Natural Earth, UTF-8; owned by the asset */
    unsigned flags;    /* MAP_FLAG_* */
    size_t first_polygon;
    size_t polygon_count; /* at least 1 */
} map_country;

typedef struct map_asset {
    map_country *countries;
    size_t country_count;
    map_polygon *polygons;
    size_t polygon_count;
    map_ring *rings;
    size_t ring_count;
    map_lonlat_deg *points;
    size_t point_count;
    char *names; /* the country names, one block */
} map_asset;

/* Read and validate the asset at 'path'. Returns 0 and fills 'out', or
 * returns -1, leaves 'out' empty and writes a message naming the file and the
 * problem into 'err' (which may be NULL). */
int map_asset_load(const char *path, map_asset *out, char *err, size_t errlen);

/* The same for an asset already in memory; 'label' names it in messages. */
int map_asset_parse(const unsigned char *bytes, size_t byte_count, const char *label,
                    map_asset *out, char *err, size_t errlen);

/* Release what a successful load allocated; safe on an empty asset. */
void map_asset_free(map_asset *asset);

/* Index of the country with alpha-3 code 'iso3', or -1. */
int map_asset_find(const map_asset *asset, const char *iso3);

#endif

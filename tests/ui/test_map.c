/* test_map.c -- checks the world map asset, the Equal Earth projection, the mesh and picking.
 *
 * Usage: test_map [ASSET [TEMP_DIR]]. ASSET defaults to
 * CP_SOURCE_DIR/assets/world-110m.cpmap; TEMP_DIR (for the broken copies of
 * the asset this test writes) defaults to $TMPDIR or /tmp. No window needed.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "map_asset.h"
#include "map_mesh.h"
#include "map_project.h"

#ifndef CP_SOURCE_DIR
#define CP_SOURCE_DIR "."
#endif

/* Loaded once by main; RUN() takes functions without arguments. */
static map_asset asset;
static map_mesh mesh;
static const char *asset_path;
static const char *temp_dir;

/* Twice the signed area of triangle (a, b, c), in double. */
static double area2(map_vec2 a, map_vec2 b, map_vec2 c)
{
    return ((double)b.x - a.x) * ((double)c.y - a.y) - ((double)b.y - a.y) * ((double)c.x - a.x);
}

/* Project (lon, lat) and return the country there, or -1. */
static int country_at_deg(double lon_deg, double lat_deg)
{
    double x, y;
    map_project_forward(lon_deg, lat_deg, &x, &y);
    return map_mesh_country_at(&mesh, (float)x, (float)y);
}

/* The reference values were computed independently of this code, with
 * d3-geo 3.1's geoEqualEarth().scale(1).translate([0, 0]) (whose y points
 * down, hence the sign flips). */
static void test_projection(void)
{
    static const struct {
        double lon_deg, lat_deg, x, y;
    } ref[] = {
        {0, 0, 0, 0},
        {180, 0, 2.70662998370, 0},
        {0, 90, 0, 1.31736275916},
        {116.4, 39.9, 1.55226087380, 0.772869534159},
        {-74.0, 40.7, -0.981862090158, 0.786841444197},
        {149.13, -35.28, 2.04304286003, -0.690422248911},
        {30, -60, 0.339843347929, -1.08830083551},
    };
    for (size_t i = 0; i < sizeof ref / sizeof ref[0]; i++) {
        double x, y;
        map_project_forward(ref[i].lon_deg, ref[i].lat_deg, &x, &y);
        CHECK(fabs(x - ref[i].x) < 1e-9 && fabs(y - ref[i].y) < 1e-9,
              "(%g, %g) projects to (%.12f, %.12f), reference (%.12f, %.12f)", ref[i].lon_deg,
              ref[i].lat_deg, x, y, ref[i].x, ref[i].y);
    }
    for (int lat = -90; lat <= 90; lat += 5) {
        for (int lon = -180; lon <= 180; lon += 15) {
            double x, y, lon2 = 0, lat2 = 0;
            map_project_forward(lon, lat, &x, &y);
            CHECK(map_project_inverse(x, y, &lon2, &lat2) == 0, "inverse refused (%d, %d)", lon, lat);
            CHECK(fabs(lat2 - lat) < 1e-7 && (fabs(lon2 - lon) < 1e-7 || abs(lat) == 90),
                  "(%d, %d) comes back as (%.9f, %.9f)", lon, lat, lon2, lat2);
        }
    }
    {
        double lon, lat;
        CHECK(map_project_inverse(MAP_PROJECT_HALF_WIDTH + 0.01, 0, &lon, &lat) != 0,
              "a point east of the map's edge was accepted");
        CHECK(map_project_inverse(0, MAP_PROJECT_HALF_HEIGHT + 0.01, &lon, &lat) != 0,
              "a point north of the pole line was accepted");
        CHECK(map_project_inverse(2.6, 1.2, &lon, &lat) != 0, "a point off the curved edge was accepted");
    }
}

/* Summed area of 'index_count' indices' worth of triangles over 'xy'. */
static double triangles_area(const map_vec2 *xy, const int *indices, long index_count)
{
    double sum = 0;
    for (long i = 0; i + 2 < index_count; i += 3) {
        sum += area2(xy[indices[i]], xy[indices[i + 1]], xy[indices[i + 2]]) / 2;
    }
    return sum;
}

/* The triangulator on shapes whose answer is known: a 4x4 square with a
 * 2x2 hole, both given in the "wrong" winding, must give 16 - 4 = 12 in
 * n + 2h - 2 = 8 triangles, all counter-clockwise; a square with a repeated
 * corner and points along its edges must still be covered exactly. */
static void test_triangulate(void)
{
    static const map_vec2 holed[] = {{0, 0}, {0, 4}, {4, 4}, {4, 0},  /* outer, clockwise */
                                     {1, 1}, {3, 1}, {3, 3}, {1, 3}}; /* hole, counter-clockwise */
    static const map_vec2 messy[] = {{0, 0}, {1, 0}, {2, 0}, {2, 0}, {2, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};
    const size_t holed_firsts[] = {0, 4}, holed_counts[] = {4, 4};
    const size_t messy_firsts[] = {0}, messy_counts[] = {9};
    int indices[64];
    long n;

    CHECK(map_triangulate_max_indices(8, 2) <= 64, "index buffer too small");
    n = map_triangulate(holed, holed_firsts, holed_counts, 2, indices);
    CHECK(n == 24, "square with a hole gave %ld indices, expected 24", n);
    CHECK(fabs(triangles_area(holed, indices, n) - 12) < 1e-9, "square with a hole covers %g, expected 12",
          triangles_area(holed, indices, n));
    for (long i = 0; i + 2 < n; i += 3) {
        CHECK(area2(holed[indices[i]], holed[indices[i + 1]], holed[indices[i + 2]]) > 0,
              "triangle %ld is not counter-clockwise", i / 3);
    }
    n = map_triangulate(messy, messy_firsts, messy_counts, 1, indices);
    CHECK(fabs(triangles_area(messy, indices, n) - 4) < 1e-9, "messy square covers %g, expected 4",
          triangles_area(messy, indices, n));
}

/* Size, codes, flags and names. */
static void test_asset(void)
{
    static const char *const needed[] = {"CHN", "USA", "AUS", "BRA", "GRL", "MMR", "JPN",
                                         "RUS", "FJI", "ZAF", "LSO", "COD", "XKX"};
    int ata;
    CHECK(asset.country_count >= 170, "only %zu countries", asset.country_count);
    for (size_t i = 0; i < sizeof needed / sizeof needed[0]; i++) {
        CHECK(map_asset_find(&asset, needed[i]) >= 0, "no country %s", needed[i]);
    }
    CHECK(map_asset_find(&asset, "QQQ") < 0, "found a country that does not exist");
    CHECK(map_asset_find(&asset, "CH") < 0, "found a two-letter code");
    CHECK(strcmp(asset.countries[map_asset_find(&asset, "CHN")].name, "China") == 0,
          "CHN is called %s", asset.countries[map_asset_find(&asset, "CHN")].name);
    ata = map_asset_find(&asset, "ATA");
    CHECK(ata >= 0 && (asset.countries[ata].flags & MAP_FLAG_ANTARCTIC), "Antarctica missing or unflagged");
    for (size_t c = 0; c < asset.country_count; c++) {
        CHECK(((asset.countries[c].flags & MAP_FLAG_ANTARCTIC) != 0) == ((int)c == ata),
              "%s has the Antarctic flag", asset.countries[c].iso3);
    }
    CHECK(asset.countries[map_asset_find(&asset, "XKX")].flags & MAP_FLAG_CODE_INVENTED,
          "Kosovo's code is not marked as invented");
}

/* Every index is in range and inside its own country's vertices, every
 * triangle turns counter-clockwise, and outside Antarctica (whose pole line
 * legitimately spans the map) no triangle is wider than half the map: a
 * triangle joining both sides of the antimeridian would be. */
static void test_mesh_shape(void)
{
    CHECK(mesh.country_count == asset.country_count, "mesh and asset disagree on country count");
    CHECK(mesh.index_count % 3 == 0, "index count %zu is not a multiple of 3", mesh.index_count);
    for (size_t i = 0; i < mesh.index_count; i++) {
        CHECK(mesh.indices[i] >= 0 && (size_t)mesh.indices[i] < mesh.vertex_count,
              "index %zu is %d, %zu vertices", i, mesh.indices[i], mesh.vertex_count);
        if (check_failed > 20) return;
    }
    for (size_t c = 0; c < mesh.country_count; c++) {
        const map_mesh_country *k = &mesh.countries[c];
        int antarctic = (asset.countries[c].flags & MAP_FLAG_ANTARCTIC) != 0;
        CHECK(k->index_count > 0, "%s has no triangles", asset.countries[c].iso3);
        for (size_t i = k->first_index; i < k->first_index + k->index_count; i += 3) {
            map_vec2 a = mesh.vertices[mesh.indices[i]], b = mesh.vertices[mesh.indices[i + 1]],
                     t = mesh.vertices[mesh.indices[i + 2]];
            float lo = fminf(a.x, fminf(b.x, t.x)), hi = fmaxf(a.x, fmaxf(b.x, t.x));
            for (int j = 0; j < 3; j++) {
                size_t v = (size_t)mesh.indices[i + (size_t)j];
                CHECK(v >= k->first_vertex && v < k->first_vertex + k->vertex_count,
                      "%s uses vertex %zu of another country", asset.countries[c].iso3, v);
            }
            CHECK(area2(a, b, t) >= 0, "%s has a clockwise triangle", asset.countries[c].iso3);
            CHECK(antarctic || hi - lo < MAP_PROJECT_HALF_WIDTH,
                  "%s has a triangle %g wide: it streaks across the map", asset.countries[c].iso3,
                  (double)(hi - lo));
        }
        CHECK(k->box.min_x >= -MAP_PROJECT_HALF_WIDTH - 1e-4 && k->box.max_x <= MAP_PROJECT_HALF_WIDTH + 1e-4 &&
                  k->box.min_y >= -MAP_PROJECT_HALF_HEIGHT - 1e-4 && k->box.max_y <= MAP_PROJECT_HALF_HEIGHT + 1e-4,
              "%s lies outside the map", asset.countries[c].iso3);
    }
}

/* The triangles must cover exactly the polygons: per country, their summed
 * area must equal the shoelace area of its rings (holes wound the other way,
 * so they subtract). Equal Earth is equal-area, so a large country's
 * projected area times R^2 must also be close to its real area. */
static void test_mesh_area(void)
{
    static const struct {
        const char *iso3;
        double area_km2; /* CIA World Factbook, total area incl. inland water */
    } known[] = {{"BRA", 8515770}, {"AUS", 7741220}, {"CHN", 9596960}, {"USA", 9833517}};
    const double authalic_radius_km = 6371.0072; /* GRS 80 */
    for (size_t c = 0; c < mesh.country_count; c++) {
        const map_mesh_country *k = &mesh.countries[c];
        double triangles = 0, rings = 0;
        for (size_t i = k->first_index; i < k->first_index + k->index_count; i += 3) {
            triangles += area2(mesh.vertices[mesh.indices[i]], mesh.vertices[mesh.indices[i + 1]],
                               mesh.vertices[mesh.indices[i + 2]]) / 2;
        }
        for (size_t o = k->first_outline; o < k->first_outline + k->outline_count; o++) {
            const map_vec2 *v = &mesh.vertices[mesh.outlines[o].first_vertex];
            for (size_t i = 1; i < mesh.outlines[o].vertex_count; i++) {
                rings += ((double)v[i - 1].x * v[i].y - (double)v[i].x * v[i - 1].y) / 2;
            }
        }
        CHECK(rings > 0, "%s: rings are not wound as documented", asset.countries[c].iso3);
        CHECK(fabs(triangles - rings) <= 1e-4 * rings,
              "%s: triangles cover %.7f, the polygons %.7f", asset.countries[c].iso3, triangles, rings);
    }
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        const map_mesh_country *k = &mesh.countries[map_asset_find(&asset, known[i].iso3)];
        double area_km2 = 0;
        for (size_t j = k->first_index; j < k->first_index + k->index_count; j += 3) {
            area_km2 += area2(mesh.vertices[mesh.indices[j]], mesh.vertices[mesh.indices[j + 1]],
                              mesh.vertices[mesh.indices[j + 2]]) / 2;
        }
        area_km2 *= authalic_radius_km * authalic_radius_km;
        CHECK(fabs(area_km2 / known[i].area_km2 - 1) < 0.06, "%s measures %.0f km2, expected about %.0f",
              known[i].iso3, area_km2, known[i].area_km2);
    }
}

/* Picking: capitals and other places land in the right country, the sea in
 * none; Maseru tests a hole (Lesotho inside South Africa); Chukotka and
 * Fiji test the antimeridian cut. */
static void test_picking(void)
{
    static const struct {
        const char *iso3; /* NULL for sea */
        double lon_deg, lat_deg;
    } places[] = {
        {"CHN", 116.4, 39.9},    /* Beijing */
        {"AUS", 149.13, -35.28}, /* Canberra */
        {"USA", -77.04, 38.91},  /* Washington */
        {"BRA", -47.88, -15.79}, /* Brasilia */
        {"MMR", 96.13, 19.75},   /* Naypyidaw */
        {"JPN", 139.69, 35.69},  /* Tokyo */
        {"GRL", -42.0, 72.0},
        {"LSO", 27.48, -29.31},  /* Maseru */
        {"ZAF", 28.19, -25.75},  /* Pretoria */
        {"RUS", -175.0, 66.0},   /* Chukotka, west of the antimeridian */
        {"RUS", 37.62, 55.75},   /* Moscow */
        {"FJI", 178.0, -17.8},   /* Viti Levu */
        {"ATA", 0.0, -80.0},
        {NULL, 0.0, 0.0},        /* Gulf of Guinea */
        {NULL, -150.0, 0.0},     /* Pacific */
    };
    for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
        int got = country_at_deg(places[i].lon_deg, places[i].lat_deg);
        int want = places[i].iso3 ? map_asset_find(&asset, places[i].iso3) : -1;
        CHECK(got == want, "(%g, %g) picks %s, expected %s", places[i].lon_deg, places[i].lat_deg,
              got >= 0 ? asset.countries[got].iso3 : "sea", places[i].iso3 ? places[i].iso3 : "sea");
    }
}

/* Write 'n' bytes to 'path'; returns 0 on success. */
static int write_bytes(const char *path, const unsigned char *bytes, size_t n)
{
    FILE *f = fopen(path, "wb");
    size_t written;
    if (!f) return -1;
    written = fwrite(bytes, 1, n, f);
    return fclose(f) == 0 && written == n ? 0 : -1;
}

static unsigned char *read_bytes(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    unsigned char *bytes = NULL;
    long size;
    if (!f) return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0) {
        bytes = malloc((size_t)size);
        if (bytes && fread(bytes, 1, (size_t)size, f) != (size_t)size) {
            free(bytes);
            bytes = NULL;
        }
        *n = (size_t)size;
    }
    fclose(f);
    return bytes;
}

/* Store a fresh FNV-1a checksum so that a deliberately damaged body reaches
 * the structural checks instead of stopping at the checksum. */
static void reseal(unsigned char *bytes, size_t n)
{
    uint32_t h = 0x811c9dc5u;
    for (size_t i = 0; i + 4 < n; i++) h = (h ^ bytes[i]) * 0x01000193u;
    for (int i = 0; i < 4; i++) bytes[n - 4 + (size_t)i] = (unsigned char)(h >> (8 * i));
}

/* Load 'path' expecting a refusal whose message names the file and contains
 * 'expect'. */
static void expect_refusal(const char *path, const char *expect)
{
    map_asset refused;
    char err[256] = "";
    CHECK(map_asset_load(path, &refused, err, sizeof err) != 0, "%s was accepted", path);
    CHECK(strstr(err, path) != NULL && strstr(err, expect) != NULL,
          "message for %s should name it and say '%s': \"%s\"", path, expect, err);
    CHECK(refused.countries == NULL && refused.country_count == 0, "a refused load left data behind");
}

/* Broken files are refused with a message and never crash: a truncated
 * copy, a garbage file, a flipped byte, a missing file, then every 11th byte
 * of the body damaged in turn with the checksum fixed up (run this under
 * ASan/UBSan to make "never crash" mean something). */
static void test_refusals(void)
{
    char path[1024], err[256];
    size_t n = 0;
    unsigned char *bytes = read_bytes(asset_path, &n);
    static const unsigned char garbage[] = "this is not a map, just some text\n";
    map_asset copy;
    size_t accepted = 0;

    CHECK(bytes != NULL && n > 100, "cannot read %s", asset_path);
    if (!bytes) return;

    snprintf(path, sizeof path, "%s/test_map_truncated.cpmap", temp_dir);
    CHECK(write_bytes(path, bytes, n / 2) == 0, "cannot write %s", path);
    expect_refusal(path, "truncated");

    snprintf(path, sizeof path, "%s/test_map_garbage.cpmap", temp_dir);
    CHECK(write_bytes(path, garbage, sizeof garbage - 1) == 0, "cannot write %s", path);
    expect_refusal(path, "not a Chokepoint map asset");

    snprintf(path, sizeof path, "%s/test_map_flipped.cpmap", temp_dir);
    bytes[n / 3] ^= 0x40;
    CHECK(write_bytes(path, bytes, n) == 0, "cannot write %s", path);
    bytes[n / 3] ^= 0x40;
    expect_refusal(path, "checksum");

    snprintf(path, sizeof path, "%s/test_map_does_not_exist.cpmap", temp_dir);
    remove(path);
    expect_refusal(path, "cannot open");

    /* A huge polygon count for the first country, checksum fixed: the
     * bounds check must catch it before anything is sized from it. */
    {
        size_t at = 16 + 3 + 1 + 1 + bytes[16 + 4];
        unsigned char keep0 = bytes[at], keep1 = bytes[at + 1];
        bytes[at] = bytes[at + 1] = 0xff;
        reseal(bytes, n);
        CHECK(map_asset_parse(bytes, n, "patched", &copy, err, sizeof err) != 0 &&
                  strstr(err, "polygon count") != NULL,
              "a polygon count of 65535 gave \"%s\"", err);
        bytes[at] = keep0;
        bytes[at + 1] = keep1;
    }

    for (size_t at = 6; at + 4 < n; at += 11) {
        unsigned char keep = bytes[at];
        bytes[at] ^= 0xa5;
        reseal(bytes, n);
        err[0] = '\0';
        if (map_asset_parse(bytes, n, "fuzzed", &copy, err, sizeof err) == 0) {
            accepted++; /* a changed coordinate can still be a valid map */
            map_asset_free(&copy);
        } else {
            CHECK(strncmp(err, "fuzzed: ", 8) == 0, "refusal without a message: \"%s\"", err);
        }
        bytes[at] = keep;
    }
    reseal(bytes, n);
    CHECK(map_asset_parse(bytes, n, "restored", &copy, err, sizeof err) == 0, "restored copy refused: %s", err);
    map_asset_free(&copy);
    printf("fuzz: %zu of %zu damaged copies still parsed\n", accepted, (n - 10) / 11 + 1);
    free(bytes);
}

int main(int argc, char **argv)
{
    char err[256];
    asset_path = argc > 1 ? argv[1] : CP_SOURCE_DIR "/assets/world-110m.cpmap";
    temp_dir = argc > 2 ? argv[2] : getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";

    RUN(test_projection);
    RUN(test_triangulate);
    if (map_asset_load(asset_path, &asset, err, sizeof err) != 0) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    if (map_mesh_build(&asset, &mesh, err, sizeof err) != 0) {
        fprintf(stderr, "%s\n", err);
        map_asset_free(&asset);
        return 1;
    }
    printf("%s: %zu countries, %zu rings, %zu points; mesh %zu vertices, %zu triangles\n", asset_path,
           asset.country_count, asset.ring_count, asset.point_count, mesh.vertex_count,
           mesh.index_count / 3);
    RUN(test_asset);
    RUN(test_mesh_shape);
    RUN(test_mesh_area);
    RUN(test_picking);
    RUN(test_refusals);
    map_mesh_free(&mesh);
    map_asset_free(&asset);
    return DONE();
}

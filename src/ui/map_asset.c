/* map_asset.c -- read and validate the CPMAP1 world map asset (layout in docs/map-asset.md). */
#include "map_asset.h"

#include "bytes.h"
#include "file_read.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    HEADER_BYTES = 16,
    TRAILER_BYTES = 4, /* FNV-1a checksum of everything before it */
    MAX_FILE_BYTES = 64 * 1024 * 1024,
    POINT_BYTES = 4,
    MIN_RING_BYTES = 2 + 3 * POINT_BYTES,
    MIN_POLYGON_BYTES = 2 + MIN_RING_BYTES,
    MIN_COUNTRY_BYTES = 3 + 1 + 1 + 1 + 2 + MIN_POLYGON_BYTES,
    KNOWN_FLAGS = MAP_FLAG_ANTARCTIC | MAP_FLAG_CODE_INVENTED
};

static const char MAGIC[6] = {'C', 'P', 'M', 'A', 'P', '1'};

/* A bounds-checked cursor over the asset body, plus where to report. */
typedef struct reader {
    const unsigned char *bytes;
    size_t end; /* first byte after the body, i.e. the checksum */
    size_t pos;
    const char *label;
    char where[64]; /* "country 12 (CHN)" for messages */
    char *err;
    size_t errlen;
} reader;

/* How much the body holds, found by the first pass and used to allocate. */
typedef struct totals {
    size_t countries, polygons, rings, points, name_bytes;
} totals;

/* Write "'label': message" into 'err' when there is room. Returns -1 so that
 * callers can 'return report(...)'. */
static int report(char *err, size_t errlen, const char *label, const char *fmt, ...)
{
    if (err && errlen > 0) {
        va_list ap;
        int used = snprintf(err, errlen, "%s: ", label ? label : "map asset");
        if (used >= 0 && (size_t)used < errlen) {
            va_start(ap, fmt);
            vsnprintf(err + used, errlen - (size_t)used, fmt, ap);
            va_end(ap);
        }
    }
    return -1;
}

/* Report a problem in the body, naming the country being read and the byte. */
static int fail(reader *r, const char *problem)
{
    return report(r->err, r->errlen, r->label, "%s%s%s (at byte %zu)", r->where,
                  r->where[0] ? ": " : "", problem, r->pos);
}

/* True when 'n' more bytes are available, else a "truncated" report. */
static int need(reader *r, size_t n, const char *what)
{
    char msg[160];
    if (n <= r->end - r->pos) return 1;
    snprintf(msg, sizeof msg, "truncated: %s needs %zu bytes, only %zu remain", what, n,
             r->end - r->pos);
    fail(r, msg);
    return 0;
}

static unsigned get_u8(reader *r) { return r->bytes[r->pos++]; }

static unsigned get_u16(reader *r)
{
    unsigned v = bytes_get_u16(r->bytes + r->pos);
    r->pos += 2;
    return v;
}

static int get_i16(reader *r)
{
    unsigned v = get_u16(r);
    return v >= 0x8000u ? (int)v - 0x10000 : (int)v;
}

/* Read a u16 count that must be at least 'min_count', of items each needing
 * at least 'min_item_bytes': a count the remaining bytes cannot hold is
 * refused here, before anything is sized from it. Returns the count or -1. */
static long get_count(reader *r, unsigned min_count, size_t min_item_bytes, const char *what)
{
    char msg[160];
    unsigned n;
    if (!need(r, 2, what)) return -1;
    n = get_u16(r);
    if (n < min_count) {
        snprintf(msg, sizeof msg, "%s is %u, at least %u expected", what, n, min_count);
        fail(r, msg);
        return -1;
    }
    if ((size_t)n > (r->end - r->pos) / min_item_bytes) {
        snprintf(msg, sizeof msg, "truncated or corrupt: %s %u cannot fit in the %zu bytes left",
                 what, n, r->end - r->pos);
        fail(r, msg);
        return -1;
    }
    return (long)n;
}

/* Read one ring's points, checking each lies on the globe. With 'out' set,
 * store them as degrees. */
static int read_ring(reader *r, unsigned units_per_degree, map_asset *out, totals *t)
{
    long count = get_count(r, 3, POINT_BYTES, "ring point count");
    if (count < 0 || !need(r, (size_t)count * POINT_BYTES, "ring points")) return -1;
    if (out) {
        out->rings[t->rings].first_point = t->points;
        out->rings[t->rings].point_count = (size_t)count;
    }
    for (long i = 0; i < count; i++) {
        int lon = get_i16(r), lat = get_i16(r);
        if (lon < -180 * (long)units_per_degree || lon > 180 * (long)units_per_degree ||
            lat < -90 * (long)units_per_degree || lat > 90 * (long)units_per_degree) {
            r->pos -= POINT_BYTES;
            return fail(r, "point outside -180..180 longitude or -90..90 latitude");
        }
        if (out) {
            out->points[t->points + (size_t)i].lon_deg = (float)lon / (float)units_per_degree;
            out->points[t->points + (size_t)i].lat_deg = (float)lat / (float)units_per_degree;
        }
    }
    t->points += (size_t)count;
    t->rings++;
    return 0;
}

/* Read one country's code, flags, name and polygons; 'previous' is the code of
 * the country before it, which must sort strictly earlier. */
static int read_country(reader *r, unsigned units_per_degree, const char *previous,
                        char iso3[4], map_asset *out, totals *t)
{
    unsigned flags, name_len;
    long polygon_count;
    snprintf(r->where, sizeof r->where, "country %zu", t->countries);
    if (!need(r, 5, "country code, flags and name length")) return -1;
    memcpy(iso3, r->bytes + r->pos, 3);
    iso3[3] = '\0';
    for (int i = 0; i < 3; i++) {
        if (iso3[i] < 'A' || iso3[i] > 'Z') return fail(r, "country code is not three letters A-Z");
    }
    snprintf(r->where, sizeof r->where, "country %zu (%s)", t->countries, iso3);
    if (previous[0] && strcmp(previous, iso3) >= 0) return fail(r, "countries not sorted by code, or a code repeats");
    r->pos += 3;
    flags = get_u8(r);
    if (flags & ~(unsigned)KNOWN_FLAGS) return fail(r, "unknown flag bits");
    name_len = get_u8(r);
    if (name_len == 0) return fail(r, "empty name");
    if (!need(r, name_len, "name")) return -1;
    for (unsigned i = 0; i < name_len; i++) {
        if (r->bytes[r->pos + i] < 0x20) return fail(r, "control character in name");
    }
    if (out) {
        map_country *c = &out->countries[t->countries];
        char *name = out->names + t->name_bytes;
        memcpy(c->iso3, iso3, 4);
        memcpy(name, r->bytes + r->pos, name_len);
        name[name_len] = '\0';
        c->name = name;
        c->flags = flags;
        c->first_polygon = t->polygons;
    }
    r->pos += name_len;
    t->name_bytes += name_len + 1;
    polygon_count = get_count(r, 1, MIN_POLYGON_BYTES, "polygon count");
    if (polygon_count < 0) return -1;
    for (long p = 0; p < polygon_count; p++) {
        long ring_count = get_count(r, 1, MIN_RING_BYTES, "ring count");
        if (ring_count < 0) return -1;
        if (out) {
            out->polygons[t->polygons].first_ring = t->rings;
            out->polygons[t->polygons].ring_count = (size_t)ring_count;
        }
        for (long k = 0; k < ring_count; k++) {
            if (read_ring(r, units_per_degree, out, t) != 0) return -1;
        }
        t->polygons++;
    }
    if (out) out->countries[t->countries].polygon_count = (size_t)polygon_count;
    t->countries++;
    return 0;
}

/* Walk the whole body once. The first pass ('out' NULL) only validates and
 * counts; the second fills the arrays the first pass sized. */
static int read_body(reader *r, unsigned units_per_degree, unsigned country_count,
                     map_asset *out, totals *t)
{
    char previous[4] = "", iso3[4];
    char msg[96];
    memset(t, 0, sizeof *t);
    r->pos = HEADER_BYTES;
    r->where[0] = '\0';
    if ((size_t)country_count > (r->end - r->pos) / MIN_COUNTRY_BYTES) {
        snprintf(msg, sizeof msg, "truncated or corrupt: %u countries cannot fit in %zu bytes",
                 country_count, r->end - r->pos);
        return fail(r, msg);
    }
    for (unsigned i = 0; i < country_count; i++) {
        if (read_country(r, units_per_degree, previous, iso3, out, t) != 0) return -1;
        memcpy(previous, iso3, 4);
    }
    r->where[0] = '\0';
    if (r->pos != r->end) {
        snprintf(msg, sizeof msg, "%zu unexpected bytes after the last country", r->end - r->pos);
        return fail(r, msg);
    }
    return 0;
}

/* Check the header and checksum, then read the body twice: once to count,
 * once to fill. Nothing is allocated until the whole body has been checked. */
int map_asset_parse(const unsigned char *bytes, size_t byte_count, const char *label,
                    map_asset *out, char *err, size_t errlen)
{
    reader r;
    totals t;
    unsigned version, units_per_degree, country_count;
    size_t declared_bytes;
    uint32_t stored_sum, actual_sum;

    memset(out, 0, sizeof *out);
    if (byte_count == 0) return report(err, errlen, label, "empty file, not a map asset");
    if (byte_count < sizeof MAGIC || memcmp(bytes, MAGIC, sizeof MAGIC) != 0)
        return report(err, errlen, label, "not a Chokepoint map asset (no CPMAP1 magic)");
    if (byte_count < HEADER_BYTES + TRAILER_BYTES)
        return report(err, errlen, label, "truncated: %zu bytes, the header alone needs %d",
                      byte_count, HEADER_BYTES + TRAILER_BYTES);
    version = bytes_get_u16(bytes + 6);
    units_per_degree = bytes_get_u16(bytes + 8);
    country_count = bytes_get_u16(bytes + 10);
    declared_bytes = bytes_get_u32(bytes + 12);
    if (version != MAP_ASSET_VERSION)
        return report(err, errlen, label, "format version %u, this build reads %d", version,
                      MAP_ASSET_VERSION);
    if (units_per_degree == 0) return report(err, errlen, label, "units per degree is 0");
    if (country_count == 0) return report(err, errlen, label, "no countries");
    if (declared_bytes > byte_count)
        return report(err, errlen, label, "truncated: %zu bytes, the header says %zu", byte_count,
                      declared_bytes);
    if (declared_bytes < byte_count)
        return report(err, errlen, label, "%zu bytes, but the header says %zu", byte_count,
                      declared_bytes);
    stored_sum = bytes_get_u32(bytes + byte_count - TRAILER_BYTES);
    /* the asset ends with the 32-bit FNV-1a of everything before it */
    actual_sum = bytes_fnv1a32(BYTES_FNV32_BASIS, bytes, byte_count - TRAILER_BYTES);
    if (stored_sum != actual_sum)
        return report(err, errlen, label, "corrupt: checksum is %08lx, the data sums to %08lx",
                      (unsigned long)stored_sum, (unsigned long)actual_sum);

    r.bytes = bytes;
    r.end = byte_count - TRAILER_BYTES;
    r.label = label;
    r.err = err;
    r.errlen = errlen;
    if (read_body(&r, units_per_degree, country_count, NULL, &t) != 0) return -1;

    out->countries = calloc(t.countries, sizeof *out->countries);
    out->polygons = calloc(t.polygons, sizeof *out->polygons);
    out->rings = calloc(t.rings, sizeof *out->rings);
    out->points = calloc(t.points, sizeof *out->points);
    out->names = calloc(t.name_bytes, 1);
    if (!out->countries || !out->polygons || !out->rings || !out->points || !out->names) {
        map_asset_free(out);
        return report(err, errlen, label, "out of memory");
    }
    if (read_body(&r, units_per_degree, country_count, out, &t) != 0) {
        map_asset_free(out);
        return -1;
    }
    out->country_count = t.countries;
    out->polygon_count = t.polygons;
    out->ring_count = t.rings;
    out->point_count = t.points;
    return 0;
}

/* Read the whole file into memory (it is tens of kilobytes) and parse it. */
int map_asset_load(const char *path, map_asset *out, char *err, size_t errlen)
{
    unsigned char *bytes;
    size_t len;
    char why[256];
    memset(out, 0, sizeof *out);
    int r = file_read(path, MAX_FILE_BYTES, &bytes, &len, why, sizeof why);
    if (r == FILE_READ_TOO_BIG)
        return report(err, errlen, path, "larger than %d bytes, not a map asset", MAX_FILE_BYTES);
    if (r != FILE_READ_OK)
        return report(err, errlen, path, "cannot open: %s", why);
    int status = map_asset_parse(bytes, len, path, out, err, errlen);
    free(bytes);
    return status;
}

void map_asset_free(map_asset *asset)
{
    free(asset->countries);
    free(asset->polygons);
    free(asset->rings);
    free(asset->points);
    free(asset->names);
    memset(asset, 0, sizeof *asset);
}

/* Binary search: the loader has checked that codes are sorted and unique. */
int map_asset_find(const map_asset *asset, const char *iso3)
{
    size_t lo = 0, hi = asset->country_count;
    if (!iso3 || strlen(iso3) != 3) return -1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int order = strcmp(asset->countries[mid].iso3, iso3);
        if (order == 0) return (int)mid;
        if (order < 0) lo = mid + 1;
        else hi = mid;
    }
    return -1;
}

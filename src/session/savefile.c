/* savefile.c -- the save file: header, named sections, checks, autosaves.
 *
 * Layout (little-endian):
 *
 *   offset  size  field
 *        0     8  magic "CPSAVE\x1a\n"
 *        8     4  container format version
 *       12     4  number of sections
 *       16     8  length of the body
 *       24     8  checksum: 64-bit FNV-1a over bytes 0..23, then the body
 *       32     -  body: sections, each a name (u32 length + ASCII), a u64
 *                 length and its bytes; "meta" (scenario, turn, seed, the
 *                 program that wrote it) and "world" (cp_world_save's
 *                 buffer, with its own version and checksum) come first
 *
 * The container and the world carry separate versions: a later build that
 * changes only the world's fields bumps the world's version, and the core
 * migrates it; this file migrates the container (see savefile_decode).
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bytes.h"
#include "file_io.h"
#include "savefile.h"

#ifndef CP_VERSION
#define CP_VERSION "dev"
#endif

static const unsigned char MAGIC[8] = {'C', 'P', 'S', 'A', 'V', 'E', 0x1a, '\n'};
enum { HEADER_BYTES = 32 };

static int name_ok(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > SAVEFILE_NAME_MAX)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (name[i] <= ' ' || name[i] > '~')
            return 0;
    return 1;
}

static void section(bytes_buf *b, const char *name, const void *data, size_t len)
{
    bytes_str(b, name);
    bytes_u64(b, (uint64_t)len);
    bytes_append(b, data, len);
}

int savefile_encode(const cp_world *w, const savefile_section *extra, int extra_count,
                    unsigned char **buf, size_t *len, char *err, size_t errlen)
{
    *buf = NULL;
    *len = 0;
    if (extra_count < 0 || extra_count > SAVEFILE_MAX_SECTIONS - 2) {
        snprintf(err, errlen, "too many sections (%d)", extra_count);
        return -1;
    }
    for (int i = 0; i < extra_count; i++) {
        if (!name_ok(extra[i].name) || strcmp(extra[i].name, "meta") == 0 ||
            strcmp(extra[i].name, "world") == 0) {
            snprintf(err, errlen, "bad section name '%s'", extra[i].name);
            return -1;
        }
        for (int j = 0; j < i; j++)
            if (strcmp(extra[i].name, extra[j].name) == 0) {
                snprintf(err, errlen, "section '%s' given twice", extra[i].name);
                return -1;
            }
    }
    unsigned char *world;
    size_t world_len;
    cp_error e;
    if (cp_world_save(w, &world, &world_len, &e) != CP_OK) {
        snprintf(err, errlen, "%s", e.message);
        return -1;
    }
    bytes_buf meta = {0}, b = {0};
    bytes_str(&meta, cp_world_scenario(w)->name);
    bytes_i32(&meta, cp_world_turn(w));
    bytes_u64(&meta, cp_world_seed(w));
    bytes_str(&meta, "chokepoint " CP_VERSION);

    unsigned char header[HEADER_BYTES] = {0};
    bytes_append(&b, header, sizeof header);
    section(&b, "meta", meta.data, meta.len);
    section(&b, "world", world, world_len);
    for (int i = 0; i < extra_count; i++)
        section(&b, extra[i].name, extra[i].data, extra[i].len);
    free(world);
    free(meta.data);
    if (b.failed || meta.failed) {
        free(b.data);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    memcpy(b.data, MAGIC, sizeof MAGIC);
    bytes_put_u32(b.data + 8, SAVEFILE_VERSION);
    bytes_put_u32(b.data + 12, (uint32_t)(extra_count + 2));
    bytes_put_u64(b.data + 16, (uint64_t)(b.len - HEADER_BYTES));
    uint64_t h = bytes_fnv1a(BYTES_FNV_BASIS, b.data, 24);
    bytes_put_u64(b.data + 24, bytes_fnv1a(h, b.data + HEADER_BYTES, b.len - HEADER_BYTES));
    *buf = b.data;
    *len = b.len;
    return 0;
}

int savefile_write(const char *path, const cp_world *w, const savefile_section *extra,
                   int extra_count, char *err, size_t errlen)
{
    unsigned char *buf;
    size_t len;
    char why[512];
    if (savefile_encode(w, extra, extra_count, &buf, &len, why, sizeof why) != 0) {
        snprintf(err, errlen, "cannot save %s: %s", path, why);
        return -1;
    }
    int r = file_write_atomic(path, buf, len, err, errlen);
    free(buf);
    return r;
}

void savefile_free(savefile *sf)
{
    if (!sf)
        return;
    cp_world_destroy(sf->world);
    for (int i = 0; i < sf->extra_count; i++)
        free(sf->extra[i].data);
    free(sf->extra);
    memset(sf, 0, sizeof *sf);
}

const savefile_section *savefile_find(const savefile *sf, const char *name)
{
    for (int i = 0; i < sf->extra_count; i++)
        if (strcmp(sf->extra[i].name, name) == 0)
            return &sf->extra[i];
    return NULL;
}

#define REFUSE(...)                                                                            \
    do {                                                                                       \
        int n_ = snprintf(err, errlen, "%s: ", name);                                          \
        if (n_ >= 0 && (size_t)n_ < errlen)                                                    \
            snprintf(err + n_, errlen - (size_t)n_, __VA_ARGS__);                              \
        goto refused;                                                                          \
    } while (0)

/* Checks run from the outside in: the header (is it a save, a version we
 * read, complete, undamaged), the list of sections, the meta data (the
 * right scenario?), and last the world, which the core checks field by
 * field. The container itself is the same in versions 1 and 2: version 2
 * changed what the seats' sections hold (save_seats.c reads both), so a
 * version 1 build refuses a version 2 file rather than misread it. */
int savefile_decode(const unsigned char *buf, size_t len, const char *name, const char *scenario,
                    savefile *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (len == 0)
        REFUSE("truncated: the file is empty");
    if (memcmp(buf, MAGIC, len < sizeof MAGIC ? len : sizeof MAGIC) != 0)
        REFUSE("not a Chokepoint save file");
    if (len < HEADER_BYTES)
        REFUSE("truncated: %zu bytes, too short for a save file", len);
    uint32_t version = bytes_get_u32(buf + 8);
    if (version > SAVEFILE_VERSION)
        REFUSE("saved by a newer Chokepoint (save format version %u; this build reads up to %d)",
               version, (int)SAVEFILE_VERSION);
    if (version < 1)
        REFUSE("unknown save format version %u", version);
    uint32_t sections = bytes_get_u32(buf + 12);
    uint64_t body = bytes_get_u64(buf + 16);
    if (body > len - HEADER_BYTES)
        REFUSE("truncated: %zu of %llu bytes are there", len,
               (unsigned long long)body + HEADER_BYTES);
    if (body < len - HEADER_BYTES)
        REFUSE("%zu unexpected bytes after the end of the save", len - HEADER_BYTES - (size_t)body);
    uint64_t h = bytes_fnv1a(BYTES_FNV_BASIS, buf, 24);
    if (bytes_fnv1a(h, buf + HEADER_BYTES, len - HEADER_BYTES) != bytes_get_u64(buf + 24))
        REFUSE("corrupted: the checksum does not match the contents");
    if (sections < 2 || sections > SAVEFILE_MAX_SECTIONS)
        REFUSE("damaged: %u sections", sections);

    bytes_reader r = {buf, HEADER_BYTES, len, 0};
    const unsigned char *meta = NULL, *world = NULL;
    size_t meta_len = 0, world_len = 0;
    out->extra = calloc(sections, sizeof *out->extra);
    if (!out->extra)
        REFUSE("out of memory");
    for (uint32_t i = 0; i < sections; i++) {
        char sname[SAVEFILE_NAME_MAX + 1];
        bytes_read_str(&r, sname, sizeof sname);
        uint64_t n = bytes_read_u64(&r);
        if (r.failed || !name_ok(sname))
            REFUSE("damaged: section %u has no proper name", i + 1);
        if (n > r.len - r.pos)
            REFUSE("damaged: section '%s' runs past the end of the file", sname);
        const unsigned char *data = bytes_read_raw(&r, (size_t)n);
        if ((i == 0) != (strcmp(sname, "meta") == 0) || (i == 1) != (strcmp(sname, "world") == 0))
            REFUSE("damaged: section '%s' out of place", sname);
        if (i == 0) {
            meta = data;
            meta_len = (size_t)n;
            continue;
        }
        if (i == 1) {
            world = data;
            world_len = (size_t)n;
            continue;
        }
        if (savefile_find(out, sname))
            REFUSE("damaged: section '%s' appears twice", sname);
        savefile_section *s = &out->extra[out->extra_count];
        snprintf(s->name, sizeof s->name, "%s", sname);
        s->data = malloc(n ? (size_t)n : 1);
        if (!s->data)
            REFUSE("out of memory");
        if (n)
            memcpy(s->data, data, (size_t)n);
        s->len = (size_t)n;
        out->extra_count++;
    }
    if (r.pos != r.len)
        REFUSE("damaged: %zu bytes after the last section", r.len - r.pos);

    bytes_reader m = {meta, 0, meta_len, 0};
    bytes_read_str(&m, out->scenario, sizeof out->scenario);
    out->turn = bytes_read_i32(&m);
    out->seed = bytes_read_u64(&m);
    bytes_read_str(&m, out->written_by, sizeof out->written_by);
    if (m.failed || m.pos != m.len)
        REFUSE("damaged: the meta section does not read");
    if (scenario && strcmp(scenario, out->scenario) != 0)
        REFUSE("a save of scenario '%s', not '%s'", out->scenario, scenario);

    cp_error e;
    out->world = cp_world_load(world, world_len, &e);
    if (!out->world)
        REFUSE("world: %s", e.message);
    if (strcmp(cp_world_scenario(out->world)->name, out->scenario) != 0 ||
        cp_world_turn(out->world) != out->turn || cp_world_seed(out->world) != out->seed)
        REFUSE("damaged: the world (%s, turn %d) does not match the save's description (%s, "
               "turn %d)", cp_world_scenario(out->world)->name, cp_world_turn(out->world),
               out->scenario, out->turn);
    return 0;

refused:
    savefile_free(out);
    return -1;
}

int savefile_read(const char *path, const char *scenario, savefile *out, char *err,
                  size_t errlen)
{
    unsigned char *buf;
    size_t len;
    memset(out, 0, sizeof *out);
    if (file_read_all(path, SAVEFILE_MAX_BYTES, &buf, &len, err, errlen) != 0)
        return -1;
    int r = savefile_decode(buf, len, path, scenario, out, err, errlen);
    free(buf);
    return r;
}

int savefile_path(const char *name, char *out, size_t outlen, char *err, size_t errlen)
{
    if (!name[0]) {
        snprintf(err, errlen, "an empty file name");
        return -1;
    }
    if (strchr(name, '/')) {
        if (snprintf(out, outlen, "%s", name) >= (int)outlen) {
            snprintf(err, errlen, "%s: path too long", name);
            return -1;
        }
        return 0;
    }
    if (file_mkdirs(SAVEFILE_DIR, err, errlen) != 0)
        return -1;
    if (snprintf(out, outlen, "%s/%s", SAVEFILE_DIR, name) >= (int)outlen) {
        snprintf(err, errlen, "%s: path too long", name);
        return -1;
    }
    return 0;
}

int savefile_check_target(const char *name, char *err, size_t errlen)
{
    char path[1200];
    if (!name[0]) {
        snprintf(err, errlen, "an empty file name");
        return -1;
    }
    snprintf(path, sizeof path, "%s%s%s", strchr(name, '/') ? "" : SAVEFILE_DIR,
             strchr(name, '/') ? "" : "/", name);
    return file_check_writable(path, err, errlen);
}

void savefile_resolve(const char *name, char *out, size_t outlen)
{
    if (strchr(name, '/') || access(name, F_OK) == 0)
        snprintf(out, outlen, "%s", name);
    else
        snprintf(out, outlen, "%s/%s", SAVEFILE_DIR, name);
}

/* ---- autosaves ------------------------------------------------------------- */

/* The scenario's name as it appears in autosave file names. */
static void file_stem(const char *scenario, char *out, size_t len)
{
    size_t n = 0;
    for (const char *s = scenario; *s && n + 1 < len && n < 40; s++, n++) {
        char c = *s;
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '_';
        out[n] = ok ? c : '_';
    }
    out[n] = '\0';
}

/* If 'name' is "<prefix><seq>-t<turn>.cpsave", its sequence number; else -1. */
static long autosave_seq(const char *name, const char *prefix)
{
    size_t p = strlen(prefix);
    if (strncmp(name, prefix, p) != 0)
        return -1;
    const char *s = name + p;
    long seq = 0;
    int digits = 0;
    for (; *s >= '0' && *s <= '9' && digits < 9; s++, digits++)
        seq = seq * 10 + (*s - '0');
    if (!digits || strncmp(s, "-t", 2) != 0)
        return -1;
    s += 2;
    for (digits = 0; *s >= '0' && *s <= '9'; s++)
        digits++;
    return digits && strcmp(s, ".cpsave") == 0 ? seq : -1;
}

/* Remove from 'dir' the autosaves named with 'prefix' whose sequence number
 * is at most 'upto' (none when 'upto' < 0) and, when 'temp_prefix' is not
 * NULL, the temporary files of autosaves written under that prefix. */
static void prune(const char *dir, const char *prefix, const char *temp_prefix, long upto)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        long seq = autosave_seq(e->d_name, prefix);
        int stale = (seq >= 0 && seq <= upto) ||
                    (temp_prefix && strncmp(e->d_name, temp_prefix, strlen(temp_prefix)) == 0 &&
                     file_is_temp(e->d_name));
        if (stale) {
            char old[1200];
            snprintf(old, sizeof old, "%s/%s", dir, e->d_name);
            unlink(old);
        }
    }
    closedir(d);
}

int savefile_autosave(const char *dir, const cp_world *w, const savefile_section *extra,
                      int extra_count, int keep, char *path, size_t pathlen, char *err,
                      size_t errlen)
{
    if (keep < 1)
        keep = 1;
    if (file_mkdirs(dir, err, errlen) != 0)
        return -1;
    char stem[48], prefix[64], temp_prefix[72];
    file_stem(cp_world_scenario(w)->name, stem, sizeof stem);
    snprintf(prefix, sizeof prefix, "autosave-%s-", stem);
    snprintf(temp_prefix, sizeof temp_prefix, ".autosave-%s-", stem);

    /* the next sequence number follows the newest autosave there */
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errlen, "cannot list %s: %s", dir, strerror(errno));
        return -1;
    }
    long newest = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        long seq = autosave_seq(e->d_name, prefix);
        if (seq > newest)
            newest = seq;
    }
    closedir(d);

    char file[1200];
    snprintf(file, sizeof file, "%s/%s%06ld-t%04d.cpsave", dir, prefix, newest + 1,
             cp_world_turn(w));

    /* The rotation is crash-consistent: at no moment are more than 'keep'
     * finished autosaves on the disk, and the newest is never deleted.
     *   1. the new autosave is written to a temporary file and flushed;
     *   2. only then are the oldest dropped, down to keep - 1;
     *   3. the temporary file is renamed into place.
     * A kill between 1 and 2 leaves the old ones and a temporary file; one
     * between 2 and 3 leaves keep - 1 (the newest among them) and a
     * temporary file, which the next autosave removes. Pruning after the
     * rename instead left keep + 1 files when the kill fell between the two.
     * With keep = 1 the two promises conflict; the newest wins: it goes
     * only after the new one is in place. */
    unsigned char *buf;
    size_t len;
    char why[512];
    if (savefile_encode(w, extra, extra_count, &buf, &len, why, sizeof why) != 0) {
        snprintf(err, errlen, "cannot save %s: %s", file, why);
        return -1;
    }
    file_pending pending;
    int r = file_write_begin(file, buf, len, &pending, err, errlen);
    free(buf);
    if (r != 0)
        return -1;
    long upto = newest + 1 - keep;
    prune(dir, prefix, NULL, upto < newest ? upto : newest - 1);
    if (file_write_commit(&pending, err, errlen) != 0)
        return -1;
    if (path)
        snprintf(path, pathlen, "%s", file);
    /* what keep = 1 left, and the temporary files of autosaves that were
     * killed half-way */
    prune(dir, prefix, temp_prefix, upto);
    return 0;
}

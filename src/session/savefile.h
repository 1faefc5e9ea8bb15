/* savefile.h -- a saved game on disk: the core's world plus what the core
 * does not know (the seats' agents and their memories, and whatever a later
 * part of the program needs to keep), in one versioned, checksummed file
 * that is written atomically. docs/saves.md describes the format.
 *
 * The world is the core's own buffer (cp_world_save); everything else goes
 * into named "extra" sections, so that the Lua host or the window can keep
 * its own data in a save without this file knowing what it is. Names in
 * use: "seats" (one line per seat), "source.ISO3" (an agent's source) and
 * "memory.ISO3" (an agent's memory); see save_seats.h.
 */
#ifndef CP_CLI_SAVEFILE_H
#define CP_CLI_SAVEFILE_H

#include <stddef.h>
#include <stdint.h>

#include "chokepoint.h"
#include "script.h"

enum {
    SAVEFILE_VERSION = 2,        /* the format this build writes: 2 keeps agents' memories as
                                    bytes, their sources, and paths under the data folder as
                                    "@data/..." (save_seats.h); version 1 still reads */
    SAVEFILE_NAME_MAX = 63,      /* longest section name */
    SAVEFILE_MAX_SECTIONS = 256,
    SAVEFILE_KEEP_AUTOSAVES = 5
};
#define SAVEFILE_MAX_BYTES ((size_t)1 << 30) /* refuse to read anything larger */
/* where a bare file name goes: saves/ from the build folder, the XDG data
 * folder when installed (script.h, cps_saves_dir) */
#define SAVEFILE_DIR cps_saves_dir()

typedef struct {
    char name[SAVEFILE_NAME_MAX + 1];
    unsigned char *data;
    size_t len;
} savefile_section;

/* A save, read back. */
typedef struct {
    cp_world *world;          /* owned: destroyed by savefile_free unless taken */
    char scenario[CP_NAME_LEN];
    int turn;
    uint64_t seed;
    char written_by[64];      /* "chokepoint 0.1.0" */
    int extra_count;
    savefile_section *extra;  /* the sections other than the world */
} savefile;

/* The bytes of a save of 'w' with 'extra' sections (names unique, not
 * "meta" or "world"). Returns 0 with a malloc'd buffer, or -1 with a
 * message. */
int savefile_encode(const cp_world *w, const savefile_section *extra, int extra_count,
                    unsigned char **buf, size_t *len, char *err, size_t errlen);

/* Save 'w' to 'path' atomically (file_io.h). Returns 0 or -1 with a message
 * naming the file. */
int savefile_write(const char *path, const cp_world *w, const savefile_section *extra,
                   int extra_count, char *err, size_t errlen);

/* Read a save from bytes; 'name' is the file's name in messages. When
 * 'scenario' is not NULL the save must be of that scenario. Refuses a
 * truncated, corrupted, foreign, future-version or wrong-scenario save with
 * a message "NAME: what is wrong". Returns 0 and fills 'out', or -1. */
int savefile_decode(const unsigned char *buf, size_t len, const char *name, const char *scenario,
                    savefile *out, char *err, size_t errlen);

/* The same from the file 'path' (opened read-only: reading a save never
 * changes anything on disk). */
int savefile_read(const char *path, const char *scenario, savefile *out, char *err,
                  size_t errlen);

void savefile_free(savefile *sf);

/* The extra section called 'name', or NULL. */
const savefile_section *savefile_find(const savefile *sf, const char *name);

/* Where a save named on the command line goes: a bare file name lands in
 * SAVEFILE_DIR (created if missing), a path stays as it is. */
int savefile_path(const char *name, char *out, size_t outlen, char *err, size_t errlen);

/* Where a save named on the command line is read from: 'name' itself when
 * it exists or holds a '/', else SAVEFILE_DIR/name. */
void savefile_resolve(const char *name, char *out, size_t outlen);

/* Whether a save named 'name' (as savefile_path places it) could be
 * written (file_io.h: not onto a FIFO, a device, a directory...), checked
 * before a game starts so that it is not refused only at the end; creates
 * nothing. Returns 0, or -1 with a message. */
int savefile_check_target(const char *name, char *err, size_t errlen);

/* Autosave 'w' into 'dir' (created if missing) as
 * "autosave-<scenario>-<sequence>-t<turn>.cpsave" and delete all but the
 * 'keep' newest autosaves of that scenario (by sequence number, so loading
 * an old save and playing on never deletes the new ones first), and any
 * temporary files a killed autosave left behind. The new file's path goes
 * into 'path' (may be NULL). Returns 0 or -1 with a message. */
int savefile_autosave(const char *dir, const cp_world *w, const savefile_section *extra,
                      int extra_count, int keep, char *path, size_t pathlen, char *err,
                      size_t errlen);

#endif

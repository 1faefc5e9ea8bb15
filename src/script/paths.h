/* paths.h -- where scenario and agent files are found: names vs paths, the data dir. */
#ifndef CPS_PATHS_H
#define CPS_PATHS_H

#include <stddef.h>

/* The data directory: $CHOKEPOINT_DATA if set, else the compile-time
 * CP_DATA_DIR, else ".". */
const char *cps_data_dir(void);

/* Resolve 'name_or_path' under 'subdir' ("scripts/scenarios", "scripts/agents").
 * A name (no '/', no ".lua" ending) becomes <datadir>/<subdir>/<name>.lua; a
 * path is used as it is. 'display' gets the name used in messages: the path
 * relative to the data dir when it lies inside it. Returns 0, or -1 when the
 * result does not fit. */
int cps_resolve_script(const char *subdir, const char *name_or_path, char *path, size_t plen,
                       char *display, size_t dlen);

/* 1 if 'name_or_path' is a bare name rather than a path. */
int cps_is_bare_name(const char *name_or_path);

/* How a save names a file: "@data/<path in the data directory>" for a
 * file inside it (so that moving or reinstalling the folder keeps saves
 * working), any other path as it is. Returns 0, or -1 when it does not fit. */
int cps_path_for_save(const char *path, char *out, size_t len);

/* The file a save's name stands for: "@data/..." under this data
 * directory; any other path as it is, or, when that file is gone (a save
 * from before "@data/" names, of a folder since moved), the same file
 * under this data directory if there is one. Returns 0, or -1 when it
 * does not fit. */
int cps_path_from_save(const char *stored, char *out, size_t len);

#endif

/* file_stamp.h -- how a file looks on disk (size, modification time,
 * inode), so that hot reload (cps_seats_reload_changed) can tell that an
 * agent file was edited without reading it every turn. */
#ifndef CPS_FILE_STAMP_H
#define CPS_FILE_STAMP_H

typedef struct {
    int exists;
    long long size;
    long long mtime_ns;
    unsigned long long inode; /* editors that save by renaming change it */
} cps_file_stamp;

/* Stamp 'path' into 'out' (exists = 0 when it cannot be stat'ed). */
void cps_file_stamp_of(const char *path, cps_file_stamp *out);

/* 1 when the two stamps differ. */
int cps_file_stamp_changed(const cps_file_stamp *a, const cps_file_stamp *b);

#endif

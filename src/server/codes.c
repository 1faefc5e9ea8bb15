/* codes.c -- the seats' and the teacher's join codes: secrets from the operating system's random
 * source, typed by people (base32 without 0/O/1/I, in dashed groups, case and dashes ignored),
 * compared in constant time, and kept in codes.txt (mode 0600) beside the autosaves so that a
 * restarted server accepts the same codes. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "server.h"

/* 32 symbols: digits and capitals without 0, O, 1 and I, which people confuse. */
static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

int srv_code_new(char out[SRV_CODE_LEN])
{
    unsigned char raw[10]; /* 80 bits: 16 symbols of 5 bits */
    size_t got = 0;
    while (got < sizeof raw) {
        ssize_t n = getrandom(raw + got, sizeof raw - got, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        got += (size_t)n;
    }
    int o = 0;
    for (int k = 0; k < 16; k++) {
        int bit = k * 5, v = 0;
        for (int b = 0; b < 5; b++)
            v = (v << 1) | ((raw[(bit + b) / 8] >> (7 - (bit + b) % 8)) & 1);
        if (k > 0 && k % 4 == 0)
            out[o++] = '-';
        out[o++] = alphabet[v];
    }
    out[o] = '\0';
    return 0;
}

/* The code's symbols without dashes, upper-cased, at most 'cap' - 1 of them; 0/O/1/I are kept
 * as typed and so never match. Returns how many characters the input had beyond the cap (> 0:
 * too long to be a code). */
static size_t canonical(const char *in, char *out, size_t cap)
{
    size_t n = 0, over = 0;
    for (; *in; in++) {
        char ch = *in;
        if (ch == '-' || ch == ' ')
            continue;
        if (ch >= 'a' && ch <= 'z')
            ch = (char)(ch - 'a' + 'A');
        if (n + 1 < cap)
            out[n++] = ch;
        else
            over++;
    }
    out[n] = '\0';
    return over;
}

int srv_code_equal(const char *typed, const char *code)
{
    char a[SRV_CODE_LEN], b[SRV_CODE_LEN];
    memset(a, 0, sizeof a);
    memset(b, 0, sizeof b);
    size_t over = canonical(typed, a, sizeof a);
    canonical(code, b, sizeof b);
    if (!b[0])
        return 0; /* a seat without a code matches nothing */
    unsigned diff = over != 0;
    for (size_t k = 0; k < sizeof a; k++) /* every byte, whatever differs first */
        diff |= (unsigned)(a[k] ^ b[k]);
    return diff == 0;
}

int srv_codes_write(const srv *s, const char *dir, char *err, size_t len)
{
    char path[900], tmp[920];
    snprintf(path, sizeof path, "%s/codes.txt", dir);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        snprintf(err, len, "%s: %s", tmp, strerror(errno));
        return -1;
    }
    fchmod(fd, 0600);
    FILE *f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        snprintf(err, len, "%s: %s", tmp, strerror(errno));
        return -1;
    }
    const cp_world *w = cpg_world(s->g);
    fprintf(f, "# chokepoint serve: join codes, secret (mode 0600)\nteacher %s\n", s->teacher_code);
    for (int n = 0; n < cp_world_nation_count(w); n++)
        if (s->seat_code[n][0])
            fprintf(f, "%s %s\n", cp_world_nation(w, n)->iso3, s->seat_code[n]);
    int bad = ferror(f);
    if (fclose(f) != 0 || bad || rename(tmp, path) != 0) {
        snprintf(err, len, "%s: %s", path, strerror(errno));
        unlink(tmp);
        return -1;
    }
    return 0;
}

int srv_codes_read(srv *s, const char *dir, char *err, size_t len)
{
    char path[900];
    snprintf(path, sizeof path, "%s/codes.txt", dir);
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, len, "%s: %s (the codes of the game being resumed)", path, strerror(errno));
        return -1;
    }
    const cp_world *w = cpg_world(s->g);
    char line[256];
    int lineno = 0, have_teacher = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char who[16], code[64];
        if (sscanf(line, "%15s %63s", who, code) != 2 || strlen(code) >= SRV_CODE_LEN) {
            snprintf(err, len, "%s:%d: 'ISO3 CODE' or 'teacher CODE' expected", path, lineno);
            fclose(f);
            return -1;
        }
        if (strcmp(who, "teacher") == 0) {
            memcpy(s->teacher_code, code, strlen(code) + 1); /* < SRV_CODE_LEN, checked above */
            have_teacher = 1;
            continue;
        }
        int n = cp_world_find_nation(w, who);
        if (n < 0) {
            snprintf(err, len, "%s:%d: no nation '%s' in this game", path, lineno, who);
            fclose(f);
            return -1;
        }
        memcpy(s->seat_code[n], code, strlen(code) + 1);
    }
    fclose(f);
    if (!have_teacher) {
        snprintf(err, len, "%s: no teacher line", path);
        return -1;
    }
    return 0;
}

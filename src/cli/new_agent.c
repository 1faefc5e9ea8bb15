/* new_agent.c -- `chokepoint new-agent NAME [--seat ISO3] [--dir DIR]`: a modder's
 * starting folder (issue 19): NAME/NAME.lua, an agent that plays, from the template
 * scripts/agents/templates/starter.lua of the data folder; .luarc.json pointing the Lua
 * language server at the API stubs (the source tree's docs/api, or share/doc/chokepoint/api
 * when installed); test.sh, which runs check-agent and a short sim with this very program;
 * and a README.md. It refuses to write into a folder that is not empty. */
#define _DEFAULT_SOURCE /* realpath */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file_io.h"
#include "cli.h"
#include "script.h"

#define NA_NAME_MAX 64
#define NA_PATH_CAP 1100

static void new_agent_usage(FILE *f)
{
    fputs("usage: chokepoint new-agent NAME [--seat ISO3] [--dir DIR]\n"
          "  NAME    the agent's name: letters, digits, '_' and '-' (makes NAME/NAME.lua)\n"
          "  --seat  the nation of baseline its test plays (default USA)\n"
          "  --dir   where the folder NAME is made (default the current folder)\n"
          "Makes NAME/ holding NAME.lua (a small agent that plays), .luarc.json (editor\n"
          "completion from the API stubs), test.sh (check-agent and a short sim) and README.md.\n"
          "Refuses a folder NAME that exists and is not empty.\n"
          "exit status: 0 made, 2 a bad flag or name, or a folder that cannot be made\n"
          "A flag may be shortened to any prefix that names no other (--se for --seat),\n"
          "and flags and arguments may come in any order.\n",
          f);
}

enum { NA_SEAT = 256, NA_DIR, NA_HELP };

static const struct option new_agent_flags[] = {{"seat", required_argument, NULL, NA_SEAT},
                                                {"dir", required_argument, NULL, NA_DIR},
                                                {"help", no_argument, NULL, NA_HELP},
                                                {NULL, 0, NULL, 0}};

/* A name that is safe as a file name, inside a Lua string and inside a shell word. */
static int name_ok(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > NA_NAME_MAX || name[0] == '-')
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

/* 1 if 'dir' exists (as anything), with *nonempty set when it is a folder holding a file or
 * is not a folder at all; 0 if it does not exist; -1 if it cannot be read (said). */
static int folder_state(const char *dir, int *nonempty)
{
    struct stat st;
    *nonempty = 0;
    if (stat(dir, &st) != 0) {
        if (errno == ENOENT)
            return 0;
        fprintf(stderr, "chokepoint new-agent: %s: %s\n", dir, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        *nonempty = 1;
        return 1;
    }
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "chokepoint new-agent: %s: %s\n", dir, strerror(errno));
        return -1;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            *nonempty = 1;
            break;
        }
    closedir(d);
    return 1;
}

/* Whether 'seat' is a nation of the baseline scenario, the one test.sh plays. 0, or -1
 * after printing why (naming --seat and the nations there are). */
static int seat_in_baseline(const char *seat)
{
    cp_scenario *sc = malloc(sizeof *sc);
    char err[4096];
    if (!sc) {
        fprintf(stderr, "chokepoint new-agent: out of memory\n");
        return -1;
    }
    if (cps_scenario_load("baseline", sc, NULL, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint new-agent: %s\n", err);
        free(sc);
        return -1;
    }
    char known[CP_MAX_NATIONS * 5 + 1] = "";
    int found = 0;
    for (int i = 0; i < sc->nation_count; i++) {
        size_t kl = strlen(known);
        snprintf(known + kl, sizeof known - kl, "%s%s", i ? " " : "", sc->nations[i].iso3);
        found |= strcmp(sc->nations[i].iso3, seat) == 0;
    }
    free(sc);
    if (!found)
        fprintf(stderr, "chokepoint new-agent: --seat '%s' is not a nation of baseline (%s)\n",
                seat, known);
    return found ? 0 : -1;
}

/* Append 'text' to the growing buffer *b (length *n, room *cap). 0, or -1 out of memory. */
static int buf_add(char **b, size_t *n, size_t *cap, const char *text, size_t len)
{
    if (*n + len + 1 > *cap) {
        size_t c = (*n + len + 1) * 2;
        char *g = realloc(*b, c);
        if (!g)
            return -1;
        *b = g;
        *cap = c;
    }
    memcpy(*b + *n, text, len);
    *n += len;
    (*b)[*n] = '\0';
    return 0;
}

/* The template with every @NAME@ and @SEAT@ replaced, in a new string (NULL: out of memory). */
static char *fill_template(const char *tpl, const char *name, const char *seat)
{
    char *out = NULL;
    size_t n = 0, cap = 0;
    const char *p = tpl;
    if (buf_add(&out, &n, &cap, "", 0) != 0)
        return NULL;
    while (*p) {
        if (strncmp(p, "@NAME@", 6) == 0) {
            if (buf_add(&out, &n, &cap, name, strlen(name)) != 0)
                goto oom;
            p += 6;
        } else if (strncmp(p, "@SEAT@", 6) == 0) {
            if (buf_add(&out, &n, &cap, seat, strlen(seat)) != 0)
                goto oom;
            p += 6;
        } else {
            if (buf_add(&out, &n, &cap, p, 1) != 0)
                goto oom;
            p++;
        }
    }
    return out;
oom:
    free(out);
    return NULL;
}

/* The folder holding the API stubs api/chokepoint.lua, as an absolute path into 'out': the
 * source tree's docs/api when the data folder is the source tree, else the installed
 * share/doc/chokepoint/api beside share/chokepoint (docs/install.md). 0, or -1 if neither is
 * there. */
static int find_stubs(char *out, size_t outlen)
{
    const char *data = cps_data_dir();
    const char *tries[] = {"docs/api", "../doc/chokepoint/api"};
    char cand[NA_PATH_CAP + 64], resolved[PATH_MAX];
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
        snprintf(cand, sizeof cand, "%s/%s/chokepoint.lua", data, tries[i]);
        if (access(cand, R_OK) != 0)
            continue;
        snprintf(cand, sizeof cand, "%s/%s", data, tries[i]);
        if (realpath(cand, resolved) && strlen(resolved) < outlen) {
            snprintf(out, outlen, "%s", resolved);
            return 0;
        }
    }
    return -1;
}

/* 'text' as a JSON string's contents (quotes and backslashes escaped) into 'out'. */
static void json_escape(const char *text, char *out, size_t outlen)
{
    size_t n = 0;
    for (const char *p = text; *p && n + 3 < outlen; p++) {
        if (*p == '"' || *p == '\\')
            out[n++] = '\\';
        out[n++] = *p;
    }
    out[n] = '\0';
}

/* 'text' as one shell word in single quotes (a ' becomes '\'') into 'out'. */
static void shell_quote(const char *text, char *out, size_t outlen)
{
    size_t n = 0;
    out[n++] = '\'';
    for (const char *p = text; *p && n + 6 < outlen; p++) {
        if (*p == '\'') {
            memcpy(out + n, "'\\''", 4);
            n += 4;
        } else {
            out[n++] = *p;
        }
    }
    out[n++] = '\'';
    out[n] = '\0';
}

/* Write 'text' to 'folder/file'. 0, or -1 after printing why. */
static int write_in(const char *folder, const char *file, const char *text)
{
    char path[NA_PATH_CAP + 128], err[1400];
    snprintf(path, sizeof path, "%s/%s", folder, file);
    if (file_write_atomic(path, text, strlen(text), err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint new-agent: %s\n", err);
        return -1;
    }
    return 0;
}

/* Write the four files into the (empty or new) 'folder'. 0, or -1 after printing why. */
static int make_files(const char *folder, const char *name, const char *seat)
{
    char tpl_path[NA_PATH_CAP + 64], err[1400];
    snprintf(tpl_path, sizeof tpl_path, "%s/scripts/agents/templates/starter.lua", cps_data_dir());
    unsigned char *tpl = NULL;
    size_t tpl_len = 0;
    if (file_read_all(tpl_path, 1 << 20, &tpl, &tpl_len, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint new-agent: the agent template: %s\n", err);
        return -1;
    }
    char *tpl_text = malloc(tpl_len + 1);
    if (!tpl_text) {
        free(tpl);
        fprintf(stderr, "chokepoint new-agent: out of memory\n");
        return -1;
    }
    memcpy(tpl_text, tpl, tpl_len);
    tpl_text[tpl_len] = '\0';
    free(tpl);
    char *agent = fill_template(tpl_text, name, seat);
    free(tpl_text);
    if (!agent) {
        fprintf(stderr, "chokepoint new-agent: out of memory\n");
        return -1;
    }
    char lua_file[NA_NAME_MAX + 8];
    snprintf(lua_file, sizeof lua_file, "%s.lua", name);
    int bad = write_in(folder, lua_file, agent);
    free(agent);
    if (bad)
        return -1;

    /* .luarc.json: the editor's completion from the stubs, Lua 5.4 without the libraries an
     * agent cannot use (the same settings as the repository's own .luarc.json) */
    char stubs[PATH_MAX], stubs_json[2 * PATH_MAX + 4], library[2 * PATH_MAX + 64];
    if (find_stubs(stubs, sizeof stubs) == 0) {
        json_escape(stubs, stubs_json, sizeof stubs_json);
        snprintf(library, sizeof library, "\n      \"%s\"\n    ", stubs_json);
    } else {
        library[0] = '\0';
        fprintf(stderr,
                "chokepoint new-agent: warning: no API stubs (api/chokepoint.lua) beside the data "
                "folder %s; .luarc.json names none (`chokepoint gen-api-docs DIR` writes them)\n",
                cps_data_dir());
    }
    char luarc[sizeof library + 512];
    snprintf(luarc, sizeof luarc,
             "{\n"
             "  \"runtime\": {\n"
             "    \"version\": \"Lua 5.4\",\n"
             "    \"builtin\": {\"io\": \"disable\", \"os\": \"disable\", \"debug\": \"disable\",\n"
             "                \"package\": \"disable\"}\n"
             "  },\n"
             "  \"workspace\": {\n"
             "    \"library\": [%s],\n"
             "    \"checkThirdParty\": false\n"
             "  }\n"
             "}\n",
             library);
    if (write_in(folder, ".luarc.json", luarc) != 0)
        return -1;

    /* test.sh: this very program, by the name or full path that runs it from anywhere */
    char prog[3 * NA_PATH_CAP];
    shell_quote(cps_program_command(), prog, sizeof prog);
    char test[4 * NA_PATH_CAP + 1024];
    snprintf(test, sizeof test,
             "#!/bin/sh\n"
             "# test.sh -- made by `chokepoint new-agent`: checks %s.lua (it loads, never fails,\n"
             "# stays within its limits and plays the same twice), then plays it as %s for 8\n"
             "# turns of the baseline scenario. Exit status 0 when both pass.\n"
             "set -eu\n"
             "cd \"$(dirname \"$0\")\"\n"
             "prog=%s\n"
             "\"$prog\" check-agent %s.lua\n"
             "\"$prog\" sim --scenario baseline --turns 8 --seed 1 --agent %s=%s.lua\n",
             name, seat, prog, name, seat, name);
    if (write_in(folder, "test.sh", test) != 0)
        return -1;
    char test_path[NA_PATH_CAP + 16];
    snprintf(test_path, sizeof test_path, "%s/test.sh", folder);
    if (chmod(test_path, 0755) != 0) {
        fprintf(stderr, "chokepoint new-agent: %s: %s\n", test_path, strerror(errno));
        return -1;
    }

    char readme[2048];
    snprintf(readme, sizeof readme,
             "# %s\n\n"
             "A Chokepoint agent, made by `chokepoint new-agent %s --seat %s`.\n\n"
             "- `%s.lua` is the agent: edit its `turn` function (the API is in docs/agents.md).\n"
             "- `./test.sh` checks it with `chokepoint check-agent` and plays it as %s for 8 turns.\n"
             "- `.luarc.json` points the Lua language server at the API stubs, so an editor\n"
             "  completes `view.` and `act.`.\n"
             "- Play it: `chokepoint sim --scenario baseline --turns 40 --seed 1 --agent %s=%s.lua`\n",
             name, name, seat, name, seat, seat, name);
    return write_in(folder, "README.md", readme);
}

/* `chokepoint new-agent`: read the flags, refuse a taken folder, make the files. */
int cmd_new_agent(int argc, char **argv)
{
    cli_args a = {0};
    const char *name = NULL, *seat_arg = "USA", *dir = ".", *v;
    int r;
    if (cli_begin(&a, "new-agent", argc, argv) != 0)
        return 2;
    while ((r = cli_next(&a, new_agent_flags, &v)) != 0) {
        switch (r) {
        case NA_SEAT:
            seat_arg = v;
            break;
        case NA_DIR:
            dir = v;
            break;
        case NA_HELP:
        case 'h':
            cli_end(&a);
            new_agent_usage(stdout);
            return 0;
        default: /* -1: cli_next said why */
            goto bad;
        }
    }
    for (int i = a.index; i < a.argc; i++) {
        if (name) {
            fprintf(stderr, "chokepoint new-agent: one name at a time ('%s' and '%s')\n", name,
                    a.argv[i]);
            goto bad;
        }
        name = a.argv[i];
    }
    if (!name) {
        fprintf(stderr, "chokepoint new-agent: which name? Give one, e.g. my_agent.\n");
        goto bad;
    }
    if (!name_ok(name)) {
        fprintf(stderr,
                "chokepoint new-agent: name '%s': use 1 to %d letters, digits, '_' or '-' "
                "(not first)\n",
                name, NA_NAME_MAX);
        goto bad;
    }
    char seat[4];
    if (strlen(seat_arg) != 3) {
        fprintf(stderr, "chokepoint new-agent: --seat '%s' is not a three-letter code (USA, JPN)\n",
                seat_arg);
        goto bad;
    }
    for (int i = 0; i < 3; i++) {
        char c = seat_arg[i];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        if (c < 'A' || c > 'Z') {
            fprintf(stderr,
                    "chokepoint new-agent: --seat '%s' is not a three-letter code (USA, JPN)\n",
                    seat_arg);
            goto bad;
        }
        seat[i] = c;
    }
    seat[3] = '\0';
    if (seat_in_baseline(seat) != 0)
        goto bad;
    char folder[NA_PATH_CAP], err[1400];
    int folder_len = snprintf(folder, sizeof folder, "%s/%s", dir, name);
    if (folder_len < 0 || (size_t)folder_len >= sizeof folder) {
        fprintf(stderr, "chokepoint new-agent: --dir '%s' is too long\n", dir);
        goto bad;
    }
    cli_end(&a);

    int nonempty, st = folder_state(folder, &nonempty);
    if (st < 0)
        return 2;
    if (nonempty) {
        fprintf(stderr,
                "chokepoint new-agent: %s already exists and is not an empty folder; "
                "nothing written (choose another name or --dir)\n",
                folder);
        return 2;
    }
    if (st == 0 && file_mkdirs(folder, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint new-agent: %s\n", err);
        return 2;
    }
    if (make_files(folder, name, seat) != 0)
        return 2;
    printf("made %s/: %s.lua, test.sh, .luarc.json, README.md\n"
           "next: %s/test.sh\n",
           folder, name, folder);
    return 0;
bad:
    cli_end(&a);
    new_agent_usage(stderr);
    return 2;
}

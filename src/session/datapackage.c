/* datapackage.c -- the provenance of the CSV files the program writes, in a
 * sidecar file beside them: a Frictionless Data Package (datapackage.json,
 * https://specs.frictionlessdata.io/) listing each file with its columns,
 * their types, units and meanings, and the program's version, scenario,
 * seed and command (docs/csv.md). The CSV files themselves hold one header
 * row and data, nothing else, so that every reader's defaults load them. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "bytes.h"
#include "script.h"

/* ---- the command line this process runs ------------------------------------------ */

static char command_line[4096];

/* 'cmd' = how to call this program, quoted for a shell when its path needs it. */
static void program_start(char *cmd, size_t cap)
{
    cmd[0] = '\0';
    cpg_shell_append(cmd, cap, cps_program_command());
    memmove(cmd, cmd + 1, strlen(cmd)); /* cpg_shell_append's leading space */
}

void cpg_set_command_line(int argc, char **argv)
{
    program_start(command_line, sizeof command_line);
    for (int i = 1; i < argc; i++)
        cpg_shell_append(command_line, sizeof command_line, argv[i]);
}

const char *cpg_command_line(void)
{
    return command_line[0] ? command_line : "chokepoint";
}

void cpg_program_call(char *cmd, size_t cap, const char *subcommand)
{
    if (cap < 2)
        return;
    program_start(cmd, cap);
    cpg_shell_append(cmd, cap, subcommand);
}

/* ---- JSON --------------------------------------------------------------------------- */

/* 's' as a JSON string, quotes included. */
static void json_string(bytes_buf *b, const char *s)
{
    bytes_append(b, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p == '"' || *p == '\\')
            bytes_printf(b, "\\%c", *p);
        else if (*p == '\n')
            bytes_append(b, "\\n", 2);
        else if (*p == '\t')
            bytes_append(b, "\\t", 2);
        else if (*p < 0x20)
            bytes_printf(b, "\\u%04x", *p);
        else
            bytes_append(b, (const char *)p, 1);
    }
    bytes_append(b, "\"", 1);
}

/* "key": "value" (or a raw JSON value when 'raw'), with the separator before. */
static void json_member(bytes_buf *b, int indent, int first, const char *key, const char *value,
                        int raw)
{
    bytes_printf(b, "%s\n%*s", first ? "" : ",", indent, "");
    json_string(b, key);
    bytes_append(b, ": ", 2);
    if (raw)
        bytes_printf(b, "%s", value);
    else
        json_string(b, value);
}

int cpg_write_datapackage(const char *path, const cpg_package *p, char *err, size_t errlen)
{
    bytes_buf b = {0};
    bytes_append(&b, "{", 1);
    json_member(&b, 2, 1, "profile", "tabular-data-package", 0);
    json_member(&b, 2, 0, "name", p->name, 0);
    json_member(&b, 2, 0, "title", p->title, 0);
    /* provenance: what made these files, and how to make them again */
    bytes_printf(&b, ",\n  \"chokepoint\": {");
    json_member(&b, 4, 1, "version", CP_VERSION, 0);
    json_member(&b, 4, 0, "command", p->command ? p->command : cpg_command_line(), 0);
    for (int i = 0; i < p->meta_count; i++)
        json_member(&b, 4, 0, p->meta[i].key, p->meta[i].value, p->meta[i].raw);
    bytes_printf(&b, "\n  },\n  \"resources\": [");
    for (int r = 0; r < p->resource_count; r++) {
        const cpg_resource *res = &p->resources[r];
        bytes_printf(&b, "%s\n    {", r ? "," : "");
        json_member(&b, 6, 1, "name", res->name, 0);
        json_member(&b, 6, 0, "path", res->path, 0);
        json_member(&b, 6, 0, "profile", "tabular-data-resource", 0);
        json_member(&b, 6, 0, "format", "csv", 0);
        json_member(&b, 6, 0, "mediatype", "text/csv", 0);
        json_member(&b, 6, 0, "encoding", "utf-8", 0);
        if (res->description)
            json_member(&b, 6, 0, "description", res->description, 0);
        bytes_printf(&b, ",\n      \"dialect\": {\"delimiter\": \",\", \"header\": true, "
                         "\"doubleQuote\": true, \"lineTerminator\": \"\\n\"}");
        bytes_printf(&b, ",\n      \"schema\": {\n        \"missingValues\": [\"\"],\n"
                         "        \"fields\": [");
        for (int f = 0; f < res->field_count; f++) {
            const cpg_field *fd = &res->fields[f];
            bytes_printf(&b, "%s\n          {", f ? "," : "");
            bytes_append(&b, "\"name\": ", 8);
            json_string(&b, fd->name);
            bytes_append(&b, ", \"type\": ", 10);
            json_string(&b, fd->type);
            if (fd->unit) {
                bytes_append(&b, ", \"unit\": ", 10);
                json_string(&b, fd->unit);
            }
            bytes_append(&b, ", \"description\": ", 17);
            json_string(&b, fd->description);
            bytes_append(&b, "}", 1);
        }
        bytes_printf(&b, "\n        ]\n      }\n    }");
    }
    bytes_printf(&b, "\n  ]\n}\n");
    if (b.failed) {
        free(b.data);
        snprintf(err, errlen, "out of memory writing %s", path);
        return -1;
    }
    FILE *f = fopen(path, "w");
    if (!f) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        free(b.data);
        return -1;
    }
    int bad = fwrite(b.data, 1, b.len, f) != b.len;
    bad |= fclose(f) != 0;
    free(b.data);
    if (bad) {
        snprintf(err, errlen, "error writing %s", path);
        return -1;
    }
    return 0;
}

int cpg_datapackage_beside(const char *csv_path, char *out, size_t len)
{
    size_t n = strlen(csv_path);
    if (n >= 4 && strcmp(csv_path + n - 4, ".csv") == 0)
        n -= 4;
    int w = snprintf(out, len, "%.*s.datapackage.json", (int)n, csv_path);
    return (w < 0 || (size_t)w >= len) ? -1 : 0;
}

/* csv.c -- quoting a CSV cell into a byte buffer (see csv.h). */
#include <string.h>

#include "csv.h"

void csv_cell(bytes_buf *b, const char *text, csv_quote q)
{
    size_t n = strlen(text);
    if (q == CSV_QUOTE_NEEDED && !strpbrk(text, ",\"\n\r")) {
        bytes_append(b, text, n);
        return;
    }
    /* at most every byte doubled, and the two quotes: one reservation */
    if (n > (SIZE_MAX - 2) / 2 || !bytes_reserve(b, 2 * n + 2)) {
        b->failed = 1;
        return;
    }
    unsigned char *out = b->data + b->len;
    size_t k = 0;
    out[k++] = '"';
    for (size_t i = 0; i < n; i++) {
        char c = text[i];
        if (c == '"')
            out[k++] = '"';
        else if (q == CSV_QUOTE_NEEDED && (c == '\n' || c == '\r'))
            c = ' ';
        out[k++] = (unsigned char)c;
    }
    out[k++] = '"';
    b->len += k;
}

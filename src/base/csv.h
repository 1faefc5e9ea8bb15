/* csv.h -- CSV cells into a byte buffer: the one quoting rule every CSV the
 * program writes follows (the game's history, docs/csv.md; a tournament's
 * matches). Rows are the caller's: cells joined by ',' and ended by '\n',
 * numbers written with bytes_printf. Writing the buffer to a file is the
 * caller's too (base does no IO). */
#ifndef CP_BASE_CSV_H
#define CP_BASE_CSV_H

#include "bytes.h"

typedef enum {
    /* always quoted, quotes doubled, line breaks kept inside the quotes
     * (RFC 4180): the game's history files */
    CSV_QUOTE_ALWAYS,
    /* as it is unless it holds a comma, a quote or a line break; then
     * quoted, quotes doubled, and each line break a space, so that every row
     * stays one line (a tournament's file, which readers split by lines) */
    CSV_QUOTE_NEEDED
} csv_quote;

/* Append 'text' as one cell (no separator) to 'b'. A failed allocation
 * sets b->failed, as every append does. */
void csv_cell(bytes_buf *b, const char *text, csv_quote q);

#endif

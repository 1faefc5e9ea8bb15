/* sbuf.h -- appending formatted text to a fixed buffer without overflowing it. */
#ifndef UI_SBUF_H
#define UI_SBUF_H

#include <stddef.h>

typedef struct {
    char *buf;
    size_t len, cap;
} sbuf;

void sb_init(sbuf *b, char *buf, size_t cap);
/* Append like printf; text that does not fit is cut (the buffer stays terminated). */
void sb_printf(sbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif

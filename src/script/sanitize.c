/* sanitize.c -- one printable line from an agent's text (see sanitize.h). */
#include <stdio.h>
#include <string.h>

#include "sanitize.h"

/* The length of the well-formed UTF-8 sequence at 's' (at most 'n' bytes),
 * or 0: no overlong forms, no surrogates, nothing above U+10FFFF, and no C1
 * control character (U+0080..U+009F, which some terminals obey). */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t need;
    unsigned min, cp;
    if (c >= 0xC2 && c <= 0xDF)
        need = 2, min = 0xA0, cp = c & 0x1F; /* 0x80..0x9F would be C1 */
    else if (c >= 0xE0 && c <= 0xEF)
        need = 3, min = 0x800, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        need = 4, min = 0x10000, cp = c & 0x07;
    else
        return 0;
    if (n < need)
        return 0;
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return need;
}

size_t cps_sanitize(const char *in, size_t len, char *out, size_t cap)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        char esc[8];
        const char *piece;
        size_t plen;
        unsigned c = s[i];
        if (c == '\n' || c == '\r') {
            piece = c == '\n' ? "\\n" : "\\r";
            plen = 2;
            i++;
        } else if (c == '\t' || (c >= 0x20 && c < 0x7F)) {
            piece = in + i;
            plen = 1;
            i++;
        } else if (c >= 0x80 && (plen = utf8_len(s + i, len - i)) > 0) {
            piece = in + i;
            i += plen;
        } else {
            snprintf(esc, sizeof esc, "\\x%02x", c);
            piece = esc;
            plen = 4;
            i++;
        }
        if (o + plen + 1 > cap)
            break;
        memcpy(out + o, piece, plen);
        o += plen;
    }
    out[o] = '\0';
    return o;
}

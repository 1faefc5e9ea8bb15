/* bot_base64.c -- base64 text back into bytes (bot_base64.h), for the world the server sends
 * the bot. Strict: anything but whole groups of four alphabet characters, with '=' only as the
 * last one or two, is refused rather than guessed at.
 */
#include <stdlib.h>

#include "bot_base64.h"

/* The 6-bit value of an alphabet character, or -1. */
static int sextet(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

unsigned char *bot_base64_decode(const char *text, size_t len, size_t *out_len)
{
    if (len % 4 != 0)
        return NULL;
    unsigned char *out = malloc(len / 4 * 3 + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len; i += 4) {
        int last = i + 4 == len;
        int pad = (text[i + 3] == '=') + (text[i + 2] == '=' && text[i + 3] == '=');
        if (pad && !last) {
            free(out);
            return NULL;
        }
        unsigned v = 0;
        for (int k = 0; k < 4; k++) {
            int s = k >= 4 - pad ? 0 : sextet(text[i + (size_t)k]);
            if (s < 0) {
                free(out);
                return NULL;
            }
            v = v << 6 | (unsigned)s;
        }
        out[o++] = (unsigned char)(v >> 16);
        if (pad < 2)
            out[o++] = (unsigned char)(v >> 8 & 0xff);
        if (pad < 1)
            out[o++] = (unsigned char)(v & 0xff);
    }
    *out_len = o;
    return out;
}

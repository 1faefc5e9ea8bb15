/* bot_base64.h -- reading the base64 text of the server's `world` message back into the bytes
 * of cp_world_save (RFC 4648 alphabet, '=' padding, the form state_json.c writes).
 */
#ifndef CP_BOT_BASE64_H
#define CP_BOT_BASE64_H

#include <stddef.h>

/* The bytes 'text' (of 'len' characters) stands for, malloc'd, their count in *out_len; NULL
 * when it is not base64 (a character outside the alphabet, a length not a multiple of four,
 * padding anywhere but at the end) or memory runs out. */
unsigned char *bot_base64_decode(const char *text, size_t len, size_t *out_len);

#endif

/* sanitize.h -- an agent's text made safe for one line of a log or a terminal.
 *
 * An agent chooses what it prints and what its errors say. Written as it
 * is, a newline would start a line that looks like the host's own ("turn 0
 * CHN: agent failed ..."), and an escape sequence would drive the terminal.
 * Every text of an agent's making goes through cps_sanitize before it is
 * logged: what comes out is one line of printable text. Pure C: no Lua.
 */
#ifndef CPS_SANITIZE_H
#define CPS_SANITIZE_H

#include <stddef.h>

/* Copy the 'len' bytes at 'in' into 'out' (capacity 'cap' > 0, always
 * terminated), writing newline and carriage return as \n and \r, other
 * control characters (C0, DEL and the C1 range U+0080..U+009F), NUL bytes
 * and bytes that are not well-formed UTF-8 as \xNN; tabs and valid UTF-8
 * stay. Output that does not fit is cut at a character boundary. Returns
 * the length written. */
size_t cps_sanitize(const char *in, size_t len, char *out, size_t cap);

#endif

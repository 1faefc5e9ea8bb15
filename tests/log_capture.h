/* log_capture.h -- the tests' sink for the agent host's log lines (cps_seat_opts.log),
 * so a test can look for a file, a line or a reason in what a game logged. */
#ifndef CP_TEST_LOG_CAPTURE_H
#define CP_TEST_LOG_CAPTURE_H

#include <stddef.h>

/* Every line logged since the last log_clear, one per text line; lines that
 * would overflow the buffer are dropped. */
extern char log_text[1 << 16];

/* Pass as opts.log. */
void log_capture(void *ud, const char *line);
void log_clear(void);

#endif

/* fmt.h -- numbers as players read them: thousands separators, units, signed changes. */
#ifndef UI_FMT_H
#define UI_FMT_H

#include <stddef.h>

/* Each writes into 'buf' (of 'len' bytes) and returns 'buf'. */

/* 1234567.8 with 'decimals' -> "1,234,567.8"; NaN -> "n/a". */
char *fmt_number(char *buf, size_t len, double v, int decimals);
/* Tonnes: "67,804 t", "312 t", "4.2 t", "1.25 Mt" ('unit' replaces "t",
 * e.g. "t REO"). */
char *fmt_tonnes(char *buf, size_t len, double t, const char *unit);
/* "$63.30/kg", "$1,234/kg". */
char *fmt_usd_per_kg(char *buf, size_t len, double usd_per_kg);
/* USD millions: "$812 M", "$12.4 bn". */
char *fmt_musd(char *buf, size_t len, double musd);
/* USD billions: "$27,360 bn". */
char *fmt_busd(char *buf, size_t len, double busd);
/* A share 0..1 as "72.5%". */
char *fmt_share(char *buf, size_t len, double share);
/* Axis labels: "0", "250", "68k", "1.2M". */
char *fmt_compact(char *buf, size_t len, double v);
/* Relative change "+3.2%", "-12%", "no change", "new" (from 0). */
char *fmt_change(char *buf, size_t len, double before, double after);

#endif

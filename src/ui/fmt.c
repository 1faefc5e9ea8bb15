/* fmt.c -- number formatting for the window (no SDL). */
#include "fmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Format |v| with 'decimals' and insert a comma every three digits of the
 * integer part, then put the sign back. */
char *fmt_number(char *buf, size_t len, double v, int decimals)
{
    if (len == 0) return buf;
    if (isnan(v) || isinf(v)) {
        snprintf(buf, len, "n/a");
        return buf;
    }
    char raw[64];
    snprintf(raw, sizeof raw, "%.*f", decimals, fabs(v));
    /* "-0" and "-0.0" read badly: drop the sign when it rounds to zero */
    int negative = v < 0 && strspn(raw, "0.") != strlen(raw);
    const char *dot = strchr(raw, '.');
    size_t int_digits = dot ? (size_t)(dot - raw) : strlen(raw);
    char out[96];
    size_t o = 0;
    if (negative) out[o++] = '-';
    for (size_t i = 0; i < int_digits; i++) {
        out[o++] = raw[i];
        size_t left = int_digits - i - 1;
        if (left > 0 && left % 3 == 0) out[o++] = ',';
    }
    if (dot) {
        size_t rest = strlen(dot);
        memcpy(out + o, dot, rest);
        o += rest;
    }
    out[o] = '\0';
    snprintf(buf, len, "%s", out);
    return buf;
}

char *fmt_tonnes(char *buf, size_t len, double t, const char *unit)
{
    char num[64];
    const char *u = unit ? unit : "t";
    double a = fabs(t);
    if (a >= 1e6) {
        /* "1.25 Mt REO": the M goes before the unit's leading t */
        snprintf(buf, len, "%s M%s", fmt_number(num, sizeof num, t / 1e6, 2), u);
        return buf;
    }
    fmt_number(num, sizeof num, t, a < 10 && a > 0 ? 1 : 0);
    snprintf(buf, len, "%s %s", num, u);
    return buf;
}

char *fmt_usd_per_kg(char *buf, size_t len, double usd_per_kg)
{
    char num[64];
    double a = fabs(usd_per_kg);
    fmt_number(num, sizeof num, usd_per_kg, a >= 1000 ? 0 : 2);
    snprintf(buf, len, "$%s/kg", num);
    return buf;
}

char *fmt_musd(char *buf, size_t len, double musd)
{
    char num[64];
    if (fabs(musd) >= 10000) {
        snprintf(buf, len, "$%s bn", fmt_number(num, sizeof num, musd / 1000, 1));
    } else {
        snprintf(buf, len, "$%s M", fmt_number(num, sizeof num, musd, fabs(musd) < 10 ? 1 : 0));
    }
    return buf;
}

char *fmt_busd(char *buf, size_t len, double busd)
{
    char num[64];
    snprintf(buf, len, "$%s bn", fmt_number(num, sizeof num, busd, fabs(busd) < 10 ? 2 : 0));
    return buf;
}

char *fmt_share(char *buf, size_t len, double share)
{
    if (isnan(share)) {
        snprintf(buf, len, "n/a");
        return buf;
    }
    double pct = share * 100.0;
    if (fabs(pct) >= 10 || pct == 0)
        snprintf(buf, len, "%.0f%%", pct);
    else
        snprintf(buf, len, "%.1f%%", pct);
    return buf;
}

char *fmt_compact(char *buf, size_t len, double v)
{
    double a = fabs(v);
    if (a >= 1e6)
        snprintf(buf, len, "%.*fM", fmod(a, 1e6) == 0 ? 0 : 1, v / 1e6);
    else if (a >= 1e4)
        snprintf(buf, len, "%.0fk", v / 1e3);
    else if (a >= 1e3)
        snprintf(buf, len, "%.*fk", fmod(a, 1e3) == 0 ? 0 : 1, v / 1e3);
    else if (a >= 10 || a == 0)
        snprintf(buf, len, "%.0f", v);
    else if (a >= 1)
        snprintf(buf, len, "%.*f", fmod(a, 1) == 0 ? 0 : 1, v);
    else
        snprintf(buf, len, "%.2f", v);
    return buf;
}

char *fmt_change(char *buf, size_t len, double before, double after)
{
    double d = after - before;
    if (fabs(d) <= 1e-9 * (fabs(before) + fabs(after)) || fabs(d) < 1e-12) {
        snprintf(buf, len, "no change");
    } else if (fabs(before) < 1e-12) {
        snprintf(buf, len, "new");
    } else {
        double pct = 100.0 * d / fabs(before);
        if (fabs(pct) >= 10)
            snprintf(buf, len, "%+.0f%%", pct);
        else
            snprintf(buf, len, "%+.1f%%", pct);
    }
    return buf;
}

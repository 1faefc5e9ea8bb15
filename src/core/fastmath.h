/* fastmath.h -- exp, log and pow for the market solver's inner loops.
 *
 * The solver raises prices to non-integer powers thousands of times a
 * quarter; libm's correctly rounded pow was a third of a turn's time. These
 * keep about nine significant digits, ample for prices, and are plain
 * arithmetic, so the same binary gives the same results on every run.
 */
#ifndef CP_FASTMATH_H
#define CP_FASTMATH_H

/* natural log of x > 0 */
double fm_log(double x);
/* e^x for |x| < 700 */
double fm_exp(double x);
/* x^y for x > 0 */
double fm_pow(double x, double y);

#endif

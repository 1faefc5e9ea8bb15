/* map_project.c -- Equal Earth forward and inverse, from the published formulas. */
#include "map_project.h"

#include <math.h>

/* Polynomial coefficients, from Šavrič, Patterson & Jenny (2018). M, the
 * ratio of sin(theta) to sin(phi), is sqrt(3)/2. */
static const double A1 = 1.340264;
static const double A2 = -0.081106;
static const double A3 = 0.000893;
static const double A4 = 0.003796;

static const double PI = 3.14159265358979323846;

static const double SQRT3 = 1.73205080756887729353;

/* y as a function of the parametric latitude theta, and its derivative. */
static double y_of_theta(double t)
{
    double t2 = t * t, t6 = t2 * t2 * t2;
    return t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
}

static double dy_dtheta(double t)
{
    double t2 = t * t, t6 = t2 * t2 * t2;
    return A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2);
}

/* Forward: sin(theta) = M sin(phi);
 *   x = 2 sqrt(3) lambda cos(theta) / (3 (9 A4 theta^8 + 7 A3 theta^6 + 3 A2 theta^2 + A1))
 *   y = A4 theta^9 + A3 theta^7 + A2 theta^3 + A1 theta
 * The denominator's bracket is dy/dtheta. */
void map_project_forward(double lon_deg, double lat_deg, double *x, double *y)
{
    double lambda = lon_deg * PI / 180.0;
    double phi = lat_deg * PI / 180.0;
    double theta = asin(SQRT3 / 2.0 * sin(phi));
    *x = 2.0 * SQRT3 * lambda * cos(theta) / (3.0 * dy_dtheta(theta));
    *y = y_of_theta(theta);
}

/* Inverse: theta solves y_of_theta(theta) = y, found by Newton's method
 * (y is monotonic in theta on [-pi/3, pi/3], so a few steps from y/A1
 * converge); then lambda and phi follow from the forward formulas. */
int map_project_inverse(double x, double y, double *lon_deg, double *lat_deg)
{
    const double theta_max = PI / 3.0; /* asin(M) at the poles */
    double theta = y / A1, lambda, phi;
    if (fabs(y) > MAP_PROJECT_HALF_HEIGHT + 1e-9) return -1;
    for (int i = 0; i < 20; i++) {
        double step = (y_of_theta(theta) - y) / dy_dtheta(theta);
        theta -= step;
        if (theta > theta_max) theta = theta_max;
        if (theta < -theta_max) theta = -theta_max;
        if (fabs(step) < 1e-12) break;
    }
    lambda = 3.0 * x * dy_dtheta(theta) / (2.0 * SQRT3 * cos(theta));
    if (fabs(lambda) > PI + 1e-9) return -1;
    phi = asin(fmax(-1.0, fmin(1.0, sin(theta) / (SQRT3 / 2.0))));
    *lon_deg = lambda * 180.0 / PI;
    *lat_deg = phi * 180.0 / PI;
    return 0;
}

/* map_project.h -- the Equal Earth map projection, forward and inverse.
 *
 * Equal Earth (Šavrič, Patterson & Jenny 2018, "The Equal Earth map
 * projection", International Journal of Geographical Information Science
 * 33(3)) is an equal-area pseudocylindrical projection: areas on the map are
 * proportional to areas on the globe, and the poles are straight lines.
 *
 * Projected coordinates are in units of the sphere's radius (R = 1), with x
 * east and y north (up). The whole world spans
 * [-MAP_PROJECT_HALF_WIDTH, +MAP_PROJECT_HALF_WIDTH] in x and
 * [-MAP_PROJECT_HALF_HEIGHT, +MAP_PROJECT_HALF_HEIGHT] in y. A screen
 * transform flips y. Multiplying an area by R^2 with the authalic radius
 * (6371.007 km) gives the area on the Earth.
 */
#ifndef MAP_PROJECT_H
#define MAP_PROJECT_H

#define MAP_PROJECT_HALF_WIDTH 2.7066299837   /* x of (180E, 0N) */
#define MAP_PROJECT_HALF_HEIGHT 1.3173627592  /* y of the north pole */

/* Project longitude 'lon_deg' and latitude 'lat_deg' (degrees, east and
 * north positive) to 'x' and 'y' in sphere radii. */
void map_project_forward(double lon_deg, double lat_deg, double *x, double *y);

/* Invert the projection, for picking: (x, y) in sphere radii back to degrees.
 * Returns 0, or -1 when the point lies outside the map's outline (and then
 * leaves the outputs untouched). */
int map_project_inverse(double x, double y, double *lon_deg, double *lat_deg);

#endif

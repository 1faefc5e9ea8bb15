/* map_triangulate.c -- ear clipping with hole bridging, for filling country polygons.
 *
 * The polygon becomes one circular doubly linked list of nodes. Holes are
 * first joined to the outer boundary by a two-way "bridge" edge (the method
 * in David Eberly's note "Triangulation by Ear Clipping", Geometric Tools),
 * which turns a polygon with holes into a single, weakly simple ring. Then
 * ears (a convex corner whose triangle holds no other corner of the ring)
 * are cut off one at a time. Real data has repeated points and collinear
 * runs, so when a full lap finds no ear the test is relaxed step by step
 * rather than giving up: first flat corners are dropped, then any convex
 * corner is cut, and at last any corner at all (a corner turning the wrong
 * way is then dropped without a triangle). That keeps the result a
 * complete fill even for slightly broken input, which the area check in
 * tests/ui/test_map.c would notice.
 */
#include "map_triangulate.h"

#include <stdlib.h>

typedef struct node {
    double x, y;
    int vertex; /* index into the caller's vertex array */
    size_t prev, next;
} node;

typedef struct hole {
    size_t rightmost; /* node with the largest x */
    double x;         /* and that x, the sort key */
    size_t count;     /* corners in the hole */
} hole;

/* Twice the signed area of triangle (a, b, c): positive when it turns left. */
static double orient(const node *a, const node *b, const node *c)
{
    return (b->x - a->x) * (c->y - a->y) - (b->y - a->y) * (c->x - a->x);
}

static int same_point(const node *a, const node *b) { return a->x == b->x && a->y == b->y; }

/* Inclusive test of 'p' against the counter-clockwise triangle (a, b, c). */
static int in_triangle(const node *a, const node *b, const node *c, const node *p)
{
    return orient(a, b, p) >= 0 && orient(b, c, p) >= 0 && orient(c, a, p) >= 0;
}

/* Twice the signed area of 'count' vertices from 'first'. */
static double ring_area2(const map_vec2 *xy, size_t first, size_t count)
{
    double sum = 0;
    for (size_t i = 0, j = count - 1; i < count; j = i++) {
        sum += (double)xy[first + j].x * xy[first + i].y - (double)xy[first + i].x * xy[first + j].y;
    }
    return sum;
}

/* Link one ring into the node array as a circle, counter-clockwise when
 * 'want_ccw' and clockwise otherwise. Returns the index of its first node. */
static size_t link_ring(node *nodes, size_t *used, const map_vec2 *xy, size_t first, size_t count,
                        int want_ccw)
{
    int reverse = (ring_area2(xy, first, count) > 0) != want_ccw;
    size_t start = *used;
    for (size_t i = 0; i < count; i++) {
        size_t v = reverse ? first + count - 1 - i : first + i;
        node *n = &nodes[start + i];
        n->x = xy[v].x;
        n->y = xy[v].y;
        n->vertex = (int)v;
        n->prev = start + (i + count - 1) % count;
        n->next = start + (i + 1) % count;
    }
    *used += count;
    return start;
}

/* Is the direction from corner 'a' towards 'p' inside the polygon near 'a'?
 * Used to pick the right copy of a corner that a bridge has duplicated. */
static int locally_inside(const node *nodes, size_t a, const node *p)
{
    const node *prev = &nodes[nodes[a].prev], *here = &nodes[a], *next = &nodes[nodes[a].next];
    if (orient(prev, here, next) >= 0) return orient(prev, here, p) >= 0 && orient(here, next, p) >= 0;
    return orient(prev, here, p) >= 0 || orient(here, next, p) >= 0;
}

/* Find the outer corner that hole corner 'm' (the hole's rightmost) can see,
 * following Eberly: shoot a ray from 'm' towards +x, take the nearest edge it
 * hits, and the end of that edge with the larger x; if reflex corners lie in
 * the triangle between 'm', the hit and that end, the one closest in angle to
 * the ray is visible instead. Returns the node, or (size_t)-1 if the ray
 * meets no edge (the hole is not inside the outer ring). */
static size_t find_bridge(const node *nodes, size_t outer, size_t m)
{
    const node *mp = &nodes[m];
    size_t best = (size_t)-1, p = outer;
    double best_x = 0;
    node hit = {0};
    do {
        const node *a = &nodes[p], *b = &nodes[a->next];
        if (a->y <= mp->y && mp->y <= b->y && a->y != b->y) {
            double x = a->x + (mp->y - a->y) * (b->x - a->x) / (b->y - a->y);
            if (x >= mp->x && (best == (size_t)-1 || x < best_x)) {
                best_x = x;
                best = a->x > b->x ? p : a->next;
                if (x == a->x && mp->y == a->y) best = p;
                if (x == b->x && mp->y == b->y) best = a->next;
            }
        }
        p = nodes[p].next;
    } while (p != outer);
    if (best == (size_t)-1) return best;

    hit.x = best_x;
    hit.y = mp->y;
    if (!(hit.x == nodes[best].x && hit.y == nodes[best].y)) {
        /* Triangle (m, hit, best), made counter-clockwise for in_triangle. */
        const node *t0 = mp, *t1 = &hit, *t2 = &nodes[best];
        double best_slope = -1, best_dx = 0;
        size_t chosen = best;
        if (orient(t0, t1, t2) < 0) {
            const node *swap = t1;
            t1 = t2;
            t2 = swap;
        }
        p = outer;
        do {
            const node *c = &nodes[p];
            if (p != best && c->x >= mp->x && in_triangle(t0, t1, t2, c) &&
                orient(&nodes[c->prev], c, &nodes[c->next]) < 0) {
                double dx = c->x - mp->x, dy = c->y > mp->y ? c->y - mp->y : mp->y - c->y;
                double slope = dx > 0 ? dy / dx : 1e300;
                if (best_slope < 0 || slope < best_slope || (slope == best_slope && dx < best_dx)) {
                    best_slope = slope;
                    best_dx = dx;
                    chosen = p;
                }
            }
            p = nodes[p].next;
        } while (p != outer);
        best = chosen;
    }
    /* A bridge may already have duplicated this corner: use the copy whose
     * interior wedge faces the hole. */
    p = outer;
    do {
        if (same_point(&nodes[p], &nodes[best]) && locally_inside(nodes, p, mp)) return p;
        p = nodes[p].next;
    } while (p != outer);
    return best;
}

/* Join hole corner 'm' to outer corner 'p' with a two-way edge, duplicating
 * both ends, so the ring runs ... p, m, (around the hole), m', p', ... */
static void splice(node *nodes, size_t *used, size_t p, size_t m)
{
    size_t p2 = (*used)++, m2 = (*used)++;
    size_t p_next = nodes[p].next, m_prev = nodes[m].prev;
    nodes[p2] = nodes[p];
    nodes[m2] = nodes[m];
    nodes[p].next = m;
    nodes[m].prev = p;
    nodes[m_prev].next = m2;
    nodes[m2].prev = m_prev;
    nodes[m2].next = p2;
    nodes[p2].prev = m2;
    nodes[p2].next = p_next;
    nodes[p_next].prev = p2;
}

/* Is corner 'b' an ear: convex, with no reflex corner of the ring inside
 * its triangle? Corners at the same spot as the triangle's own (the copies
 * a bridge makes) do not count. */
static int is_ear(const node *nodes, size_t b)
{
    const node *a = &nodes[nodes[b].prev], *m = &nodes[b], *c = &nodes[nodes[b].next];
    if (orient(a, m, c) <= 0) return 0;
    for (size_t p = c->next; p != m->prev; p = nodes[p].next) {
        const node *q = &nodes[p];
        if (same_point(q, a) || same_point(q, m) || same_point(q, c)) continue;
        if (orient(&nodes[q->prev], q, &nodes[q->next]) <= 0 && in_triangle(a, m, c, q)) return 0;
    }
    return 1;
}

/* Holes are bridged rightmost first, so a bridge can only cross the outer
 * ring or holes already merged into it. */
static int by_rightmost(const void *pa, const void *pb)
{
    double xa = ((const hole *)pa)->x, xb = ((const hole *)pb)->x;
    return xa < xb ? 1 : xa > xb ? -1 : 0;
}

/* Cut ears until three corners are left, relaxing the ear test as described
 * at the top of the file whenever a full lap finds none. */
static size_t clip_ears(node *nodes, size_t start, size_t count, int *indices)
{
    size_t written = 0, ear = start, stop = start;
    int relax = 0;
    while (count > 3) {
        size_t a = nodes[ear].prev, c = nodes[ear].next;
        double turn = orient(&nodes[a], &nodes[ear], &nodes[c]);
        int cut = relax == 0 ? is_ear(nodes, ear) : relax == 2 ? turn > 0 : relax == 3;
        int drop = relax == 1 && turn == 0;
        if (cut || drop) {
            if (cut && turn > 0) {
                indices[written++] = nodes[a].vertex;
                indices[written++] = nodes[ear].vertex;
                indices[written++] = nodes[c].vertex;
            }
            nodes[a].next = c;
            nodes[c].prev = a;
            count--;
            ear = stop = c;
            relax = 0;
            continue;
        }
        ear = c;
        if (ear == stop) relax++;
    }
    {
        size_t a = nodes[ear].prev, c = nodes[ear].next;
        if (orient(&nodes[a], &nodes[ear], &nodes[c]) > 0) {
            indices[written++] = nodes[a].vertex;
            indices[written++] = nodes[ear].vertex;
            indices[written++] = nodes[c].vertex;
        }
    }
    return written;
}

size_t map_triangulate_max_indices(size_t point_count, size_t ring_count)
{
    return 3 * (point_count + 2 * ring_count);
}

/* Link the rings, bridge the holes in, drop repeated points, clip. */
long map_triangulate(const map_vec2 *xy, const size_t *ring_firsts, const size_t *ring_counts,
                     size_t ring_count, int *indices)
{
    size_t total = 0, used = 0, outer, count = 0, p;
    node *nodes;
    hole *holes;
    size_t hole_count = 0, written;

    if (ring_count == 0 || ring_counts[0] < 3) return 0;
    for (size_t r = 0; r < ring_count; r++) total += ring_counts[r];
    nodes = malloc((total + 2 * ring_count) * sizeof *nodes);
    holes = malloc(ring_count * sizeof *holes);
    if (!nodes || !holes) {
        free(nodes);
        free(holes);
        return -1;
    }
    outer = link_ring(nodes, &used, xy, ring_firsts[0], ring_counts[0], 1);
    count = ring_counts[0];
    for (size_t r = 1; r < ring_count; r++) {
        size_t first, best;
        if (ring_counts[r] < 3) continue;
        first = link_ring(nodes, &used, xy, ring_firsts[r], ring_counts[r], 0);
        best = first;
        for (size_t i = first; i < first + ring_counts[r]; i++) {
            if (nodes[i].x > nodes[best].x) best = i;
        }
        holes[hole_count].rightmost = best;
        holes[hole_count].x = nodes[best].x;
        holes[hole_count++].count = ring_counts[r];
    }
    qsort(holes, hole_count, sizeof *holes, by_rightmost);
    for (size_t h = 0; h < hole_count; h++) {
        size_t bridge = find_bridge(nodes, outer, holes[h].rightmost);
        if (bridge != (size_t)-1) {
            splice(nodes, &used, bridge, holes[h].rightmost);
            count += holes[h].count + 2;
        }
    }

    /* Drop corners that repeat the next one. Each step either removes a
     * corner or moves on, so one lap checks every pair. */
    p = outer;
    for (size_t seen = 0; seen < count && count > 3;) {
        size_t next = nodes[p].next;
        if (same_point(&nodes[p], &nodes[next])) {
            nodes[p].next = nodes[next].next;
            nodes[nodes[next].next].prev = p;
            if (next == outer) outer = p;
            count--;
            continue;
        }
        p = next;
        seen++;
    }

    written = count >= 3 ? clip_ears(nodes, outer, count, indices) : 0;
    free(nodes);
    free(holes);
    return (long)written;
}

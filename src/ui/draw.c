/* draw.c -- shapes built from SDL_RenderGeometry triangles and plain rectangles. */
#include "draw.h"

#include <math.h>

static const float PI_F = 3.14159265f;

void draw_geometry(SDL_Renderer *r, const SDL_Vertex *v, int nv, const int *idx, int ni)
{
    int opaque = 1;
    for (int i = 0; i < nv && opaque; i++) opaque = v[i].color.a == 255;
    if (!opaque) {
        SDL_RenderGeometry(r, NULL, v, nv, idx, ni);
        return;
    }
    SDL_BlendMode old;
    SDL_GetRenderDrawBlendMode(r, &old);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_RenderGeometry(r, NULL, v, nv, idx, ni);
    SDL_SetRenderDrawBlendMode(r, old);
}

int rect_has(SDL_Rect rc, int x, int y)
{
    return x >= rc.x && y >= rc.y && x < rc.x + rc.w && y < rc.y + rc.h;
}

/* An opaque fill is a plain copy: with blending on, SDL's software
 * renderer blends every pixel even at full alpha, several times slower. */
void draw_fill(SDL_Renderer *r, SDL_Rect rc, SDL_Color c)
{
    if (rc.w <= 0 || rc.h <= 0) return;
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
    if (c.a != 255) {
        SDL_RenderFillRect(r, &rc);
        return;
    }
    SDL_BlendMode old;
    SDL_GetRenderDrawBlendMode(r, &old);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_RenderFillRect(r, &rc);
    SDL_SetRenderDrawBlendMode(r, old);
}

void draw_frame(SDL_Renderer *r, SDL_Rect rc, SDL_Color c)
{
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
    SDL_RenderDrawRect(r, &rc);
}

void draw_hline(SDL_Renderer *r, int x0, int x1, int y, SDL_Color c)
{
    SDL_Rect rc = {x0 < x1 ? x0 : x1, y, abs(x1 - x0), 1};
    draw_fill(r, rc, c);
}

void draw_vline(SDL_Renderer *r, int x, int y0, int y1, SDL_Color c)
{
    SDL_Rect rc = {x, y0 < y1 ? y0 : y1, 1, abs(y1 - y0)};
    draw_fill(r, rc, c);
}

/* Three plain rectangles (the middle band and the strips between the
 * corners) and a fan of six triangles in each corner: the large areas go
 * through SDL's rectangle fill, which blends in place, and the triangles
 * stay as small as the corners. The pieces do not overlap, so a
 * translucent colour is blended once everywhere. */
void draw_round(SDL_Renderer *r, SDL_Rect rc, int radius_px, SDL_Color c)
{
    if (rc.w <= 0 || rc.h <= 0) return;
    int rad = radius_px;
    if (rad * 2 > rc.w) rad = rc.w / 2;
    if (rad * 2 > rc.h) rad = rc.h / 2;
    if (rad < 1) {
        draw_fill(r, rc, c);
        return;
    }
    SDL_Rect mid = {rc.x, rc.y + rad, rc.w, rc.h - 2 * rad};
    SDL_Rect top = {rc.x + rad, rc.y, rc.w - 2 * rad, rad};
    SDL_Rect bottom = {rc.x + rad, rc.y + rc.h - rad, rc.w - 2 * rad, rad};
    draw_fill(r, mid, c);
    draw_fill(r, top, c);
    draw_fill(r, bottom, c);
    /* as few triangles as the radius needs: each costs a fixed overhead */
    enum { MAX_STEPS = 6, PER = MAX_STEPS + 2 };
    const int STEPS = rad <= 3 ? 2 : rad <= 7 ? 3 : MAX_STEPS;
    SDL_Vertex v[4 * PER];
    int idx[4 * MAX_STEPS * 3];
    /* corner centres: top right, top left, bottom left, bottom right */
    float cx[4] = {(float)(rc.x + rc.w - rad), (float)(rc.x + rad), (float)(rc.x + rad), (float)(rc.x + rc.w - rad)};
    float cy[4] = {(float)(rc.y + rad), (float)(rc.y + rad), (float)(rc.y + rc.h - rad), (float)(rc.y + rc.h - rad)};
    int k = 0, n = 0;
    for (int q = 0; q < 4; q++) {
        int centre = k;
        v[k++].position = (SDL_FPoint){cx[q], cy[q]};
        for (int s2 = 0; s2 <= STEPS; s2++) {
            float a = (q * 90.0f + s2 * 90.0f / STEPS) * PI_F / 180.0f;
            v[k++].position = (SDL_FPoint){cx[q] + rad * cosf(a), cy[q] - rad * sinf(a)};
        }
        for (int s2 = 0; s2 < STEPS; s2++) {
            idx[n++] = centre;
            idx[n++] = centre + 1 + s2;
            idx[n++] = centre + 2 + s2;
        }
    }
    for (int i = 0; i < k; i++) {
        v[i].color = c;
        v[i].tex_coord = (SDL_FPoint){0, 0};
    }
    draw_geometry(r, v, k, idx, n);
}

/* Each layer covers only what shows of it: the shadow is the strip below
 * and right of the panel, the border a one-pixel ring with rounded
 * corners, and the fill the inside. Blending a full-size shadow and border
 * under a large panel tripled its cost in the software renderer. */
void draw_panel(SDL_Renderer *r, SDL_Rect rc, int radius_px, SDL_Color fill, SDL_Color border)
{
    if (rc.w <= 2 || rc.h <= 2) return;
    int rad = radius_px;
    if (rad * 2 > rc.w) rad = rc.w / 2;
    if (rad * 2 > rc.h) rad = rc.h / 2;
    SDL_Color shadow = {0, 0, 0, 70};
    draw_fill(r, (SDL_Rect){rc.x + rad, rc.y + rc.h, rc.w - rad, 3}, shadow);
    draw_fill(r, (SDL_Rect){rc.x + rc.w, rc.y + rad + 3, 1, rc.h - rad}, shadow);
    /* the ring: four straight edges, and the corners as rounded squares
     * that the fill then covers but for their outer pixel */
    draw_fill(r, (SDL_Rect){rc.x + rad, rc.y, rc.w - 2 * rad, 1}, border);
    draw_fill(r, (SDL_Rect){rc.x + rad, rc.y + rc.h - 1, rc.w - 2 * rad, 1}, border);
    draw_fill(r, (SDL_Rect){rc.x, rc.y + rad, 1, rc.h - 2 * rad}, border);
    draw_fill(r, (SDL_Rect){rc.x + rc.w - 1, rc.y + rad, 1, rc.h - 2 * rad}, border);
    if (rad > 0) {
        int d = 2 * rad;
        draw_round(r, (SDL_Rect){rc.x, rc.y, d, d}, rad, border);
        draw_round(r, (SDL_Rect){rc.x + rc.w - d, rc.y, d, d}, rad, border);
        draw_round(r, (SDL_Rect){rc.x, rc.y + rc.h - d, d, d}, rad, border);
        draw_round(r, (SDL_Rect){rc.x + rc.w - d, rc.y + rc.h - d, d, d}, rad, border);
    }
    SDL_Rect in = {rc.x + 1, rc.y + 1, rc.w - 2, rc.h - 2};
    draw_round(r, in, rad > 1 ? rad - 1 : 0, fill);
}

void draw_line(SDL_Renderer *r, float x0, float y0, float x1, float y1, float width_px, SDL_Color c)
{
    float dx = x1 - x0, dy = y1 - y0;
    float len = sqrtf(dx * dx + dy * dy);
    if (len < 1e-4f) return;
    float nx = -dy / len * width_px * 0.5f, ny = dx / len * width_px * 0.5f;
    SDL_Vertex v[4];
    v[0].position = (SDL_FPoint){x0 + nx, y0 + ny};
    v[1].position = (SDL_FPoint){x1 + nx, y1 + ny};
    v[2].position = (SDL_FPoint){x1 - nx, y1 - ny};
    v[3].position = (SDL_FPoint){x0 - nx, y0 - ny};
    for (int i = 0; i < 4; i++) {
        v[i].color = c;
        v[i].tex_coord = (SDL_FPoint){0, 0};
    }
    static const int idx[6] = {0, 1, 2, 0, 2, 3};
    draw_geometry(r, v, 4, idx, 6);
}

/* Walk the polyline and emit one quad per solid piece; solid lines extend
 * each segment back by half a width so that wide lines do not crack at
 * corners. Quads go to SDL in batches of up to 256. */
void draw_polyline(SDL_Renderer *r, const SDL_FPoint *pts, int n, float width_px, SDL_Color c,
                   float dash_px, float gap_px)
{
    enum { MAX_QUADS = 256 };
    SDL_Vertex v[MAX_QUADS * 4];
    int idx[MAX_QUADS * 6];
    int q = 0;
    float hw = width_px * 0.5f;
    float period = dash_px > 0 ? dash_px + gap_px : 0;
    float along = 0; /* distance walked, for the dash pattern */
    for (int i = 0; i + 1 < n; i++) {
        float dx = pts[i + 1].x - pts[i].x, dy = pts[i + 1].y - pts[i].y;
        float len = sqrtf(dx * dx + dy * dy);
        if (len < 1e-4f) continue;
        float ux = dx / len, uy = dy / len, nx = -uy * hw, ny = ux * hw;
        float s = 0;
        while (s < len) {
            float a, b;
            if (period > 0) {
                float phase = fmodf(along + s, period);
                if (phase >= dash_px) { /* in a gap: skip to the next dash */
                    s += period - phase;
                    continue;
                }
                a = s;
                b = s + (dash_px - phase);
            } else {
                a = 0;
                b = len;
            }
            if (b > len) b = len;
            float ea = period > 0 ? 0 : (i > 0 ? hw : 0);
            float x0 = pts[i].x + ux * (a - ea), y0 = pts[i].y + uy * (a - ea);
            float x1 = pts[i].x + ux * b, y1 = pts[i].y + uy * b;
            SDL_Vertex *p = v + q * 4;
            p[0].position = (SDL_FPoint){x0 + nx, y0 + ny};
            p[1].position = (SDL_FPoint){x1 + nx, y1 + ny};
            p[2].position = (SDL_FPoint){x1 - nx, y1 - ny};
            p[3].position = (SDL_FPoint){x0 - nx, y0 - ny};
            for (int k = 0; k < 4; k++) {
                p[k].color = c;
                p[k].tex_coord = (SDL_FPoint){0, 0};
            }
            int *ix = idx + q * 6;
            ix[0] = q * 4;
            ix[1] = q * 4 + 1;
            ix[2] = q * 4 + 2;
            ix[3] = q * 4;
            ix[4] = q * 4 + 2;
            ix[5] = q * 4 + 3;
            if (++q == MAX_QUADS) {
                draw_geometry(r, v, q * 4, idx, q * 6);
                q = 0;
            }
            s = b + 1e-3f;
            if (period <= 0) break;
        }
        along += len;
    }
    if (q > 0) draw_geometry(r, v, q * 4, idx, q * 6);
}

void draw_bezier_points(SDL_FPoint p0, SDL_FPoint ctl, SDL_FPoint p2, SDL_FPoint *out, int n)
{
    for (int i = 0; i < n; i++) {
        float t = (float)i / (float)(n - 1), u = 1 - t;
        out[i].x = u * u * p0.x + 2 * u * t * ctl.x + t * t * p2.x;
        out[i].y = u * u * p0.y + 2 * u * t * ctl.y + t * t * p2.y;
    }
}

void draw_triangle(SDL_Renderer *r, SDL_FPoint a, SDL_FPoint b, SDL_FPoint c, SDL_Color col)
{
    SDL_Vertex v[3] = {{a, col, {0, 0}}, {b, col, {0, 0}}, {c, col, {0, 0}}};
    draw_geometry(r, v, 3, NULL, 0);
}

void draw_disc(SDL_Renderer *r, float cx, float cy, float radius_px, SDL_Color c)
{
    enum { N = 16 };
    SDL_Vertex v[N + 1];
    int idx[N * 3];
    v[0] = (SDL_Vertex){{cx, cy}, c, {0, 0}};
    for (int i = 0; i < N; i++) {
        float a = i * 2 * PI_F / N;
        v[i + 1] = (SDL_Vertex){{cx + radius_px * cosf(a), cy + radius_px * sinf(a)}, c, {0, 0}};
        idx[i * 3] = 0;
        idx[i * 3 + 1] = 1 + i;
        idx[i * 3 + 2] = 1 + (i + 1) % N;
    }
    draw_geometry(r, v, N + 1, idx, N * 3);
}

void draw_diamond(SDL_Renderer *r, float cx, float cy, float radius_px, SDL_Color c)
{
    SDL_Vertex v[4] = {{{cx, cy - radius_px}, c, {0, 0}},
                       {{cx + radius_px, cy}, c, {0, 0}},
                       {{cx, cy + radius_px}, c, {0, 0}},
                       {{cx - radius_px, cy}, c, {0, 0}}};
    static const int idx[6] = {0, 1, 2, 0, 2, 3};
    draw_geometry(r, v, 4, idx, 6);
}

/* Stripes at 45 degrees, clipped to 'rc' with the renderer's clip rect
 * (saved and restored, so a caller's clip survives as an intersection). */
void draw_hatch(SDL_Renderer *r, SDL_Rect rc, int spacing_px, SDL_Color c)
{
    if (rc.w <= 0 || rc.h <= 0 || spacing_px < 2) return;
    SDL_Rect old;
    int had = SDL_RenderIsClipEnabled(r);
    SDL_RenderGetClipRect(r, &old);
    SDL_Rect clip = rc;
    if (had && !SDL_IntersectRect(&old, &rc, &clip)) return;
    SDL_RenderSetClipRect(r, &clip);
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
    for (int x = rc.x - rc.h; x < rc.x + rc.w; x += spacing_px)
        SDL_RenderDrawLine(r, x, rc.y + rc.h - 1, x + rc.h - 1, rc.y);
    SDL_RenderSetClipRect(r, had ? &old : NULL);
}

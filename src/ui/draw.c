/* draw.c -- shapes built from SDL_RenderGeometry triangles and plain rectangles. */
#include "draw.h"

#include <math.h>

static const float PI_F = 3.14159265f;

int rect_has(SDL_Rect rc, int x, int y)
{
    return x >= rc.x && y >= rc.y && x < rc.x + rc.w && y < rc.y + rc.h;
}

void draw_fill(SDL_Renderer *r, SDL_Rect rc, SDL_Color c)
{
    if (rc.w <= 0 || rc.h <= 0) return;
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(r, &rc);
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

/* A triangle fan around the centre of the rectangle through the four
 * corner arcs, 6 steps each: 28 triangles, drawn in one call. The middle
 * is filled with a plain rectangle where no arc is needed is not worth
 * the extra calls. */
void draw_round(SDL_Renderer *r, SDL_Rect rc, int radius_px, SDL_Color c)
{
    if (rc.w <= 0 || rc.h <= 0) return;
    float rad = (float)radius_px;
    if (rad * 2 > rc.w) rad = rc.w / 2.0f;
    if (rad * 2 > rc.h) rad = rc.h / 2.0f;
    if (rad < 1) {
        draw_fill(r, rc, c);
        return;
    }
    enum { STEPS = 6, N = 4 * (STEPS + 1) };
    SDL_Vertex v[N + 1];
    int idx[N * 3];
    float cx[4] = {rc.x + rc.w - rad, rc.x + rad, rc.x + rad, rc.x + rc.w - rad};
    float cy[4] = {rc.y + rad, rc.y + rad, rc.y + rc.h - rad, rc.y + rc.h - rad};
    v[0].position = (SDL_FPoint){rc.x + rc.w / 2.0f, rc.y + rc.h / 2.0f};
    int k = 1;
    for (int q = 0; q < 4; q++) {
        for (int s = 0; s <= STEPS; s++) {
            float a = (q * 90.0f + s * 90.0f / STEPS) * PI_F / 180.0f;
            v[k].position = (SDL_FPoint){cx[q] + rad * cosf(a), cy[q] - rad * sinf(a)};
            k++;
        }
    }
    for (int i = 0; i <= N; i++) {
        v[i].color = c;
        v[i].tex_coord = (SDL_FPoint){0, 0};
    }
    for (int i = 0; i < N; i++) {
        idx[i * 3] = 0;
        idx[i * 3 + 1] = 1 + i;
        idx[i * 3 + 2] = 1 + (i + 1) % N;
    }
    SDL_RenderGeometry(r, NULL, v, N + 1, idx, N * 3);
}

void draw_panel(SDL_Renderer *r, SDL_Rect rc, int radius_px, SDL_Color fill, SDL_Color border)
{
    SDL_Rect sh = {rc.x + 1, rc.y + 3, rc.w, rc.h};
    draw_round(r, sh, radius_px + 1, (SDL_Color){0, 0, 0, 70});
    SDL_Rect b = rc;
    draw_round(r, b, radius_px, border);
    SDL_Rect in = {rc.x + 1, rc.y + 1, rc.w - 2, rc.h - 2};
    draw_round(r, in, radius_px > 1 ? radius_px - 1 : 0, fill);
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
    SDL_RenderGeometry(r, NULL, v, 4, idx, 6);
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
                SDL_RenderGeometry(r, NULL, v, q * 4, idx, q * 6);
                q = 0;
            }
            s = b + 1e-3f;
            if (period <= 0) break;
        }
        along += len;
    }
    if (q > 0) SDL_RenderGeometry(r, NULL, v, q * 4, idx, q * 6);
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
    SDL_RenderGeometry(r, NULL, v, 3, NULL, 0);
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
    SDL_RenderGeometry(r, NULL, v, N + 1, idx, N * 3);
}

void draw_diamond(SDL_Renderer *r, float cx, float cy, float radius_px, SDL_Color c)
{
    SDL_Vertex v[4] = {{{cx, cy - radius_px}, c, {0, 0}},
                       {{cx + radius_px, cy}, c, {0, 0}},
                       {{cx, cy + radius_px}, c, {0, 0}},
                       {{cx - radius_px, cy}, c, {0, 0}}};
    static const int idx[6] = {0, 1, 2, 0, 2, 3};
    SDL_RenderGeometry(r, NULL, v, 4, idx, 6);
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

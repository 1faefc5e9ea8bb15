/* draw.h -- shape primitives on top of SDL_Renderer: rounded panels, thick and dashed lines, curves. */
#ifndef UI_DRAW_H
#define UI_DRAW_H

#include <SDL.h>

void draw_fill(SDL_Renderer *r, SDL_Rect rc, SDL_Color c);
void draw_frame(SDL_Renderer *r, SDL_Rect rc, SDL_Color c);
/* A filled rectangle with corners of radius 'radius_px'. */
void draw_round(SDL_Renderer *r, SDL_Rect rc, int radius_px, SDL_Color c);
/* A floating panel: soft shadow, rounded fill and a one-pixel border. */
void draw_panel(SDL_Renderer *r, SDL_Rect rc, int radius_px, SDL_Color fill, SDL_Color border);
void draw_hline(SDL_Renderer *r, int x0, int x1, int y, SDL_Color c);
void draw_vline(SDL_Renderer *r, int x, int y0, int y1, SDL_Color c);

/* A line 'width_px' wide (as a quad, any width, sub-pixel ends). */
void draw_line(SDL_Renderer *r, float x0, float y0, float x1, float y1, float width_px, SDL_Color c);
/* A polyline of 'n' points 'width_px' wide; 'dash_px' > 0 draws dashes of
 * that length with gaps of 'gap_px', continuing across corners. */
void draw_polyline(SDL_Renderer *r, const SDL_FPoint *pts, int n, float width_px, SDL_Color c,
                   float dash_px, float gap_px);
/* Sample the quadratic Bezier curve p0 -> p2 with control point 'ctl' into
 * 'n' points (n >= 2). */
void draw_bezier_points(SDL_FPoint p0, SDL_FPoint ctl, SDL_FPoint p2, SDL_FPoint *out, int n);
void draw_triangle(SDL_Renderer *r, SDL_FPoint a, SDL_FPoint b, SDL_FPoint c, SDL_Color col);
void draw_disc(SDL_Renderer *r, float cx, float cy, float radius_px, SDL_Color c);
void draw_diamond(SDL_Renderer *r, float cx, float cy, float radius_px, SDL_Color c);
/* Diagonal stripes over 'rc' (a projected span of the timeline). */
void draw_hatch(SDL_Renderer *r, SDL_Rect rc, int spacing_px, SDL_Color c);

/* SDL_RenderGeometry without a texture, with blending only when a vertex
 * is translucent. SDL's software renderer blends a triangle through a
 * temporary surface the size of its bounding box, allocated and cleared
 * for each one; an opaque triangle is filled in place, many times faster.
 * Every shape here goes through this. */
void draw_geometry(SDL_Renderer *r, const SDL_Vertex *v, int nv, const int *idx, int ni);

/* Does 'rc' contain pixel ('x', 'y')? */
int rect_has(SDL_Rect rc, int x, int y);

#endif

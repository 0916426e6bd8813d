/*
 * ui_geom.c -- rectangles in pixels: design units to pixels, and the cuts
 * a screen makes of its area. Below everything that draws (ui_draw.c's
 * shapes use it too).
 */
#include "ui_app.h"

int ui_px(const ui_app *a, float units)
{
    return (int)(units * a->s + 0.5f);
}

SDL_Rect ui_rect(int x, int y, int w, int h)
{
    SDL_Rect r = {x, y, w, h};
    return r;
}

SDL_Rect ui_inset(SDL_Rect r, int d)
{
    return ui_rect(r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d);
}

SDL_Rect ui_cut_top(SDL_Rect *r, int h, int gap)
{
    SDL_Rect out = ui_rect(r->x, r->y, r->w, h);
    r->y += h + gap, r->h -= h + gap;
    return out;
}

SDL_Rect ui_cut_bottom(SDL_Rect *r, int h, int gap)
{
    r->h -= h + gap;
    return ui_rect(r->x, r->y + r->h + gap, r->w, h);
}

SDL_Rect ui_cut_left(SDL_Rect *r, int w, int gap)
{
    SDL_Rect out = ui_rect(r->x, r->y, w, r->h);
    r->x += w + gap, r->w -= w + gap;
    return out;
}

SDL_Rect ui_cut_right(SDL_Rect *r, int w, int gap)
{
    r->w -= w + gap;
    return ui_rect(r->x + r->w + gap, r->y, w, r->h);
}

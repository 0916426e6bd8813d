/*
 * ui_window.c -- set-up and tear-down: the app's first state, the players'
 * and the console's windows and renderers, the off-screen surface of the
 * screenshot mode and the tests, and the scale that follows the output's size.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "policy.h"
#include "ui_app.h"
#include "util.h"

/* Everything scales with the output: 1.0 at 1920x1080, whichever of width or
   height is the tighter, times the player's own zoom (Ctrl +/-). */
void ui_set_size(ui_app *a, int pw, int ph)
{
    float sx = pw / 1920.0f, sy = ph / 1080.0f;
    float s = (sx < sy ? sx : sy) * a->user_scale;
    if (s < 0.3f) s = 0.3f;
    a->pw = pw, a->ph = ph;
    if (s != a->s || !a->font[0]) {
        a->s = s;
        if (ui_fonts_open(a)) fprintf(stderr, "crisisroom: %s\n", a->font_err);
    }
    a->dirty = 1;
}

void ui_refresh_size(ui_app *a)
{
    int pw, ph, ww, wh;
    if (!a->win || SDL_GetRendererOutputSize(a->ren, &pw, &ph)) return;
    SDL_GetWindowSize(a->win, &ww, &wh);
    a->px_per_pt = ww > 0 ? (float)pw / (float)ww : 1.0f;
    ui_set_size(a, pw, ph);
}

/* The software renderer, drawing straight into the window's shared-memory
   image. The GUI redraws only after an event and a full frame takes a few
   milliseconds, so a GPU renderer buys nothing visible, while creating it
   loads the GL driver: under Mesa's software GL (Xvfb, virtual machines,
   no GPU) that alone took ~70 ms of the start and ~50 MB of resident
   memory. SDL also puts the software renderer's framebuffer on a GL texture
   unless told not to. SDL_RENDER_DRIVER (e.g. opengl) in the environment
   still picks a GPU renderer. */
SDL_Renderer *ui_make_renderer(SDL_Window *w)
{
    SDL_Renderer *r = NULL;
    if (SDL_getenv("SDL_RENDER_DRIVER")) r = SDL_CreateRenderer(w, -1, SDL_RENDERER_PRESENTVSYNC);
    if (!r) {
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        r = SDL_CreateRenderer(w, -1, SDL_RENDERER_SOFTWARE);
    }
    if (r) SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    return r;
}

int ui_is_software(SDL_Renderer *r)
{
    SDL_RendererInfo info;
    return !SDL_GetRendererInfo(r, &info) && !strcmp(info.name, "software");
}

/* A second window, with its own renderer and fonts: on the second display
   when there is one, else beside the players' window (x, y, w, h >= 0). */
int ui_console_open(ui_app *a, SDL_Rect at)
{
    static ui_app view;
    ui_app *c = &view;
    ui_begin_app(c);
    c->peer = a, c->screen = SCR_CONSOLE;
    c->th = a->th, c->high_contrast = a->high_contrast, c->user_scale = a->user_scale;
    if (SDL_GetNumVideoDisplays() > 1) {
        SDL_Rect b;
        SDL_GetDisplayUsableBounds(1, &b);
        at = ui_rect(b.x + b.w / 20, b.y + b.h / 20, b.w * 9 / 10, b.h * 9 / 10);
    }
    c->win = SDL_CreateWindow(_("Crisis Room — facilitator console"), at.x, at.y, at.w, at.h,
                              SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    c->ren = c->win ? ui_make_renderer(c->win) : NULL;
    c->sw = c->ren && ui_is_software(c->ren);
    if (!c->ren) {
        fprintf(stderr, "crisisroom: cannot open the console window: %s\n", SDL_GetError());
        if (c->win) SDL_DestroyWindow(c->win);
        c->win = NULL;
        return -1;
    }
    SDL_SetWindowMinimumSize(c->win, 640, 400);
    a->cwin = c;
    ui_refresh_size(c);
    return 0;
}

static void console_close(ui_app *a)
{
    ui_app *c = a->cwin;
    if (!c) return;
    ui_fonts_close(c);
    SDL_DestroyRenderer(c->ren);
    SDL_DestroyWindow(c->win);
    a->cwin = NULL;
}

/* Beside the players' window, the same size. */
SDL_Rect ui_beside(ui_app *a)
{
    int x, y, w, h;
    SDL_GetWindowPosition(a->win, &x, &y);
    SDL_GetWindowSize(a->win, &w, &h);
    return ui_rect(x + w + 8, y, w, h);
}

void ui_begin_app(ui_app *a)
{
    memset(a, 0, sizeof *a);
    a->user_scale = 1.0f;
    a->px_per_pt = 1.0f;
    a->th = ui_theme_get(0);
    a->sel_item = -2, a->sel_card = -1;
    a->focus_act = ACT_NONE;
    a->mx = a->my = -1;
    a->seed = ui_fresh_seed();
    a->con.to = -1, a->con.sched = -1, a->con.back = SCR_DASHBOARD;
    a->con.via = a->con.decides = -1, a->con.policy = POLICY_HISTORICAL;
    ui_find_dirs(a);
}

int ui_init_offscreen(ui_app *a, int w, int h)
{
    if (!getenv("SDL_VIDEODRIVER")) setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (SDL_Init(SDL_INIT_VIDEO) || TTF_Init()) {
        fprintf(stderr, "crisisroom: cannot start SDL: %s\n", SDL_GetError());
        return -1;
    }
    a->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    a->ren = a->surf ? SDL_CreateSoftwareRenderer(a->surf) : NULL;
    if (!a->ren) {
        fprintf(stderr, "crisisroom: cannot create a software renderer: %s\n", SDL_GetError());
        return -1;
    }
    SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
    a->no_autosave = 1;
    ui_set_size(a, w, h);
    return a->font[0] ? 0 : -1;
}

/* A new off-screen frame of another size (tests render each screen at several
   sizes). Cached text belongs to the old renderer, so it goes first. */
int ui_resize_offscreen(ui_app *a, int w, int h)
{
    ui_text_cache_flush();
    if (a->ren) SDL_DestroyRenderer(a->ren);
    if (a->surf) SDL_FreeSurface(a->surf);
    a->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    a->ren = a->surf ? SDL_CreateSoftwareRenderer(a->surf) : NULL;
    if (!a->ren) return -1;
    SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
    ui_set_size(a, w, h);
    return a->font[0] ? 0 : -1;
}

void ui_shutdown(ui_app *a)
{
    console_close(a);
    ui_game_close(a);
    ui_free_lists(a);
    ui_fonts_close(a);
    if (a->ren) SDL_DestroyRenderer(a->ren);
    if (a->surf) SDL_FreeSurface(a->surf);
    if (a->win) SDL_DestroyWindow(a->win);
    a->ren = NULL, a->surf = NULL, a->win = NULL;
    TTF_Quit();
    SDL_Quit();
}

/*
 * ui_loop.c -- frames and the interactive loop. The loop sleeps in
 * SDL_WaitEvent until something happens; a frame is drawn only when an
 * event changed something (or a toast timed out). A second of the
 * discussion timer redraws the timer alone (present_timer).
 */
#include <stdio.h>
#include <stdlib.h>

#include "ui_actions.h"
#include "ui_app.h"

static void draw_toast(ui_app *a)
{
    if (!a->status[0] || (a->win && SDL_TICKS_PASSED(SDL_GetTicks(), a->status_until))) return;
    int pad = ui_px(a, 16), w = a->pw / 2;
    int h = ui_text_h(a, ST_BODY, a->status, w - 2 * pad) + 2 * pad;
    SDL_Rect r = ui_rect((a->pw - w) / 2, a->ph - h - ui_px(a, 24), w, h);
    ui_round(a, r, ui_px(a, 10), a->th->raised);
    ui_frame(a, r, ui_px(a, 10), ui_px(a, 2), a->th->accent);
    ui_text(a, ST_BODY, a->th->text, ui_inset(r, pad), a->status, TX_CENTER);
}

static void draw_frame(ui_app *a)
{
    if (!a->font[0]) return; /* no typeface: reported on stderr */
    a->under = a->th->bg;
    if (a->ses && !a->peer) ui_timer_sync(a);
    if (ui_is_console(a)) {
        ui_console_draw(a);
        if (a->modal == MODAL_MENU && !a->peer) ui_menu_draw(a);
        draw_toast(a);
        return;
    }
    if (!a->ses && a->screen != SCR_TITLE) a->screen = SCR_TITLE;
    if (a->ses && a->hold) { /* the projector's hold covers every screen and dialog */
        ui_hold_draw(a);
        draw_toast(a);
        return;
    }
    switch (a->screen) {
    case SCR_TITLE:
        ui_title_draw(a);
        break;
    case SCR_BRIEFING:
        ui_briefing_draw(a);
        break;
    case SCR_HANDOVER:
        ui_handover_draw(a);
        break;
    case SCR_DASHBOARD:
        ui_dashboard_draw(a);
        break;
    case SCR_EVIDENCE:
        ui_evidence_draw(a);
        break;
    case SCR_DIPLOMACY:
        ui_diplomacy_draw(a);
        break;
    case SCR_TIMELINE:
        ui_timeline_draw(a);
        break;
    case SCR_DEBRIEF:
        ui_debrief_draw(a);
        break;
    case SCR_WHATIF:
        ui_whatif_draw(a);
        break;
    case SCR_JOIN:
        ui_join_draw(a);
        break;
    default:
        break;
    }
    a->block_hits = 0;
    if (a->modal == MODAL_CONFIRM && a->ses) ui_confirm_draw(a);
    if (a->modal == MODAL_MENU) ui_menu_draw(a);
    if (a->modal == MODAL_CONSOLE) ui_console_ask_draw(a);
    if (a->modal == MODAL_END && a->ses) ui_end_warning_draw(a);
    draw_toast(a);
}

/* A whole frame, or with a->limit set the same frame clipped to it: every
   widget is laid out as usual (hit areas included) but only pixels in the
   limit are touched. SDL_RenderClear ignores the clip, hence the fill. */
void ui_render(ui_app *a)
{
    a->nhits = 0, a->nsregs = 0, a->cur_sreg = -1;
    a->block_hits = a->modal != MODAL_NONE;
    a->timer_at = ui_rect(0, 0, 0, 0);
    if (a->peer) a->th = a->peer->th;
    ui_clip(a, NULL);
    ui_color(a, a->th->bg);
    if (a->limit.w > 0)
        SDL_RenderFillRect(a->ren, &a->limit);
    else
        SDL_RenderClear(a->ren);
    draw_frame(a);
    SDL_RenderSetClipRect(a->ren, NULL);
}

static void present(ui_app *a)
{
    a->dirty = 0;
    ui_render(a);
    SDL_RenderPresent(a->ren);
}

/* The timer's second changed and nothing else did: the frame again, clipped
   to the timer, and only that rectangle to the screen. A GPU renderer's
   back buffer is undefined after a present, and a timer that moved (it
   cannot without an event) needs the whole frame: then all of it. */
static void present_timer(ui_app *a)
{
    SDL_Rect r = a->timer_at;
    if (!a->sw || r.w <= 0 || r.h <= 0) {
        present(a);
        return;
    }
    a->limit = r;
    ui_render(a);
    a->limit = ui_rect(0, 0, 0, 0);
    if (!SDL_RectEquals(&r, &a->timer_at)) {
        present(a);
        return;
    }
    SDL_RenderFlush(a->ren);
    SDL_UpdateWindowSurfaceRects(a->win, &r, 1);
}

static int shown(const ui_app *a)
{
    return !(SDL_GetWindowFlags(a->win) & SDL_WINDOW_HIDDEN);
}

/* Events go to the window they happened in. */
static ui_app *target(ui_app *a, const SDL_Event *e)
{
    Uint32 id = 0;
    if (e->type == SDL_WINDOWEVENT) id = e->window.windowID;
    if (e->type == SDL_KEYDOWN || e->type == SDL_KEYUP) id = e->key.windowID;
    if (e->type == SDL_TEXTINPUT) id = e->text.windowID;
    if (e->type == SDL_MOUSEMOTION) id = e->motion.windowID;
    if (e->type == SDL_MOUSEBUTTONDOWN || e->type == SDL_MOUSEBUTTONUP) id = e->button.windowID;
    if (e->type == SDL_MOUSEWHEEL) id = e->wheel.windowID;
    return a->cwin && id && id == SDL_GetWindowID(a->cwin->win) ? a->cwin : a;
}

/* How long to sleep: until the toast goes or the timer's second changes. */
static int wait_ms(ui_app *a)
{
    int wait = -1;
    if (a->status[0]) {
        Sint32 left = (Sint32)(a->status_until - SDL_GetTicks());
        wait = left > 0 ? left : 0;
    }
    int t = a->ses ? (int)ui_timer_wait(&a->timer) : 0;
    if (t > 0 && (wait < 0 || t < wait)) wait = t;
    /* Hosting: the turn's timer may close the turn with nothing in the queue. */
    int h = a->host ? a->host->wait_ms(a->host->ud) : -1;
    if (h >= 0 && (wait < 0 || h < wait)) wait = h;
    return wait;
}

/* Hosting: the server's timer (every device's, by turn) is the one the
   window shows; the second it shows is redrawn as ever. */
static void mirror_timer(ui_app *a)
{
    int len = 0, left = 0, running = 0;
    a->host->timer_get(a->host->ud, &len, &left, &running);
    movetimer *t = &a->timer;
    t->len_ms = len > 0 ? len : 0;
    t->turn = a->ses->g->turn, t->role = a->ses->g->simultaneous ? -1 : a->ses->g->role;
    t->used_ms = len > 0 ? len - left : 0;
    t->since_ms = (long long)ui_clock();
    t->running = running && len > 0;
}

/* Hosting: what came over the network, applied on this thread (ui.h). */
static void poll_host(ui_app *a)
{
    if (!a->host || !a->ses) return;
    if (a->host->poll(a->host->ud, a->ses)) {
        a->dirty = 1;
        if (a->ses->g->ended && a->screen != SCR_DEBRIEF && !a->con.on) ui_go(a, SCR_DEBRIEF);
    }
    mirror_timer(a);
}

void ui_loop(ui_app *a, Uint64 t_start)
{
    int first = 1, tick = 0;
    a->dirty = 1;
    while (!a->quit) {
        poll_host(a);
        /* The console shows the players' game: what changes one may change it. */
        if (a->dirty && a->cwin) a->cwin->dirty = 1;
        if (a->dirty)
            present(a);
        else if (tick)
            present_timer(a);
        if (a->cwin && shown(a->cwin)) {
            if (a->cwin->dirty)
                present(a->cwin);
            else if (tick)
                present_timer(a->cwin);
        }
        tick = 0;
        if (first && getenv("CRISISROOM_TIMING"))
            fprintf(stderr, "crisisroom: first frame after %.1f ms\n",
                    (SDL_GetPerformanceCounter() - t_start) * 1000.0 /
                        SDL_GetPerformanceFrequency());
        /* For bench/: time from the shell's exec to here, measured outside. */
        if (first && getenv("CRISISROOM_EXIT_AFTER_FIRST_FRAME")) break;
        first = 0;
        SDL_Event e;
        int wait = wait_ms(a);
        int got = wait < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, wait);
        if (!got) {
            if (a->status[0] && SDL_TICKS_PASSED(SDL_GetTicks(), a->status_until))
                a->status[0] = '\0', a->dirty = 1;
            /* Not ui_timer_wait: it is 0 once the time is up, and "TIME"
               must still replace "0:01". */
            if (a->ses && a->timer.len_ms > 0) tick = 1;
            continue;
        }
        ui_handle(target(a, &e), &e);
        while (SDL_PollEvent(&e)) ui_handle(target(a, &e), &e);
    }
}

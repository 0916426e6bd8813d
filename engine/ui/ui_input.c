/*
 * ui_input.c -- keys, the mouse, the focus and typing. Event coordinates are
 * in window points and converted to pixels once, here, so that the rest of
 * the GUI only knows pixels (high-DPI screens included). What an input asks
 * for goes to the actions (ui_actions.h).
 */
#include <string.h>

#include "ui_actions.h"
#include "ui_app.h"
#include "util.h"

/* The focused widget scrolled into its region's view: whole when it fits
   (clear of the "more below" strip), else its top. */
static void reveal(ui_app *a, const ui_hit *h)
{
    if (h->sreg < 0 || h->sreg >= a->nsregs) return;
    const ui_sreg *s = &a->sregs[h->sreg];
    int *sc = &a->scroll[a->screen][s->id], max = a->scroll_max[a->screen][s->id];
    int above = h->full.y - s->r.y, below = h->full.y + h->full.h - (s->r.y + s->r.h);
    /* Clear of the "more below" label and its fade, unless at the bottom. */
    int strip = *sc + below < max ? ui_line_h(a, ST_SMALL) + ui_px(a, 30) : 0;
    int d = 0;
    if (above < 0 || h->full.h > s->r.h - strip)
        d = above - ui_px(a, 4);
    else if (below + strip > 0)
        d = below + strip < above ? below + strip : above;
    *sc += d;
    if (*sc > max) *sc = max;
    if (*sc < 0) *sc = 0;
}

static void move_focus(ui_app *a, int dir)
{
    int cur = -1, n = a->nhits;
    for (int i = 0; i < n; i++)
        if (a->hits[i].focusable && ui_is_focus(a, a->hits[i].action, a->hits[i].arg)) cur = i;
    for (int k = 1; k <= n; k++) {
        int i = cur < 0 ? (dir > 0 ? k - 1 : n - k) : ((cur + dir * k) % n + n) % n;
        if (!a->hits[i].focusable) continue;
        a->focus_act = a->hits[i].action, a->focus_arg = a->hits[i].arg;
        reveal(a, &a->hits[i]);
        a->dirty = 1;
        return;
    }
}

static int activate_focus(ui_app *a)
{
    for (int i = 0; i < a->nhits; i++) {
        ui_hit *h = &a->hits[i];
        if (h->focusable && ui_is_focus(a, h->action, h->arg)) {
            ui_do(a, h->action, h->arg);
            return 1;
        }
    }
    return 0;
}

/* Enter without a focused widget: the obvious next step of the screen. */
static void default_action(ui_app *a)
{
    if (a->modal == MODAL_CONFIRM)
        ui_do(a, ACT_CONFIRM, 0);
    else if (a->modal)
        return;
    else if (ui_players(a)->hold && !ui_is_console(a))
        return;
    else if (a->screen == SCR_HANDOVER)
        ui_do(a, ACT_HANDOVER_OK, 0);
    else if (a->screen == SCR_BRIEFING)
        ui_do(a, ACT_START, 0);
    else if (a->screen == SCR_TITLE)
        ui_do(a, ACT_NEW_GAME, a->scen_sel);
}

static int typing_key(ui_app *a, SDL_Keycode k)
{
    size_t n = strlen(a->rationale);
    if (k == SDLK_BACKSPACE) {
        while (n > 0 && (a->rationale[n - 1] & 0xC0) == 0x80) n--; /* a whole UTF-8 char */
        if (n > 0) n--;
        a->rationale[n] = '\0';
        a->dirty = 1;
        return 1;
    }
    if (k == SDLK_RETURN || k == SDLK_KP_ENTER) {
        ui_do(a, ACT_CONFIRM, 0);
        return 1;
    }
    if (k == SDLK_TAB) {
        a->typing = 0;
        if (a->win) SDL_StopTextInput();
        return 0;
    }
    return k != SDLK_ESCAPE && k != SDLK_UP && k != SDLK_DOWN;
}

static int tab_key(ui_app *a, SDL_Keycode k)
{
    static const struct {
        SDL_Keycode key;
        ui_screen s;
    } tabs[] = {{SDLK_F2, SCR_DASHBOARD},
                {SDLK_F3, SCR_EVIDENCE},
                {SDLK_F4, SCR_DIPLOMACY},
                {SDLK_F6, SCR_TIMELINE},
                {SDLK_F7, SCR_BRIEFING}};
    if (!a->ses || a->screen == SCR_HANDOVER || a->screen == SCR_TITLE) return 0;
    for (size_t i = 0; i < sizeof tabs / sizeof *tabs; i++) {
        if (k != tabs[i].key) continue;
        if (a->ses->g->ended && tabs[i].s == SCR_DASHBOARD)
            ui_go(a, SCR_DEBRIEF);
        else
            ui_go(a, tabs[i].s);
        return 1;
    }
    return 0;
}

/* Hosting, F10 shows the join screen and goes back to where the room was. */
static void join_key(ui_app *a)
{
    if (!a->host || !a->ses || a->modal || ui_is_console(a)) return;
    if (a->screen != SCR_JOIN)
        ui_go(a, SCR_JOIN);
    else
        ui_go(a, a->ses->g->ended ? SCR_DEBRIEF : SCR_DASHBOARD);
}

static void key_down(ui_app *a, const SDL_KeyboardEvent *e)
{
    SDL_Keycode k = e->keysym.sym;
    int ctrl = e->keysym.mod & KMOD_CTRL, shift = e->keysym.mod & KMOD_SHIFT;
    a->dirty = 1;
    if (k == SDLK_F9) return ui_console_toggle(a);
    if (k == SDLK_F5) return ui_reload(a);
    if (k == SDLK_F8) return ui_hold_toggle(a);
    if (ui_is_console(a) && ui_console_key(a, k)) return;
    if (a->typing && typing_key(a, k)) return;
    if (k == SDLK_F11) return ui_toggle_fullscreen(a);
    if (k == SDLK_F10) return join_key(a);
    if (ctrl && (k == SDLK_PLUS || k == SDLK_EQUALS || k == SDLK_KP_PLUS))
        return ui_set_scale(a, 1);
    if (ctrl && (k == SDLK_MINUS || k == SDLK_KP_MINUS)) return ui_set_scale(a, -1);
    if (ctrl && k == SDLK_0) return ui_set_scale(a, 0);
    if (ui_players(a)->hold && !ui_is_console(a)) return; /* the card: nothing to act on */
    if (k == SDLK_ESCAPE)
        return ui_do(a,
                     a->modal == MODAL_CONFIRM || a->modal == MODAL_CONSOLE || a->modal == MODAL_END
                         ? ACT_CANCEL
                         : ACT_MENU,
                     0);
    if (a->modal == MODAL_END && k == SDLK_END) return ui_do(a, ACT_END_ANYWAY, 0);
    if (!a->modal && a->ses && a->screen == SCR_EVIDENCE && ui_evidence_key(a, k)) return;
    if (k == SDLK_TAB) return move_focus(a, shift ? -1 : 1);
    if (k == SDLK_DOWN || k == SDLK_RIGHT) return move_focus(a, 1);
    if (k == SDLK_UP || k == SDLK_LEFT) return move_focus(a, -1);
    if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE) {
        if (!activate_focus(a)) default_action(a);
        return;
    }
    int page = a->ph * 2 / 3;
    if (k == SDLK_PAGEDOWN) return ui_scroll_by(a, -1, -1, page);
    if (k == SDLK_PAGEUP) return ui_scroll_by(a, -1, -1, -page);
    if (a->modal == MODAL_CONFIRM && k >= SDLK_1 && k <= SDLK_9) {
        const def_move *m = a->pend_move >= 0 ? &a->ses->sc->moves[a->pend_move] : NULL;
        if (m && k - SDLK_1 < m->ntargets) a->pend_target = k - SDLK_1;
        return;
    }
    if (a->modal == MODAL_CONSOLE && (k == SDLK_y || k == SDLK_n))
        return ui_do(a, k == SDLK_y ? ACT_CON_SHOW : ACT_CANCEL, 0);
    if (a->modal) return;
    if (tab_key(a, k)) return;
    if (a->screen == SCR_DASHBOARD) ui_dashboard_key(a, k);
}

static void mouse_down(ui_app *a, int x, int y)
{
    int i = ui_hit_at(a, x, y);
    if (i < 0) {
        if (a->modal == MODAL_MENU) ui_close_modal(a), a->dirty = 1;
        return;
    }
    ui_hit h = a->hits[i];
    if (h.focusable) a->focus_act = h.action, a->focus_arg = h.arg;
    ui_do(a, h.action, h.arg);
}

void ui_handle(ui_app *a, const SDL_Event *e)
{
    float k = a->px_per_pt > 0 ? a->px_per_pt : 1.0f;
    /* The text of the key press that opened a dialog comes right after it,
       or not at all: any other event ends the wait for it. */
    if (e->type != SDL_TEXTINPUT) a->swallow_char = 0;
    switch (e->type) {
    case SDL_QUIT:
        a->quit = 1;
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) ui_refresh_size(a);
        if (e->window.event == SDL_WINDOWEVENT_CLOSE) {
            if (a->peer) /* closing the console only hides it */
                SDL_HideWindow(a->win);
            else
                a->quit = 1;
        }
        a->dirty = 1;
        break;
    case SDL_MOUSEMOTION: {
        int before = ui_hit_at(a, a->mx, a->my);
        a->mx = (int)(e->motion.x * k), a->my = (int)(e->motion.y * k);
        if (ui_hit_at(a, a->mx, a->my) != before) a->dirty = 1;
        break;
    }
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.button != SDL_BUTTON_LEFT) break;
        a->mx = (int)(e->button.x * k), a->my = (int)(e->button.y * k);
        mouse_down(a, a->mx, a->my);
        break;
    case SDL_MOUSEWHEEL:
        ui_scroll_by(a, a->mx, a->my, -e->wheel.y * ui_px(a, 90));
        break;
    case SDL_TEXTINPUT:
        if (ui_is_console(a))
            ui_console_text(a, e->text.text);
        else if (a->typing) {
            int opener = a->swallow_char && e->text.text[0] == a->swallow_char && !e->text.text[1];
            a->swallow_char = 0;
            if (opener) break;
            str_cat(a->rationale, sizeof a->rationale, "%s", e->text.text);
            a->dirty = 1;
        }
        break;
    case SDL_KEYDOWN:
        a->key_char = e->key.keysym.sym >= 32 && e->key.keysym.sym < 127 ? e->key.keysym.sym : 0;
        key_down(a, &e->key);
        a->key_char = 0;
        break;
    }
}

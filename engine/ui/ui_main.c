/*
 * ui_main.c -- `crisisroom play`: arguments, the window (or an off-screen
 * surface in screenshot mode), the event loop and the dispatch of actions.
 *
 * The loop sleeps in SDL_WaitEvent until something happens; a frame is drawn
 * only when an event changed something (or a toast timed out). A second of
 * the discussion timer redraws the timer alone (present_timer). Event
 * coordinates are in window points and converted to pixels once, here, so
 * that the rest of the GUI only knows pixels (high-DPI screens included).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "ui.h"
#include "ui_app.h"
#include "util.h"

typedef struct ui_args {
    const char *target, *variant, *save, *shot, *screen, *commands;
    int w, h, have_seed, bench, console, presenter, timer;
    uint64_t seed;
    float scale;
    int fullscreen, contrast;
} ui_args;

static const char *const screen_names[] = {"title",     "briefing", "handover",
                                           "dashboard", "evidence", "diplomacy",
                                           "timeline",  "debrief",  "console"};

static void usage(void)
{
    fprintf(stderr, "usage: crisisroom play [SCENARIO|SAVE] [--seed N] [--variant ID|random] "
                    "[--save FILE]\n"
                    "       [--console] [--presenter] [--timer MIN] [--commands FILE]\n"
                    "       [--screenshot FILE.png --size WxH [--screen NAME]]\n"
                    "       [--scale F] [--fullscreen] [--high-contrast] [--bench-redraw]\n"
                    "screens: title briefing dashboard evidence diplomacy timeline debrief menu "
                    "handover console\n"
                    "keys: F2-F4, F6, F7 tabs; F9 facilitator console; F5 reload the scenario; "
                    "F11 full screen\n"
                    "--presenter: the window is projected; the console never opens in it\n");
}

static int parse_args(int argc, char **argv, ui_args *o)
{
    memset(o, 0, sizeof *o);
    o->scale = 1.0f;
    for (int i = 0; i < argc; i++) {
        const char *s = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        int takes = 1;
        if (!strcmp(s, "--seed") && v)
            o->seed = strtoull(v, NULL, 10), o->have_seed = 1;
        else if (!strcmp(s, "--variant") && v)
            o->variant = v;
        else if (!strcmp(s, "--save") && v)
            o->save = v;
        else if (!strcmp(s, "--screenshot") && v)
            o->shot = v;
        else if (!strcmp(s, "--screen") && v)
            o->screen = v;
        else if (!strcmp(s, "--commands") && v)
            o->commands = v;
        else if (!strcmp(s, "--timer") && v)
            o->timer = atoi(v);
        else if (!strcmp(s, "--scale") && v)
            o->scale = (float)atof(v);
        else if (!strcmp(s, "--size") && v) {
            if (sscanf(v, "%dx%d", &o->w, &o->h) != 2 || o->w < 320 || o->h < 240 || o->w > 8192 ||
                o->h > 8192) {
                fprintf(stderr, "crisisroom: --size wants WxH, e.g. 1920x1080\n");
                return -1;
            }
        } else {
            takes = 0;
            if (!strcmp(s, "--fullscreen"))
                o->fullscreen = 1;
            else if (!strcmp(s, "--high-contrast"))
                o->contrast = 1;
            else if (!strcmp(s, "--bench-redraw"))
                o->bench = 1;
            else if (!strcmp(s, "--console"))
                o->console = 1;
            else if (!strcmp(s, "--presenter"))
                o->presenter = 1;
            else if (s[0] != '-' && !o->target)
                o->target = s;
            else {
                fprintf(stderr, "crisisroom: unknown or incomplete option '%s'\n", s);
                usage();
                return -1;
            }
        }
        i += takes;
    }
    if (o->presenter && o->screen && !strcmp(o->screen, "console")) {
        fprintf(stderr, "crisisroom: --presenter: the console never shows in the players' "
                        "window (--console gives it its own)\n");
        return -1;
    }
    if (o->scale < 0.5f || o->scale > 3.0f) o->scale = 1.0f;
    if (o->timer < 0 || o->timer > 240) o->timer = 0;
    if (o->shot && !o->w) o->w = 1920, o->h = 1080;
    return 0;
}

/* Sizes ----------------------------------------------------------------------- */

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

static void refresh_size(ui_app *a)
{
    int pw, ph, ww, wh;
    if (!a->win || SDL_GetRendererOutputSize(a->ren, &pw, &ph)) return;
    SDL_GetWindowSize(a->win, &ww, &wh);
    a->px_per_pt = ww > 0 ? (float)pw / (float)ww : 1.0f;
    ui_set_size(a, pw, ph);
}

/* The facilitator's console ---------------------------------------------------- */

/* The software renderer, drawing straight into the window's shared-memory
   image. The GUI redraws only after an event and a full frame takes a few
   milliseconds, so a GPU renderer buys nothing visible, while creating it
   loads the GL driver: under Mesa's software GL (Xvfb, virtual machines,
   no GPU) that alone took ~70 ms of the start and ~50 MB of resident
   memory. SDL also puts the software renderer's framebuffer on a GL texture
   unless told not to. SDL_RENDER_DRIVER (e.g. opengl) in the environment
   still picks a GPU renderer. */
static SDL_Renderer *make_renderer(SDL_Window *w)
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

static int is_software(SDL_Renderer *r)
{
    SDL_RendererInfo info;
    return !SDL_GetRendererInfo(r, &info) && !strcmp(info.name, "software");
}

/* On one display the console takes the players' window while it is shown. */
static void console_in_place(ui_app *a, int on)
{
    if (on == a->con.on) return;
    if (on) {
        a->con.back = a->screen;
        a->con.on = 1;
        a->screen = SCR_CONSOLE;
        a->focus_act = ACT_NONE;
    } else {
        a->con.on = 0;
        a->con.field = CF_NONE;
        ui_go(a, a->con.back == SCR_CONSOLE ? SCR_DASHBOARD : (ui_screen)a->con.back);
    }
    a->dirty = 1;
}

/* A second window, with its own renderer and fonts: on the second display
   when there is one, else beside the players' window (x, y, w, h >= 0). */
static int console_open(ui_app *a, SDL_Rect at)
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
    c->win = SDL_CreateWindow("Crisis Room — facilitator console", at.x, at.y, at.w, at.h,
                              SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    c->ren = c->win ? make_renderer(c->win) : NULL;
    c->sw = c->ren && is_software(c->ren);
    if (!c->ren) {
        fprintf(stderr, "crisisroom: cannot open the console window: %s\n", SDL_GetError());
        if (c->win) SDL_DestroyWindow(c->win);
        c->win = NULL;
        return -1;
    }
    SDL_SetWindowMinimumSize(c->win, 640, 400);
    a->cwin = c;
    refresh_size(c);
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
static SDL_Rect beside(ui_app *a)
{
    int x, y, w, h;
    SDL_GetWindowPosition(a->win, &x, &y);
    SDL_GetWindowSize(a->win, &w, &h);
    return ui_rect(x + w + 8, y, w, h);
}

/* F9: show or hide the console. Its own window (--console) shows or hides
   at once. Otherwise it would show what the players must not see on the
   screen they look at: the presenter's window never shows it, and any other
   asks first (ui_console_ask_draw; Yes is console_show). */
static void console_toggle(ui_app *a)
{
    a = ui_players(a);
    if (a->cwin) {
        if (SDL_GetWindowFlags(a->cwin->win) & SDL_WINDOW_HIDDEN)
            SDL_ShowWindow(a->cwin->win), SDL_RaiseWindow(a->cwin->win);
        else
            SDL_HideWindow(a->cwin->win);
        a->cwin->dirty = 1;
        return;
    }
    if (a->con.on) {
        console_in_place(a, 0);
    } else if (a->presenter) {
        ui_set_status(a, "Presenter mode: the facilitator's console does not open on this window. "
                         "Start with --console to give it a window of its own.");
    } else {
        a->modal = MODAL_CONSOLE, a->typing = 0;
        a->focus_act = ACT_CANCEL, a->focus_arg = 0; /* Enter alone answers No */
    }
    a->dirty = 1;
}

/* Yes to the question: a window on a second display, else this one. */
static void console_show(ui_app *a)
{
    a = ui_players(a);
    a->modal = MODAL_NONE, a->focus_act = ACT_NONE;
    if (a->presenter) return;
    if (a->win && SDL_GetNumVideoDisplays() > 1 && !console_open(a, beside(a))) return;
    console_in_place(a, 1);
}

static void reload(ui_app *a)
{
    a = ui_players(a);
    if (!a->ses) return;
    int ok = !ui_game_reload(a);
    str_fmt(a->con.msg, sizeof a->con.msg, "%s", ok ? a->status : a->warning);
    a->con.msg_bad = !ok;
    if (a->cwin) a->cwin->dirty = 1;
}

/* Screens and actions --------------------------------------------------------- */

void ui_go(ui_app *a, ui_screen s)
{
    if (s != SCR_TITLE && s != SCR_BRIEFING && !a->ses) s = SCR_TITLE;
    if (s == SCR_BRIEFING && !a->ses) s = SCR_TITLE;
    if (a->con.on && s != SCR_CONSOLE) { /* the console covers the players' screens */
        a->con.back = s;
        a->dirty = 1;
        return;
    }
    if (s == SCR_DASHBOARD && a->ses)
        a->seen_role = a->ses->g->role, a->seen_turn = a->ses->g->turn;
    /* Scenarios are read when the title is first shown, not at start-up:
       a game started from the command line should not wait for them. */
    if (s == SCR_TITLE && !a->nscens) ui_scan_scenarios(a);
    a->screen = s;
    a->focus_act = ACT_NONE;
    a->dirty = 1;
}

static void open_confirm(ui_app *a, int move)
{
    char why[512], words[700];
    game *g = a->ses->g;
    if (!game_move_available(g, move, g->role, why, sizeof why)) {
        ui_role_words(a, why, words, sizeof words);
        ui_set_status(a, "Not available: %s", words);
        return;
    }
    a->modal = MODAL_CONFIRM;
    a->pend_move = move;
    a->pend_target = a->ses->sc->moves[move].ntargets ? 0 : -1;
    a->rationale[0] = '\0';
    a->typing = 1;
    a->swallow_char = a->key_char; /* 0 when opened by the mouse */
    a->focus_act = ACT_NONE;
    if (a->win) SDL_StartTextInput();
}

static void close_modal(ui_app *a)
{
    a->modal = MODAL_NONE;
    a->typing = 0;
    a->focus_act = ACT_NONE;
    if (a->win) SDL_StopTextInput();
}

/* The rationale goes after " -- " on one line; newlines would end the command. */
static void confirm(ui_app *a)
{
    const def_scenario *sc = a->ses->sc;
    const def_move *m = &sc->moves[a->pend_move];
    char line[1200], why[440];
    str_fmt(why, sizeof why, "%s", a->rationale);
    for (char *p = why; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
    if (m->event >= 0)
        str_fmt(line, sizeof line, "%s %s %s", cmd_names[CMD_CHOOSE], sc->events[m->event].id,
                m->id);
    else
        str_fmt(line, sizeof line, "%s %s %s%s%s", cmd_names[CMD_ACT], sc->roles[m->role].id, m->id,
                a->pend_target >= 0 ? " " : "",
                a->pend_target >= 0 ? m->targets[a->pend_target].key : "");
    if (why[strspn(why, " ")]) str_cat(line, sizeof line, " -- %s", why + strspn(why, " "));
    close_modal(a);
    if (!ui_apply(a, line)) ui_set_status(a, "Done: %s", m->label);
}

static uint64_t fresh_seed(void)
{
    uint64_t x = SDL_GetPerformanceCounter() ^ (uint64_t)time(NULL) << 20;
    x ^= x >> 33, x *= UINT64_C(0xff51afd7ed558ccd), x ^= x >> 33;
    return x % 1000000;
}

static void save_now(ui_app *a)
{
    if (!a->ses) return;
    if (a->save_path[0] && !session_not_saving(a->ses)) {
        ui_set_status(a, "Saved. Every move is written to %s as it is made.", a->save_path);
        return;
    }
    char path[UI_PATH_MAX + 100], now[32];
    journal_now(now, sizeof now);
    for (char *p = now; *p; p++)
        if (*p == ':') *p = '-';
    mkdir(a->save_dir, 0755);
    str_fmt(path, sizeof path, "%s/%s-%s.jsonl", a->save_dir, a->ses->sc->id, now);
    if (session_save_to(a->ses, path))
        ui_set_status(a, "Could not save: %s", a->ses->err);
    else
        str_fmt(a->save_path, sizeof a->save_path, "%s", path),
            ui_set_status(a, "Saved to %s", path);
}

static void load_game(ui_app *a, const char *path)
{
    close_modal(a);
    if (ui_game_load(a, path)) {
        ui_go(a, SCR_TITLE);
        return;
    }
    if (a->ses->g->ended)
        ui_go(a, SCR_DEBRIEF);
    else
        a->after_handover = SCR_DASHBOARD, ui_go(a, SCR_HANDOVER);
}

static void set_scale(ui_app *a, int dir)
{
    a->user_scale = dir > 0 ? a->user_scale * 1.1f : dir < 0 ? a->user_scale / 1.1f : 1.0f;
    if (a->user_scale < 0.6f) a->user_scale = 0.6f;
    if (a->user_scale > 2.0f) a->user_scale = 2.0f;
    ui_set_size(a, a->pw, a->ph);
    ui_set_status(a, "Text size %d%%", (int)(a->user_scale * 100 + 0.5f));
}

static void toggle_fullscreen(ui_app *a)
{
    a->fullscreen = !a->fullscreen;
    if (a->win) SDL_SetWindowFullscreen(a->win, a->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    refresh_size(a);
}

static void game_action(ui_app *a, int action, int arg)
{
    if (!a->ses) return;
    switch (action) {
    case ACT_START:
        a->after_handover = SCR_DASHBOARD, ui_go(a, SCR_HANDOVER);
        break;
    case ACT_HANDOVER_OK:
        ui_go(a, a->after_handover);
        break;
    case ACT_ITEM:
        a->sel_item = arg, ui_mark_read(a, arg, a->ses->g->role);
        a->scroll[SCR_DASHBOARD][SREG_MAIN] = 0;
        break;
    case ACT_OPTION:
    case ACT_ACTION:
        open_confirm(a, arg);
        break;
    case ACT_TARGET:
        a->pend_target = arg;
        break;
    case ACT_CONFIRM:
        confirm(a);
        break;
    case ACT_RATIONALE:
        a->typing = 1;
        if (a->win) SDL_StartTextInput();
        break;
    case ACT_END_MOVE:
        ui_apply(a, cmd_names[CMD_END]);
        break;
    case ACT_CARD:
        a->sel_card = a->sel_card == arg ? -1 : arg;
        break;
    case ACT_SAVE:
        save_now(a), close_modal(a);
        break;
    }
}

static void new_game(ui_app *a, int entry)
{
    if (entry < 0 || entry >= a->nscens) return;
    a->scen_sel = entry;
    if (ui_game_new(a, a->scens[entry].dir, a->seed, a->variant_mode ? "random" : NULL, NULL))
        return;
    ui_go(a, SCR_BRIEFING);
}

void ui_do(ui_app *a, int action, int arg)
{
    a->dirty = 1;
    switch (action) {
    case ACT_SCREEN:
        ui_go(a, (ui_screen)arg);
        break;
    case ACT_PICK_SCEN:
        a->scen_sel = arg;
        break;
    case ACT_NEW_GAME:
        new_game(a, arg);
        break;
    case ACT_VARIANT:
        a->variant_mode = !a->variant_mode;
        break;
    case ACT_NEW_SEED:
        a->seed = fresh_seed();
        break;
    case ACT_RESUME:
    case ACT_LOAD:
        if (arg >= 0 && arg < a->nsaves) load_game(a, a->saves[arg].path);
        break;
    case ACT_CANCEL:
        close_modal(a);
        break;
    case ACT_MENU:
        if (a->modal == MODAL_MENU)
            close_modal(a);
        else
            close_modal(a), a->modal = MODAL_MENU, a->menu_page = MENU_MAIN;
        break;
    case ACT_MENU_PAGE:
        a->menu_page = arg, a->focus_act = ACT_NONE;
        if (arg == MENU_LOAD) ui_scan_saves(a);
        break;
    case ACT_SCALE:
        set_scale(a, arg);
        break;
    case ACT_FULLSCREEN:
        toggle_fullscreen(a);
        break;
    case ACT_CONTRAST:
        a->high_contrast = !a->high_contrast, a->th = ui_theme_get(a->high_contrast);
        break;
    case ACT_TO_TITLE:
        close_modal(a), ui_game_close(a), ui_scan_saves(a);
        ui_go(a, SCR_TITLE);
        break;
    case ACT_QUIT:
        ui_players(a)->quit = 1;
        break;
    case ACT_REPORT:
        ui_write_report(a);
        break;
    case ACT_CON_HIDE:
        console_toggle(a);
        break;
    case ACT_CON_SHOW:
        console_show(a);
        break;
    default:
        if (action >= ACT_CON_PAUSE && action <= ACT_CON_NO) {
            ui_console_do(a, action, arg);
            break;
        }
        game_action(a, action, arg);
        break;
    }
}

/* Input ----------------------------------------------------------------------- */

static void move_focus(ui_app *a, int dir)
{
    int cur = -1, n = a->nhits;
    for (int i = 0; i < n; i++)
        if (a->hits[i].focusable && ui_is_focus(a, a->hits[i].action, a->hits[i].arg)) cur = i;
    for (int k = 1; k <= n; k++) {
        int i = cur < 0 ? (dir > 0 ? k - 1 : n - k) : ((cur + dir * k) % n + n) % n;
        if (!a->hits[i].focusable) continue;
        a->focus_act = a->hits[i].action, a->focus_arg = a->hits[i].arg;
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

static int is_console(const ui_app *a)
{
    return a->peer || a->screen == SCR_CONSOLE;
}

static void key_down(ui_app *a, const SDL_KeyboardEvent *e)
{
    SDL_Keycode k = e->keysym.sym;
    int ctrl = e->keysym.mod & KMOD_CTRL, shift = e->keysym.mod & KMOD_SHIFT;
    a->dirty = 1;
    if (k == SDLK_F9) return console_toggle(a);
    if (k == SDLK_F5) return reload(a);
    if (is_console(a) && ui_console_key(a, k)) return;
    if (a->typing && typing_key(a, k)) return;
    if (k == SDLK_F11) return toggle_fullscreen(a);
    if (ctrl && (k == SDLK_PLUS || k == SDLK_EQUALS || k == SDLK_KP_PLUS)) return set_scale(a, 1);
    if (ctrl && (k == SDLK_MINUS || k == SDLK_KP_MINUS)) return set_scale(a, -1);
    if (ctrl && k == SDLK_0) return set_scale(a, 0);
    if (k == SDLK_ESCAPE)
        return ui_do(
            a, a->modal == MODAL_CONFIRM || a->modal == MODAL_CONSOLE ? ACT_CANCEL : ACT_MENU, 0);
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
        const def_move *m = &a->ses->sc->moves[a->pend_move];
        if (k - SDLK_1 < m->ntargets) a->pend_target = k - SDLK_1;
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
        if (a->modal == MODAL_MENU) close_modal(a), a->dirty = 1;
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
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) refresh_size(a);
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
        if (is_console(a))
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

/* Frames ---------------------------------------------------------------------- */

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
    if (a->ses && !a->peer) ui_timer_sync(&a->timer, a->ses->g);
    if (is_console(a)) {
        ui_console_draw(a);
        if (a->modal == MODAL_MENU && !a->peer) ui_menu_draw(a);
        draw_toast(a);
        return;
    }
    if (!a->ses && a->screen != SCR_TITLE) a->screen = SCR_TITLE;
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
    default:
        break;
    }
    a->block_hits = 0;
    if (a->modal == MODAL_CONFIRM && a->ses) ui_confirm_draw(a);
    if (a->modal == MODAL_MENU) ui_menu_draw(a);
    if (a->modal == MODAL_CONSOLE) ui_console_ask_draw(a);
    draw_toast(a);
}

/* A whole frame, or with a->limit set the same frame clipped to it: every
   widget is laid out as usual (hit areas included) but only pixels in the
   limit are touched. SDL_RenderClear ignores the clip, hence the fill. */
void ui_render(ui_app *a)
{
    a->nhits = 0, a->nsregs = 0;
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

/* Set-up ---------------------------------------------------------------------- */

void ui_begin_app(ui_app *a)
{
    memset(a, 0, sizeof *a);
    a->user_scale = 1.0f;
    a->px_per_pt = 1.0f;
    a->th = ui_theme_get(0);
    a->sel_item = -2, a->sel_card = -1;
    a->focus_act = ACT_NONE;
    a->mx = a->my = -1;
    a->seed = fresh_seed();
    a->con.to = -1, a->con.sched = -1, a->con.back = SCR_DASHBOARD;
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

/* --console on one display: both windows side by side, as large as fits. */
static void side_by_side(ui_app *a, const ui_args *o)
{
    SDL_Rect b;
    if (SDL_GetNumVideoDisplays() > 1 || SDL_GetDisplayUsableBounds(0, &b)) return;
    int w = o->w ? o->w : (b.w - 24) / 2, h = o->h ? o->h : w * 9 / 16;
    if (w > 1920) w = 1920, h = o->h ? o->h : 1080;
    if (h > b.h - 40) h = b.h - 40;
    SDL_SetWindowSize(a->win, w, h);
    SDL_SetWindowPosition(a->win, b.x + 8, b.y + 32);
}

static int init_window(ui_app *a, const ui_args *o)
{
    if (SDL_Init(SDL_INIT_VIDEO) || TTF_Init()) {
        fprintf(stderr, "crisisroom: cannot start SDL: %s\n", SDL_GetError());
        return -1;
    }
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "1");
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (o->fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    /* Without --size: most of the screen, in 16:9, so that a projector's
       1080p shows 1080p text rather than a 720p window in its middle. */
    int w = 1280, h = 720;
    SDL_Rect usable;
    if (SDL_GetDisplayUsableBounds(0, &usable) == 0 && usable.w > 1280 && usable.h > 720) {
        w = usable.w * 9 / 10, h = w * 9 / 16;
        if (h > usable.h * 9 / 10) h = usable.h * 9 / 10, w = h * 16 / 9;
    }
    a->win = SDL_CreateWindow("Crisis Room", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                              o->w ? o->w : w, o->h ? o->h : h, flags);
    if (!a->win) {
        fprintf(stderr, "crisisroom: cannot open a window: %s\n", SDL_GetError());
        return -1;
    }
    SDL_SetWindowMinimumSize(a->win, 640, 400);
    a->ren = make_renderer(a->win);
    a->sw = a->ren && is_software(a->ren);
    if (!a->ren) {
        fprintf(stderr, "crisisroom: cannot create a renderer: %s\n", SDL_GetError());
        return -1;
    }
    a->fullscreen = o->fullscreen;
    if (o->console && !o->fullscreen) side_by_side(a, o);
    refresh_size(a);
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

/* A file is a save (journal); a folder, or a name under scenarios/, is a
   scenario. */
static int open_target(ui_app *a, const ui_args *o)
{
    struct stat st;
    char dir[UI_PATH_MAX + 100];
    if (!stat(o->target, &st) && S_ISREG(st.st_mode)) return ui_game_load(a, o->target);
    if (!stat(o->target, &st) && S_ISDIR(st.st_mode))
        str_fmt(dir, sizeof dir, "%s", o->target);
    else
        str_fmt(dir, sizeof dir, "%s/%s", a->scen_root, o->target);
    if (stat(dir, &st) || !S_ISDIR(st.st_mode)) {
        str_fmt(a->error, sizeof a->error,
                "There is no scenario folder or save file named '%s' "
                "(scenarios are looked for in %s).",
                o->target, a->scen_root);
        return -1;
    }
    return ui_game_new(a, dir, a->seed, o->variant, o->save);
}

static int screen_by_name(const char *name, int *modal)
{
    *modal = 0;
    if (!strcmp(name, "menu")) return *modal = 1, -2;
    for (int i = 0; i < SCR_COUNT; i++)
        if (!strcmp(name, screen_names[i])) return i;
    return -1;
}

static int start(ui_app *a, const ui_args *o)
{
    if (o->have_seed)
        a->seed = o->seed;
    else if (o->shot)
        a->seed = 1; /* screenshots are reproducible */
    a->variant_mode = o->variant && !strcmp(o->variant, "random");
    int rc = 0;
    if (o->target && !open_target(a, o)) {
        if (o->commands && ui_apply_file(a, o->commands)) rc = 1;
        if (a->ses->g->ended)
            ui_go(a, SCR_DEBRIEF);
        else if (a->ses->nlive)
            a->after_handover = SCR_DASHBOARD, ui_go(a, SCR_HANDOVER);
        else
            ui_go(a, SCR_BRIEFING);
    } else {
        if (o->target) rc = 1;
        ui_go(a, SCR_TITLE);
    }
    ui_scan_saves(a);
    if (o->timer) ui_timer_set(&a->timer, o->timer, a->ses ? a->ses->g : NULL);
    return rc;
}

/* Screenshot mode --------------------------------------------------------------- */

static void bench(ui_app *a)
{
    Uint64 f = SDL_GetPerformanceFrequency(), t0 = SDL_GetPerformanceCounter();
    ui_text_cache_flush();
    ui_render(a);
    Uint64 t1 = SDL_GetPerformanceCounter();
    const int n = 20;
    for (int i = 0; i < n; i++) ui_render(a);
    Uint64 t2 = SDL_GetPerformanceCounter();
    printf("redraw %dx%d (%s, software): first %.2f ms (cold text cache), then %.2f ms "
           "(mean of %d)\n",
           a->pw, a->ph, screen_names[a->screen], (t1 - t0) * 1000.0 / f,
           (t2 - t1) * 1000.0 / f / n, n);
}

static int screenshot(ui_app *a, const ui_args *o)
{
    a->user_scale = o->scale;
    a->high_contrast = o->contrast, a->th = ui_theme_get(o->contrast);
    if (ui_init_offscreen(a, o->w, o->h)) return 1;
    int rc = start(a, o), modal = 0;
    if (o->screen) {
        int s = screen_by_name(o->screen, &modal);
        if (s == -1) {
            fprintf(stderr, "crisisroom: unknown screen '%s'\n", o->screen);
            usage();
            return 2;
        }
        if (s == SCR_CONSOLE)
            console_in_place(a, 1);
        else if (s >= 0)
            ui_go(a, (ui_screen)s);
        if (modal) a->modal = MODAL_MENU;
        if (a->screen == SCR_HANDOVER) a->after_handover = SCR_DASHBOARD;
    }
    ui_layout_reset();
    ui_render(a);
    SDL_RenderPresent(a->ren);
    char err[600];
    if (ui_png_write(o->shot, a->surf, err, sizeof err)) {
        fprintf(stderr, "crisisroom: %s\n", err);
        rc = 1;
    }
    for (int i = 0; i < ui_layout_overflows(); i++)
        fprintf(stderr, "crisisroom: layout overflow: %s\n", ui_layout_overflow(i));
    if (a->error[0]) fprintf(stderr, "crisisroom: %s\n", a->error);
    if (o->bench) bench(a);
    return rc;
}

/* The interactive loop ---------------------------------------------------------- */

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
    return wait;
}

static void loop(ui_app *a, Uint64 t_start)
{
    int first = 1, tick = 0;
    a->dirty = 1;
    while (!a->quit) {
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

int ui_play(int argc, char **argv)
{
    Uint64 t_start = SDL_GetPerformanceCounter();
    ui_args o;
    static ui_app app;
    if (parse_args(argc, argv, &o)) return 2;
    ui_begin_app(&app);
    if (o.shot) {
        int rc = screenshot(&app, &o);
        ui_shutdown(&app);
        return rc;
    }
    app.user_scale = o.scale;
    app.presenter = o.presenter;
    app.high_contrast = o.contrast, app.th = ui_theme_get(o.contrast);
    if (init_window(&app, &o)) {
        ui_shutdown(&app);
        return 1;
    }
    start(&app, &o);
    if (o.console) console_open(&app, beside(&app));
    loop(&app, t_start);
    ui_shutdown(&app);
    return 0;
}

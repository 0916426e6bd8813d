/*
 * ui_main.c -- `crisisroom play`: its options, the players' window (or an
 * off-screen surface in screenshot mode), what the command line opens, and
 * the screenshot and redraw-benchmark modes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "datadir.h"
#include "ui.h"
#include "ui_actions.h"
#include "ui_app.h"
#include "util.h"

typedef struct ui_args {
    const char *target, *variant, *session, *save, *shot, *screen, *commands;
    int w, h, have_seed, bench, console, presenter, timer;
    uint64_t seed;
    float scale;
    int fullscreen, contrast;
} ui_args;

/* The screens of --screen, in ui_screen's order, then the menu over the
   dashboard and the projector's hold. */
static const char *const screen_names[] = {
    "title",   "briefing", "handover", "dashboard", "evidence", "diplomacy", "timeline",
    "debrief", "whatif",   "console",  "join",      "menu",     "hold",      NULL};

#define UI_MIN_W    320 /* below it the screens cannot lay out their panels */
#define UI_MIN_H    240
#define UI_MAX_SIDE 8192 /* SDL's software renderer refuses larger surfaces */

/* WxH in pixels, nothing after it. */
static int read_size(const char *v, int *w, int *h)
{
    int end = 0;
    if (sscanf(v, "%dx%d%n", w, h, &end) != 2 || v[end]) return -1;
    return *w < UI_MIN_W || *h < UI_MIN_H || *w > UI_MAX_SIDE || *h > UI_MAX_SIDE ? -1 : 0;
}

static int check_size(const char *v)
{
    int w, h;
    return read_size(v, &w, &h);
}

enum {
    P_SEED,
    P_VARIANT,
    P_SESSION,
    P_SAVE,
    P_CONSOLE,
    P_PRESENTER,
    P_TIMER,
    P_COMMANDS,
    P_SCREENSHOT,
    P_SIZE,
    P_SCREEN,
    P_SCALE,
    P_FULLSCREEN,
    P_CONTRAST,
    P_BENCH,
    P_LANG,
    P_NOPTS
};
// clang-format off
static const opt_spec play_opts[P_NOPTS] = {
    [P_SEED] = OPTION_SEED("seed", "N", "the seed (default: from the clock; 1 for --screenshot)"),
    [P_VARIANT] = OPTION_STRING("variant", "ID|random", "the hidden truth, or one drawn by the seed"),
    [P_SESSION] = OPTION_STRING("session", "ID", "play one of the scenario's sessions (default: every turn)"),
    [P_SAVE] = OPTION_FILE("save", "FILE", "journal the game to FILE (default: the saves folder)"),
    [P_CONSOLE] = OPTION_FLAG("console", "the facilitator's console in a second window"),
    [P_PRESENTER] = OPTION_FLAG("presenter", "the window is projected: the console never opens in it"),
    [P_TIMER] = OPTION_INT("timer", "MIN", "the move timer, journaled (0: none)", 0, 240),
    [P_COMMANDS] = OPTION_FILE("commands", "FILE", "apply the commands of FILE first ('-': stdin)"),
    [P_SCREENSHOT] = OPTION_FILE("screenshot", "FILE", "draw one frame into FILE (PNG) without a display"),
    [P_SIZE] = OPTION_CUSTOM("size", "WxH", "the window's size (a screenshot's: 1920x1080)",
                             check_size, "WxH from 320x240 to 8192x8192, e.g. 1920x1080"),
    [P_SCREEN] = {.name = "screen", .kind = OPT_ENUM, .arg = "NAME", .words = screen_names,
                  .help = "the screen of the screenshot (see above)"},
    [P_SCALE] = OPTION_NUMBER("scale", "F", "everything F times as large", 0.5, 3),
    [P_FULLSCREEN] = OPTION_FLAG("fullscreen", "start in full screen (F11 toggles)"),
    [P_CONTRAST] = OPTION_FLAG("high-contrast", "the high-contrast theme"),
    [P_BENCH] = OPTION_FLAG("bench-redraw", "with --screenshot: time the redraw of the frame"),
    [P_LANG] = OPTION_LANG,
};
// clang-format on
const opt_cmd ui_play_cmd = {
    "play",
    "[SCENARIO|SAVE]",
    0,
    1,
    "Play in a window. SCENARIO (a folder, or a name such as albania2022) starts a\n"
    "game and SAVE goes on with one; without either the title screen offers the\n"
    "scenarios of the data folders and the recent saves.\n"
    "Keys: F2-F4, F6, F7 change screens; F9 the facilitator's console; F8 holds the\n"
    "players' screen (\"Exercise paused\") and shows it again; F5 reloads the\n"
    "scenario from disk; F11 full screen; Esc the menu; hosting, F10 the join screen.\n"
    "Screens for --screen: title, briefing, handover, dashboard, evidence,\n"
    "diplomacy, timeline, debrief, whatif, console, join (sample codes), menu, hold.\n",
    play_opts,
    P_NOPTS};

static void args_from(const opt_val *v, const opt_args *a, ui_args *o)
{
    memset(o, 0, sizeof *o);
    o->target = a->n ? a->v[0] : NULL;
    o->variant = v[P_VARIANT].str, o->save = v[P_SAVE].str, o->commands = v[P_COMMANDS].str;
    o->session = v[P_SESSION].str;
    o->shot = v[P_SCREENSHOT].str, o->screen = v[P_SCREEN].str;
    o->have_seed = v[P_SEED].given, o->seed = v[P_SEED].u;
    o->timer = (int)v[P_TIMER].i;
    o->scale = v[P_SCALE].given ? (float)v[P_SCALE].d : 1.0f;
    if (v[P_SIZE].given) read_size(v[P_SIZE].str, &o->w, &o->h);
    if (o->shot && !o->w) o->w = 1920, o->h = 1080;
    o->console = v[P_CONSOLE].given, o->presenter = v[P_PRESENTER].given;
    o->fullscreen = v[P_FULLSCREEN].given;
    o->contrast = v[P_CONTRAST].given, o->bench = v[P_BENCH].given;
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
    a->ren = ui_make_renderer(a->win);
    a->sw = a->ren && ui_is_software(a->ren);
    if (!a->ren) {
        fprintf(stderr, "crisisroom: cannot create a renderer: %s\n", SDL_GetError());
        return -1;
    }
    a->fullscreen = o->fullscreen;
    if (o->console && !o->fullscreen) side_by_side(a, o);
    ui_refresh_size(a);
    return a->font[0] ? 0 : -1;
}

/* A file is a save (journal); a folder, or the name of a scenario in the
   data folders, is a scenario. */
static int open_target(ui_app *a, const ui_args *o)
{
    struct stat st;
    char dir[UI_PATH_MAX + 100], err[8192];
    if (!stat(o->target, &st) && S_ISREG(st.st_mode)) return ui_game_load(a, o->target);
    if (datadir_scenario(o->target, dir, sizeof dir, err, sizeof err)) {
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
    if (!strcmp(name, "hold")) return *modal = 2, -2;
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
    str_fmt(a->session_id, sizeof a->session_id, "%s", o->session ? o->session : "");
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
    if (o->timer && a->ses && a->ses->g->timer_ms != o->timer * 60000) {
        char line[32];
        journal_by by = {.kind = "facilitator"};
        str_fmt(line, sizeof line, "%s %d", cmd_names[CMD_TIMER], o->timer);
        if (session_apply_as(a->ses, line, &by))
            str_fmt(a->warning, sizeof a->warning, "--timer: %s", a->ses->err);
    }
    return rc;
}

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
        int s = screen_by_name(o->screen, &modal); /* a name of screen_names */
        if (s == SCR_CONSOLE)
            ui_console_in_place(a, 1);
        else if (s >= 0)
            ui_go(a, (ui_screen)s);
        if (modal == 1) a->modal = MODAL_MENU;
        if (modal == 2 && a->ses) ui_go(a, SCR_DASHBOARD), a->hold = 1;
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

/* The server's wake-up: an event in the window's queue (SDL_PushEvent may
   be called from any thread). */
static void wake(void *arg)
{
    SDL_Event e;
    SDL_zero(e);
    e.type = ((ui_app *)arg)->wake_event;
    SDL_PushEvent(&e);
}

int ui_host_window(const ui_host *h, script *scr, session *s, const char *save, int console)
{
    Uint64 t_start = SDL_GetPerformanceCounter();
    static ui_app app;
    ui_args o;
    memset(&o, 0, sizeof o);
    o.console = console;
    ui_begin_app(&app);
    app.user_scale = 1.0f;
    app.th = ui_theme_get(0);
    if (init_window(&app, &o)) {
        session_free(s), script_free(scr);
        ui_shutdown(&app);
        return 1;
    }
    ui_game_adopt(&app, scr, s, save);
    app.host = h;
    app.wake_event = SDL_RegisterEvents(1);
    h->set_waker(h->ud, wake, &app);
    /* The room joins first: the join screen, until F10 (ui_input.c). */
    ui_go(&app, s->g->ended ? SCR_DEBRIEF : SCR_JOIN);
    ui_scan_saves(&app);
    if (console) ui_console_open(&app, ui_beside(&app));
    ui_loop(&app, t_start);
    h->set_waker(h->ud, NULL, NULL);
    ui_shutdown(&app);
    return 0;
}

int ui_play(const opt_val *v, const opt_args *args)
{
    Uint64 t_start = SDL_GetPerformanceCounter();
    ui_args o;
    static ui_app app;
    args_from(v, args, &o);
    if (o.presenter && o.screen && !strcmp(o.screen, "console")) {
        fprintf(stderr, "crisisroom play: --presenter: the console never shows in the players' "
                        "window (--console gives it its own)\n");
        return 2;
    }
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
    if (o.console) ui_console_open(&app, ui_beside(&app));
    ui_loop(&app, t_start);
    ui_shutdown(&app);
    return 0;
}

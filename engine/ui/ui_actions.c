/*
 * ui_actions.c -- what a widget, a key or a screen asks for: ui_do and what
 * it dispatches (new game, load, save, the confirm dialog and its command,
 * the menu, text size, full screen, contrast, showing the facilitator's
 * console, F5's reload). The console's own controls are ui_console_ctl.c's.
 */
#include <stdio.h>
#include <string.h>

#include "datadir.h"
#include "i18n.h"
#include "ui_actions.h"
#include "ui_app.h"
#include "util.h"

/* On one display the console takes the players' window while it is shown. */
void ui_console_in_place(ui_app *a, int on)
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

/* F9: show or hide the console. Its own window (--console) shows or hides
   at once. Otherwise it would show what the players must not see on the
   screen they look at: the presenter's window never shows it, and any other
   asks first (ui_console_ask_draw; Yes is console_show). */
void ui_console_toggle(ui_app *a)
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
        ui_console_in_place(a, 0);
    } else if (a->presenter) {
        ui_set_status(a,
                      _("Presenter mode: the facilitator's console does not open on this window. "
                        "Start with --console to give it a window of its own."));
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
    if (a->win && SDL_GetNumVideoDisplays() > 1 && !ui_console_open(a, ui_beside(a))) return;
    ui_console_in_place(a, 1);
}

void ui_reload(ui_app *a)
{
    a = ui_players(a);
    if (!a->ses) return;
    if (a->host) { /* the devices hold this game's codes and roles */
        str_fmt(a->con.msg, sizeof a->con.msg, _("The game is hosted: stop the host to reload."));
        a->con.msg_bad = 1;
        return;
    }
    int ok = !ui_game_reload(a);
    if (ok) ui_after_command(a);
    /* A reload that left commands out says so on the banner (a warning). */
    int bad = !ok || a->warning[0];
    str_fmt(a->con.msg, sizeof a->con.msg, "%s", bad ? a->warning : a->status);
    a->con.msg_bad = bad;
    if (a->cwin) a->cwin->dirty = 1;
}

void ui_hold_toggle(ui_app *a)
{
    ui_app *m = ui_players(a);
    if (!m->ses) return;
    m->hold = !m->hold;
    if (m->host && m->host->hold) m->host->hold(m->host->ud, m->hold);
    str_fmt(m->con.msg, sizeof m->con.msg, "%s",
            m->hold ? _("The players' screen is held: it shows \"Exercise paused\" (F8 again to "
                        "show the game).")
                    : _("The players' screen shows the game again."));
    m->con.msg_bad = 0;
    m->dirty = 1;
    if (m->cwin) m->cwin->dirty = 1;
}

/* End move: first, once a move, what it would leave undone (issue 13). */
static void end_move(ui_app *a)
{
    game *g = a->ses->g;
    strbuf b = {0};
    int again = a->warned_turn == g->turn && a->warned_role == g->role;
    if (!again && !g->paused && !g->ended && !a->host && game_end_warning(g, g->role, &b)) {
        char words[sizeof a->end_warning];
        ui_role_words(a, b.s, words, sizeof words);
        str_fmt(a->end_warning, sizeof a->end_warning, "%s", words);
        a->warned_turn = g->turn, a->warned_role = g->role;
        a->modal = MODAL_END, a->typing = 0;
        a->focus_act = ACT_CANCEL, a->focus_arg = 0; /* Enter alone goes back */
    } else {
        ui_close_modal(a);
        ui_apply(a, cmd_names[CMD_END]);
    }
    sb_free(&b);
}

static void open_confirm_common(ui_app *a)
{
    a->modal = MODAL_CONFIRM;
    a->rationale[0] = '\0';
    a->typing = 1;
    a->swallow_char = a->key_char; /* 0 when opened by the mouse */
    a->focus_act = ACT_NONE;
    if (a->win) SDL_StartTextInput();
}

static void open_confirm(ui_app *a, int move)
{
    char why[512], words[700];
    game *g = a->ses->g;
    if (!game_move_available(g, move, g->role, why, sizeof why)) {
        ui_role_words(a, why, words, sizeof words);
        ui_set_status(a, _("Not available: %s"), words);
        return;
    }
    open_confirm_common(a);
    a->pend_move = move;
    a->pend_target = a->ses->sc->moves[move].ntargets ? 0 : -1;
}

/* An option of the facilitator's ad-hoc decision, confirmed like a move. */
static void open_adhoc(ui_app *a, int arg)
{
    const game *g = a->ses->g;
    int item = arg / ADHOC_OPT_BASE, k = arg % ADHOC_OPT_BASE;
    if (item < 0 || item >= g->nitems || k >= g->items[item].nopts) return;
    const game_item *it = &g->items[item];
    if (it->option >= 0 || it->decider != g->role) {
        ui_set_status(a, _("Not available: %s"),
                      it->option >= 0 ? _("already decided") : _("another team decides this one"));
        return;
    }
    open_confirm_common(a);
    a->pend_move = -1, a->pend_item = item, a->pend_opt = k, a->pend_target = -1;
}

void ui_close_modal(ui_app *a)
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
    const def_move *m = a->pend_move >= 0 ? &sc->moves[a->pend_move] : NULL;
    char line[1200], why[440];
    str_fmt(why, sizeof why, "%s", a->rationale);
    for (char *p = why; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
    if (!m)
        str_fmt(line, sizeof line, "%s %s %d", cmd_names[CMD_CHOOSE],
                a->ses->g->items[a->pend_item].id, a->pend_opt + 1);
    else if (m->event >= 0)
        str_fmt(line, sizeof line, "%s %s %s", cmd_names[CMD_CHOOSE], sc->events[m->event].id,
                m->id);
    else
        str_fmt(line, sizeof line, "%s %s %s%s%s", cmd_names[CMD_ACT], sc->roles[m->role].id, m->id,
                a->pend_target >= 0 ? " " : "",
                a->pend_target >= 0 ? m->targets[a->pend_target].key : "");
    if (why[strspn(why, " ")]) str_cat(line, sizeof line, " -- %s", why + strspn(why, " "));
    ui_close_modal(a);
    if (!ui_apply(a, line))
        ui_set_status(a, _("Done: %s"),
                      m ? m->label : a->ses->g->items[a->pend_item].opts[a->pend_opt]);
}

static void save_now(ui_app *a)
{
    if (!a->ses) return;
    if (a->save_path[0] && !session_not_saving(a->ses)) {
        ui_set_status(a, _("Saved. Every move is written to %s as it is made."), a->save_path);
        return;
    }
    char path[UI_PATH_MAX + 100], err[UI_PATH_MAX + 200];
    if (datadir_save_path(a->ses->sc->id, path, sizeof path, err, sizeof err))
        ui_set_status(a, _("Could not save: %s"), err);
    else if (session_save_to(a->ses, path))
        ui_set_status(a, _("Could not save: %s"), a->ses->err);
    else
        str_fmt(a->save_path, sizeof a->save_path, "%s", path),
            ui_set_status(a, _("Saved to %s"), path);
}

static void load_game(ui_app *a, const char *path)
{
    ui_close_modal(a);
    if (ui_game_load(a, path)) {
        ui_go(a, SCR_TITLE);
        return;
    }
    if (a->ses->g->ended)
        ui_go(a, SCR_DEBRIEF);
    else
        a->after_handover = SCR_DASHBOARD, ui_go(a, SCR_HANDOVER);
}

void ui_set_scale(ui_app *a, int dir)
{
    a->user_scale = dir > 0 ? a->user_scale * 1.1f : dir < 0 ? a->user_scale / 1.1f : 1.0f;
    if (a->user_scale < 0.6f) a->user_scale = 0.6f;
    if (a->user_scale > 2.0f) a->user_scale = 2.0f;
    ui_set_size(a, a->pw, a->ph);
    ui_set_status(a, _("Text size %d%%"), (int)(a->user_scale * 100 + 0.5f));
}

void ui_toggle_fullscreen(ui_app *a)
{
    a->fullscreen = !a->fullscreen;
    if (a->win) SDL_SetWindowFullscreen(a->win, a->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    ui_refresh_size(a);
}

static void game_action(ui_app *a, int action, int arg)
{
    if (!a->ses) return;
    switch (action) {
    case ACT_START:
        a->after_handover = SCR_DASHBOARD, ui_go(a, SCR_HANDOVER);
        break;
    case ACT_HANDOVER_OK:
        a->began = 1; /* a team has the screen: the move timer may run */
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
    case ACT_ADHOC_OPT:
        open_adhoc(a, arg);
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
    case ACT_END_ANYWAY:
        end_move(a);
        break;
    case ACT_CARD:
        a->sel_card = a->sel_card == arg ? -1 : arg;
        break;
    case ACT_SAVE:
        save_now(a), ui_close_modal(a);
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

/* Hosting: the room plays this game; another one needs another host. */
static int hosted(ui_app *a, int action)
{
    if (!ui_players(a)->host) return 0;
    if (action != ACT_NEW_GAME && action != ACT_RESUME && action != ACT_LOAD &&
        action != ACT_TO_TITLE)
        return 0;
    ui_set_status(a,
                  _("The room plays this game over the network: stop the host to open another."));
    return 1;
}

void ui_do(ui_app *a, int action, int arg)
{
    a->dirty = 1;
    if (hosted(a, action)) return;
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
        a->seed = ui_fresh_seed();
        break;
    case ACT_RESUME:
    case ACT_LOAD:
        if (arg >= 0 && arg < a->nsaves) load_game(a, a->saves[arg].path);
        break;
    case ACT_CANCEL:
        ui_close_modal(a);
        break;
    case ACT_MENU:
        if (a->modal == MODAL_MENU)
            ui_close_modal(a);
        else
            ui_close_modal(a), a->modal = MODAL_MENU, a->menu_page = MENU_MAIN;
        break;
    case ACT_MENU_PAGE:
        a->menu_page = arg, a->focus_act = ACT_NONE;
        if (arg == MENU_LOAD) ui_scan_saves(a);
        break;
    case ACT_SCALE:
        ui_set_scale(a, arg);
        break;
    case ACT_FULLSCREEN:
        ui_toggle_fullscreen(a);
        break;
    case ACT_CONTRAST:
        a->high_contrast = !a->high_contrast, a->th = ui_theme_get(a->high_contrast);
        break;
    case ACT_TO_TITLE:
        ui_close_modal(a), ui_game_close(a), ui_scan_saves(a);
        ui_go(a, SCR_TITLE);
        break;
    case ACT_QUIT:
        ui_players(a)->quit = 1;
        break;
    case ACT_REPORT:
        ui_write_report(a);
        break;
    case ACT_CON_HIDE:
        ui_console_toggle(a);
        break;
    case ACT_CON_SHOW:
        console_show(a);
        break;
    case ACT_HOLD:
        ui_hold_toggle(a);
        break;
    default:
        if (action >= ACT_WI_PICK && action <= ACT_WI_RUN) {
            ui_whatif_do(a, action, arg);
            break;
        }
        if (action >= ACT_AAR_TAB && action <= ACT_AAR_SET) {
            ui_console_aar_do(a, action, arg);
            break;
        }
        if (action >= ACT_CON_PAUSE && action <= ACT_CON_NO) {
            ui_console_do(a, action, arg);
            break;
        }
        if (action >= ACT_MX_CELL && action <= ACT_MX_FIT) {
            ui_analysis_do(a, action, arg);
            break;
        }
        game_action(a, action, arg);
        break;
    }
}

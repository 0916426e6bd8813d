/*
 * test_ui.c -- GUI tests under SDL_VIDEODRIVER=dummy with a software
 * renderer: synthetic key, mouse and text events play a turn of the
 * tutorial; every screen (the facilitator's console too) is rendered at
 * 1280x720, 1920x1080 and 3840x2160 without a layout overflow; the console
 * pauses (the timer stops, on a clock the test moves), injects, undoes; the
 * debrief writes its report; a second of the timer redraws only the timer,
 * with the pixels of a whole frame; screenshot mode writes a valid PNG; bad
 * inputs give messages, not crashes; F5 keeps the commands that no longer
 * replay.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../check.h"
#include "sim.h"
#include "fs.h"
#include "infile.h"
#include "policy.h"
#include "record.h"
#include "ui.h"
#include "ui_actions.h"
#include "ui_app.h"
#include "util.h"

static ui_app app;

static void key(SDL_Keycode k)
{
    sim_key(&app, k);
}

static void type(const char *text)
{
    sim_type(&app, text);
}

static int click(int action, int arg)
{
    return sim_click(&app, action, arg);
}

/* Tab until the widget doing (action, arg) has the focus (scrolling it into
   view, as Tab does); 0 when Tab never reaches it. */
static int tab_to(int action, int arg)
{
    for (int i = 0; i < 300; i++) {
        if (ui_is_focus(&app, action, arg)) return 1;
        key(SDLK_TAB);
    }
    return 0;
}

static int start(const char *scenario)
{
    char dir[UI_PATH_MAX];
    snprintf(dir, sizeof dir, "%s/scenarios/%s", CR_SOURCE_DIR, scenario);
    if (ui_game_new(&app, dir, 7, NULL, NULL)) {
        fprintf(stderr, "cannot start %s: %s\n", scenario, app.error);
        return -1;
    }
    ui_go(&app, SCR_BRIEFING);
    ui_render(&app);
    return 0;
}

/* A turn of the tutorial, by keyboard and mouse only. */
static void test_play(void)
{
    if (start("tutorial"))
        return check_fail(__FILE__, __LINE__), fprintf(stderr, "could not start\n"), (void)0;
    game *g = app.ses->g;
    key(SDLK_RETURN); /* briefing: begin */
    CHECK_MSG(app.screen == SCR_HANDOVER, "screen %d", app.screen);
    key(SDLK_RETURN); /* hand-over: ready */
    CHECK_MSG(app.screen == SCR_DASHBOARD, "screen %d", app.screen);
    /* Move on until some role has a decision to make. */
    int open[16], n = 0;
    for (int guard = 0; guard < 40 && !g->ended; guard++) {
        n = game_open_decisions(g, g->role, open, 16);
        if (n) break;
        int role = g->role, turn = g->turn;
        CHECK_MSG(click(ACT_END_MOVE, 0), "no End move button");
        CHECK_MSG(g->role != role || g->turn != turn, "end did not advance");
        CHECK_MSG(app.screen == SCR_HANDOVER || g->ended, "no hand-over between roles");
        key(SDLK_RETURN);
    }
    CHECK_MSG(n > 0, "no decision to make in the tutorial");
    if (!n) return;
    int item = open[0];
    const def_event *e = &app.ses->sc->events[g->items[item].event];
    CHECK_MSG(click(ACT_ITEM, item), "inbox row of item %d not shown", item);
    CHECK_MSG(app.sel_item == item, "selected %d", app.sel_item);
    CHECK_MSG(ui_is_read(&app, item, g->role), "item not marked read");
    int k = -1;
    char why[256];
    for (int i = 0; i < e->noptions && k < 0; i++)
        if (game_move_available(g, e->options[i], g->role, why, sizeof why)) k = i;
    CHECK_MSG(k >= 0 && k < 9, "no available option");
    if (k < 0 || k >= 9) return;
    int commands = g->commands;
    key(SDLK_1 + k);
    CHECK_MSG(app.modal == MODAL_CONFIRM, "confirm dialog not open");
    /* A real keyboard sends the number again as text: it is not the
       rationale's first character. */
    char digit[2] = {(char)('1' + k), 0};
    type(digit);
    type("Backups are clean; ");
    type("ë ç");
    key(SDLK_RETURN);
    CHECK_MSG(app.modal == MODAL_NONE, "dialog still open");
    CHECK_MSG(g->items[item].option == e->options[k], "option %d not chosen (%d)", e->options[k],
              g->items[item].option);
    CHECK_MSG(g->items[item].rationale &&
                  !strcmp(g->items[item].rationale, "Backups are clean; ë ç"),
              "rationale '%s'", g->items[item].rationale ? g->items[item].rationale : "(none)");
    CHECK_MSG(g->commands == commands + 1, "commands %d", g->commands);
    /* Esc opens the menu; Esc again closes it; Tab moves the focus. */
    key(SDLK_ESCAPE);
    CHECK_MSG(app.modal == MODAL_MENU, "menu not open");
    key(SDLK_ESCAPE);
    CHECK_MSG(app.modal == MODAL_NONE, "menu not closed");
    key(SDLK_TAB);
    CHECK_MSG(app.focus_act != ACT_NONE, "Tab focused nothing");
    /* End the move with the End key: with points left it asks first, once;
       End again ends it, and the next role gets a hand-over. */
    int role = g->role;
    key(SDLK_END);
    if (app.modal == MODAL_END) {
        CHECK_STR_HAS(app.end_warning, "action point");
        CHECK_MSG(g->role == role, "the warned End ended the move");
        key(SDLK_END);
    }
    CHECK_MSG(g->role != role || g->ended, "End key did not end the move");
    CHECK_MSG(app.screen == SCR_HANDOVER || g->ended, "screen %d", app.screen);
    ui_game_close(&app);
}

static const char *const names[] = {"title",     "briefing", "handover", "dashboard", "evidence",
                                    "diplomacy", "timeline", "debrief",  "console",   "join"};

static void render_all(const char *scenario, int w, int h)
{
    CHECK_MSG(!ui_resize_offscreen(&app, w, h), "resize %dx%d", w, h);
    if (start(scenario))
        return check_fail(__FILE__, __LINE__), fprintf(stderr, "could not start\n"), (void)0;
    ui_scan_scenarios(&app);
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            /* Part-way, then the end, so that logs, cards and charts are full. */
            for (int i = 0; i < 12 && !app.ses->g->ended; i++)
                CHECK_EQ_INT(session_apply(app.ses, "end"), 0);
            ui_after_command(&app);
        }
        for (int s = 0; s < SCR_COUNT; s++) {
            if (s == SCR_DEBRIEF && pass == 0) continue;
            ui_go(&app, (ui_screen)s);
            app.modal = MODAL_NONE;
            ui_layout_reset();
            ui_render(&app);
            CHECK_MSG(!ui_layout_overflows(), "%s %s %dx%d pass %d: %d overflow(s), first: %s",
                      scenario, names[s], w, h, pass, ui_layout_overflows(), ui_layout_overflow(0));
        }
        for (int page = 0; page < 3; page++) {
            ui_go(&app, SCR_DASHBOARD);
            app.modal = MODAL_MENU, app.menu_page = page;
            ui_layout_reset();
            ui_render(&app);
            CHECK_MSG(!ui_layout_overflows(), "%s menu %d %dx%d: %s", scenario, page, w, h,
                      ui_layout_overflow(0));
        }
        app.modal = MODAL_NONE;
        /* The confirm dialog of every action, with its targets. */
        for (int i = 0; i < app.ses->sc->nactions; i++) {
            app.modal = MODAL_CONFIRM, app.pend_move = app.ses->sc->actions[i], app.pend_target = 0;
            ui_layout_reset();
            ui_render(&app);
            CHECK_MSG(!ui_layout_overflows(), "%s confirm %s %dx%d: %s", scenario,
                      app.ses->sc->moves[app.pend_move].id, w, h, ui_layout_overflow(0));
        }
        app.modal = MODAL_NONE;
    }
    /* The console with a pause, a note, an inject and an override in the journal. */
    CHECK_EQ_INT(
        session_apply(app.ses, "inject all Press call -- A journalist asks about the outage."), 0);
    CHECK_EQ_INT(session_apply(app.ses, "note The room went quiet."), 0);
    CHECK_EQ_INT(session_apply(app.ses, "pause"), 0);
    app.con.ask = CON_ASK_NONE;
    for (int ask = 0; ask < 2; ask++) {
        ui_go(&app, SCR_CONSOLE);
        app.con.ask = ask ? CON_ASK_UNDO : CON_ASK_NONE;
        ui_layout_reset();
        ui_render(&app);
        CHECK_MSG(!ui_layout_overflows(), "%s console %dx%d ask %d: %s", scenario, w, h, ask,
                  ui_layout_overflow(0));
    }
    app.con.ask = CON_ASK_NONE;
    CHECK_EQ_INT(session_apply(app.ses, "resume"), 0);
    CHECK_EQ_INT(session_apply(app.ses, "finish"), 0);
    ui_after_command(&app);
    CHECK_MSG(app.screen == SCR_DEBRIEF, "finish did not show the debrief");
    ui_layout_reset();
    ui_render(&app);
    CHECK_MSG(!ui_layout_overflows(), "%s debrief %dx%d: %s", scenario, w, h,
              ui_layout_overflow(0));
    CHECK_MSG(click(ACT_REPORT, 0), "no Write report button");
    CHECK_MSG(!strncmp(app.report_msg, "Report written to ", 18), "report: %s", app.report_msg);
    ui_layout_reset();
    ui_render(&app);
    CHECK_MSG(!ui_layout_overflows(), "%s debrief+report %dx%d: %s", scenario, w, h,
              ui_layout_overflow(0));
    ui_game_close(&app);
}

static void test_screens(void)
{
    static const int sizes[3][2] = {{1280, 720}, {1920, 1080}, {3840, 2160}};
    const char *scen[] = {"tutorial", "albania2022"};
    for (int s = 0; s < 2; s++)
        for (int i = 0; i < 3; i++) render_all(scen[s], sizes[i][0], sizes[i][1]);
}

/* The facilitator's console by synthetic input, on a clock the test moves. */
static uint32_t now_ms = 1000;
static uint32_t fake_clock(void)
{
    return now_ms;
}

static void test_console(void)
{
    ui_clock_fn real = ui_clock;
    ui_clock = fake_clock;
    if (start("albania2022"))
        return ui_clock = real, check_fail(__FILE__, __LINE__),
               fprintf(stderr, "could not start\n"), (void)0;
    session *s = app.ses;
    game *g = s->g;
    char buf[200];
    ui_role_words(&app, "decided by pm; it is akshi's move (pmo)", buf, sizeof buf);
    CHECK_MSG(!strcmp(buf, "decided by PM; it is AKSHI's move (pmo)"), "role words: %s", buf);
    key(SDLK_RETURN), key(SDLK_RETURN); /* begin, ready: the team can act */
    CHECK_EQ_INT(session_apply(s, "timer 10"), 0);
    key(SDLK_F9); /* no second display here: asked first, the console takes the window */
    key(SDLK_y);
    CHECK_MSG(app.screen == SCR_CONSOLE && app.con.on, "F9 did not show the console");
    now_ms += 60000;
    CHECK_MSG(ui_timer_left(&app.timer) == 540000, "left %d", (int)ui_timer_left(&app.timer));
    /* Pause: the timer stops and core refuses `end`. */
    CHECK_MSG(click(ACT_CON_PAUSE, 0), "no Pause button");
    CHECK_MSG(g->paused, "not paused");
    now_ms += 120000;
    ui_render(&app);
    CHECK_MSG(ui_timer_left(&app.timer) == 540000, "timer ran while paused: %d",
              (int)ui_timer_left(&app.timer));
    int role = g->role, nlog = s->nlog;
    CHECK_MSG(ui_apply(&app, "end") != 0 && g->role == role, "end accepted while paused");
    CHECK_MSG(s->nlog == nlog, "a refused command was journaled");
    CHECK_MSG(click(ACT_CON_PAUSE, 0), "no Resume button");
    CHECK_MSG(!g->paused, "not resumed");
    now_ms += 30000;
    CHECK_MSG(ui_timer_left(&app.timer) == 510000, "left after resume %d",
              (int)ui_timer_left(&app.timer));
    /* An ad-hoc inject typed in the console reaches the role's inbox. */
    int sis = def_role_find(app.ses->sc, "sis"), items = g->nitems;
    CHECK_MSG(click(ACT_CON_TO, sis), "no recipient button for sis");
    CHECK_MSG(click(ACT_CON_FIELD, CF_TITLE), "no title field");
    type("Press call");
    key(SDLK_TAB);
    type("A journalist has "); /* a text event holds 32 bytes */
    type("the ransom note.");
    key(SDLK_RETURN);
    CHECK_MSG(s->nlog == nlog + 2, "log %d, want %d", s->nlog, nlog + 2); /* resume, inject */
    const char *want = "inject sis Press call -- A journalist has the ransom note.";
    CHECK_MSG(s->nlog > 0 && !strcmp(s->log[s->nlog - 1].cmd, want), "journaled '%s'",
              s->nlog ? s->log[s->nlog - 1].cmd : "");
    CHECK_MSG(g->nitems == items + 1 && game_item_for_role(g, items, sis) &&
                  !strcmp(g->items[items].title, "Press call"),
              "inject not in the sis inbox");
    CHECK_MSG(!app.con.buf[CF_TITLE][0] && !app.con.buf[CF_TEXT][0], "fields not cleared");
    /* Undo asks first, then removes the inject. */
    int live = s->nlive;
    CHECK_MSG(tab_to(ACT_CON_UNDO, 0), "Tab does not reach Undo");
    key(SDLK_RETURN);
    CHECK_MSG(app.con.ask == CON_ASK_UNDO, "undo did not ask");
    key(SDLK_ESCAPE);
    CHECK_MSG(s->nlive == live && !app.con.ask, "Esc did not cancel the undo");
    CHECK_MSG(click(ACT_CON_UNDO, 0), "no Undo button"); /* Tab scrolled it into view */
    key(SDLK_RETURN);
    CHECK_MSG(s->nlive == live - 1 && app.ses->g->nitems == items, "undo: live %d items %d",
              s->nlive, app.ses->g->nitems);
    /* F5: the same scenario from disk, the game replayed to the same point. */
    live = s->nlive;
    uint64_t hash = game_hash(app.ses->g);
    key(SDLK_F5);
    CHECK_MSG(app.ses != s && app.ses->nlive == live && game_hash(app.ses->g) == hash, "reload: %s",
              app.warning);
    s = app.ses, g = s->g;
    /* A failing journal: a red banner on the console, a marker for the players. */
    journal j = {0};
    j.failed = 1;
    snprintf(j.err, sizeof j.err, "disk full");
    s->j = &j;
    ui_layout_reset();
    ui_render(&app);
    CHECK_MSG(!ui_layout_overflows(), "console with banner: %s", ui_layout_overflow(0));
    key(SDLK_F9);
    CHECK_MSG(!app.con.on && app.screen != SCR_CONSOLE, "F9 did not hide the console");
    ui_go(&app, SCR_DASHBOARD);
    ui_layout_reset();
    ui_render(&app);
    CHECK_MSG(!ui_layout_overflows(), "dashboard with marker: %s", ui_layout_overflow(0));
    s->j = NULL;
    ui_game_close(&app);
    ui_clock = real;
}

/* Who sees what on the players' screens (engine/core/view.h) ------------------

   The visibility fixture's markers (tests/fixtures/view, ending in _QX7) are
   texts a team may not see. Each screen is drawn tall enough (1920x6000)
   for every panel to show all it holds, every inbox item and card shown in
   full in turn, and the text it drew searched. */

static strbuf drawn;

static void draw_into_record(void)
{
    ui_layout_reset();
    ui_render(&app);
}

/* Every text the players' screens show now, as the moving team. */
static void draw_players_screens(void)
{
    static const ui_screen screens[] = {SCR_BRIEFING, SCR_HANDOVER,  SCR_DASHBOARD,
                                        SCR_EVIDENCE, SCR_DIPLOMACY, SCR_TIMELINE};
    drawn.len = 0;
    sb_add(&drawn, "", 0);
    ui_drawn = &drawn;
    for (size_t i = 0; i < sizeof screens / sizeof *screens; i++) {
        ui_go(&app, screens[i]);
        app.modal = MODAL_NONE;
        draw_into_record();
    }
    ui_go(&app, SCR_DASHBOARD);
    for (int item = -1; item < app.ses->g->nitems; item++) {
        app.sel_item = item; /* the dashboard shows only what the team may see */
        draw_into_record();
    }
    ui_go(&app, SCR_EVIDENCE);
    for (int card = 0; card < app.ses->sc->ncards; card++) {
        if (click(ACT_CARD, card)) draw_into_record();
        app.sel_card = -1;
    }
    ui_drawn = NULL;
    ui_go(&app, SCR_DASHBOARD);
}

static void absent(const char *who, const char *const *markers)
{
    for (int i = 0; markers[i]; i++)
        CHECK_MSG(!strstr(drawn.s, markers[i]), "%s saw '%s'", who, markers[i]);
}

static void present(const char *who, const char *const *texts)
{
    for (int i = 0; texts[i]; i++)
        CHECK_MSG(strstr(drawn.s, texts[i]) != NULL, "%s does not see '%s'", who, texts[i]);
}

static int start_fixture(void)
{
    char dir[UI_PATH_MAX];
    snprintf(dir, sizeof dir, "%s/tests/fixtures/view", CR_SOURCE_DIR);
    if (ui_game_new(&app, dir, 3, NULL, NULL)) {
        fprintf(stderr, "cannot start the fixture: %s\n", app.error);
        return -1;
    }
    ui_go(&app, SCR_DASHBOARD);
    return 0;
}

static const char *const never[] = {"NOTE_MARK_QX7",
                                    "REASON_PUBLIC_QX7",
                                    "REASON_HIDDEN_QX7",
                                    "HIDDEN_METER_QX7",
                                    "FUTURE_TITLE_QX7",
                                    "FUTURE_TEXT_QX7",
                                    "FUTURE_OPTION_QX7",
                                    "FUTURE_RISK_QX7",
                                    "future_qx7",
                                    "SUPPRESSED_TITLE_QX7",
                                    "HIDDEN_CARD_QX7",
                                    "hidden_qx7",
                                    "secretkey_qx7",
                                    "TRUTH_TITLE_QX7",
                                    "TRUTH_TEXT_QX7",
                                    "truthid_qx7",
                                    NULL};
static const char *const not_alpha[] = {"PRIVATE_BETA_QX7",
                                        "FIRED_TITLE_QX7",
                                        "FIRED_TEXT_QX7",
                                        "ADHOC_TITLE_QX7",
                                        "ADHOC_TEXT_QX7",
                                        "BETA_RATIONALE_QX7",
                                        NULL};
static const char *const not_beta[] = {"PRIVATE_ALPHA_QX7",   "PRIV_TITLE_QX7",
                                       "PRIV_TEXT_QX7",       "PRIV_OPTION_QX7",
                                       "PRIV_RISK_QX7",       "PRIV_OUTCOME_QX7",
                                       "PRIV_STAY_QX7",       "PRIVRATIONALE_QX7",
                                       "RATIONALE_ALPHA_QX7", NULL};

static void test_visibility(void)
{
    CHECK_MSG(!ui_resize_offscreen(&app, 1920, 6000), "resize");
    if (start_fixture()) return check_fail(__FILE__, __LINE__), (void)0;
    /* Turn 1, before anything is done: nothing still to come is on show. */
    draw_players_screens();
    absent("Alpha at the start", never);
    absent("Alpha at the start", not_alpha);
    static const char *const alpha_sees[] = {
        "PRIVATE_ALPHA_QX7", "PRIV_TITLE_QX7", "PRIV_OPTION_QX7",      "Public inject", "Say yes",
        "Public meter",      "Shown card",     "Beta's public brief.", "Beta acts",     NULL};
    present("Alpha at the start", alpha_sees);
    /* Alpha decides with reasons; the facilitator intervenes. */
    const char *lines[] = {"choose open yes -- RATIONALE_ALPHA_QX7",
                           "choose priv_qx7 go -- PRIVRATIONALE_QX7",
                           "note NOTE_MARK_QX7",
                           "set m 70 -- REASON_PUBLIC_QX7",
                           "set h 40 -- REASON_HIDDEN_QX7",
                           "inject b ADHOC_TITLE_QX7 -- ADHOC_TEXT_QX7",
                           "fire fired_qx7",
                           "suppress quiet_qx7",
                           "pause",
                           "resume"};
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        CHECK_MSG(!ui_apply(&app, lines[i]), "%s: %s", lines[i], app.ses->err);
    draw_players_screens();
    absent("Alpha", never);
    absent("Alpha", not_alpha);
    static const char *const alpha_now[] = {"RATIONALE_ALPHA_QX7", "PRIV_OUTCOME_QX7",
                                            "Public outcome.", NULL};
    present("Alpha", alpha_now);
    /* Beta's move: Alpha's private side stays Alpha's. */
    CHECK_MSG(!ui_apply(&app, "end"), "end: %s", app.ses->err);
    CHECK_MSG(!ui_apply(&app, "act b move -- BETA_RATIONALE_QX7"), "act: %s", app.ses->err);
    draw_players_screens();
    absent("Beta", never);
    absent("Beta", not_beta);
    static const char *const beta_sees[] = {"PRIVATE_BETA_QX7", "FIRED_TITLE_QX7",
                                            "ADHOC_TITLE_QX7",  "BETA_RATIONALE_QX7",
                                            "Public inject",    "Say yes",
                                            "Public outcome.",  "Beta's act is seen.",
                                            "UNDONE_CARD_QX7",  NULL};
    present("Beta", beta_sees);
    /* A card selected, then taken back by an undo, is no longer shown. */
    int card = def_card_find(app.ses->sc, "undone_qx7");
    ui_go(&app, SCR_EVIDENCE);
    draw_into_record();
    CHECK_MSG(click(ACT_CARD, card) && app.sel_card == card, "card %d not selectable", card);
    CHECK_MSG(!ui_apply(&app, "undo"), "undo: %s", app.ses->err);
    ui_go(&app, SCR_EVIDENCE);
    drawn.len = 0;
    sb_add(&drawn, "", 0);
    ui_drawn = &drawn;
    draw_into_record();
    ui_drawn = NULL;
    CHECK_MSG(!strstr(drawn.s, "UNDONE_CARD_QX7"), "an unrevealed card is shown in full");
    /* The debrief shows the truth and every team's side, never the
       facilitator's note or reasons. */
    CHECK_MSG(!ui_apply(&app, "finish"), "finish: %s", app.ses->err);
    drawn.len = 0;
    sb_add(&drawn, "", 0);
    ui_drawn = &drawn;
    ui_go(&app, SCR_DEBRIEF);
    draw_into_record();
    ui_go(&app, SCR_TIMELINE);
    draw_into_record();
    ui_drawn = NULL;
    static const char *const facilitators[] = {"NOTE_MARK_QX7", "REASON_PUBLIC_QX7",
                                               "REASON_HIDDEN_QX7", NULL};
    absent("The debrief", facilitators);
    static const char *const debrief_sees[] = {"TRUTH_TEXT_QX7", "HIDDEN_METER_QX7",
                                               "PRIV_TITLE_QX7", "RATIONALE_ALPHA_QX7", NULL};
    present("The debrief", debrief_sees);
    ui_game_close(&app);
    ui_resize_offscreen(&app, 1280, 720);
}

/* F9 on the players' screen: the console, with the hidden truth and the
   schedule, shows only after a Yes (Y, or Tab to it and Enter); No, N, Esc
   and Enter alone leave the players' screen as it was. */
static int console_shown(void)
{
    return app.screen == SCR_CONSOLE;
}

static void f9_drawn(void)
{
    drawn.len = 0;
    sb_add(&drawn, "", 0);
    ui_drawn = &drawn;
    key(SDLK_F9);
    ui_drawn = NULL;
}

static void test_console_ask(void)
{
    if (start("albania2022")) return check_fail(__FILE__, __LINE__), (void)0;
    ui_go(&app, SCR_DASHBOARD);
    ui_render(&app);
    const char *truth = app.ses->sc->variants[app.ses->g->variant].title;
    f9_drawn();
    CHECK_MSG(!console_shown(), "F9 showed the console at once");
    CHECK_MSG(strstr(drawn.s, "Show the facilitator's console on this screen?") != NULL,
              "F9 did not ask first");
    CHECK_MSG(!strstr(drawn.s, truth), "the hidden truth ('%s') was drawn", truth);
    key(SDLK_n);
    CHECK_MSG(!console_shown() && app.screen == SCR_DASHBOARD, "N: screen %d", app.screen);
    f9_drawn();
    key(SDLK_ESCAPE);
    CHECK_MSG(!console_shown() && app.screen == SCR_DASHBOARD, "Esc: screen %d", app.screen);
    CHECK_MSG(app.modal == MODAL_NONE, "Esc left a dialog open (%d)", app.modal);
    f9_drawn();
    key(SDLK_RETURN); /* the focus starts on No */
    CHECK_MSG(!console_shown(), "Enter alone showed the console");
    f9_drawn();
    key(SDLK_TAB); /* Yes and No: Tab goes from one to the other */
    key(SDLK_RETURN);
    CHECK_MSG(console_shown(), "Tab, Enter did not show the console");
    key(SDLK_F9); /* hiding asks nothing */
    CHECK_MSG(!console_shown() && app.screen == SCR_DASHBOARD, "F9 did not hide the console");
    f9_drawn();
    key(SDLK_y);
    CHECK_MSG(console_shown(), "Y did not show the console");
    key(SDLK_F9);
    ui_game_close(&app);
}

/* --presenter: F9 never shows the console in the players' window; a toast
   says why. With a console window (--console), F9 still shows and hides it. */
static void test_presenter(void)
{
    if (start("albania2022")) return check_fail(__FILE__, __LINE__), (void)0;
    ui_go(&app, SCR_DASHBOARD);
    app.presenter = 1;
    f9_drawn();
    CHECK_MSG(!console_shown() && app.modal == MODAL_NONE, "presenter: screen %d modal %d",
              app.screen, app.modal);
    CHECK_STR_HAS(app.status, "Presenter mode");
    key(SDLK_y);
    CHECK_MSG(!console_shown(), "presenter: Y showed the console");
    ui_do(&app, ACT_CON_SHOW, 0); /* no path there, and none through the action either */
    CHECK_MSG(!console_shown(), "presenter: the Yes action showed the console");
    app.presenter = 0;
    ui_game_close(&app);
    char *argv[] = {"albania2022", "--presenter", "--screenshot", "/dev/null", "--size",
                    "640x400",     "--screen",    "console",      NULL};
    opt_val v[OPT_MAX_OPTIONS];
    opt_args a;
    char err[512];
    CHECK_EQ_INT(opt_parse(&ui_play_cmd, 8, argv, v, &a, err, sizeof err), OPT_OK);
    CHECK_MSG(ui_play(v, &a) == 2, "--presenter --screen console was not refused");
}

/* A second of the timer redraws only the timer: the frame clipped to it must
   give the very pixels of a whole new frame, on the dashboard, under the
   confirm dialog's translucent shade (the menu stops the timer), and on
   the console. */
static int same_pixels(const SDL_Surface *s, const unsigned char *ref)
{
    for (int y = 0; y < s->h; y++)
        if (memcmp((const unsigned char *)s->pixels + (size_t)y * s->pitch,
                   ref + (size_t)y * s->pitch, (size_t)s->w * 4))
            return 0;
    return 1;
}

static void test_partial(void)
{
    ui_clock_fn real = ui_clock;
    ui_clock = fake_clock;
    if (start("albania2022"))
        return ui_clock = real, check_fail(__FILE__, __LINE__),
               fprintf(stderr, "could not start\n"), (void)0;
    CHECK_EQ_INT(session_apply(app.ses, "timer 10"), 0);
    app.began = 1;
    SDL_Surface *s = app.surf;
    size_t size = (size_t)s->pitch * s->h;
    unsigned char *before = malloc(size), *full = malloc(size);
    static const struct {
        ui_screen screen;
        int modal;
    } cases[] = {{SCR_DASHBOARD, MODAL_NONE}, {SCR_DASHBOARD, MODAL_CONFIRM}, {SCR_CONSOLE, 0}};
    app.pend_move = app.ses->sc->actions[0], app.pend_target = 0; /* the confirm dialog's */
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        if (cases[i].screen == SCR_CONSOLE)
            app.modal = MODAL_NONE, key(SDLK_F9), key(SDLK_y);
        else
            ui_go(&app, cases[i].screen), app.modal = cases[i].modal;
        ui_render(&app);
        SDL_Rect r = app.timer_at;
        CHECK_MSG(r.w > 0 && r.h > 0, "case %zu: no timer on screen", i);
        memcpy(before, s->pixels, size);
        now_ms += 1000;
        ui_render(&app);
        memcpy(full, s->pixels, size);
        CHECK_MSG(!same_pixels(s, before), "case %zu: the timer did not change", i);
        memcpy(s->pixels, before, size);
        app.limit = r;
        ui_render(&app);
        app.limit = ui_rect(0, 0, 0, 0);
        CHECK_MSG(SDL_RectEquals(&r, &app.timer_at), "case %zu: the timer moved", i);
        CHECK_MSG(same_pixels(s, full), "case %zu: the partial frame differs from a whole one", i);
    }
    free(before), free(full);
    app.modal = MODAL_NONE;
    ui_game_close(&app);
    ui_clock = real;
}

static unsigned be32(const unsigned char *p)
{
    return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3];
}

static void test_png(const char *path)
{
    char *argv[] = {"tutorial", "--screenshot", (char *)path, "--size",
                    "640x400",  "--screen",     "dashboard",  NULL};
    opt_val v[OPT_MAX_OPTIONS];
    opt_args a;
    char err[512];
    remove(path);
    CHECK_EQ_INT(opt_parse(&ui_play_cmd, 7, argv, v, &a, err, sizeof err), OPT_OK);
    CHECK_MSG(ui_play(v, &a) == 0, "ui_play failed");
    FILE *f = fopen(path, "rb");
    unsigned char b[33] = {0};
    CHECK_MSG(f && fread(b, 1, 33, f) == 33, "cannot read %s", path);
    if (f) fclose(f);
    CHECK_MSG(!memcmp(b, "\x89PNG\r\n\x1a\n", 8), "signature");
    CHECK_MSG(!memcmp(b + 12, "IHDR", 4), "IHDR first");
    CHECK_MSG(be32(b + 16) == 640 && be32(b + 20) == 400, "size %ux%u", be32(b + 16), be32(b + 20));
}

/* A missing scenario, a corrupt save, a save of a changed scenario: messages. */
static void test_bad(const char *dir)
{
    char path[UI_PATH_MAX];
    CHECK_MSG(ui_game_new(&app, "/nonexistent/scenario", 1, NULL, NULL) < 0, "loaded nothing");
    CHECK_MSG(app.error[0] != '\0', "no message for a missing scenario");
    snprintf(path, sizeof path, "%s/corrupt.jsonl", dir);
    FILE *f = fopen(path, "w");
    fputs("{not json\n", f);
    fclose(f);
    CHECK_MSG(ui_game_load(&app, path) < 0, "corrupt save loaded");
    CHECK_MSG(app.error[0] != '\0', "no message for a corrupt save");
    ui_go(&app, SCR_TITLE);
    ui_layout_reset();
    ui_render(&app);
    CHECK_MSG(!ui_layout_overflows(), "title with error: %s", ui_layout_overflow(0));
    /* A save whose scenario hash differs: loads, with a warning on screen. */
    char scen[UI_PATH_MAX];
    snprintf(scen, sizeof scen, "%s/scenarios/tutorial", CR_SOURCE_DIR);
    snprintf(path, sizeof path, "%s/changed.jsonl", dir);
    if (!ui_game_new(&app, scen, 3, NULL, path)) {
        CHECK_EQ_INT(session_apply(app.ses, "end"), 0);
        ui_game_close(&app);
        journal_file jf = {0};
        char err[512];
        CHECK_MSG(!journal_read(path, &jf, err, sizeof err), "%s", err);
        jf.h.scenario_hash ^= 1;
        journal_write_all(path, &jf.h, jf.e, jf.n, err, sizeof err);
        journal_file_free(&jf);
        CHECK_MSG(!ui_game_load(&app, path), "%s", app.error);
        CHECK_MSG(strstr(app.warning, "another version") != NULL, "warning '%s'", app.warning);
        ui_go(&app, SCR_DASHBOARD);
        ui_layout_reset();
        ui_render(&app);
        CHECK_MSG(!ui_layout_overflows(), "dashboard with warning: %s", ui_layout_overflow(0));
        ui_game_close(&app);
    }
}

/* The commands in the save at path (-1 when it cannot be read). */
static int save_commands(const char *path)
{
    journal_file jf = {0};
    char err[512];
    if (journal_read(path, &jf, err, sizeof err)) return -1;
    int n = jf.n;
    journal_file_free(&jf);
    return n;
}

/* The mini fixture in dir/mini, with poke costing cost ("" none). */
static void write_mini(const char *dir, const char *cost)
{
    char from[UI_PATH_MAX], to[UI_PATH_MAX + 100], err[512];
    snprintf(from, sizeof from, "%s/tests/fixtures/mini/scenario.lua", CR_SOURCE_DIR);
    snprintf(to, sizeof to, "%s/mini", dir);
    CHECK_MSG(!fs_mkdirs(to), "mkdir %s", to);
    str_cat(to, sizeof to, "/scenario.lua");
    size_t len;
    char *text = infile_read(from, 1 << 20, &len, err, sizeof err);
    const char *at = text ? strstr(text, "label = \"Poke\",") : NULL;
    FILE *f = fopen(to, "w");
    CHECK_MSG(at && f, "cannot copy the mini fixture: %s", err);
    if (at && f) {
        size_t head = (size_t)(at - text) + strlen("label = \"Poke\",");
        fprintf(f, "%.*s%s%s", (int)head, text, cost, at + strlen("label = \"Poke\","));
    }
    if (f) fclose(f);
    free(text);
}

/* F5 never removes a command from the disk (issue 17): seven moves, poke
   made dearer so that the replay stops at the second, F5; poke as it was,
   F5 again: the seven are back in the game and the save. */
static void test_reload(const char *dir)
{
    static const char *const seven[] = {"choose e1 x", "act a poke p1", "end", "act b roll",
                                        "end",         "act a poke p2", "end"};
    char mini[UI_PATH_MAX + 10], save[UI_PATH_MAX + 20], backup[UI_PATH_MAX + 40];
    snprintf(mini, sizeof mini, "%s/mini", dir);
    snprintf(save, sizeof save, "%s/s.jsonl", dir);
    snprintf(backup, sizeof backup, "%s/s.before-reload.jsonl", dir);
    remove(save), remove(backup);
    write_mini(dir, "");
    if (ui_game_new(&app, mini, 4, NULL, save))
        return check_fail(__FILE__, __LINE__), fprintf(stderr, "%s\n", app.error), (void)0;
    for (int i = 0; i < 7; i++)
        CHECK_MSG(!ui_apply(&app, seven[i]), "%s: %s", seven[i], app.status);
    CHECK_EQ_INT(save_commands(save), 7);
    write_mini(dir, " cost = 3,");
    key(SDLK_F5);
    CHECK_MSG(app.ses->nlog == 1 && session_pending(app.ses) == 6, "nlog %d pending %d",
              app.ses->nlog, session_pending(app.ses));
    CHECK_STR_HAS(app.warning, "1 of 7 commands replayed; the 6 from command 2 on are pending.");
    CHECK_STR_HAS(app.warning, "fix the scenario and press F5 before the next move");
    CHECK_STR_HAS(app.con.msg, "1 of 7 commands replayed");
    CHECK_EQ_INT(save_commands(save), 1);
    CHECK_EQ_INT(save_commands(backup), 7);
    ui_go(&app, SCR_DASHBOARD);
    ui_layout_reset();
    ui_render(&app);
    CHECK_MSG(!ui_layout_overflows(), "dashboard with the reload's banner: %s",
              ui_layout_overflow(0));
    /* The save loaded again (the title's Load): the six are offered again. */
    ui_game_close(&app);
    CHECK_MSG(!ui_game_load(&app, save), "load: %s", app.error);
    CHECK_MSG(app.ses && session_pending(app.ses) == 6, "pending after a load: %d",
              app.ses ? session_pending(app.ses) : -1);
    CHECK_STR_HAS(app.warning, "6 commands did not replay at a reload and are pending");
    write_mini(dir, "");
    key(SDLK_F5);
    CHECK_EQ_INT(app.ses->nlog, 7);
    CHECK_MSG(!app.warning[0], "banner after a whole replay: %s", app.warning);
    CHECK_STR_HAS(app.status, "7 commands replayed");
    CHECK_EQ_INT(save_commands(save), 7);
    CHECK_MSG(access(backup, F_OK) != 0, "the backup, equal to the save now, is still there");
    ui_game_close(&app);
}

/* The title lists the scenarios of every data folder, the first folder's
   copy of an id only: CRISISROOM_DATA holds a copy of the tutorial (under
   another folder name), XDG_DATA_HOME the mini fixture, the source tree the
   rest. */
/* A symbolic link at ROOT/REL to the source tree's SRC. */
static void link_in(const char *root, const char *rel, const char *src)
{
    char at[3 * UI_PATH_MAX], to[2 * UI_PATH_MAX];
    snprintf(at, sizeof at, "%s/%s", root, rel);
    snprintf(to, sizeof to, "%s/%s", CR_SOURCE_DIR, src);
    char *slash = strrchr(at, '/');
    *slash = '\0';
    CHECK_MSG(!fs_mkdirs(at), "mkdir %s", at);
    *slash = '/';
    remove(at);
    CHECK_MSG(!symlink(to, at), "symlink %s", at);
}

static void test_roots(const char *dir)
{
    char data[UI_PATH_MAX], xdg[UI_PATH_MAX], want[2 * UI_PATH_MAX];
    snprintf(data, sizeof data, "%s/data", dir);
    snprintf(xdg, sizeof xdg, "%s/xdg", dir);
    link_in(data, "scenarios/copy", "scenarios/tutorial");
    link_in(xdg, "crisisroom/scenarios/mini", "tests/fixtures/mini");
    setenv("CRISISROOM_DATA", data, 1);
    setenv("XDG_DATA_HOME", xdg, 1);
    ui_free_lists(&app);
    ui_scan_scenarios(&app);
    int tutorials = 0, mini = 0, albania = -1;
    snprintf(want, sizeof want, "%s/scenarios/copy", data);
    for (int i = 0; i < app.nscens; i++) {
        const ui_scen_entry *e = &app.scens[i];
        if (!strcmp(e->id, "tutorial")) {
            tutorials++;
            CHECK_EQ_STR(e->dir, want);
        }
        mini += !strcmp(e->id, "mini");
        if (!strcmp(e->id, "albania2022")) albania = i;
    }
    CHECK_EQ_INT(tutorials, 1);
    CHECK_EQ_INT(mini, 1);
    CHECK_MSG(albania >= 0, "no albania2022 from the source tree");
    CHECK_EQ_INT(app.scen_sel, albania);
}

/* Hosting: the join screen from a host's hook (ui.h). The teams' codes and
   who joined are drawn; the observers' and the facilitator's never are;
   F10 shows it and goes back; the frame goes to a PNG (and the URLs its QR
   codes must hold beside it) for join_qr.sh to read back with zbarimg. */
static const char host_url[] = "http://10.1.2.3:8080/";
#define OBSERVER_CODE    "OBSQ-XQ7A-XQ7B-XQ7C"
#define FACILITATOR_CODE "FACQ-XQ7A-XQ7B-XQ7C"

static const char *fake_url(void *ud)
{
    (void)ud;
    return host_url;
}
static int fake_slots(void *ud)
{
    (void)ud;
    return app.ses->sc->nroles + 2;
}
static int fake_join(void *ud, int slot, ui_join *out)
{
    (void)ud;
    int n = app.ses->sc->nroles;
    if (slot < 0 || slot >= n + 2) return -1;
    memset(out, 0, sizeof *out);
    const char *id = slot < n    ? app.ses->sc->roles[slot].id
                     : slot == n ? "observer"
                                 : "facilitator";
    snprintf(out->id, sizeof out->id, "%s", id);
    snprintf(out->name, sizeof out->name, "%s", slot < n ? app.ses->sc->roles[slot].name : id);
    if (slot < n)
        snprintf(out->code, sizeof out->code, "TEAM-%04d-HQST-CQDE", slot + 2);
    else
        snprintf(out->code, sizeof out->code, "%s", slot == n ? OBSERVER_CODE : FACILITATOR_CODE);
    snprintf(out->url, sizeof out->url, "%sjoin/%s", host_url, out->code);
    if (slot == 0)
        out->joined = out->online = 2, snprintf(out->names, sizeof out->names, "Arta, Besnik");
    return 0;
}
static int fake_poll(void *ud, session *s)
{
    (void)ud, (void)s;
    return 0;
}
static int fake_wait(void *ud)
{
    (void)ud;
    return -1;
}
static void fake_timer_get(void *ud, int *len, int *left, int *running)
{
    (void)ud;
    *len = *left = *running = 0;
}

static void test_join(const char *dir)
{
    if (start("albania2022")) return check_fail(__FILE__, __LINE__), (void)0;
    ui_host h = {.url = fake_url,
                 .slots = fake_slots,
                 .join = fake_join,
                 .poll = fake_poll,
                 .wait_ms = fake_wait,
                 .timer_get = fake_timer_get};
    ui_go(&app, SCR_DASHBOARD);
    key(SDLK_F10);
    CHECK_MSG(app.screen == SCR_DASHBOARD, "F10 without a host showed screen %d", app.screen);
    app.host = &h;
    key(SDLK_F10);
    CHECK_MSG(app.screen == SCR_JOIN, "F10 while hosting showed screen %d", app.screen);
    static const int sizes[][2] = {{1280, 720}, {1920, 1080}, {3840, 2160}};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        CHECK_MSG(!ui_resize_offscreen(&app, sizes[i][0], sizes[i][1]), "resize");
        drawn.len = 0;
        sb_add(&drawn, "", 0);
        ui_drawn = &drawn;
        draw_into_record();
        ui_drawn = NULL;
        CHECK_MSG(!ui_layout_overflows(), "join %dx%d: %s", sizes[i][0], sizes[i][1],
                  ui_layout_overflow(0));
        for (int r = 0; r < app.ses->sc->nroles; r++) {
            char code[32];
            snprintf(code, sizeof code, "TEAM-%04d-HQST-CQDE", r + 2);
            CHECK_MSG(strstr(drawn.s, code) != NULL, "team %d's code is not drawn", r);
        }
        CHECK_STR_HAS(drawn.s, "2 joined: Arta, Besnik");
        CHECK_STR_HAS(drawn.s, "or open http://10.1.2.3:8080 and type the code under it");
        CHECK_MSG(!strstr(drawn.s, OBSERVER_CODE), "the observers' code is on the room's screen");
        CHECK_MSG(!strstr(drawn.s, FACILITATOR_CODE),
                  "the facilitator's code is on the room's screen");
        CHECK_MSG(!strstr(drawn.s, "Sample"), "a hosted join screen says it shows samples");
    }
    CHECK_MSG(!ui_resize_offscreen(&app, 1920, 1080), "resize");
    draw_into_record();
    char png[UI_PATH_MAX], want[UI_PATH_MAX], err[600];
    snprintf(png, sizeof png, "%s/join-host.png", dir);
    snprintf(want, sizeof want, "%s/join-host.want", dir);
    CHECK_MSG(!ui_png_write(png, app.surf, err, sizeof err), "%s", err);
    FILE *f = fopen(want, "w");
    for (int r = 0; f && r < app.ses->sc->nroles; r++)
        fprintf(f, "%sjoin/TEAM-%04d-HQST-CQDE\n", host_url, r + 2);
    CHECK_MSG(f && fclose(f) == 0, "cannot write %s", want);
    key(SDLK_F10);
    CHECK_MSG(app.screen == SCR_DASHBOARD, "F10 on the join screen went to screen %d", app.screen);
    app.host = NULL;
    CHECK_MSG(!ui_resize_offscreen(&app, 1280, 720), "resize");
    ui_game_close(&app);
}

/* Running the room (issue 13) -------------------------------------------------- */

/* Every line drawn by one frame of the players' window (or the console). */
static void draw_recorded(void)
{
    drawn.len = 0;
    sb_add(&drawn, "", 0);
    ui_drawn = &drawn;
    ui_layout_reset();
    ui_render(&app);
    ui_drawn = NULL;
}

static int left_s(void)
{
    return (int)(ui_timer_left(&app.timer) / 1000);
}

/* Item 6: the move timer runs only while a team can act; the hand-over
   shows it; a reload keeps it; a loaded save goes on from what its move
   had used. */
static void test_timer_moves(const char *dir)
{
    ui_clock_fn real = ui_clock;
    ui_clock = fake_clock;
    char save[UI_PATH_MAX + 20];
    snprintf(save, sizeof save, "%s/timer.jsonl", dir);
    remove(save);
    char scen[UI_PATH_MAX];
    snprintf(scen, sizeof scen, "%s/scenarios/albania2022", CR_SOURCE_DIR);
    if (ui_game_new(&app, scen, 7, NULL, save))
        return ui_clock = real, check_fail(__FILE__, __LINE__), (void)0;
    ui_go(&app, SCR_BRIEFING);
    CHECK_EQ_INT(session_apply(app.ses, "timer 10"), 0);
    ui_render(&app);
    now_ms += 60000;
    ui_render(&app);
    CHECK_EQ_INT(left_s(), 600); /* the briefing: not yet */
    key(SDLK_RETURN);            /* begin: the hand-over */
    now_ms += 60000;
    draw_recorded();
    CHECK_EQ_INT(left_s(), 600);
    CHECK_STR_HAS(drawn.s, "Move timer 10:00 · it starts when you press Ready");
    key(SDLK_RETURN); /* ready */
    now_ms += 60000;
    ui_render(&app);
    CHECK_EQ_INT(left_s(), 540);
    key(SDLK_ESCAPE); /* the menu */
    CHECK(app.modal == MODAL_MENU);
    now_ms += 60000;
    ui_render(&app);
    CHECK_EQ_INT(left_s(), 540);
    key(SDLK_ESCAPE);
    now_ms += 30000;
    ui_render(&app);
    CHECK_EQ_INT(left_s(), 510);
    key(SDLK_F5); /* a reload keeps the move's time */
    ui_render(&app);
    CHECK_EQ_INT(left_s(), 510);
    /* The next team's move: the hand-over shows a full timer, waiting. */
    CHECK_EQ_INT(ui_apply(&app, "end"), 0);
    now_ms += 60000;
    draw_recorded();
    CHECK_EQ_INT(app.screen, SCR_HANDOVER);
    CHECK_EQ_INT(left_s(), 600);
    ui_game_close(&app);
    /* A save whose move had used three minutes since the timer was set. */
    journal_file jf = {0};
    char err[512];
    CHECK_MSG(!journal_read(save, &jf, err, sizeof err), "%s", err);
    CHECK_MSG(jf.n >= 2, "%d lines", jf.n);
    journal_entry e = jf.e[jf.n - 1];
    e.cmd = "note three minutes later";
    str_fmt(e.by.kind, sizeof e.by.kind, "facilitator");
    e.by.opened[0] = '\0';
    long long at = record_time_ms(e.by.at) + 180000;
    str_fmt(e.by.at, sizeof e.by.at, "1970-01-01T00:00:00Z"); /* replaced below */
    time_t secs = (time_t)(at / 1000);
    struct tm tm;
    gmtime_r(&secs, &tm);
    strftime(e.by.at, sizeof e.by.at, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
    journal_entry *all = calloc((size_t)jf.n + 1, sizeof *all);
    memcpy(all, jf.e, sizeof *all * (size_t)jf.n);
    all[jf.n] = e;
    str_fmt(jf.h.started, sizeof jf.h.started, "2021-05-06T07:08:09Z"); /* the exercise's day */
    CHECK_MSG(!journal_write_all(save, &jf.h, all, jf.n + 1, err, sizeof err), "%s", err);
    free(all);
    journal_file_free(&jf);
    CHECK_MSG(!ui_game_load(&app, save), "%s", app.error);
    CHECK_EQ_INT(app.ses->g->timer_ms, 600000);
    CHECK_EQ_INT(left_s(), 420);
    ui_game_close(&app);
    /* The window's load went on writing the save: its day is the same (item 8). */
    CHECK_MSG(!journal_read(save, &jf, err, sizeof err), "%s", err);
    CHECK_EQ_STR(jf.h.started, "2021-05-06T07:08:09Z");
    journal_file_free(&jf);
    ui_clock = real;
}

/* Item 11: F8 holds the players' window on a neutral card, and back. */
static void test_hold(void)
{
    ui_clock_fn real = ui_clock;
    ui_clock = fake_clock;
    if (start("albania2022")) return ui_clock = real, check_fail(__FILE__, __LINE__), (void)0;
    key(SDLK_RETURN), key(SDLK_RETURN);
    CHECK_EQ_INT(session_apply(app.ses, "timer 10"), 0);
    ui_render(&app);
    key(SDLK_F8);
    CHECK(app.hold);
    draw_recorded();
    CHECK_STR_HAS(drawn.s, "Exercise paused");
    CHECK_STR_HAS(drawn.s, app.ses->sc->title);
    const def_scenario *sc = app.ses->sc;
    CHECK_MSG(!strstr(drawn.s, sc->meters[0].name) && !strstr(drawn.s, "Turn 1 of") &&
                  !strstr(drawn.s, sc->roles[0].name),
              "the hold card shows the game: %s", drawn.s);
    CHECK_EQ_INT(app.nhits, 0); /* nothing to click on the card */
    now_ms += 120000;
    ui_render(&app);
    CHECK_EQ_INT(left_s(), 600); /* the timer waits */
    key(SDLK_END);
    CHECK(app.ses->g->nlog == 0 || app.ses->nlog == 1); /* no move from behind the card */
    key(SDLK_F8);
    CHECK(!app.hold && app.screen == SCR_DASHBOARD);
    draw_recorded();
    CHECK_STR_HAS(drawn.s, sc->meters[0].name);
    /* The console's button does the same. */
    key(SDLK_F9), key(SDLK_y);
    CHECK_MSG(click(ACT_HOLD, 0), "no hold button on the console");
    CHECK(app.hold);
    CHECK_STR_HAS(app.con.msg, "Exercise paused");
    key(SDLK_F9);
    draw_recorded();
    CHECK_STR_HAS(drawn.s, "Exercise paused");
    key(SDLK_F8);
    CHECK(!app.hold);
    ui_game_close(&app);
    ui_clock = real;
}

/* The region of hit h less the "more below" strip: what a reader sees. */
static int fully_seen(const ui_hit *h)
{
    if (h->r.w != h->full.w || h->r.h != h->full.h) return 0;
    if (h->sreg < 0) return 1;
    SDL_Rect v = app.sregs[h->sreg].r;
    int id = app.sregs[h->sreg].id,
        more = app.scroll[app.screen][id] < app.scroll_max[app.screen][id];
    int strip = more ? ui_line_h(&app, ST_SMALL) + ui_px(&app, 30) : 0; /* "more below" */
    return h->full.y + h->full.h <= v.y + v.h - strip || h->full.h > v.h - strip;
}

static int actions_seen(void)
{
    int n = 0;
    for (int i = 0; i < app.nhits; i++)
        n += app.hits[i].action == ACT_ACTION && fully_seen(&app.hits[i]);
    return n;
}

static const ui_hit *focused(void)
{
    for (int i = 0; i < app.nhits; i++)
        if (app.hits[i].focusable && ui_is_focus(&app, app.hits[i].action, app.hits[i].arg))
            return &app.hits[i];
    return NULL;
}

/* With UI_SHOTS=DIR, the frame as a PNG for a person to look at. */
static void shot(const char *what, int w, int h)
{
    const char *dir = getenv("UI_SHOTS");
    char path[UI_PATH_MAX], err[600];
    if (!dir) return;
    snprintf(path, sizeof path, "%s/%s-%dx%d.png", dir, what, w, h);
    if (ui_png_write(path, app.surf, err, sizeof err)) fprintf(stderr, "%s\n", err);
}

/* Item 9: three actions at 1080p; Tab reaches every widget, those below the
   fold too, and each one it focuses is in view; each team's panels start at
   the top. At the three sizes of the overflow checks. */
static void focus_at(int w, int h)
{
    CHECK_MSG(!ui_resize_offscreen(&app, w, h), "resize %dx%d", w, h);
    if (start("albania2022")) return check_fail(__FILE__, __LINE__), (void)0;
    key(SDLK_RETURN), key(SDLK_RETURN);
    CHECK_EQ_INT(ui_apply(&app, "end"), 0); /* AKSHI: five standing actions */
    key(SDLK_RETURN);
    CHECK_EQ_INT(app.screen, SCR_DASHBOARD);
    ui_layout_reset();
    ui_render(&app);
    CHECK_MSG(!ui_layout_overflows(), "%dx%d: %s", w, h, ui_layout_overflow(0));
    if (h >= 1080)
        CHECK_MSG(actions_seen() >= 3, "%dx%d: %d actions in view", w, h, actions_seen());
    int below = -1; /* an action Tab must reach out of sight */
    for (int i = 0; i < app.nhits && below < 0; i++)
        if (app.hits[i].action == ACT_ACTION && app.hits[i].focusable && app.hits[i].r.h == 0)
            below = app.hits[i].arg;
    CHECK_MSG(below >= 0 || h > 2000, "%dx%d: every action in view: nothing below the fold", w, h);
    int reached = 0, first = -1;
    for (int n = 0; n < 60; n++) {
        key(SDLK_TAB);
        const ui_hit *f = focused();
        CHECK_MSG(f != NULL, "%dx%d: Tab %d focused nothing visible", w, h, n);
        if (!f) break;
        CHECK_MSG(fully_seen(f), "%dx%d: Tab %d: focus (%d,%d) out of view", w, h, n, f->action,
                  f->arg);
        if (f->action == ACT_ACTION && f->arg == below && !reached) shot("focus", w, h);
        reached |= f->action == ACT_ACTION && f->arg == below;
        if (first < 0)
            first = f->action * 1000 + f->arg;
        else if (f->action * 1000 + f->arg == first)
            break; /* round the whole screen */
    }
    CHECK_MSG(below < 0 || reached, "%dx%d: Tab never reached the action below the fold", w, h);
    /* The next team's panels from the top, whatever this one scrolled. */
    int scrolled = app.scroll[SCR_DASHBOARD][SREG_FOURTH] + app.scroll[SCR_DASHBOARD][SREG_MAIN];
    CHECK_MSG(scrolled > 0 || h > 2000, "%dx%d: Tab scrolled nothing", w, h);
    key(SDLK_END);
    if (app.modal == MODAL_END) key(SDLK_END);
    key(SDLK_RETURN);
    ui_render(&app);
    for (int r = 0; r < SREG_COUNT; r++)
        CHECK_MSG(app.scroll[SCR_DASHBOARD][r] == 0, "%dx%d: region %d at %d for the next team", w,
                  h, r, app.scroll[SCR_DASHBOARD][r]);
    ui_game_close(&app);
}

static void test_focus(void)
{
    static const int sizes[3][2] = {{1280, 720}, {1920, 1080}, {3840, 2160}};
    for (int i = 0; i < 3; i++) focus_at(sizes[i][0], sizes[i][1]);
    ui_resize_offscreen(&app, 1280, 720);
}

/* A line of the console's journal as drawn (newest first), or NULL. */
static const char *journal_line(const char *has)
{
    const char *p = strstr(drawn.s, has);
    return p;
}

/* Items 5, 7, 10, 12 in the window: the console's inject with a channel,
   options and a hold for the resume; the team answers; a jump by a policy;
   the debrief names who made each decision; the journal's labels; the
   warning before End; the pause in the window's words. */
static void test_room_console(void)
{
    CHECK_MSG(!ui_resize_offscreen(&app, 1920, 1080), "resize");
    if (start("albania2022")) return check_fail(__FILE__, __LINE__), (void)0;
    session *s = app.ses;
    key(SDLK_RETURN), key(SDLK_RETURN);
    /* The warning before End, once: Esc goes back, End again ends. */
    key(SDLK_END);
    CHECK_EQ_INT(app.modal, MODAL_END);
    draw_recorded();
    CHECK_STR_HAS(drawn.s, "Before the move ends");
    CHECK_STR_HAS(drawn.s, "PM has 2 action points unspent");
    key(SDLK_ESCAPE);
    CHECK(app.modal == MODAL_NONE && s->g->role == 0 && s->nlog == 0);
    key(SDLK_END);
    CHECK_MSG(s->g->role == 1 && app.modal == MODAL_NONE, "End again: role %d modal %d", s->g->role,
              app.modal);
    key(SDLK_RETURN);
    /* Paused: the players are told in the window's words. */
    CHECK_EQ_INT(session_apply(s, "pause"), 0);
    CHECK(ui_apply(&app, "end") != 0);
    CHECK_STR_HAS(app.status, "the facilitator resumes it");
    CHECK(!strstr(app.status, "'resume'"));
    /* The console: an inject to AKSHI by email with two options, held. */
    key(SDLK_F9), key(SDLK_y);
    int akshi = def_role_find(s->sc, "akshi");
    CHECK(click(ACT_CON_TO, akshi) && click(ACT_CON_VIA, CH_EMAIL));
    CHECK(click(ACT_CON_FIELD, CF_TITLE));
    type("Minister asks");
    key(SDLK_TAB);
    type("Restore first?");
    key(SDLK_TAB);
    type("Yes | No");
    CHECK_MSG(click(ACT_CON_HELD, 0), "no Send at the resume");
    CHECK_EQ_INT(s->g->nheld, 1);
    CHECK_EQ_STR(s->log[s->nlog - 1].cmd,
                 "inject akshi via=email decides=akshi at=resume Minister asks -- Restore first? "
                 "|| Yes | No");
    CHECK_MSG(click(ACT_CON_PAUSE, 0), "no Resume button");
    CHECK(!s->g->paused && s->g->nheld == 0);
    int item = game_adhoc_find(s->g, "adhoc1");
    CHECK(item >= 0 && s->g->items[item].channel == CH_EMAIL);
    draw_recorded();
    CHECK_MSG(journal_line("· facilitator · resume") &&
                  journal_line("· facilitator · inject akshi"),
              "the journal's labels: %s", drawn.s);
    key(SDLK_F9);
    /* AKSHI answers on the dashboard: 2, the confirm dialog, Enter. */
    ui_go(&app, SCR_DASHBOARD);
    app.sel_item = item;
    ui_render(&app);
    key(SDLK_2);
    CHECK_EQ_INT(app.modal, MODAL_CONFIRM);
    key(SDLK_RETURN);
    CHECK_EQ_STR(s->log[s->nlog - 1].cmd, "choose adhoc1 2");
    CHECK_EQ_INT(s->g->items[item].option, 1);
    draw_recorded();
    CHECK_STR_HAS(drawn.s, "Chosen by National Agency");
    /* A jump to turn 3 by the policy 'first', from the console. */
    key(SDLK_F9), key(SDLK_y);
    CHECK_MSG(tab_to(ACT_CON_POLICY, POLICY_FIRST), "no policy 'first'");
    key(SDLK_RETURN);
    CHECK_EQ_INT(app.con.policy, POLICY_FIRST);
    CHECK_MSG(tab_to(ACT_CON_FIELD, CF_TURN), "no turn field");
    key(SDLK_RETURN);
    type("3");
    key(SDLK_RETURN);
    CHECK_EQ_INT(app.con.ask, CON_ASK_JUMP);
    key(SDLK_RETURN);
    CHECK_MSG(s->g->turn == 3, "jumped to turn %d: %s", s->g->turn, app.con.msg);
    CHECK_STR_HAS(s->log[s->nlog - 1].by.kind, "policy");
    draw_recorded();
    CHECK_MSG(journal_line("· policy first ·"), "no policy line in the journal: %s", drawn.s);
    key(SDLK_F9);
    CHECK_EQ_INT(ui_apply(&app, "finish"), 0);
    draw_recorded();
    CHECK_STR_HAS(drawn.s, "— automatic player (first), for");
    CHECK_STR_HAS(drawn.s, "No — AKSHI");
    ui_game_close(&app);
    ui_resize_offscreen(&app, 1280, 720);
}

/* Item 12: the header never cuts a team's name; board headings are words. */
static void test_names(void)
{
    if (start("albania2022")) return check_fail(__FILE__, __LINE__), (void)0;
    key(SDLK_RETURN), key(SDLK_RETURN);
    const def_scenario *sc = app.ses->sc;
    for (int r = 0; r < sc->nroles; r++) {
        draw_recorded();
        char whole[300], shortname[300];
        str_fmt(whole, sizeof whole, "\n%s\n", sc->roles[r].name);
        str_fmt(shortname, sizeof shortname, "\n%s\n", sc->roles[r].shortname);
        CHECK_MSG(strstr(drawn.s, whole) || strstr(drawn.s, shortname), "%s cut in: %s",
                  sc->roles[r].name, drawn.s);
        char cut[20];
        str_fmt(cut, sizeof cut, "\n%.12s", sc->roles[r].name);
        for (const char *p = strstr(drawn.s, cut); p; p = strstr(p + 1, cut)) {
            char line[300];
            str_fmt(line, sizeof line, "%.*s", (int)strcspn(p + 1, "\n"), p + 1);
            CHECK_MSG(!strstr(line, "…"), "a name cut: %s", line);
        }
        if (r + 1 < sc->nroles) {
            ui_apply(&app, "end");
            key(SDLK_RETURN);
        }
    }
    ui_go(&app, SCR_EVIDENCE);
    draw_recorded();
    CHECK_STR_HAS(drawn.s, "\nThe Iranian\n"); /* a hypothesis by its label, over two lines */
    CHECK_MSG(!strstr(drawn.s, "\niran\n"), "a column reads as its id");
    ui_game_close(&app);
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "play";
    if (!strcmp(what, "png")) {
        test_png(argc > 2 ? argv[2] : "shot.png");
    } else {
        ui_begin_app(&app);
        snprintf(app.font_dir, sizeof app.font_dir, "%s/assets/fonts", CR_SOURCE_DIR);
        if (ui_init_offscreen(&app, 1280, 720)) return 1;
        if (!strcmp(what, "play"))
            test_play();
        else if (!strcmp(what, "screens"))
            test_screens();
        else if (!strcmp(what, "console"))
            test_console();
        else if (!strcmp(what, "partial"))
            test_partial();
        else if (!strcmp(what, "bad"))
            test_bad(argc > 2 ? argv[2] : ".");
        else if (!strcmp(what, "roots"))
            test_roots(argc > 2 ? argv[2] : "roots");
        else if (!strcmp(what, "visibility"))
            test_visibility();
        else if (!strcmp(what, "console-ask"))
            test_console_ask();
        else if (!strcmp(what, "presenter"))
            test_presenter();
        else if (!strcmp(what, "reload"))
            test_reload(argc > 2 ? argv[2] : "reload");
        else if (!strcmp(what, "join"))
            test_join(argc > 2 ? argv[2] : ".");
        else if (!strcmp(what, "timer"))
            test_timer_moves(argc > 2 ? argv[2] : ".");
        else if (!strcmp(what, "hold"))
            test_hold();
        else if (!strcmp(what, "focus"))
            test_focus();
        else if (!strcmp(what, "room-console"))
            test_room_console();
        else if (!strcmp(what, "names"))
            test_names();
        ui_shutdown(&app);
    }
    return check_report(argc > 1 ? argv[1] : "ui");
}

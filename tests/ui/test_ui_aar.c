/*
 * test_ui_aar.c -- the window's after-action parts under the dummy video
 * driver, by synthetic clicks, keys and text: the console's after-action
 * tab records an observation with its root cause, a corrective action
 * with its owner and dates, and the exercise's particulars, each as the
 * journaled command the text mode would type, and none of it reaches the
 * players' screens; the debrief's what-if replays a decision taken
 * otherwise beside the game as played, leaving the game untouched. Both
 * render at 720p, 1080p and 4K without a layout overflow. With
 * CR_UI_SHOTS=DIR set, each state is also written there as a PNG.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "sim.h"
#include "autoplay.h"
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

/* Text longer than one SDL text event, as a keyboard sends it. */
static void type_long(const char *text)
{
    char part[24];
    for (size_t n = strlen(text), i = 0; i < n; i += sizeof part - 1) {
        snprintf(part, sizeof part, "%s", text + i);
        type(part);
    }
}

static int click(int action, int arg)
{
    return sim_click(&app, action, arg);
}

/* The wheel over the after-action panel (where its widgets are). */
static void wheel_down(void)
{
    for (int i = 0; i < app.nhits; i++)
        if (app.hits[i].action >= ACT_AAR_FIELD && app.hits[i].action <= ACT_AAR_SET &&
            app.hits[i].r.h > 0) {
            app.mx = app.hits[i].r.x + 1, app.my = app.hits[i].r.y + 1;
            break;
        }
    SDL_Event e = {0};
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = -2;
    ui_handle(&app, &e);
    ui_render(&app);
}

/* A widget of the panel, scrolled to first when it lies below its end. */
static int click_scrolled(int action, int arg)
{
    for (int tries = 0; tries < 60; tries++) {
        for (int i = 0; i < app.nhits; i++)
            if (app.hits[i].action == action && app.hits[i].arg == arg &&
                app.hits[i].r.h >= ui_line_h(&app, ST_SMALL))
                return click(action, arg);
        wheel_down();
    }
    return 0;
}

static const char *last_cmd(int back)
{
    const session *s = app.ses;
    return s->nlog > back ? s->log[s->nlog - 1 - back].cmd : "";
}

static void shot(const char *name)
{
    const char *dir = getenv("CR_UI_SHOTS");
    if (!dir) return;
    char path[UI_PATH_MAX], err[600];
    snprintf(path, sizeof path, "%s/%s.png", dir, name);
    ui_render(&app);
    if (ui_png_write(path, app.surf, err, sizeof err)) fprintf(stderr, "%s\n", err);
}

static void fits(const char *what)
{
    static const int sizes[3][2] = {{1280, 720}, {1920, 1080}, {3840, 2160}};
    for (int i = 0; i < 3; i++) {
        CHECK_MSG(!ui_resize_offscreen(&app, sizes[i][0], sizes[i][1]), "resize");
        ui_layout_reset();
        ui_render(&app);
        CHECK_MSG(!ui_layout_overflows(), "%s at %dx%d: %s", what, sizes[i][0], sizes[i][1],
                  ui_layout_overflow(0));
    }
    CHECK_MSG(!ui_resize_offscreen(&app, 1920, 1080), "resize");
    ui_render(&app);
}

static int start(void)
{
    char dir[UI_PATH_MAX];
    snprintf(dir, sizeof dir, "%s/scenarios/albania2022", CR_SOURCE_DIR);
    if (ui_game_new(&app, dir, 7, NULL, NULL)) {
        fprintf(stderr, "cannot start: %s\n", app.error);
        return -1;
    }
    ui_go(&app, SCR_DASHBOARD);
    ui_render(&app);
    return 0;
}

static void observe_by_form(void)
{
    const def_scenario *sc = app.ses->sc;
    const hseep_eval *e = &app.ses->g->eval;
    int restore = -1;
    for (int i = 0; i < sc->nobjectives; i++)
        if (!strcmp(sc->objectives[i].id, "restore")) restore = i;
    CHECK_MSG(click(ACT_AAR_OBJ, restore), "no chip for the objective");
    CHECK_MSG(click(ACT_AAR_CAP, HSEEP_cybersecurity), "no chip for Cybersecurity");
    CHECK_MSG(click(ACT_AAR_KIND, HSEEP_AREA), "no chip for an area");
    CHECK_MSG(click(ACT_AAR_FIELD, AF_OBS), "no observation field");
    type_long("Backups were restored unchecked.");
    key(SDLK_TAB);
    type("No validation step.");
    key(SDLK_RETURN);
    CHECK_EQ_STR(last_cmd(1),
                 "observe restore cybersecurity area -- Backups were restored unchecked.");
    CHECK_EQ_STR(last_cmd(0), "cause 1 -- No validation step.");
    CHECK_EQ_INT(e->nobs, 1);
    CHECK_EQ_STR(e->nobs ? e->obs[0].cause : NULL, "No validation step.");
    CHECK_MSG(!app.aar.buf[AF_OBS][0] && !app.aar.buf[AF_CAUSE][0], "fields not cleared");
    CHECK_MSG(!app.con.buf[CF_TITLE][0] && !app.con.buf[CF_NOTE][0], "typing reached the controls");
    CHECK_EQ_INT(app.aar.area, 0); /* the area is ready for its corrective action */
}

static void plan_by_form(void)
{
    const hseep_eval *e = &app.ses->g->eval;
    CHECK_MSG(click_scrolled(ACT_AAR_ELEMENT, HSEEP_EL_training), "no chip for Training");
    CHECK_MSG(click_scrolled(ACT_AAR_FIELD, AF_ACTION), "no action field");
    type_long("Add a validation step to the playbook.");
    key(SDLK_TAB);
    type("AKSHI, A. Kola");
    key(SDLK_TAB);
    type("2025-01-10");
    key(SDLK_TAB);
    type("2025-03-31");
    key(SDLK_RETURN);
    CHECK_EQ_STR(last_cmd(1),
                 "plan 1 training 2025-01-10 2025-03-31 -- Add a validation step to the playbook.");
    CHECK_EQ_STR(last_cmd(0), "owner 1 -- AKSHI, A. Kola");
    CHECK_EQ_INT(e->nplan, 1);
    /* A date that is none is refused by core, and said so on the console. */
    CHECK_MSG(click_scrolled(ACT_AAR_FIELD, AF_ACTION), "no action field");
    type("Again.");
    CHECK_MSG(click_scrolled(ACT_AAR_FIELD, AF_START), "no start field");
    type("2025-02-30");
    key(SDLK_RETURN);
    CHECK_EQ_INT(e->nplan, 1);
    CHECK_MSG(app.con.msg_bad && strstr(app.con.msg, "2025-02-30"), "said: %s", app.con.msg);
}

static void particulars_by_form(void)
{
    const hseep_eval *e = &app.ses->g->eval;
    CHECK_MSG(click_scrolled(ACT_AAR_META, HSEEP_F_sponsor), "no chip for the sponsor");
    type("Ministry of Tests");
    key(SDLK_RETURN);
    CHECK_EQ_STR(last_cmd(0), "exercise sponsor -- Ministry of Tests");
    int sis = def_role_find(app.ses->sc, "sis");
    CHECK_MSG(click_scrolled(ACT_AAR_META, HSEEP_NFIELDS + sis), "no chip for SIS's participants");
    type("A. Marku, K. Dema");
    CHECK_MSG(click_scrolled(ACT_AAR_SET, 0), "no Set button");
    CHECK_EQ_STR(last_cmd(0), "exercise participants sis -- A. Marku, K. Dema");
    CHECK_EQ_STR(e->field[HSEEP_F_sponsor], "Ministry of Tests");
}

/* What the players' screens draw, with the console hidden. */
static void players_never_see(void)
{
    static const char *const marks[] = {"Backups were restored unchecked",
                                        "No validation step",
                                        "validation step to the playbook",
                                        "Ministry of Tests",
                                        "A. Marku",
                                        NULL};
    static const ui_screen screens[] = {SCR_DASHBOARD, SCR_EVIDENCE, SCR_DIPLOMACY, SCR_TIMELINE,
                                        SCR_BRIEFING};
    strbuf drawn = {0};
    for (size_t k = 0; k < sizeof screens / sizeof *screens; k++) {
        ui_go(&app, screens[k]);
        drawn.len = 0;
        sb_add(&drawn, "", 0);
        ui_drawn = &drawn;
        ui_render(&app);
        ui_drawn = NULL;
        for (int i = 0; marks[i]; i++)
            CHECK_MSG(!strstr(drawn.s, marks[i]), "screen %d shows '%s'", (int)screens[k],
                      marks[i]);
    }
    sb_free(&drawn);
}

static void test_console_aar(void)
{
    if (start()) return check_fail(__FILE__, __LINE__), (void)0;
    key(SDLK_F9);
    key(SDLK_y);
    CHECK_MSG(app.screen == SCR_CONSOLE, "F9 did not show the console");
    CHECK_MSG(click(ACT_AAR_TAB, 1) && app.aar.on, "no after-action tab");
    CHECK_MSG(!click(ACT_CON_INJECT, 0), "the controls still show beside the tab");
    observe_by_form();
    shot("console_aar_observed");
    plan_by_form();
    particulars_by_form();
    shot("console_aar_plan");
    app.scroll[SCR_CONSOLE][SREG_FIFTH] = 0;
    fits("the after-action tab");
    shot("console_aar");
    /* Paused, the tab goes on. */
    CHECK_EQ_INT(session_apply(app.ses, "pause"), 0);
    CHECK_MSG(click_scrolled(ACT_AAR_FIELD, AF_OBS), "no observation field");
    type("While paused.");
    key(SDLK_RETURN);
    CHECK_EQ_INT(app.ses->g->eval.nobs, 2);
    CHECK_EQ_INT(session_apply(app.ses, "resume"), 0);
    CHECK_MSG(click(ACT_AAR_TAB, 0) && !app.aar.on, "the controls do not come back");
    CHECK_MSG(click(ACT_CON_NOTE, 0), "the controls are not drawn again");
    key(SDLK_F9);
    players_never_see();
    ui_game_close(&app);
}

/* The what-if ------------------------------------------------------------------------ */

static int first_choice(const session *s, char *event, size_t size)
{
    for (int i = 0; i < s->nlog; i++)
        if (!strncmp(s->log[i].cmd, "choose ", 7)) {
            sscanf(s->log[i].cmd + 7, "%63s", event);
            (void)size;
            return i;
        }
    return -1;
}

static void test_whatif(void)
{
    if (start()) return check_fail(__FILE__, __LINE__), (void)0;
    ui_go(&app, SCR_WHATIF);
    ui_render(&app);
    CHECK_MSG(!click(ACT_WI_RUN, 0), "the what-if opens before the end");
    char err[1024], event[64] = "";
    CHECK_MSG(!autoplay_session(app.ses, POLICY_HISTORICAL, err, sizeof err), "%s", err);
    ui_after_command(&app);
    ui_render(&app);
    CHECK_MSG(app.screen == SCR_DEBRIEF, "no debrief at the end");
    /* The policy made every move: the debrief credits no team with one. */
    strbuf deb = {0};
    ui_drawn = &deb;
    ui_render(&app);
    ui_drawn = NULL;
    CHECK_MSG(deb.s && strstr(deb.s, "automatic player (historical), for AKSHI"),
              "the debrief does not say the policy decided");
    CHECK_MSG(deb.s && !strstr(deb.s, "— National Agency"), "a team credited with a policy's move");
    sb_free(&deb);
    CHECK_MSG(click(ACT_SCREEN, SCR_WHATIF) && app.screen == SCR_WHATIF, "no What if button");
    const session *s = app.ses;
    int nlog = s->nlog, entry = first_choice(s, event, sizeof event);
    uint64_t hash = game_hash(s->g);
    CHECK_MSG(entry >= 0, "no decision in the game");
    CHECK_MSG(click(ACT_WI_PICK, entry), "the first decision is not listed");
    const def_event *e = &s->sc->events[def_event_find(s->sc, event)];
    int other = -1;
    for (int k = 0; k < e->noptions; k++)
        if (!strstr(s->log[entry].cmd, s->sc->moves[e->options[k]].id)) other = e->options[k];
    CHECK_MSG(other >= 0 && click(ACT_WI_OPTION, other), "no other option offered");
    CHECK_MSG(click(ACT_WI_POLICY, POLICY_FIRST) && app.wi.policy == POLICY_FIRST,
              "no policy chip");
    CHECK_MSG(click(ACT_WI_RUN, 0) && app.wi.have, "no replay: %s", app.wi.msg);
    CHECK_EQ_INT(app.wi.w.at, entry + 1);
    CHECK(app.wi.w.original.hash == hash); /* the game as played */
    CHECK(app.wi.w.whatif.hash != hash);
    CHECK_EQ_INT(s->nlog, nlog);
    CHECK(game_hash(s->g) == hash); /* the game itself untouched */
    strbuf drawn = {0};
    ui_drawn = &drawn;
    ui_render(&app);
    ui_drawn = NULL;
    const char *want[] = {"AS THE ROOM PLAYED IT", "WHAT IF", "OBJECTIVES (HSEEP)",
                          "Attacker foothold (hidden)",
                          /* the room's decisions say who made each */
                          "Turn 1 · automatic player (historical), for AKSHI", NULL};
    for (int i = 0; want[i]; i++)
        CHECK_MSG(drawn.s && strstr(drawn.s, want[i]), "no '%s'", want[i]);
    sb_free(&drawn);
    fits("the what-if");
    shot("whatif");
    /* A command since makes the replay stale: it is forgotten. */
    CHECK_EQ_INT(session_apply(app.ses, "observe - cyber area -- later"), 0);
    ui_render(&app);
    CHECK_MSG(!app.wi.have, "a stale replay is still shown");
    ui_go(&app, SCR_DEBRIEF);
    fits("the debrief with its What if button");
    shot("debrief");
    ui_game_close(&app);
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "console";
    ui_begin_app(&app);
    snprintf(app.font_dir, sizeof app.font_dir, "%s/assets/fonts", CR_SOURCE_DIR);
    if (ui_init_offscreen(&app, 1920, 1080)) return 1;
    if (!strcmp(what, "console"))
        test_console_aar();
    else if (!strcmp(what, "whatif"))
        test_whatif();
    ui_shutdown(&app);
    return check_report(what);
}

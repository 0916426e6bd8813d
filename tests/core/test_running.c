/*
 * test_running.c -- running the room, in core (issue 13, items 5-8 and 10):
 * ad-hoc injects while paused, held for the resume, through a channel and
 * carrying a decision; the journaled move timer and its countdown
 * (movetimer.h); the warning before `end`; who made each move and the
 * exercise's times (record.h); the exercise's date kept through a replay.
 */
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "logtext.h"
#include "movetimer.h"
#include "record.h"
#include "session.h"
#include "util.h"
#include "view.h"

enum { RA, RB };

static int new_move(def_scenario *sc, int ev, int role, const char *id, int cost)
{
    int mi;
    def_move *m = def_add_move(sc, &mi);
    m->id = xstrdup(id), m->label = xstrdup(id);
    m->event = ev, m->role = role, m->cost = cost;
    if (ev >= 0) {
        def_event *e = &sc->events[ev];
        e->options = xrealloc(e->options, sizeof(int) * (size_t)(e->noptions + 1));
        e->options[e->noptions++] = mi;
    } else {
        sc->actions = xrealloc(sc->actions, sizeof(int) * (size_t)(sc->nactions + 1));
        sc->actions[sc->nactions++] = mi;
    }
    return mi;
}

/* Roles a and b (2 points each), a meter, four turns; e1 reaches a, who
   decides it this turn or takes x; a may poke once a turn, b may roll. */
static def_scenario *make_scenario(void)
{
    def_scenario *sc = def_new();
    sc->id = xstrdup("running");
    const char *roles[] = {"a", "b"};
    for (int i = 0; i < 2; i++) {
        def_role *r = def_add_role(sc);
        r->id = xstrdup(roles[i]), r->name = xstrdup(roles[i]);
        r->budget = 2;
    }
    def_meter *m = def_add_meter(sc);
    m->id = xstrdup("m"), m->name = xstrdup("M");
    m->min = 0, m->max = 100, m->start = 50;
    for (int t = 1; t <= 4; t++) def_add_turn(sc, "T");
    def_event *e = def_add_event(sc);
    e->id = xstrdup("e1"), e->title = xstrdup("The first inject"), e->text = xstrdup("t");
    e->to = 1u << RA, e->decider = RA, e->turn = 1, e->expires = 1;
    e->after_event = e->after_option = -1;
    e->default_option = new_move(sc, 0, -1, "x", 0);
    new_move(sc, 0, -1, "y", 0);
    sc->moves[new_move(sc, -1, RA, "poke", 1)].once_per_turn = 1;
    new_move(sc, -1, RB, "roll", 1);
    def_ending *end = def_add_ending(sc);
    end->id = xstrdup("end"), end->title = xstrdup("End"), end->text = xstrdup("t");
    def_finish(sc);
    return sc;
}

static session *start(const def_scenario *sc)
{
    char err[256];
    game_host none = {0};
    session *s = session_new(sc, &none, 5, -1, 0, err, sizeof err);
    CHECK_MSG(s != NULL, "%s", err);
    return s;
}

static void ok(session *s, const char *line)
{
    int rc = session_apply(s, line);
    CHECK_MSG(rc == GAME_OK, "'%s': %s", line, s->err);
}

static void refused(session *s, const char *line, const char *why)
{
    int rc = session_apply(s, line);
    CHECK_MSG(rc == GAME_REFUSED, "'%s' was taken", line);
    CHECK_STR_HAS(s->err, why);
}

static int find_log(const game *g, game_log_kind k, int nth)
{
    for (int i = 0; i < g->nlog; i++)
        if (g->log[i].kind == k && nth-- == 0) return i;
    return -1;
}

/* A session with the same commands, replayed: the same game. */
static uint64_t replayed_hash(const def_scenario *sc, const session *s)
{
    session *r = start(sc);
    journal_file jf = {.h = s->h, .e = s->log, .n = s->nlog};
    char err[512];
    CHECK_EQ_INT(session_replay(r, &jf, err, sizeof err), s->nlog);
    uint64_t h = game_hash(r->g);
    session_free(r);
    return h;
}

/* Item 5: pausing to prepare an inject is when one is needed. */
static void test_adhoc_paused(const def_scenario *sc)
{
    session *s = start(sc);
    game *g = s->g;
    viewer a = view_team(RA), b = view_team(RB), f = view_facilitator();
    ok(s, "pause");
    int n = g->nitems;
    ok(s, "inject b via=email Press call -- Journalists ask.");
    CHECK_EQ_INT(g->nitems, n + 1);
    CHECK_EQ_INT(g->items[n].channel, CH_EMAIL);
    CHECK_EQ_STR(g->items[n].id, "adhoc1");
    CHECK(view_sees_item(&b, g, n) && !view_sees_item(&a, g, n));
    uint64_t before = game_hash(g);
    ok(s, "inject a at=resume Later on -- held for the resume");
    CHECK_EQ_INT(g->nitems, n + 1); /* held: in no inbox yet */
    CHECK_EQ_INT(g->nheld, 1);
    CHECK(game_hash(g) != before);
    refused(s, "inject a via=pigeon T -- x", "channels: phone, email, news, social, intel, brief");
    refused(s, "inject a at=later T -- x", "at=later");
    ok(s, "resume");
    CHECK_EQ_INT(g->nheld, 0);
    CHECK_EQ_INT(g->nitems, n + 2);
    CHECK_EQ_STR(g->items[n + 1].title, "Later on");
    CHECK(view_sees_item(&a, g, n + 1) && view_sees_log(&a, g, g->nlog - 1));
    CHECK_EQ_INT(g->log[g->nlog - 1].kind, LOG_INJECT);
    CHECK_EQ_INT(g->log[g->nlog - 2].kind, LOG_RESUME);
    refused(s, "inject a at=resume T -- x", "not");
    /* A decision with options, answered by its decider. */
    refused(s, "inject all Vote -- Which way? || Left | Right", "needs decides=ROLE");
    refused(s, "inject a One -- text || single", "two options");
    refused(s, "inject a decides=b NoOpts -- text", "decides= goes with options");
    refused(s, "inject a Empty -- text ||  | B", "option 1 is empty");
    ok(s, "inject all decides=b Vote -- Which way? || Left | Right");
    int item = g->nitems - 1, open[8];
    CHECK_EQ_STR(g->items[item].id, "adhoc3");
    CHECK_EQ_INT(g->items[item].nopts, 2);
    CHECK_EQ_INT(game_open_adhoc(g, RB, open, 8), 1);
    CHECK_EQ_INT(game_open_adhoc(g, RA, open, 8), 0);
    refused(s, "choose adhoc3 1", "decided by b");
    ok(s, "end");
    uint64_t open_hash = game_hash(g);
    refused(s, "choose adhoc3 3", "options: 1, 2");
    refused(s, "choose nonesuch x", "open decisions for b: adhoc3");
    ok(s, "choose adhoc3 2 -- right it is");
    CHECK_EQ_INT(g->items[item].option, 1);
    CHECK_EQ_INT(g->items[item].by, RB);
    CHECK_EQ_STR(g->items[item].rationale, "right it is");
    int e = find_log(g, LOG_ANSWER, 0);
    CHECK(e >= 0 && view_sees_log(&a, g, e) && !view_sees_why(&a, g, e));
    CHECK(view_sees_why(&b, g, e) && view_sees_why(&f, g, e));
    logtext t = {0};
    CHECK(logtext_of(g, &g->log[e], &t) && t.kind == LT_DECISION);
    CHECK_EQ_STR(t.what.s, "Decision on “Vote”: Right");
    logtext_free(&t);
    CHECK(game_hash(g) != open_hash);
    CHECK(replayed_hash(sc, s) == game_hash(g));
    ok(s, "undo");
    CHECK(s->g->items[item].option < 0 && game_hash(s->g) == open_hash);
    session_free(s);
}

/* Item 6: the timer's length is a journaled command. */
static void test_timer_command(const def_scenario *sc)
{
    session *s = start(sc);
    uint64_t none = game_hash(s->g);
    ok(s, "timer 10");
    CHECK_EQ_INT(s->g->timer_ms, 600000);
    CHECK(game_hash(s->g) != none);
    ok(s, "pause");
    ok(s, "timer 0.5 close"); /* set while paused, like note and set */
    CHECK(s->g->timer_ms == 30000 && s->g->timer_closes);
    refused(s, "timer 300", "from 0 (off) to 240");
    refused(s, "timer 5 soon", "only 'close'");
    CHECK(replayed_hash(sc, s) == game_hash(s->g));
    ok(s, "timer 0");
    CHECK(s->g->timer_ms == 0 && !s->g->timer_closes);
    session_free(s);
}

/* The countdown on a clock the test moves. */
static void test_movetimer(const def_scenario *sc)
{
    session *s = start(sc);
    movetimer t;
    movetimer_init(&t);
    CHECK_EQ_INT(movetimer_left(&t, 0), -1);
    ok(s, "timer 1");
    movetimer_sync(&t, s->g, 0, 0); /* the briefing: it waits */
    CHECK(!t.running && movetimer_left(&t, 5000) == 60000);
    CHECK(movetimer_sync(&t, s->g, 1, 1000) && t.running);
    CHECK_EQ_INT(movetimer_left(&t, 31000), 30000);
    movetimer_sync(&t, s->g, 0, 31000); /* the menu opens */
    CHECK_EQ_INT(movetimer_left(&t, 90000), 30000);
    movetimer_sync(&t, s->g, 1, 90000);
    ok(s, "pause");
    movetimer_sync(&t, s->g, 1, 100000);
    CHECK_EQ_INT(movetimer_left(&t, 200000), 20000);
    ok(s, "resume");
    movetimer_sync(&t, s->g, 1, 200000);
    CHECK_EQ_INT(movetimer_left(&t, 250000), 0);
    movetimer_sync(&t, s->g, 1, 250000);
    CHECK(!t.running && movetimer_left(&t, 260000) == 0); /* stays at zero */
    ok(s, "end");                                         /* the next role's move: from full */
    movetimer_sync(&t, s->g, 1, 260000);
    CHECK_EQ_INT(movetimer_left(&t, 260000), 60000);
    movetimer_spent(&t, 45000, 260000); /* a resumed save's move had used 45 s */
    CHECK_EQ_INT(movetimer_left(&t, 265000), 10000);
    ok(s, "timer 2"); /* a new length: from full */
    movetimer_sync(&t, s->g, 1, 266000);
    CHECK_EQ_INT(movetimer_left(&t, 266000), 120000);
    session_free(s);
}

/* Item 10: what ending the move now would leave undone. */
static void test_end_warning(const def_scenario *sc)
{
    session *s = start(sc);
    strbuf b = {0};
    CHECK(game_end_warning(s->g, RA, &b));
    CHECK_EQ_STR(b.s, "a has 1 open decision: “The first inject” (at the end of this turn it "
                      "takes its default: x); and 2 action points unspent while a standing "
                      "action is available (points do not carry over).");
    ok(s, "choose e1 y");
    ok(s, "act a poke"); /* once a turn: no action left to spend the last point on */
    b.len = 0;
    CHECK(!game_end_warning(s->g, RA, &b) && b.len == 0);
    CHECK(game_end_warning(s->g, RB, &b));
    CHECK_STR_HAS(b.s, "b has 2 action points unspent");
    sb_free(&b);
    session_free(s);
}

/* Item 7: who made each move, never a team for a policy or a default. */
static void test_makers(const def_scenario *sc)
{
    session *s = start(sc);
    journal_by policy = {.kind = "policy", .name = "first"};
    CHECK_EQ_INT(record_maker_of(s, 0, NULL), RECORD_GAME); /* turn 1's injects */
    ok(s, "end");                                           /* a, at the window */
    CHECK_EQ_INT(session_apply_as(s, "act b roll", &policy), GAME_OK);
    ok(s, "note the room is quiet");
    ok(s, "end"); /* the turn ends: e1 takes its default */
    const game *g = s->g;
    int act = find_log(g, LOG_ACT, 0), note = find_log(g, LOG_NOTE, 0);
    int expire = find_log(g, LOG_EXPIRE, 0);
    const journal_entry *line;
    CHECK_EQ_INT(record_maker_of(s, act, &line), RECORD_POLICY);
    CHECK(line && !strcmp(line->cmd, "act b roll"));
    CHECK_EQ_INT(record_maker_of(s, note, NULL), RECORD_FACILITATOR);
    CHECK_EQ_INT(record_maker_of(s, expire, NULL), RECORD_DEFAULT);
    CHECK_EQ_INT(record_decision_entry(s, g->ev_item[0]), expire);
    char w[200];
    record_maker_words(s, act, w, sizeof w);
    CHECK_EQ_STR(w, "automatic player (first), for b");
    record_maker_words(s, expire, w, sizeof w);
    CHECK_EQ_STR(w, "a default at its deadline");
    record_maker_words(s, note, w, sizeof w);
    CHECK_EQ_STR(w, "the facilitator");
    ok(s, "act a poke");
    record_maker_words(s, s->g->nlog - 1, w, sizeof w);
    CHECK_EQ_STR(w, "a");
    /* Undo rebuilds the game: the map follows it. */
    ok(s, "undo");
    g = s->g;
    CHECK_EQ_INT(record_maker_of(s, find_log(g, LOG_ACT, 0), NULL), RECORD_POLICY);
    CHECK_EQ_INT(record_maker_of(s, find_log(g, LOG_EXPIRE, 0), NULL), RECORD_DEFAULT);
    journal_by timer = {.kind = "default", .name = "timer"};
    CHECK_EQ_INT(session_apply_as(s, "note by the timer", &timer), GAME_OK);
    record_maker_words(s, s->g->nlog - 1, w, sizeof w);
    CHECK_EQ_STR(w, "a default when the timer ran out");
    session_free(s);
}

static void stamp(session *s, int i, const char *at, const char *opened)
{
    str_fmt(s->log[i].by.at, sizeof s->log[i].by.at, "%s", at);
    str_fmt(s->log[i].by.opened, sizeof s->log[i].by.opened, "%s", opened);
}

/* Item 8: the date, the duration without pauses or a closed program, the
   time per move, and the move in progress. */
static void test_times(const def_scenario *sc)
{
    CHECK_EQ_INT(record_time_ms("1970-01-01T00:00:00Z"), 0);
    CHECK_EQ_INT(record_time_ms("1970-01-02T00:00:01.5Z"), 86401500);
    CHECK_EQ_INT(record_time_ms("2000-03-01T00:00:00Z"), 951868800000LL);
    CHECK_EQ_INT(record_time_ms("yesterday"), -1);
    CHECK_EQ_INT(record_time_ms("2026-13-01T00:00:00Z"), -1);
    session *s = start(sc);
    const char *lines[] = {"end", "pause", "resume", "end", "timer 10", "act a poke"};
    for (int i = 0; i < 6; i++) ok(s, lines[i]);
    CHECK(s->log[0].by.opened[0] && !s->log[1].by.opened[0]); /* the first line says when */
    str_fmt(s->h.started, sizeof s->h.started, "2026-03-04T10:00:00Z");
    stamp(s, 0, "2026-03-04T10:05:00.000Z", "2026-03-04T10:00:00.000Z"); /* a's move: 5 min */
    stamp(s, 1, "2026-03-04T10:06:00.000Z", "");                         /* b: 1 */
    stamp(s, 2, "2026-03-04T10:16:00.000Z", "");                         /* paused 10 */
    stamp(s, 3, "2026-03-04T10:20:00.000Z", "");                         /* b: 4 more */
    /* The program was closed at 10:20 and opened again at 10:21. */
    stamp(s, 4, "2026-03-04T10:22:00.000Z", "2026-03-04T10:21:00.000Z");
    stamp(s, 5, "2026-03-04T10:25:00.000Z", "");
    record_times t;
    record_times_of(s, &t);
    CHECK_EQ_STR(t.date, "2026-03-04T10:00:00Z");
    CHECK_EQ_INT(t.duration_ms, 14 * 60000);
    CHECK_EQ_INT(t.paused_ms, 10 * 60000);
    CHECK_EQ_INT(t.nmoves, 3);
    if (t.nmoves == 3) {
        CHECK(t.moves[0].turn == 1 && t.moves[0].role == RA && t.moves[0].ms == 5 * 60000);
        CHECK(t.moves[0].ended);
        CHECK(t.moves[1].turn == 1 && t.moves[1].role == RB && t.moves[1].ms == 5 * 60000);
        CHECK(t.moves[2].turn == 2 && t.moves[2].role == RA && t.moves[2].ms == 4 * 60000);
        CHECK(!t.moves[2].ended);
    }
    CHECK_EQ_INT(t.current_ms, 3 * 60000); /* since `timer 10` */
    CHECK(t.known);
    CHECK_EQ_INT(t.closed_ms, 60000);
    if (t.nmoves == 3) CHECK(t.moves[0].by == RECORD_TEAM && t.moves[2].by == RECORD_GAME);
    record_times_free(&t);
    /* Closed while paused: the pause goes on (paused, not closed). */
    stamp(s, 2, "2026-03-04T10:16:00.000Z", "2026-03-04T10:10:00.000Z");
    record_times_of(s, &t);
    CHECK_EQ_INT(t.paused_ms, 10 * 60000);
    CHECK_EQ_INT(t.closed_ms, 60000);
    CHECK_EQ_INT(t.duration_ms, 14 * 60000);
    record_times_free(&t);
    /* A header newer than the first line (rewritten by a reload): the line's date. */
    str_fmt(s->h.started, sizeof s->h.started, "2026-05-01T00:00:00Z");
    record_times_of(s, &t);
    CHECK_EQ_STR(t.date, "2026-03-04T10:05:00.000Z");
    record_times_free(&t);
    char w[32];
    record_duration_words(42400, w, sizeof w);
    CHECK_EQ_STR(w, "42s");
    record_duration_words(185000, w, sizeof w);
    CHECK_EQ_STR(w, "3m 05s");
    record_duration_words(4800000, w, sizeof w);
    CHECK_EQ_STR(w, "1h 20m");
    session_free(s);
}

/* One wording of who made a move, its kind for the report, and who
   observed: what the report, the debrief and the what-if all read. */
static void test_made(const def_scenario *sc)
{
    session *s = start(sc);
    journal_by ana = {.kind = "team", .team = "a", .name = "Ana"};
    journal_by policy = {.kind = "policy", .name = "first"};
    journal_by mira = {.kind = "facilitator", .participant = "p7", .name = "Mira"};
    journal_by p8 = {.kind = "facilitator", .participant = "p8"};
    CHECK_EQ_INT(session_apply_as(s, "act a poke", &ana), GAME_OK);
    record_made m;
    char w[200];
    record_made_of(s, find_log(s->g, LOG_ACT, 0), &m);
    record_made_words(s, &m, w, sizeof w);
    CHECK_EQ_STR(w, "a (Ana)");
    CHECK_EQ_STR(record_made_kind(&m), "team");
    ok(s, "end");
    CHECK_EQ_INT(session_apply_as(s, "act b roll", &policy), GAME_OK);
    record_made_of(s, s->g->nlog - 1, &m);
    CHECK_EQ_STR(record_made_kind(&m), "policy");
    CHECK(m.name && !strcmp(m.name, "first"));
    ok(s, "end"); /* e1 expires: nobody sent its default */
    record_made_of_item(s, s->g->ev_item[0], &m);
    CHECK_EQ_STR(record_made_kind(&m), "deadline");
    record_made_words(s, &m, w, sizeof w);
    CHECK_EQ_STR(w, "a default at its deadline");
    /* The what-if reads a journal line: the same words. */
    record_made_of_line(s, &s->log[s->nlog - 2], RB, &m);
    record_made_words(s, &m, w, sizeof w);
    CHECK_EQ_STR(w, "automatic player (first), for b");
    CHECK_EQ_INT(session_apply_as(s, "observe - cyber strength -- one", &mira), GAME_OK);
    CHECK_EQ_INT(session_apply_as(s, "observe - cyber strength -- two", &p8), GAME_OK);
    ok(s, "observe - cyber strength -- three");
    CHECK_EQ_STR(record_obs_author(s, 0), "Mira");
    CHECK_EQ_STR(record_obs_author(s, 1), "p8");
    CHECK(!record_obs_author(s, 2) && !record_obs_author(s, 3));
    session_free(s);
}

/* Item 8: a replayed save keeps its exercise's date (a resume, the
   window's load, a host's restart all replay into a new session). */
static void test_started_kept(const def_scenario *sc)
{
    session *s = start(sc);
    ok(s, "end");
    str_fmt(s->h.started, sizeof s->h.started, "2020-01-02T03:04:05Z");
    str_fmt(s->h.dir, sizeof s->h.dir, "/where/it/was");
    session *r = start(sc);
    journal_file jf = {.h = s->h, .e = s->log, .n = s->nlog};
    char err[512];
    CHECK_EQ_INT(session_replay(r, &jf, err, sizeof err), 1);
    CHECK_EQ_STR(r->h.started, "2020-01-02T03:04:05Z");
    CHECK_EQ_STR(r->h.dir, "/where/it/was");
    ok(r, "end"); /* the first new line tells when this run began */
    CHECK(!r->log[0].by.opened[0] || !strcmp(r->log[0].by.opened, s->log[0].by.opened));
    CHECK(r->log[1].by.opened[0]);
    session_free(r);
    session_free(s);
}

int main(void)
{
    def_scenario *sc = make_scenario();
    test_adhoc_paused(sc);
    test_timer_command(sc);
    test_movetimer(sc);
    test_end_warning(sc);
    test_makers(sc);
    test_times(sc);
    test_made(sc);
    test_started_kept(sc);
    def_free(sc);
    return check_report("running");
}

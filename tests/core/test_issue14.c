/*
 * test_issue14.c -- what issue 14 asked of the engine, with scenarios built
 * in C: the trend of a meter (the exact cases the issue reported), the
 * analysis of competing hypotheses (grade, mark, the assessment, its
 * scoring, who sees the key), sessions that skip turns (deadlines counted in
 * played turns, pause points), and roles with nothing to do passed over.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "analysis.h"
#include "cmd.h"
#include "game.h"
#include "sb.h"
#include "trend.h"
#include "util.h"
#include "view.h"

/* ref 1: "the action is available" when meter 0 is below 100. */
static int host_test(void *ud, game *g, int ref, char *why, size_t whylen)
{
    (void)ud, (void)why, (void)whylen;
    return ref == 1 ? g->meter[0] < 100 : 1;
}

static int host_run(void *ud, game *g, int ref)
{
    (void)ud, (void)g, (void)ref;
    return 0;
}

static int host_score(void *ud, game *g, int ref, char *r)
{
    (void)ud, (void)g, (void)ref;
    *r = 'P';
    return 0;
}

static const game_host host = {NULL, host_test, host_run, host_score, NULL};

static int apply(game *g, const char *line)
{
    cmd c;
    char err[256];
    if (cmd_parse(line, &c, err, sizeof err)) return -3;
    return game_apply(g, &c);
}

static void add_meter(def_scenario *sc, const char *id, double start)
{
    def_meter *m = def_add_meter(sc);
    m->id = xstrdup(id), m->name = xstrdup(id);
    m->min = 0, m->max = 100, m->start = start;
}

/* Roles a, b, c; meters services 85, trust 61, allies 77; turns T1..T6. */
static def_scenario *base(void)
{
    def_scenario *sc = def_new();
    sc->id = xstrdup("i14");
    const char *roles[] = {"a", "b", "c"};
    for (int i = 0; i < 3; i++) {
        def_role *r = def_add_role(sc);
        r->id = xstrdup(roles[i]), r->name = xstrdup(roles[i]), r->shortname = xstrdup(roles[i]);
        r->budget = 1;
    }
    add_meter(sc, "services", 85);
    add_meter(sc, "trust", 61);
    add_meter(sc, "allies", 77);
    for (int t = 1; t <= 6; t++) {
        char label[16];
        str_fmt(label, sizeof label, "T%d", t);
        def_add_turn(sc, label);
    }
    def_ending *end = def_add_ending(sc);
    end->id = xstrdup("end"), end->title = xstrdup("End"), end->text = xstrdup("t");
    return sc;
}

static void end_turn(game *g)
{
    int t = g->turn;
    for (int k = 0; k < 8 && g->turn == t && !g->ended; k++) CHECK_EQ_INT(apply(g, "end"), 0);
}

/* Trends ------------------------------------------------------------------------ */

static void check_trend(const game *g, int m, trend_dir dir, double delta, const char *words)
{
    trend t = trend_of(g, m);
    char w[80];
    trend_words(&t, w, sizeof w);
    CHECK_MSG(t.dir == dir, "%s: %s", g->sc->meters[m].id, w);
    CHECK_MSG(fabs(t.delta - delta) < 1e-9, "%s: delta %g", g->sc->meters[m].id, t.delta);
    CHECK_EQ_STR(w, words);
}

static void test_trend(void)
{
    def_scenario *sc = base();
    def_finish(sc);
    char err[256];
    game *g = game_new(sc, &host, 1, -1, err, sizeof err);
    check_trend(g, 0, TREND_STEADY, 0, "steady since the start");
    /* The changes of the issue, made while the teams moved in turn 1. */
    CHECK_EQ_INT(apply(g, "set services 100 -- restored"), 0);
    CHECK_EQ_INT(apply(g, "set trust 55 -- a leak"), 0);
    CHECK_EQ_INT(apply(g, "set allies 69 -- doubts"), 0);
    check_trend(g, 0, TREND_UP, 15, "up 15 since the start");
    end_turn(g);
    CHECK_EQ_INT(g->turn, 2);
    /* Compared with the end of turn 1 they read "steady" (the bug). */
    check_trend(g, 0, TREND_UP, 15, "up 15 since the start of turn 1");
    check_trend(g, 1, TREND_DOWN, -6, "down 6 since the start of turn 1");
    check_trend(g, 2, TREND_DOWN, -8, "down 8 since the start of turn 1");
    end_turn(g);
    check_trend(g, 0, TREND_STEADY, 0, "steady since the start of turn 2");
    CHECK_EQ_INT(apply(g, "set trust 55.3 -- rounds to nothing"), 0);
    check_trend(g, 1, TREND_STEADY, 0.3, "steady since the start of turn 2");
    CHECK_EQ_INT(apply(g, "finish"), 0);
    check_trend(g, 0, TREND_UP, 15, "up 15 since the start"); /* the whole exercise */
    game_free(g);
    def_free(sc);
}

/* Analysis ------------------------------------------------------------------------ */

static void add_hyp(def_board *b, const char *id, const char *label)
{
    b->hyps = xrealloc(b->hyps, sizeof *b->hyps * (size_t)(b->nhyps + 1));
    b->hyps[b->nhyps++] = (def_kv){xstrdup(id), xstrdup(label)};
}

static void add_card(def_scenario *sc, const char *id, const char *level, char rel, int cred,
                     int fit_x, int fit_y)
{
    def_card *c = def_add_card(sc);
    c->id = xstrdup(id), c->title = xstrdup(id), c->text = xstrdup("t");
    c->board = 0;
    c->attrs = xmalloc(sizeof *c->attrs);
    c->attrs[0] = (def_kv){xstrdup("level"), xstrdup(level)};
    c->nattrs = 1;
    c->reliability = rel, c->credibility = cred;
    c->fits[0] = (uint8_t)fit_x, c->fits[1] = (uint8_t)fit_y;
}

/* A board graded by b with hypotheses x and y; cards k1..k4 revealed on
   turn 1; the variant says y is true. */
static def_scenario *with_board(void)
{
    def_scenario *sc = base();
    def_board *b = def_add_board(sc);
    b->id = xstrdup("ev"), b->title = xstrdup("Evidence");
    b->rows = xmalloc(2 * sizeof(char *));
    b->rows[0] = xstrdup("tactical"), b->rows[1] = xstrdup("strategic");
    b->nrows = 2;
    b->graded_by = 1;
    add_hyp(b, "x", "Hypothesis X");
    add_hyp(b, "y", "Hypothesis Y");
    add_card(sc, "k1", "tactical", 'A', 1, FIT_INCONSISTENT, FIT_CONSISTENT);
    add_card(sc, "k2", "strategic", 'B', 2, FIT_INCONSISTENT, FIT_NEUTRAL);
    add_card(sc, "k3", "tactical", 'B', 2, FIT_INCONSISTENT, FIT_CONSISTENT);
    add_card(sc, "k4", "tactical", 'E', 5, FIT_CONSISTENT, FIT_INCONSISTENT);
    def_variant *v = def_add_variant(sc);
    v->id = xstrdup("why"), v->title = xstrdup("Y did it"), v->truth = xstrdup("Y.");
    v->hypothesis = xstrdup("y"), v->weight = 1;
    int idx;
    def_effect *e = def_add_effect(sc, &idx);
    e->cards = xmalloc(4 * sizeof(int));
    for (int k = 0; k < 4; k++) e->cards[k] = k;
    e->ncards = 4;
    def_event *ev = def_add_event(sc);
    ev->id = xstrdup("files"), ev->title = xstrdup("Files"), ev->text = xstrdup("t");
    ev->to = 7, ev->turn = 1;
    ev->on_deliver = xmalloc(sizeof(int));
    ev->on_deliver[0] = idx, ev->non_deliver = 1;
    def_finish(sc);
    return sc;
}

static void test_grading_commands(game *g)
{
    CHECK_EQ_INT(apply(g, "grade k1 A1"), GAME_REFUSED); /* it is a's move: b grades */
    CHECK(strstr(game_error(g), "graded by b") != NULL);
    CHECK_EQ_INT(apply(g, "end"), 0);
    CHECK_EQ_INT(apply(g, "grade nope A1"), GAME_REFUSED);
    CHECK_EQ_INT(apply(g, "grade k1 G1"), GAME_REFUSED);
    CHECK_EQ_INT(apply(g, "grade k1 A7"), GAME_REFUSED);
    CHECK_EQ_INT(apply(g, "mark k1 z c"), GAME_REFUSED);
    CHECK_EQ_INT(apply(g, "mark k1 x maybe"), GAME_REFUSED);
    char r;
    int k;
    CHECK(!analysis_grade_of(g, 0, &r, &k));
    int budget = g->budget[1];
    CHECK_EQ_INT(apply(g, "grade k1 b3 -- a first look"), 0);
    CHECK_EQ_INT(apply(g, "grade k1 A1 -- confirmed by logs"), 0); /* revised */
    CHECK(analysis_grade_of(g, 0, &r, &k) && r == 'A' && k == 1);
    CHECK_EQ_INT(g->budget[1], budget); /* grading costs no points */
    CHECK_EQ_INT(apply(g, "mark k1 x i"), 0);
    CHECK_EQ_INT(apply(g, "mark k1 y consistent"), 0);
    CHECK_EQ_INT(analysis_mark_of(g, 0, 0), FIT_INCONSISTENT);
    CHECK_EQ_INT(analysis_mark_of(g, 0, 1), FIT_CONSISTENT);
    CHECK_EQ_INT(apply(g, "mark k1 y clear"), 0);
    CHECK_EQ_INT(analysis_mark_of(g, 0, 1), FIT_NONE);
    CHECK_EQ_INT(apply(g, "mark k1 y c"), 0);
}

/* The team grades k1..k3 as they deserve, k4 far off, and marks them by
   the key except k4's x (left unmarked). */
static void grade_all(game *g)
{
    const char *lines[] = {"grade k2 B2", "mark k2 x i", "mark k2 y n", "grade k3 B2",
                           "mark k3 x i", "mark k3 y c", "grade k4 A1", "mark k4 y i"};
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        CHECK_MSG(apply(g, lines[i]) == 0, "%s: %s", lines[i], game_error(g));
}

static void test_assessment(game *g)
{
    analysis a;
    analysis_assess(g, 0, 0, &a);
    /* against x: A1 1.0 + B2 0.64 + B2 0.64 = 2.28; against y: A1 (k4 as
       the team graded it) 1.0 */
    CHECK_EQ_INT(a.lead, 1);
    CHECK(fabs(a.against[0] - 2.28) < 1e-9 && fabs(a.against[1] - 1.0) < 1e-9);
    CHECK_EQ_INT(a.likely,
                 LIKELY_LIKELY); /* margin 1.28 is "very likely", less a step for 1.0 against */
    CHECK_EQ_INT(a.conf, CONF_MODERATE); /* 2.28 diagnostic, but 1.0 against the lead */
    char w[300];
    analysis_words(g, &a, w, sizeof w);
    CHECK_EQ_STR(w, "Hypothesis Y: likely (55-80%), moderate confidence (ICD 203).");
    analysis real;
    analysis_assess(g, 0, 1, &real); /* true grades: k4 is E5 (0.02) */
    CHECK_EQ_INT(real.lead, 1);
    CHECK_EQ_INT(real.likely, LIKELY_ALMOST);
    CHECK_EQ_INT(real.conf, CONF_HIGH); /* 2.28 diagnostic, tactical and strategic */
}

static void test_score_and_view(game *g)
{
    viewer team = view_team(1), deb = view_debrief(), fac = view_facilitator();
    CHECK(!view_sees_key(&team, g, 0));
    CHECK(view_sees_key(&fac, g, 0));
    CHECK(!view_sees_key(&deb, g, 0)); /* before the end, the debrief sees as an observer */
    CHECK_EQ_INT(apply(g, "finish"), 0);
    CHECK(view_sees_key(&deb, g, 0));
    CHECK(!view_sees_key(&team, g, 0)); /* a team never does, even after the end */
    analysis_score s;
    analysis_score_of(g, 0, &s);
    CHECK_EQ_INT(s.cards, 4);
    CHECK_EQ_INT(s.graded, 4);
    CHECK_EQ_INT(s.exact, 3); /* k4: A1 for E5 is 4 + 4 steps off */
    CHECK(fabs(s.distance - 2.0) < 1e-9);
    CHECK_EQ_INT(s.cells, 7);
    CHECK_EQ_INT(s.agree, 7); /* k4 y: marked inconsistent, and so is the key */
    CHECK_EQ_INT(s.truth_hyp, 1);
    strbuf b = {0};
    analysis_score_words(g, &s, &b);
    CHECK(strstr(b.s, "That is the hidden truth of this game.") != NULL);
    CHECK(strstr(b.s, "In this game's hidden truth: Hypothesis Y.") != NULL);
    sb_free(&b);
}

static void test_analysis(void)
{
    def_scenario *sc = with_board();
    char err[256];
    game *g = game_new(sc, &host, 1, 0, err, sizeof err);
    CHECK(g != NULL);
    CHECK(analysis_has_work(g, 1) && !analysis_has_work(g, 0));
    test_grading_commands(g);
    uint64_t h = game_hash(g);
    grade_all(g);
    CHECK(game_hash(g) != h); /* the log holds the analysis: it is hashed */
    test_assessment(g);
    test_score_and_view(g);
    game_free(g);
    def_free(sc);
}

/* Sessions and passing over -------------------------------------------------------- */

/* An event on turn 2 whose decision (for c) expires after one turn. */
static void add_decision(def_scenario *sc)
{
    def_event *e = def_add_event(sc);
    e->id = xstrdup("call"), e->title = xstrdup("Call"), e->text = xstrdup("t");
    e->to = 4, e->decider = 2, e->turn = 2, e->expires = 1;
    int mi;
    for (int k = 0; k < 2; k++) {
        def_move *m = def_add_move(sc, &mi);
        m->id = xstrdup(k ? "no" : "yes"), m->label = xstrdup(m->id), m->event = 0;
        e = &sc->events[0];
        e->options = xrealloc(e->options, sizeof(int) * (size_t)(e->noptions + 1));
        e->options[e->noptions++] = mi;
    }
    sc->events[0].default_option = mi;
}

static def_scenario *with_session(void)
{
    def_scenario *sc = base();
    add_decision(sc);
    def_session *s = def_add_session(sc);
    s->id = xstrdup("short"), s->title = xstrdup("Short");
    s->turns = xmalloc(3 * sizeof(int));
    s->turns[0] = 1, s->turns[1] = 4, s->turns[2] = 6, s->nturns = 3;
    def_add_question_at(sc, "At the start?", 1);
    def_add_question_at(sc, "After the call?", 2); /* turn 2 is skipped: put at turn 4 */
    def_add_question_at(sc, "At the end?", 0);
    def_finish(sc);
    return sc;
}

static void test_session(void)
{
    def_scenario *sc = with_session();
    char err[256];
    game *g = game_new(sc, &host, 1, -1, err, sizeof err);
    CHECK_EQ_INT(game_question_turn(g, 1), 2);
    CHECK_EQ_INT(game_set_session(g, 0), 0);
    CHECK(game_turn_played(g, 1) && !game_turn_played(g, 2) && game_turn_played(g, 4));
    CHECK_EQ_INT(game_question_turn(g, 0), 1);
    CHECK_EQ_INT(game_question_turn(g, 1), 4);
    CHECK_EQ_INT(game_question_turn(g, 2), 0);
    CHECK_EQ_INT(apply(g, "set services 100 -- in turn 1"), 0);
    end_turn(g);
    /* Turns 2 and 3 passed by themselves; the call of turn 2 is still open. */
    CHECK_EQ_INT(g->turn, 4);
    CHECK(game_open_item(g, 0) >= 0);
    check_trend(g, 0, TREND_UP, 15, "up 15 since the start of turn 1");
    CHECK_EQ_INT(apply(g, "end"), 0);
    CHECK_EQ_INT(apply(g, "end"), 0);
    CHECK_EQ_INT(apply(g, "choose call yes"), 0);
    game_free(g);
    /* Left open, it expires at the end of turn 4, the first turn played. */
    g = game_new(sc, &host, 1, -1, err, sizeof err);
    CHECK_EQ_INT(game_set_session(g, 0), 0);
    end_turn(g);
    end_turn(g);
    CHECK_EQ_INT(g->turn, 6);
    CHECK(game_open_item(g, 0) < 0 && g->items[g->ev_item[0]].expired);
    game_free(g);
    def_free(sc);
}

/* A session that keeps only some pause points: the others wait for the
   debrief; a pause that names no pause point is refused. */
static void test_session_pauses(void)
{
    def_scenario *sc = with_session();
    def_session *s = &sc->sessions[0];
    s->pauses = xmalloc(2 * sizeof(int));
    s->pauses[0] = 1, s->npauses = 1, s->has_pauses = 1;
    char err[256];
    game *g = game_new(sc, &host, 1, -1, err, sizeof err);
    CHECK_EQ_INT(game_question_turn(g, 0), 1); /* the full game keeps every pause */
    CHECK_EQ_INT(game_set_session(g, 0), 0);
    CHECK_EQ_INT(game_question_turn(g, 0), 0);
    CHECK_EQ_INT(game_question_turn(g, 1), 4);
    strbuf e = {0};
    CHECK_EQ_INT(def_validate(sc, &e), 0);
    s->pauses[1] = 2, s->npauses = 2; /* question 3 is asked at the debrief only */
    CHECK(def_validate(sc, &e) > 0);
    CHECK_STR_HAS(e.s ? e.s : "", "pauses for question 3, but it is not a pause point");
    sb_free(&e);
    game_free(g);
    def_free(sc);
}

/* skip_idle: role b has nothing (no decision, no action); c has an action
   while services is below 100. */
static void test_skip_idle(void)
{
    def_scenario *sc = base();
    sc->skip_idle = 1;
    int mi;
    def_move *m = def_add_move(sc, &mi);
    m->id = xstrdup("fix"), m->label = xstrdup("Fix"), m->role = 2, m->cost = 1;
    m->has_req = 1, m->req.fn = 1;
    sc->actions = xmalloc(sizeof(int));
    sc->actions[0] = mi, sc->nactions = 1;
    def_finish(sc);
    char err[256];
    game *g = game_new(sc, &host, 1, -1, err, sizeof err);
    CHECK_EQ_INT(g->role, 2); /* a and b have nothing to do: c moves */
    CHECK_EQ_INT(apply(g, "act c fix"), 0);
    CHECK_EQ_INT(apply(g, "set services 100 -- fixed"), 0);
    CHECK_EQ_INT(apply(g, "end"), 0);
    /* Nobody can do anything any more: every turn passes to the end. */
    CHECK(g->ended);
    CHECK_EQ_INT(g->turn, 6);
    game_free(g);
    def_free(sc);
}

int main(void)
{
    test_trend();
    test_analysis();
    test_session();
    test_session_pauses();
    test_skip_idle();
    return check_report("issue14");
}

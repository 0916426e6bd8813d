/*
 * test_hseep.c -- observations, the improvement plan and the exercise's
 * particulars (hseep.h) through the commands that record them: what each
 * keeps, every refusal, that they go on while paused and after the end,
 * that they leave the state hash alone, and that undo and replay treat
 * them like any command (session.h).
 */
#include <stdlib.h>

#include "../check.h"
#include "hseep.h"
#include "session.h"
#include "util.h"

static def_scenario *make_scenario(void)
{
    def_scenario *sc = def_new();
    sc->id = xstrdup("eval");
    const char *roles[] = {"red", "blue"};
    for (int i = 0; i < 2; i++) {
        def_role *r = def_add_role(sc);
        r->id = xstrdup(roles[i]), r->name = xstrdup(roles[i]), r->brief = xstrdup("b");
    }
    def_meter *m = def_add_meter(sc);
    m->id = xstrdup("m"), m->name = xstrdup("M"), m->max = 100, m->start = 50;
    def_add_turn(sc, "T1"), def_add_turn(sc, "T2");
    def_objective *o = def_add_objective(sc);
    o->id = xstrdup("obj"), o->title = xstrdup("Objective");
    def_ending *e = def_add_ending(sc);
    e->id = xstrdup("end"), e->title = xstrdup("End"), e->text = xstrdup("t");
    def_finish(sc);
    return sc;
}

static int run(session *s, const char *line)
{
    int rc = session_apply(s, line);
    CHECK_MSG(rc == 0, "'%s': %s", line, s->err);
    return rc;
}

/* The refusal of line holds words. */
static void refused(session *s, const char *line, const char *words)
{
    int n = s->nlog;
    CHECK_MSG(session_apply(s, line) == GAME_REFUSED, "'%s' was taken", line);
    CHECK_STR_HAS(s->err, words);
    CHECK_EQ_INT(s->nlog, n);
}

static void test_names(void)
{
    CHECK_EQ_INT(HSEEP_NCAPABILITIES, 32);
    CHECK_EQ_INT(hseep_capability_find("cybersecurity"), HSEEP_cybersecurity);
    CHECK_EQ_INT(hseep_capability_find("cyber"), HSEEP_cybersecurity);
    CHECK_EQ_INT(hseep_capability_find("c"), -1); /* several */
    CHECK_EQ_INT(hseep_capability_find(""), -1);
    CHECK_EQ_INT(hseep_capability_find("planning"), HSEEP_planning); /* exact beats a prefix */
    CHECK_EQ_STR(hseep_capabilities[HSEEP_operational_coordination].name,
                 "Operational Coordination");
    CHECK_EQ_INT(hseep_element_find("exercises"), HSEEP_EL_exercises);
    CHECK_EQ_INT(hseep_element_find("tools"), -1);
    CHECK(hseep_date_ok("2024-02-29") && !hseep_date_ok("2023-02-29"));
    CHECK(hseep_date_ok("2000-02-29") && !hseep_date_ok("1900-02-29"));
    CHECK(!hseep_date_ok("2024-04-31") && !hseep_date_ok("2024-13-01"));
    CHECK(!hseep_date_ok("2024-1-01") && !hseep_date_ok("2024-01-011") && !hseep_date_ok(""));
}

static void test_records(session *s)
{
    const hseep_eval *e = &s->g->eval;
    run(s, "observe obj cyber area -- Backups were restored unchecked.");
    run(s, "observe - operational_coordination strength -- Teams met each turn.");
    CHECK_EQ_INT(e->nobs, 2);
    CHECK_EQ_INT(e->obs[0].objective, 0);
    CHECK_EQ_INT(e->obs[0].capability, HSEEP_cybersecurity);
    CHECK(e->obs[0].kind == HSEEP_AREA && e->obs[1].kind == HSEEP_STRENGTH);
    CHECK_EQ_INT(e->obs[1].objective, -1);
    CHECK_EQ_STR(e->obs[0].text, "Backups were restored unchecked.");
    CHECK(e->obs[0].cause == NULL);
    run(s, "cause 1 -- No playbook.");
    run(s, "cause 1 -- No playbook for checking backups.");
    CHECK_EQ_STR(e->obs[0].cause, "No playbook for checking backups.");
    run(s, "plan 1 training 2025-01-10 - -- Train the restore team.");
    CHECK_EQ_INT(e->nplan, 1);
    CHECK_EQ_STR(e->plan[0].start, "2025-01-10");
    CHECK_EQ_STR(e->plan[0].done, "");
    CHECK_EQ_INT(e->plan[0].element, HSEEP_EL_training);
    run(s, "owner 1 -- AKSHI, A. Kola");
    CHECK_EQ_STR(e->plan[0].owner, "AKSHI, A. Kola");
    run(s, "exercise sponsor -- Ministry of the Interior");
    run(s, "exercise participants blue -- B. One, B. Two");
    CHECK_EQ_STR(e->field[HSEEP_F_sponsor], "Ministry of the Interior");
    CHECK_EQ_STR(e->participants[1], "B. One, B. Two");
}

static void test_refusals(session *s)
{
    refused(s, "observe nope cyber area -- x", "unknown objective 'nope'");
    refused(s, "observe obj c area -- x", "starts several core capabilities");
    refused(s, "observe obj flying area -- x", "unknown core capability 'flying'");
    refused(s, "observe obj cyber good -- x", "neither 'strength' nor 'area'");
    refused(s, "observe obj cyber area", "needs a text after ' -- '");
    refused(s, "cause 3 -- x", "no observation 3; they are numbered 1 to 2");
    refused(s, "cause 1.5 -- x", "no observation 1.5");
    refused(s, "plan 2 training - - -- x", "observation 2 is a strength");
    refused(s, "plan 1 tools - - -- x", "unknown capability element 'tools'");
    refused(s, "plan 1 training 2025-02-30 - -- x", "start date '2025-02-30'");
    refused(s, "plan 1 training 2025-03-01 2025-02-01 -- x", "before the start date");
    refused(s, "owner 2 -- x", "no corrective action 2");
    refused(s, "exercise nope -- x", "unknown field 'nope'");
    refused(s, "exercise sponsor red -- x", "name no team");
    refused(s, "exercise participants -- x", "needs a team");
    refused(s, "exercise participants green -- x", "roles: red, blue");
}

/* Recording changes nothing of the game's course, hash included. */
static void test_course(session *s)
{
    uint64_t h = game_hash(s->g);
    int commands = s->g->commands, turn = s->g->turn;
    run(s, "observe obj planning area -- third");
    CHECK(game_hash(s->g) == h);
    CHECK_EQ_INT(s->g->turn, turn);
    CHECK_EQ_INT(s->g->commands, commands + 1);
    run(s, "undo");
    CHECK_EQ_INT(s->g->eval.nobs, 2);
    CHECK(game_hash(s->g) == h);
}

static void test_paused_and_ended(session *s)
{
    run(s, "pause");
    run(s, "observe obj cyber strength -- while paused");
    run(s, "resume");
    run(s, "finish");
    CHECK(s->g->ended);
    run(s, "observe obj cyber area -- at the hotwash");
    run(s, "plan 4 exercises - 2025-06-30 -- Exercise it again.");
    CHECK_EQ_INT(s->g->eval.nobs, 4);
    CHECK_EQ_INT(s->g->eval.nplan, 2);
}

/* A second session that replays the first's journal holds the same record. */
static void test_replay(session *s, const def_scenario *sc)
{
    char err[256];
    session *r = session_new(sc, &s->host, s->h.seed, -1, 0, err, sizeof err);
    journal_file jf = {.h = s->h, .e = s->log, .n = s->nlog};
    CHECK_EQ_INT(session_replay(r, &jf, err, sizeof err), s->nlog);
    const hseep_eval *a = &s->g->eval, *b = &r->g->eval;
    CHECK_EQ_INT(b->nobs, a->nobs);
    CHECK_EQ_INT(b->nplan, a->nplan);
    for (int i = 0; i < a->nobs && i < b->nobs; i++) CHECK_EQ_STR(b->obs[i].text, a->obs[i].text);
    CHECK_EQ_STR(b->obs[0].cause, a->obs[0].cause);
    CHECK_EQ_STR(b->plan[0].owner, a->plan[0].owner);
    CHECK_EQ_STR(b->participants[1], a->participants[1]);
    CHECK(game_hash(r->g) == game_hash(s->g));
    session_free(r);
}

int main(void)
{
    char err[256];
    def_scenario *sc = make_scenario();
    game_host host = {0};
    session *s = session_new(sc, &host, 1, -1, 0, err, sizeof err);
    CHECK_MSG(s != NULL, "%s", err);
    test_names();
    if (s) {
        test_records(s);
        test_refusals(s);
        test_course(s);
        test_paused_and_ended(s);
        test_replay(s, sc);
        session_free(s);
    }
    def_free(sc);
    return check_report("hseep");
}

/*
 * test_view.c -- who sees what (view.h): every predicate for every viewer,
 * on a scenario built in C with three roles, a private inject, a public
 * one, an inject still to come, a hidden meter, a revealed and a hidden
 * card, and a game with a note, an override, an ad-hoc inject, fire and
 * suppress in its log. Then the words of requirements (effect.c), which a
 * team reads: they name nothing it may not see.
 */
#include <stdlib.h>

#include "../check.h"
#include "cmd.h"
#include "game.h"
#include "util.h"
#include "view.h"

enum { RA, RB, RC };                                       /* roles */
enum { M_PUB, M_HID };                                     /* meters */
enum { E_PRIV, E_PUB, E_FUTURE, E_FIRED, E_SUP, E_ASKED }; /* events */
enum { C_SHOWN, C_HIDDEN };                                /* cards */

static int new_effect(def_scenario *sc, const char *text, int card)
{
    int idx;
    def_effect *e = def_add_effect(sc, &idx);
    e->text = text ? xstrdup(text) : NULL;
    e->chance = 1.0;
    e->finish = e->otherwise = -1;
    if (card >= 0) {
        e->cards = xmalloc(sizeof(int));
        e->cards[0] = card;
        e->ncards = 1;
    }
    return idx;
}

static int new_move(def_scenario *sc, int ev, int role, const char *id, int effect)
{
    int mi;
    def_move *m = def_add_move(sc, &mi);
    m->id = xstrdup(id), m->label = xstrdup(id);
    m->event = ev, m->role = role;
    if (effect >= 0) {
        m->effects = xmalloc(sizeof(int));
        m->effects[0] = effect;
        m->neffects = 1;
    }
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

static void new_event(def_scenario *sc, const char *id, uint32_t to, int decider, int turn)
{
    def_event *e = def_add_event(sc);
    e->id = xstrdup(id), e->title = xstrdup(id), e->text = xstrdup("text");
    e->note = xstrdup("a note for the facilitator");
    e->to = to, e->decider = decider, e->turn = turn;
    e->after_event = e->after_option = e->default_option = -1;
}

static void add_roles_meters(def_scenario *sc)
{
    const char *roles[] = {"a", "b", "c"};
    for (int i = 0; i < 3; i++) {
        def_role *r = def_add_role(sc);
        r->id = xstrdup(roles[i]), r->name = xstrdup(roles[i]);
        r->brief = xstrdup("brief"), r->secret = xstrdup("secret");
        r->budget = 3;
    }
    const char *meters[] = {"pub", "hid"};
    for (int i = 0; i < 2; i++) {
        def_meter *m = def_add_meter(sc);
        m->id = xstrdup(meters[i]), m->name = xstrdup(meters[i]);
        m->min = 0, m->max = 100, m->start = 50, m->hidden = i == M_HID;
    }
    for (int t = 1; t <= 4; t++) def_add_turn(sc, "T");
}

static void add_cards(def_scenario *sc)
{
    def_board *b = def_add_board(sc);
    b->id = xstrdup("board"), b->title = xstrdup("Board");
    for (int i = 0; i < 2; i++) {
        def_card *c = def_add_card(sc);
        c->id = xstrdup(i ? "hidden_card" : "shown_card"), c->title = xstrdup(c->id);
        c->board = 0;
    }
}

/* Requirements whose words must not name what a team may not see. */
static void add_gated(def_scenario *sc, int priv, int future, int pub_no)
{
    int ids[8];
    const char *names[] = {"g_hid",   "g_pub",    "g_future", "g_card",
                           "g_state", "g_chosen", "g_ruled",  "g_pubchosen"};
    for (int i = 0; i < 8; i++) {
        ids[i] = new_move(sc, -1, RB, names[i], -1);
        sc->moves[ids[i]].has_req = 1;
    }
    def_req *r = &sc->moves[ids[0]].req;
    r->min = xmalloc(sizeof *r->min), r->min[0] = (def_meter_delta){M_HID, 90}, r->nmin = 1;
    r = &sc->moves[ids[1]].req;
    r->min = xmalloc(sizeof *r->min), r->min[0] = (def_meter_delta){M_PUB, 90}, r->nmin = 1;
    r = &sc->moves[ids[2]].req;
    r->delivered = xmalloc(sizeof(int)), r->delivered[0] = E_FUTURE, r->ndelivered = 1;
    r = &sc->moves[ids[3]].req;
    r->cards = xmalloc(sizeof(int)), r->cards[0] = C_HIDDEN, r->ncards = 1;
    r = &sc->moves[ids[4]].req;
    r->state = xcalloc(1, sizeof *r->state), r->nstate = 1;
    r->state[0].key = xstrdup("secret_key"), r->state[0].value = (val){VAL_NUM, 1, NULL};
    r = &sc->moves[ids[5]].req;
    r->chosen = xmalloc(sizeof(int)), r->chosen[0] = future, r->nchosen = 1;
    r = &sc->moves[ids[6]].req;
    r->not_chosen = xmalloc(sizeof(int)), r->not_chosen[0] = priv, r->nnot_chosen = 1;
    r = &sc->moves[ids[7]].req;
    r->chosen = xmalloc(sizeof(int)), r->chosen[0] = pub_no, r->nchosen = 1;
}

static def_scenario *make_scenario(void)
{
    def_scenario *sc = def_new();
    sc->id = xstrdup("view");
    add_roles_meters(sc);
    add_cards(sc);
    new_event(sc, "priv_event", 1u << RA, RA, 1);
    new_event(sc, "pub_event", 7, RA, 1);
    new_event(sc, "future_event", 7, RA, 4);
    new_event(sc, "fired_event", 1u << RB, RB, 0);
    new_event(sc, "suppressed_event", 7, RA, 4);
    new_event(sc, "asked_event", 1u << RB, RC, 1); /* to b, decided by c */
    int priv = new_move(sc, E_PRIV, -1, "priv_go", new_effect(sc, "private outcome", C_SHOWN));
    new_move(sc, E_PUB, -1, "pub_yes", new_effect(sc, "public outcome", -1));
    int pub_no = new_move(sc, E_PUB, -1, "pub_no", -1);
    int fut = new_move(sc, E_FUTURE, -1, "future_opt", -1);
    new_move(sc, E_ASKED, -1, "asked_opt", -1);
    new_move(sc, -1, RB, "b_act", new_effect(sc, "action outcome", -1));
    add_gated(sc, priv, fut, pub_no);
    def_variant *v = def_add_variant(sc);
    v->id = xstrdup("truth"), v->title = xstrdup("Truth"), v->truth = xstrdup("t");
    v->weight = 1;
    def_objective *o = def_add_objective(sc);
    o->id = xstrdup("o"), o->title = xstrdup("O");
    def_ending *end = def_add_ending(sc);
    end->id = xstrdup("end"), end->title = xstrdup("End"), end->text = xstrdup("t");
    def_finish(sc);
    return sc;
}

static void apply(game *g, const char *line)
{
    cmd c;
    char err[256];
    int rc = cmd_parse(line, &c, err, sizeof err) ? -3 : game_apply(g, &c);
    CHECK_MSG(rc == 0, "'%s': %s", line, rc == -3 ? err : game_error(g));
}

/* The play this file looks at: a decides both injects, with reasons; the
   facilitator notes, overrides, injects to b, fires b's inject, suppresses
   one to come, pauses and resumes; b acts. */
static game *play(const def_scenario *sc)
{
    char err[256];
    game *g = game_new(sc, NULL, 1, 0, err, sizeof err);
    CHECK_MSG(g != NULL, "%s", err);
    apply(g, "choose priv_event priv_go -- a's private reason");
    apply(g, "choose pub_event pub_yes -- a's public reason");
    apply(g, "note the facilitator's note");
    apply(g, "set pub 60 -- the reason for pub");
    apply(g, "set hid 70 -- the reason for hid");
    apply(g, "inject b Adhoc -- for b only");
    apply(g, "fire fired_event");
    apply(g, "suppress suppressed_event");
    apply(g, "pause");
    apply(g, "resume");
    apply(g, "end");
    apply(g, "act b b_act -- b's reason");
    apply(g, "observe o cybersecurity area -- an evaluator's observation");
    return g;
}

static int find_log(const game *g, game_log_kind k, int nth)
{
    for (int i = 0; i < g->nlog; i++)
        if (g->log[i].kind == k && nth-- == 0) return i;
    return -1;
}

/* The outcome right after entry `cause`. */
static int outcome_after(const game *g, int cause)
{
    for (int i = cause + 1; i < g->nlog; i++)
        if (g->log[i].kind == LOG_OUTCOME) return i;
    return -1;
}

static const viewer A = {VIEW_TEAM, RA}, B = {VIEW_TEAM, RB}, O = {VIEW_OBSERVER, -1},
                    F = {VIEW_FACILITATOR, -1}, D = {VIEW_DEBRIEF, -1};

static void test_viewers(const game *g)
{
    viewer t = view_team(RB), bad = view_team(9), room = view_room(g);
    CHECK(t.kind == VIEW_TEAM && t.role == RB);
    CHECK(view_observer().kind == VIEW_OBSERVER);
    CHECK(view_facilitator().kind == VIEW_FACILITATOR);
    CHECK(view_debrief().kind == VIEW_DEBRIEF);
    CHECK(room.kind == VIEW_TEAM && room.role == g->role); /* in play: the moving team */
    int item = g->ev_item[E_PRIV];                         /* a's private inject */
    CHECK(!view_sees_item(&bad, g, item));                 /* no such role: an observer */
    CHECK(view_sees_item(&bad, g, g->ev_item[E_PUB]));
    CHECK(!view_sees_item(&D, g, item)); /* the debrief, before the end: an observer */
    CHECK(!view_sees_truth(&D, g));
}

static void test_items(const game *g)
{
    int priv = g->ev_item[E_PRIV], pub = g->ev_item[E_PUB], fired = g->ev_item[E_FIRED];
    int adhoc = -1;
    for (int i = 0; i < g->nitems; i++)
        if (g->items[i].event < 0) adhoc = i;
    CHECK(adhoc >= 0);
    CHECK(view_sees_item(&A, g, priv));
    CHECK(!view_sees_item(&B, g, priv));
    CHECK(!view_sees_item(&O, g, priv));
    CHECK(view_sees_item(&F, g, priv));
    CHECK(view_sees_item(&A, g, pub) && view_sees_item(&B, g, pub) && view_sees_item(&O, g, pub));
    CHECK(view_sees_item(&B, g, adhoc) && !view_sees_item(&A, g, adhoc));
    CHECK(!view_sees_item(&O, g, adhoc));
    CHECK(view_sees_item(&B, g, fired) && !view_sees_item(&A, g, fired));
    CHECK(!view_sees_item(&A, g, -1) && !view_sees_item(&F, g, g->nitems));
    int asked = g->ev_item[E_ASKED];
    viewer c = view_team(RC);
    CHECK(view_sees_item(&c, g, asked)); /* c decides it, though it is sent to b */
    CHECK(view_sees_item(&B, g, asked) && !view_sees_item(&A, g, asked));
}

static void test_events(const game *g)
{
    CHECK(view_sees_event(&A, g, E_PRIV) && !view_sees_event(&B, g, E_PRIV));
    CHECK(view_sees_event(&O, g, E_PUB));
    CHECK(!view_sees_event(&A, g, E_FUTURE)); /* not delivered */
    CHECK(!view_sees_event(&O, g, E_FUTURE));
    CHECK(view_sees_event(&F, g, E_FUTURE)); /* the facilitator's schedule */
    CHECK(!view_sees_event(&A, g, E_SUP) && view_sees_event(&F, g, E_SUP));
    CHECK(!view_sees_event(&A, g, -1) && !view_sees_event(&F, g, g->sc->nevents));
    int fut = g->sc->events[E_FUTURE].options[0], priv = g->sc->events[E_PRIV].options[0];
    CHECK(!view_sees_move(&A, g, fut) && view_sees_move(&F, g, fut));
    CHECK(view_sees_move(&A, g, priv) && !view_sees_move(&B, g, priv));
    CHECK(view_sees_move(&A, g, g->sc->actions[0])); /* a standing action is a rule */
    CHECK(view_sees_move(&O, g, g->sc->actions[0]));
    CHECK(!view_sees_note(&A, g, E_PUB) && !view_sees_note(&O, g, E_PUB));
    CHECK(view_sees_note(&F, g, E_PUB) && !view_sees_note(&D, g, E_PUB));
}

/* Each kind of log entry, for each viewer. */
static void test_log(const game *g)
{
    int note = find_log(g, LOG_NOTE, 0), set = find_log(g, LOG_SET, 0);
    int fire = find_log(g, LOG_FIRE, 0), sup = find_log(g, LOG_SUPPRESS, 0);
    int pause = find_log(g, LOG_PAUSE, 0), resume = find_log(g, LOG_RESUME, 0);
    int turn = find_log(g, LOG_TURN, 0), card = find_log(g, LOG_CARD, 0);
    int inject = find_log(g, LOG_INJECT, 0), act = find_log(g, LOG_ACT, 0);
    int choose_priv = find_log(g, LOG_CHOOSE, 0), choose_pub = find_log(g, LOG_CHOOSE, 1);
    int del_priv = find_log(g, LOG_DELIVER, 0), del_pub = find_log(g, LOG_DELIVER, 1);
    const viewer *players[] = {&A, &B, &O};
    for (int p = 0; p < 3; p++) {
        CHECK_MSG(!view_sees_log(players[p], g, note), "viewer %d sees the note", p);
        CHECK_MSG(!view_sees_log(players[p], g, set), "viewer %d sees an override", p);
        CHECK_MSG(!view_sees_log(players[p], g, fire), "viewer %d sees a fire", p);
        CHECK_MSG(!view_sees_log(players[p], g, sup), "viewer %d sees a suppress", p);
        CHECK_MSG(view_sees_log(players[p], g, pause), "viewer %d misses the pause", p);
        CHECK_MSG(view_sees_log(players[p], g, resume), "viewer %d misses the resume", p);
        CHECK_MSG(view_sees_log(players[p], g, turn), "viewer %d misses the turn", p);
        CHECK_MSG(view_sees_log(players[p], g, card), "viewer %d misses the card", p);
        CHECK_MSG(view_sees_log(players[p], g, act), "viewer %d misses b's action", p);
        CHECK_MSG(view_sees_log(players[p], g, choose_pub), "viewer %d misses the decision", p);
        CHECK_MSG(view_sees_log(players[p], g, del_pub), "viewer %d misses a delivery", p);
    }
    CHECK(view_sees_log(&A, g, del_priv) && !view_sees_log(&B, g, del_priv));
    CHECK(!view_sees_log(&O, g, del_priv));
    CHECK(view_sees_log(&A, g, choose_priv)); /* its own decision */
    CHECK(!view_sees_log(&B, g, choose_priv) && !view_sees_log(&O, g, choose_priv));
    CHECK(view_sees_log(&B, g, inject) && !view_sees_log(&A, g, inject));
    for (int i = 0; i < g->nlog; i++) CHECK(view_sees_log(&F, g, i));
    CHECK(!view_sees_log(&F, g, -1) && !view_sees_log(&F, g, g->nlog));
}

/* An outcome is seen with its cause; what is left is public. */
static void test_outcomes(const game *g)
{
    int priv = outcome_after(g, find_log(g, LOG_CHOOSE, 0));
    int pub = outcome_after(g, find_log(g, LOG_CHOOSE, 1));
    int act = outcome_after(g, find_log(g, LOG_ACT, 0));
    CHECK(priv >= 0 && pub >= 0 && act >= 0);
    CHECK(view_sees_log(&A, g, priv));
    CHECK(!view_sees_log(&B, g, priv) && !view_sees_log(&O, g, priv));
    CHECK(view_sees_log(&B, g, pub) && view_sees_log(&O, g, pub));
    CHECK(view_sees_log(&A, g, act) && view_sees_log(&O, g, act));
}

static void test_why(const game *g)
{
    int choose_priv = find_log(g, LOG_CHOOSE, 0), choose_pub = find_log(g, LOG_CHOOSE, 1);
    int act = find_log(g, LOG_ACT, 0), set = find_log(g, LOG_SET, 0);
    int inject = find_log(g, LOG_INJECT, 0);
    CHECK(view_sees_why(&A, g, choose_pub));  /* its own rationale */
    CHECK(!view_sees_why(&B, g, choose_pub)); /* never another team's */
    CHECK(!view_sees_why(&O, g, choose_pub));
    CHECK(!view_sees_why(&B, g, choose_priv));
    CHECK(view_sees_why(&B, g, act) && !view_sees_why(&A, g, act));
    CHECK(!view_sees_why(&A, g, set) && view_sees_why(&F, g, set));
    CHECK(view_sees_why(&B, g, inject)); /* the ad-hoc inject's text, with the inject */
    CHECK(!view_sees_why(&A, g, inject));
    int pub = g->ev_item[E_PUB];
    CHECK(view_sees_rationale(&A, g, pub));
    CHECK(!view_sees_rationale(&B, g, pub) && !view_sees_rationale(&O, g, pub));
    CHECK(view_sees_rationale(&F, g, pub));
    CHECK(!view_sees_rationale(&B, g, g->ev_item[E_PRIV]));
}

static void test_state_of_play(const game *g)
{
    const viewer *players[] = {&A, &B, &O};
    for (int p = 0; p < 3; p++) {
        CHECK_MSG(view_sees_meter(players[p], g, M_PUB), "viewer %d: public meter", p);
        CHECK_MSG(!view_sees_meter(players[p], g, M_HID), "viewer %d: hidden meter", p);
        CHECK_MSG(view_sees_brief(players[p], g, RC), "viewer %d: c's brief", p);
        CHECK_MSG(view_sees_card(players[p], g, C_SHOWN), "viewer %d: revealed card", p);
        CHECK_MSG(!view_sees_card(players[p], g, C_HIDDEN), "viewer %d: hidden card", p);
        CHECK_MSG(view_sees_board(players[p], g, 0), "viewer %d: board", p);
        CHECK_MSG(!view_sees_truth(players[p], g), "viewer %d: truth", p);
        CHECK_MSG(!view_sees_ratings(players[p], g), "viewer %d: ratings", p);
        CHECK_MSG(!view_sees_schedule(players[p], g), "viewer %d: schedule", p);
        CHECK_MSG(!view_sees_state(players[p], g), "viewer %d: free state", p);
    }
    CHECK(view_sees_private(&A, g, RA) && !view_sees_private(&A, g, RB));
    CHECK(!view_sees_private(&O, g, RA));
    CHECK(view_sees_meter(&F, g, M_HID) && view_sees_card(&F, g, C_HIDDEN));
    CHECK(view_sees_truth(&F, g) && view_sees_schedule(&F, g) && view_sees_state(&F, g));
    CHECK(view_sees_private(&F, g, RC));
    CHECK(!view_sees_meter(&A, g, 2) && !view_sees_card(&F, g, -1) && !view_sees_board(&A, g, 1));
    CHECK(!view_sees_brief(&A, g, 3) && !view_sees_private(&F, g, -1));
}

/* After the end: the debrief sees play whole, never the facilitator's own. */
static void test_debrief(game *g)
{
    apply(g, "finish");
    CHECK(g->ended);
    viewer room = view_room(g);
    CHECK(room.kind == VIEW_DEBRIEF);
    CHECK(view_sees_truth(&D, g) && view_sees_ratings(&D, g));
    CHECK(view_sees_meter(&D, g, M_HID));
    CHECK(!view_sees_meter(&A, g, M_HID)); /* a team, even now: the debrief shows them */
    CHECK(!view_sees_truth(&A, g));
    CHECK(view_sees_item(&D, g, g->ev_item[E_PRIV]));
    CHECK(view_sees_private(&D, g, RB));
    CHECK(view_sees_rationale(&D, g, g->ev_item[E_PUB]));
    CHECK(view_sees_why(&D, g, find_log(g, LOG_CHOOSE, 0)));
    CHECK(view_sees_note(&D, g, E_PUB));
    CHECK(!view_sees_log(&D, g, find_log(g, LOG_NOTE, 0)));
    CHECK(!view_sees_log(&D, g, find_log(g, LOG_SET, 0)));
    CHECK(!view_sees_log(&D, g, find_log(g, LOG_FIRE, 0)));
    CHECK(!view_sees_log(&D, g, find_log(g, LOG_SUPPRESS, 0)));
    CHECK(view_sees_log(&D, g, find_log(g, LOG_FINISH, 0)));
    CHECK(!view_sees_event(&D, g, E_FUTURE)); /* never delivered: never happened */
    CHECK(!view_sees_card(&D, g, C_HIDDEN));
    CHECK(!view_sees_schedule(&D, g) && !view_sees_state(&D, g));
    CHECK(view_sees_evaluation(&D, g)); /* the hotwash */
    CHECK(!view_sees_evaluation(&A, g) && !view_sees_evaluation(&O, g));
}

/* Observations and the plan are the evaluators': before the end only the
   facilitator reads them (the debrief then sees what an observer sees). */
static void test_evaluation(const game *g)
{
    CHECK_EQ_INT(g->eval.nobs, 1);
    CHECK(view_sees_evaluation(&F, g));
    CHECK(!view_sees_evaluation(&A, g) && !view_sees_evaluation(&B, g));
    CHECK(!view_sees_evaluation(&O, g) && !view_sees_evaluation(&D, g));
    viewer nobody = view_team(99);
    CHECK(!view_sees_evaluation(&nobody, g));
}

static void test_iterators(const game *g)
{
    int n = 0, last = -1;
    for (int i = view_next_item(&B, g, -1); i >= 0 && n <= g->nitems;
         i = view_next_item(&B, g, i), n++) {
        CHECK(view_sees_item(&B, g, i) && i > last);
        last = i;
    }
    int want = 0;
    for (int i = 0; i < g->nitems; i++) want += view_sees_item(&B, g, i);
    CHECK_EQ_INT(n, want);
    CHECK(view_prev_item(&B, g, g->nitems) == last);
    CHECK(view_prev_item(&A, g, g->ev_item[E_PRIV]) == -1); /* the first item is a's */
    int logs = 0;
    for (int i = view_next_log(&O, g, -1); i >= 0 && logs <= g->nlog; i = view_next_log(&O, g, i)) {
        CHECK(view_sees_log(&O, g, i));
        logs++;
    }
    CHECK(logs > 0 && logs < g->nlog);
    CHECK(view_next_meter(&A, g, -1) == M_PUB && view_next_meter(&A, g, M_PUB) == -1);
    CHECK(view_next_meter(&F, g, M_PUB) == M_HID);
    CHECK(view_next_card(&A, g, -1) == C_SHOWN && view_next_card(&A, g, C_SHOWN) == -1);
    CHECK(view_next_card(&F, g, C_SHOWN) == C_HIDDEN);
}

/* The reason b reads for each gated action names nothing b may not see. */
static void test_reasons(game *g)
{
    static const struct {
        const char *id, *leak, *want;
    } cases[] = {{"g_hid", "hid", "the situation"},
                 {"g_pub", NULL, "needs pub at least 90"},
                 {"g_future", "future_event", "has not arrived"},
                 {"g_card", "hidden_card", "not yet on the board"},
                 {"g_state", "secret_key", "the situation"},
                 {"g_chosen", "future_", "earlier decision"},
                 {"g_ruled", "priv_", "earlier decision"},
                 {"g_pubchosen", NULL, "needs 'pub_event.pub_no' chosen first"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char why[256];
        int mv = def_action_find(g->sc, cases[i].id);
        CHECK(mv >= 0 && !game_move_available(g, mv, RB, why, sizeof why));
        CHECK_MSG(!cases[i].leak || !strstr(why, cases[i].leak), "%s: '%s'", cases[i].id, why);
        CHECK_MSG(strstr(why, cases[i].want) != NULL, "%s: '%s'", cases[i].id, why);
    }
}

int main(void)
{
    def_scenario *sc = make_scenario();
    game *g = play(sc);
    if (g) {
        CHECK(g->role == RB && g->turn == 1);
        test_viewers(g);
        test_items(g);
        test_events(g);
        test_log(g);
        test_outcomes(g);
        test_why(g);
        test_state_of_play(g);
        test_iterators(g);
        test_reasons(g);
        test_evaluation(g);
        test_debrief(g);
        game_free(g);
    }
    def_free(sc);
    return check_report("view");
}
